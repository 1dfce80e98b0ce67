package io.incidentconsole.importer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.incidentconsole.plan.GuidedStep;
import io.incidentconsole.plan.Parameter;
import io.incidentconsole.plan.Phase;
import io.incidentconsole.plan.Plan;
import io.incidentconsole.plan.Procedure;
import io.incidentconsole.plan.ProcedureStep;
import io.incidentconsole.plan.Runbook;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiPredicate;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Imports the public plans of the corpus ({@code import-corpus/README.md}) and prints precision and recall per
 * element kind against the outlines written by hand before the recognisers were tuned. The documents
 * themselves are third-party text kept out of the repository: the test reads them from
 * {@code import-corpus/documents/} (or {@code -Dimport.corpus.documents=DIR}) where they were fetched, and
 * checks every outline either way.
 */
class ImportCorpusTest {

    private static final Path CORPUS = Path.of("src/test/resources/import-corpus");
    private static final List<String> KINDS = List.of("phases", "test cases", "runbooks", "procedures", "commands",
            "parameters");

    /** Counts for one element kind over the corpus. */
    static final class Tally {
        int expected;
        int found;
        int expectedMatched;
        int foundMatched;

        String ratio(int part, int whole) {
            return whole == 0 ? "  n/a" : String.format(Locale.ROOT, "%5.2f", (double) part / whole);
        }
    }

    @Test
    void theCorpusImportsWithoutCrashAndPrintsPrecisionAndRecall() throws IOException {
        Path documents = Path.of(System.getProperty("import.corpus.documents", CORPUS.resolve("documents").toString()));
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        Map<String, Tally> tallies = new LinkedHashMap<>();
        KINDS.forEach(k -> tallies.put(k, new Tally()));
        List<String> missing = new ArrayList<>();
        List<Path> outlines;
        try (Stream<Path> files = Files.list(CORPUS)) {
            outlines = files.filter(p -> p.toString().endsWith(".outline.yaml")).sorted().toList();
        }
        assertThat(outlines).hasSizeGreaterThanOrEqualTo(15);
        StringBuilder perDocument = new StringBuilder();
        for (Path outlineFile : outlines) {
            JsonNode outline = yaml.readTree(outlineFile.toFile());
            assertThat(outline.path("source").path("repo").asText()).as(outlineFile + " names its source").isNotBlank();
            String name = outlineFile.getFileName().toString().replace(".outline.yaml", ".md");
            Path document = documents.resolve(name);
            if (!Files.exists(document)) {
                missing.add(name + " (" + outline.path("source").path("repo").asText() + ":"
                        + outline.path("source").path("path").asText() + ")");
                continue;
            }
            ImportResult result = new MarkdownImporter().importDocument(name, Files.readString(document, StandardCharsets.UTF_8));
            assertThat(result.report().decisions()).as(name).noneSatisfy(d -> assertThat(d.message())
                    .contains("could not read the document's structure"));
            Plan plan = result.plan();
            perDocument.append(String.format(Locale.ROOT, "  %-40s", name));
            measure(tallies.get("phases"), texts(outline.path("phases")),
                    plan.phases().stream().map(Phase::name).toList(), ImportCorpusTest::sameTitle, perDocument);
            measure(tallies.get("test cases"), texts(outline.path("test_cases")), testCases(plan),
                    ImportCorpusTest::sameTitle, perDocument);
            measureRunbooks(tallies.get("runbooks"), outline.path("runbooks"), plan.runbooks(), perDocument);
            List<String> expectedProcedures = new ArrayList<>();
            outline.path("runbooks").forEach(r -> expectedProcedures.addAll(texts(r.path("procedures"))));
            measure(tallies.get("procedures"), expectedProcedures, plan.runbooks().stream()
                    .flatMap(r -> r.procedures().stream()).map(Procedure::title).toList(), ImportCorpusTest::sameTitle, perDocument);
            measure(tallies.get("commands"), texts(outline.path("commands")), commands(plan),
                    ImportCorpusTest::sameCommand, perDocument);
            measure(tallies.get("parameters"), texts(outline.path("parameters")), parameters(plan),
                    ImportCorpusTest::sameParameter, perDocument);
            perDocument.append('\n');
        }
        StringBuilder table = new StringBuilder("\nImport corpus: ").append(outlines.size() - missing.size())
                .append(" of ").append(outlines.size()).append(" documents present\n");
        table.append(String.format(Locale.ROOT, "  %-12s %9s %6s %9s %6s%n", "kind", "precision", "found", "recall", "expected"));
        tallies.forEach((kind, t) -> table.append(String.format(Locale.ROOT, "  %-12s %9s %6d %9s %6d%n", kind,
                t.ratio(t.foundMatched, t.found), t.found, t.ratio(t.expectedMatched, t.expected), t.expected)));
        table.append("Per document (matched found/found, matched expected/expected: phases, tests, runbooks,"
                + " procedures, commands, parameters):\n").append(perDocument);
        missing.forEach(m -> table.append("  not present, fetch it to measure: ").append(m).append('\n'));
        System.out.println(table);
    }

    private static void measure(Tally tally, List<String> expected, List<String> found, BiPredicate<String, String> same,
                                StringBuilder perDocument) {
        int expectedMatched = (int) expected.stream().filter(e -> found.stream().anyMatch(f -> same.test(e, f))).count();
        int foundMatched = (int) found.stream().filter(f -> expected.stream().anyMatch(e -> same.test(e, f))).count();
        tally.expected += expected.size();
        tally.found += found.size();
        tally.expectedMatched += expectedMatched;
        tally.foundMatched += foundMatched;
        perDocument.append(String.format(Locale.ROOT, " %d/%d,%d/%d", foundMatched, found.size(), expectedMatched, expected.size()));
    }

    /** A runbook matches when its title does or when it holds at least half of the expected procedures. */
    private static void measureRunbooks(Tally tally, JsonNode expected, List<Runbook> found, StringBuilder perDocument) {
        BiPredicate<JsonNode, Runbook> same = (e, r) -> {
            if (sameTitle(e.path("title").asText(), r.title())) {
                return true;
            }
            List<String> procedures = texts(e.path("procedures"));
            long held = procedures.stream().filter(p -> r.procedures().stream().anyMatch(q -> sameTitle(p, q.title()))).count();
            return !procedures.isEmpty() && held * 2 >= procedures.size();
        };
        List<JsonNode> expectedList = new ArrayList<>();
        expected.forEach(expectedList::add);
        int expectedMatched = (int) expectedList.stream().filter(e -> found.stream().anyMatch(r -> same.test(e, r))).count();
        int foundMatched = (int) found.stream().filter(r -> expectedList.stream().anyMatch(e -> same.test(e, r))).count();
        tally.expected += expectedList.size();
        tally.found += found.size();
        tally.expectedMatched += expectedMatched;
        tally.foundMatched += foundMatched;
        perDocument.append(String.format(Locale.ROOT, " %d/%d,%d/%d", foundMatched, found.size(), expectedMatched, expectedList.size()));
    }

    private static List<String> testCases(Plan plan) {
        return plan.testSuites().stream().flatMap(s -> s.cases().stream()).map(c -> c.name()).toList();
    }

    /** Commands wherever the plan has them: rollback steps and guided steps (distinct). */
    private static List<String> commands(Plan plan) {
        List<String> all = new ArrayList<>();
        plan.runbooks().forEach(r -> r.procedures().forEach(p -> p.steps().stream().map(ProcedureStep::command)
                .filter(c -> c != null && !all.contains(c)).forEach(all::add)));
        plan.phases().forEach(p -> p.guidedSteps().stream().map(GuidedStep::command)
                .filter(c -> c != null && !all.contains(c)).forEach(all::add));
        return all;
    }

    private static List<String> parameters(Plan plan) {
        List<String> all = new ArrayList<>();
        plan.runbooks().forEach(r -> r.parameters().stream().map(Parameter::name).filter(n -> !all.contains(n)).forEach(all::add));
        plan.phases().forEach(p -> p.guidedSteps().forEach(g -> g.parameters().stream().map(Parameter::name)
                .filter(n -> !all.contains(n)).forEach(all::add)));
        return all;
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    static String normal(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }

    /** Same title once case, emoji, punctuation and a leading number are set aside; or one contains the other. */
    static boolean sameTitle(String expected, String found) {
        String e = normal(expected).replaceFirst("^\\d+( \\d+)* ", "");
        String f = normal(found).replaceFirst("^\\d+( \\d+)* ", "");
        return !e.isEmpty() && !f.isEmpty() && (e.equals(f) || e.contains(f) && f.length() * 2 >= e.length()
                || f.contains(e) && e.length() * 2 >= f.length());
    }

    /**
     * Same command once whitespace is collapsed; a multi-line command matches by its first line; an environment
     * variable the importer made a parameter ({@code $VAR} written {@code {{VAR}}}) is the same command.
     */
    static boolean sameCommand(String expected, String found) {
        String e = variables(expected).replaceAll("\\s+", " ").strip();
        String f = variables(found).replaceAll("\\s*\\\\\\s*\\n\\s*", " ").replaceAll("\\s+", " ").strip();
        return e.equals(f) || f.startsWith(e) || e.startsWith(f) && f.length() > 10;
    }

    private static String variables(String command) {
        return command.replaceAll("\\$\\{?([A-Z][A-Z0-9_]*)}?", "{{$1}}");
    }

    static boolean sameParameter(String expected, String found) {
        return expected.toLowerCase(Locale.ROOT).replaceAll("[-_]", "").equals(found.toLowerCase(Locale.ROOT).replaceAll("[-_]", ""));
    }
}
