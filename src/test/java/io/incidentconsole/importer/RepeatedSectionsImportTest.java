package io.incidentconsole.importer;

import io.incidentconsole.importer.Outline.Section;
import io.incidentconsole.plan.TestSuite;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A big document is often one pasted several times: what repeats word for word is kept once and reported, long
 * lists in report lines are cut with a count, and what each section was read as is found in one sweep.
 */
class RepeatedSectionsImportTest {

    private static String seed() throws IOException {
        try (var in = RepeatedSectionsImportTest.class.getResourceAsStream("/importer/seed-coordination-plan.md")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void aDocumentPastedTwiceKeepsEachRepeatedSuiteAndCadenceOnceAndSaysSo() throws IOException {
        String seed = seed();
        ImportResult once = new MarkdownImporter().importDocument("once.md", seed);
        ImportResult twice = new MarkdownImporter().importDocument("twice.md", seed + "\n" + seed);

        assertThat(twice.plan().phases()).hasSize(2 * once.plan().phases().size());
        List<TestSuite> suites = twice.plan().testSuites();
        Set<TestSuite> distinct = suites.stream().map(s -> new TestSuite(null, s.title(), s.issue(), s.phases(), s.when(),
                s.checks(), s.cases())).collect(Collectors.toSet());
        assertThat(distinct).hasSize(suites.size());
        assertThat(twice.plan().communication().cadences()).hasSameSizeAs(once.plan().communication().cadences());

        List<String> decisions = twice.report().decisions().stream().map(ImportReport.Decision::message).toList();
        assertThat(decisions).anyMatch(m -> m.startsWith("test suite 'Phase 1 Testing' (t330-p1_2) repeats t330-p1 of line 487"
                + " word for word"));
        assertThat(decisions).anyMatch(m -> m.contains("repeat those of line") && m.contains("word for word"));
    }

    @Test
    void aLongListInAReportLineShowsItsFirstDozenAndHowManyMore() {
        List<String> thirteen = IntStream.rangeClosed(1, 13).mapToObj(i -> "p" + i).toList();
        assertThat(ReportLog.listed(thirteen)).isEqualTo("[p1, p2, p3, p4, p5, p6, p7, p8, p9, p10, p11, p12, … and 1 more]");
        assertThat(ReportLog.listed(thirteen.subList(0, 12))).isEqualTo(thirteen.subList(0, 12).toString());
    }

    record Doc(List<Integer> sectionLines, List<ImportReport.Element> recognised, int ignoredEvery, int phaseEvery) {
    }

    /** What each section was read as equals the scan of every element for every section it replaced. */
    @Property(tries = 300)
    void sectionReadingsInOneSweepAreThoseOfTheScan(@ForAll("docs") Doc doc) {
        List<Section> sections = new ArrayList<>();
        Section root = new Section(0, "", 1, null);
        sections.add(root);
        for (int i = 0; i < doc.sectionLines().size(); i++) {
            sections.add(new Section(1 + i % 3, "s" + i, doc.sectionLines().get(i), root));
        }
        int last = doc.sectionLines().isEmpty() ? 1 : doc.sectionLines().get(doc.sectionLines().size() - 1) + 5;
        sections.forEach(s -> s.endLine = last);
        Section title = sections.size() > 1 ? sections.get(1) : null;
        Predicate<Section> ignored = s -> s.line % doc.ignoredEvery() == 0;
        Predicate<Section> inPhase = s -> s.line % doc.phaseEvery() == 0;

        List<ImportReport.SectionReading> expected = new ArrayList<>();
        for (int i = 0; i < sections.size(); i++) {
            Section s = sections.get(i);
            if (s.level == 0 || s == title && !s.children.isEmpty()) {
                continue;
            }
            int end = i + 1 < sections.size() ? sections.get(i + 1).line - 1 : s.endLine;
            SectionChoice kind = ignored.test(s) ? SectionChoice.IGNORE : inPhase.test(s) ? SectionChoice.PHASE : null;
            for (ImportReport.Element e : doc.recognised()) {
                if (kind != null) {
                    break;
                }
                if (e.line() >= s.line && e.line() <= end) {
                    kind = switch (e.kind()) {
                        case "rollback procedure", "runbook" -> SectionChoice.RUNBOOK;
                        case "test suite", "test case" -> SectionChoice.TEST_SUITE;
                        default -> null;
                    };
                }
            }
            expected.add(new ImportReport.SectionReading(s.title, s.line, kind == null ? SectionChoice.NOTES : kind));
        }
        assertThat(SectionReadings.of(sections, title, ignored, inPhase, doc.recognised())).isEqualTo(expected);
    }

    @Provide
    Arbitrary<Doc> docs() {
        Arbitrary<List<Integer>> lines = Arbitraries.integers().between(1, 60).list().ofMaxSize(12)
                .map(l -> l.stream().sorted().toList());
        Arbitrary<ImportReport.Element> element = Combinators.combine(
                Arbitraries.of("runbook", "rollback procedure", "test suite", "test case", "task", "phase"),
                Arbitraries.integers().between(0, 70))
                .as((kind, line) -> new ImportReport.Element(kind, "id", "t", line, ""));
        return Combinators.combine(lines, element.list().ofMaxSize(25), Arbitraries.integers().between(2, 9),
                Arbitraries.integers().between(2, 9)).as(Doc::new);
    }
}
