package io.incidentconsole.testing;

import io.incidentconsole.incident.IncidentState;
import io.incidentconsole.incident.TestOutcome;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static io.incidentconsole.incident.TestOutcome.BLOCKED;
import static io.incidentconsole.incident.TestOutcome.FAIL;
import static io.incidentconsole.incident.TestOutcome.PASS;
import static io.incidentconsole.incident.TestOutcome.SKIPPED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestProgressTest {

    private static TestSheet sheet(IncidentState state) {
        return new TestSheet(Journals.SEED, state);
    }

    @Test
    void phaseTwoWithFivePassedAndOneFailedReadsAsTheIssueSays() {
        Journals journal = new Journals();
        for (int i = 1; i <= 5; i++) {
            journal.result("t330-p2", "t330-p2.check-" + i, "p330-2", PASS, null);
        }
        journal.result("t330-p2", "t330-p2.check-6", "p330-2", FAIL, "adapter 500s");
        TestProgress progress = TestProgress.ofPhase(sheet(journal.state()), "p330-2");

        assertThat(progress.phrase()).isEqualTo("Phase 2: 5/7 passed, 1 failed");
        assertThat(progress).isEqualTo(new TestProgress("Phase 2", 5, 1, 0, 0, 1));
        assertThat(progress.atRisk()).isTrue();
        assertThat(progress.complete()).isFalse();
    }

    @Test
    void blockedAndSkippedAreNamedAndARerunPassCountsOnlyOnce() {
        IncidentState state = new Journals()
                .result("t330-p2", "t330-p2.check-1", "p330-2", FAIL, "login loops")
                .result("t330-p2", "t330-p2.check-1", "p330-2", PASS, "fixed")
                .result("t330-p2", "t330-p2.check-2", "p330-2", BLOCKED, "no Google test account")
                .result("t330-p2", "t330-p2.check-3", "p330-2", SKIPPED, null)
                .state();
        TestProgress progress = TestProgress.ofPhase(sheet(state), "p330-2");
        assertThat(progress.phrase()).isEqualTo("Phase 2: 1/7 passed, 1 blocked, 1 skipped");
        assertThat(progress.atRisk()).isFalse();
        assertThat(progress.notRun()).isEqualTo(4);
    }

    @Test
    void aResultForAllPhasesCountsInEveryPhaseOfTheSuiteAndAPhaseResultWinsForItsPhase() {
        IncidentState state = new Journals()
                .result("t330-p3-6", "t330-p3-6.check-1", null, PASS, null)
                .result("t330-p3-6", "t330-p3-6.check-1", "p330-4", FAIL, "types broke again")
                .state();
        TestSheet sheet = sheet(state);
        assertThat(TestProgress.ofPhase(sheet, "p330-3").phrase()).isEqualTo("Phase 3: 1/5 passed");
        assertThat(TestProgress.ofPhase(sheet, "p330-4").phrase()).isEqualTo("Phase 4: 0/5 passed, 1 failed");
        assertThat(TestProgress.ofPhase(sheet, "p330-5-6").passed()).isEqualTo(1);

        TestRow whole = sheet.rows(null).stream().filter(r -> r.item().id().equals("t330-p3-6.check-1"))
                .findFirst().orElseThrow();
        assertThat(whole.outcome()).as("a failure in any phase fails the whole-plan row").isEqualTo(FAIL);
        assertThat(whole.coverage()).isEqualTo("3 of 3 phases run");
        assertThat(whole.history()).extracting(h -> h.result().outcome()).containsExactly(PASS, FAIL);
    }

    @Test
    void overallCountsEveryItemOfThePlanOnce() {
        TestSheet empty = sheet(null);
        int items = Journals.SEED.testSuites().stream().mapToInt(s -> s.checks().size() + s.cases().size()).sum();
        TestProgress overall = TestProgress.overall(empty);
        assertThat(overall.total()).isEqualTo(items).isEqualTo(6 + 7 + 5 + 4 + 4);
        assertThat(overall.phrase()).isEqualTo("All phases: 0/26 passed");
        assertThat(overall.notRun()).isEqualTo(items);
    }

    @Test
    void aPhaseWithoutTestsSaysSo() {
        assertThat(TestProgress.ofPhase(sheet(null), "p324-4").phrase()).isEqualTo("Phase 4: no tests");
        assertThatThrownBy(() -> TestProgress.ofPhase(sheet(null), "nope"))
                .hasMessageContaining("no phase 'nope'");
    }

    @Test
    void combiningOutcomesPutsTheWorstFirst() {
        assertThat(TestSheet.combine(List.of(PASS, FAIL, BLOCKED))).isEqualTo(FAIL);
        assertThat(TestSheet.combine(List.of(PASS, BLOCKED))).isEqualTo(BLOCKED);
        assertThat(TestSheet.combine(Arrays.asList(PASS, null))).isNull();
        assertThat(TestSheet.combine(List.of(PASS, SKIPPED))).isEqualTo(SKIPPED);
        assertThat(TestSheet.combine(List.of(PASS, PASS))).isEqualTo(PASS);
        assertThat(TestSheet.combine(List.<TestOutcome>of())).isNull();
    }
}
