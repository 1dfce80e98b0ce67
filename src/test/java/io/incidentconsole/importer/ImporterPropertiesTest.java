package io.incidentconsole.importer;

import io.incidentconsole.plan.CheckItem;
import io.incidentconsole.plan.PlanLoadResult;
import io.incidentconsole.plan.PlanLoader;
import io.incidentconsole.plan.Task;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever the document, the importer returns a plan that validates and a report, and never throws. For
 * Markdown built from plan-like pieces, the plan must validate as built (no fallback to a simpler plan) and keep
 * every ticked ({@code - [x]}) task and check as {@code done}.
 */
class ImporterPropertiesTest {

    private final MarkdownImporter importer = new MarkdownImporter();
    private final PlanLoader loader = new PlanLoader();

    private ImportResult importAndCheck(String markdown) {
        ImportResult result = importer.importDocument("prop.md", markdown);
        assertThat(result.plan()).isNotNull();
        assertThat(result.report()).isNotNull();
        assertThat(result.report().render()).startsWith("Import report for prop.md");
        PlanLoadResult loaded = loader.load("prop.yaml", result.yaml());
        assertThat(loaded.problems()).isEmpty();
        assertThat(loaded.plan()).isEqualTo(result.plan());
        return result;
    }

    private static void assertNoFallback(ImportResult result) {
        assertThat(result.report().decisions()).noneSatisfy(d -> assertThat(d.message())
                .containsAnyOf("did not validate", "could not read the document", "could not write the plan"));
        assertTickedStateKept(result);
    }

    /** The tasks and checks the plan marks done are exactly those the report lists as ticked ({@code - [x]}). */
    private static void assertTickedStateKept(ImportResult result) {
        Set<String> ticked = result.report().recognised().stream()
                .filter(e -> (e.kind().equals("task") || e.kind().equals("check")) && "ticked".equals(e.detail()))
                .map(ImportReport.Element::id).collect(Collectors.toSet());
        Set<String> done = new HashSet<>();
        result.plan().phases().forEach(p -> p.tasks().stream().filter(Task::done).forEach(t -> done.add(t.id())));
        result.plan().testSuites().forEach(s -> s.checks().stream().filter(CheckItem::done).forEach(c -> done.add(c.id())));
        assertThat(done).isEqualTo(ticked);
        assertThat(result.yaml()).doesNotContain("done: false");
    }

    @Property(tries = 300)
    void arbitraryTextGivesAValidPlan(@ForAll String text) {
        importAndCheck(text);
    }

    @Property(tries = 300)
    void planLikeMarkdownGivesAValidPlanWithoutFallback(@ForAll("planLikeDocuments") String markdown) {
        assertNoFallback(importAndCheck(markdown));
    }

    @Property(tries = 150)
    void mangledSeedGivesAValidPlanWithoutFallback(@ForAll("mangledSeeds") String markdown) {
        assertNoFallback(importAndCheck(markdown));
    }

    @Provide
    Arbitrary<String> mangledSeeds() {
        List<String> lines = seedLines();
        Arbitrary<List<int[]>> edits = Combinators.combine(
                        Arbitraries.integers().between(0, 4),
                        Arbitraries.integers().between(0, lines.size() - 1),
                        Arbitraries.integers().between(0, lines.size() - 1),
                        Arbitraries.integers().between(0, 120))
                .as((kind, at, other, column) -> new int[] {kind, at, other, column})
                .list().ofMinSize(1).ofMaxSize(40);
        Arbitrary<String> noise = Arbitraries.strings().withChars("#|*-`>[]x:→<>0123456789 \t\n\\{}").ofMaxLength(12);
        return Combinators.combine(edits, noise.list().ofSize(40)).as((list, noises) -> {
            List<String> text = new ArrayList<>(lines);
            int n = 0;
            for (int[] e : list) {
                if (text.isEmpty()) {
                    break;
                }
                int at = e[1] % text.size();
                int other = e[2] % text.size();
                switch (e[0]) {
                    case 0 -> text.remove(at);
                    case 1 -> text.add(at, text.get(other));
                    case 2 -> {
                        String line = text.get(at);
                        int column = Math.min(e[3], line.length());
                        text.set(at, line.substring(0, column) + noises.get(n++ % noises.size()) + line.substring(column));
                    }
                    case 3 -> {
                        String moved = text.remove(at);
                        text.add(Math.min(other, text.size()), moved);
                    }
                    default -> text.subList(at, Math.min(text.size(), at + 1 + e[3] % 30)).clear();
                }
            }
            return String.join("\n", text);
        });
    }

    private static List<String> seedLines() {
        try {
            return List.of(SeedImportTest.resource("/importer/seed-coordination-plan.md").split("\n", -1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Provide
    Arbitrary<String> planLikeDocuments() {
        return piece().list().ofMinSize(0).ofMaxSize(25).map(pieces -> String.join("\n\n", pieces));
    }

    private Arbitrary<String> words() {
        Arbitrary<String> word = Arbitraries.oneOf(
                Arbitraries.of("Phase", "PHASE", "Stage", "Week", "Testing", "Rollback", "Metrics", "Success",
                        "Criteria", "Tasks", "Dependencies", "Blockers", "After", "BLOCKS", "MUST complete first",
                        "#1", "#2", "#330", "INC-7", "Test Case", "Decision", "Communication", "Status", "alerts at",
                        "→", "->", "1", "2", "3-4", "5", "🟡", "✅", "PENDING", "IN PROGRESS", "Or:", "optional",
                        "(#2 Only)", "Issue #1", "Lessons", "Summary", "Go/No-Go", ":", "**", "`", "<commit-hash>",
                        "<version>", "{{x}}", "3.2M", "500K", "<1 GB", "%", "(68% reduction)"),
                Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(8),
                Arbitraries.strings().ofMaxLength(4));
        return word.list().ofMinSize(0).ofMaxSize(7).map(list -> String.join(" ", list));
    }

    private Arbitrary<String> piece() {
        Arbitrary<String> heading = Combinators.combine(Arbitraries.integers().between(1, 6), words())
                .as((level, text) -> "#".repeat(level) + " " + text);
        Arbitrary<String> label = words().map(text -> "**" + text + ":**");
        Arbitrary<String> field = Combinators.combine(words(), words()).as((k, v) -> "**" + k + ":** " + v);
        Arbitrary<String> item = Combinators.combine(Arbitraries.of("- ", "* ", "1. ", "2. ", "- [ ] ", "- [x] ", "  - ", "   1. "), words())
                .as((marker, text) -> marker + text);
        Arbitrary<String> list = item.list().ofMinSize(1).ofMaxSize(6).map(items -> String.join("\n", items));
        Arbitrary<String> row = words().list().ofMinSize(1).ofMaxSize(5).map(cells -> "| " + String.join(" | ", cells) + " |");
        Arbitrary<String> table = Combinators.combine(row, row.list().ofMaxSize(6))
                .as((header, rows) -> header + "\n|---|---|---|\n" + String.join("\n", rows));
        Arbitrary<String> statusTable = Combinators.combine(words(), words(), words()).as((a, b, c) ->
                "| Phase | Issue | Status | Notes |\n|---|---|---|---|\n| 1: " + a + " | #1 | " + b + " | " + c + " |\n| 2: "
                        + b + " | #2 | 🟢 | After Phase 1 |");
        Arbitrary<String> codeLine = Arbitraries.oneOf(words(), words().map(w -> "# " + w),
                words().map(w -> "IF " + w + ":"), words().map(w -> "  → " + w), Arbitraries.just("ELSE:"),
                words().map(w -> "git revert <commit-hash> " + w));
        Arbitrary<String> code = Combinators.combine(Arbitraries.of("", "bash", "sh", "typescript", "json", "```"),
                        codeLine.list().ofMaxSize(6))
                .as((lang, lines) -> "```" + lang + "\n" + String.join("\n", lines) + "\n```");
        Arbitrary<String> metric = Combinators.combine(words(), Arbitraries.doubles().between(0, 1e7),
                        Arbitraries.doubles().between(0, 1e7), Arbitraries.of("", "K", "M", "%", " GB/day", "/day"))
                .as((name, a, b, unit) -> "- " + name + ": " + a + unit + " → " + b + unit);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, heading), net.jqwik.api.Tuple.of(3, label), net.jqwik.api.Tuple.of(2, field),
                net.jqwik.api.Tuple.of(4, list), net.jqwik.api.Tuple.of(1, table), net.jqwik.api.Tuple.of(1, statusTable),
                net.jqwik.api.Tuple.of(2, code), net.jqwik.api.Tuple.of(2, metric), net.jqwik.api.Tuple.of(2, words()));
    }
}
