package io.incidentconsole.importer;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Hardening finding 11: a nested list item the importer does not carry into the plan gets a line in the report. */
class NestedListReportTest {

    private static final String DOCUMENT = """
            # Deploy plan

            ## Stage 1: canary

            **Timeline:** 30 minutes
            - Route 1% of traffic
              - check the dashboard first
            - Watch error rate

            **Exit Criteria:**
            - Error rate below 0.5%
              - measured over 5 minutes

            ## Rollback Plan

            **Rollback Triggers:**
            - Error rate above 1% for 5 minutes
              - or p99 above 2s
                - for three samples
            """;

    private final ImportResult result = new MarkdownImporter().importDocument("nested.md", DOCUMENT);

    private List<ImportReport.Decision> nestedDecisions() {
        return result.report().decisions().stream().filter(d -> d.message().startsWith("nested list item")).toList();
    }

    @Test
    void aDroppedNestedItemIsReportedWithItsLineAndItsParent() {
        assertThat(result.yaml()).doesNotContain("measured over 5 minutes");
        assertThat(nestedDecisions()).anySatisfy(d -> {
            assertThat(d.line()).isEqualTo(12);
            assertThat(d.message()).contains("'measured over 5 minutes'").contains("under 'Error rate below 0.5%'");
        });
        assertThat(result.report().render()).contains("nested.md:12: nested list item 'measured over 5 minutes'");
    }

    @Test
    void itemsNestedDeeperAreReportedUnderTheirOwnParent() {
        assertThat(nestedDecisions()).extracting(ImportReport.Decision::line).containsExactly(12, 18, 19);
        assertThat(nestedDecisions().get(2).message()).contains("'for three samples' under 'or p99 above 2s'");
    }

    @Test
    void aNestedItemKeptAsTaskDetailIsNotReported() {
        assertThat(result.yaml()).contains("check the dashboard first");
        assertThat(nestedDecisions()).noneSatisfy(d -> assertThat(d.message()).contains("check the dashboard first"));
    }

    @Test
    void aNestedItemKeptInANoteAsWrittenIsNotReported() {
        String kept = """
                # Plan

                ## Background

                - The service was split in 2024
                  - the old **monolith** still serves refunds
                """;
        ImportResult notes = new MarkdownImporter().importDocument("notes.md", kept);
        assertThat(notes.yaml()).contains("the old **monolith** still serves refunds");
        assertThat(notes.report().decisions()).noneSatisfy(d -> assertThat(d.message()).startsWith("nested list item"));
    }

    @Test
    void theListMarkerAndTickBoxAreNotPartOfTheText() {
        assertThat(NestedItems.withoutMarker("    - [ ] check it")).isEqualTo("check it");
        assertThat(NestedItems.withoutMarker("  12) restart")).isEqualTo("restart");
        assertThat(NestedItems.withoutMarker("* item")).isEqualTo("item");
        assertThat(NestedItems.withoutMarker("2024 was the year")).isEqualTo("2024 was the year");
    }
}
