package io.incidentconsole.report;

import io.incidentconsole.incident.EventPayload;
import io.incidentconsole.incident.TestOutcome;
import io.incidentconsole.plan.Communication.Cadence;
import io.incidentconsole.plan.PhaseStatus;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StakeholderUpdateTest {

    private final IncidentScript script = new IncidentScript();

    private Cadence hourly() {
        return script.plan.communication().cadences().stream()
                .filter(c -> c.id().equals("emergency-stakeholders")).findFirst().orElseThrow();
    }

    /** Phase 1 done, phase 2 running with a failed test, a rollback script generated and an alert fired. */
    private void runTheEmergency() {
        script.atMinute(10, new EventPayload.PhaseStarted("p330-1"),
                new EventPayload.TaskTicked("p330-1", "p330-1.task-1"));
        script.atMinute(40, new EventPayload.UpdatePublished("emergency-stakeholders", "Stakeholders", "first"));
        script.atMinute(55,
                new EventPayload.TestResultSet("t330-p1", "t330-p1.check-1", null, TestOutcome.PASS, null),
                new EventPayload.TestResultSet("t330-p1", "t330-p1.check-2", null, TestOutcome.PASS, null));
        script.atMinute(60, new EventPayload.PhaseCompleted("p330-1", List.of("Test not passed: Coach names")));
        script.atMinute(70, new EventPayload.PhaseStarted("p330-2"));
        script.atMinute(80,
                new EventPayload.TestResultSet("t330-p2", "t330-p2.check-1", "p330-2", TestOutcome.PASS, null),
                new EventPayload.TestResultSet("t330-p2", "t330-p2.check-2", "p330-2", TestOutcome.FAIL,
                        "redirect loop after consent"));
        script.atMinute(85, new EventPayload.CommandGenerated("rb330-phase2", "abcdef0123456789abcdef", "npm install"));
        script.atMinute(90, new EventPayload.AlertFired("convex-900k", "convex_calls", 950_000.0,
                "Convex calls above 900K"));
    }

    private FixedHistory metrics() {
        return new FixedHistory().with("convex_calls",
                new Instant[] {script.minute(0), script.minute(40), script.minute(90)}, 3.2e6, 2.9e6, 2.5e6);
    }

    @Test
    void theUpdateSaysWhatHappenedSinceTheLastOneWithTheRightNumbers() {
        runTheEmergency();
        String update = StakeholderUpdate.compose(script.state(), metrics(), script.minute(100), hourly());

        assertThat(update).startsWith("# Status update: Issues #324 and #330\n");
        assertThat(update).contains("**As of:** 2026-01-29 10:40 UTC · incident inc-1 · for Stakeholders");
        assertThat(update).contains("**Since:** the last update, 2026-01-29 09:40 UTC");
        assertThat(update).contains("**Status:** At risk: 1 test failing, 1 alert open");
        assertThat(update).contains("**Progress:** 1 of 7 phases complete, 1 in progress, 0 blocked, 5 waiting on other phases");

        assertThat(update).contains("## Completed since the last update\n\n- #330 1: Emergency N+1 Fixes: completed "
                + "2026-01-29 10:00 UTC — COMPLETE (unverified); completed with 1 open item: Test not passed: Coach names\n");
        assertThat(update).contains("- #330 2: Package Updates: started 2026-01-29 10:10 UTC; tasks 0 of ");
        assertThat(update).contains("tests 1 passed, 1 failed, 5 not run (of 7)");
        assertThat(update).contains("## Blocked and waiting\n\n- waiting: #330 3: Type Safety: Waiting for: "
                + "dependencies gate: #330 2: Package Updates is IN PROGRESS, not complete\n- waiting: #324 3: Code "
                + "Cleanup: Waiting for: dependencies gate: #330 2: Package Updates is IN PROGRESS, not complete\n");

        assertThat(update).contains("**Totals:** 3 passed, 1 failed");
        assertThat(update).contains("| #330 1: Emergency N+1 Fixes | 2 | 0 | 0 | 4 | 6 |");
        assertThat(update).contains("| #330 2: Package Updates | 1 | 1 | 0 | 5 | 7 |");
        assertThat(update).contains("- FAIL p330-2 · Phase 2 Testing › Google OAuth works: redirect loop after consent");

        assertThat(update).contains("**Source:** test values");
        assertThat(update).contains("| Convex function calls (calls/day) | 3.2M | 2.9M | 2.5M | −21.9% | 1M | no |");

        assertThat(update).contains("- convex-900k on Convex function calls at 950K: fired 2026-01-29 10:30 UTC, "
                + "Convex calls above 900K; still firing; NOT acknowledged");
        assertThat(update).contains("- Rollback script generated: #330 Rollback Strategy › If Phase 2 (Package "
                + "Update) Causes Issues (sha256 abcdef012345, 2026-01-29 10:25 UTC)");
        assertThat(update).contains("## Next steps\n\n- continue #330 2: Package Updates (");
    }

    @Test
    void whatHappenedBeforeTheLastUpdateIsNotRepeated() {
        runTheEmergency();
        script.atMinute(95, new EventPayload.UpdatePublished("emergency-stakeholders", "Stakeholders", "second"));
        String update = StakeholderUpdate.compose(script.state(), metrics(), script.minute(100), hourly());

        assertThat(update).contains("**Since:** the last update, 2026-01-29 10:35 UTC");
        assertThat(update).contains("_No phase was completed since the last update._");
        assertThat(update).contains("_No decisions or rollbacks since the last update._");
        assertThat(update).as("an alert still open is repeated until acknowledged")
                .contains("convex-900k on Convex function calls");
        assertThat(update).as("tests are a standing total").contains("**Totals:** 3 passed, 1 failed");
    }

    @Test
    void simulatedMetricsAreLabelled() {
        runTheEmergency();
        String update = StakeholderUpdate.compose(script.state(),
                SimulatedMetricHistory.replay(script.state(), 7, script.minute(100)), script.minute(100), hourly());
        assertThat(update).contains("**Source:** simulated (seed 7): these numbers are SIMULATED, not measured");
        assertThat(update).contains("| Convex function calls (calls/day) | 3.2M |");
    }

    @Test
    void userTextCannotBreakTheMarkdown() {
        script.atMinute(10, new EventPayload.PhaseStarted("p330-1"));
        script.atMinute(20, new EventPayload.TestResultSet("t330-p1", "t330-p1.check-1", null, TestOutcome.FAIL,
                "<script>alert(1)</script> *bold* [link](x)"));
        String update = StakeholderUpdate.compose(script.state(), MetricHistory.none(), script.minute(30), null);
        assertThat(update).contains("\\<script\\>alert(1)\\</script\\> \\*bold\\* \\[link\\](x)");
        assertThat(update).doesNotContain("<script>");
    }

    @Test
    void aPhaseMarkedBlockedIsListedWithItsReason() {
        script.atMinute(10, new EventPayload.PhaseStatusChanged("p330-1", PhaseStatus.BLOCKED,
                "waiting for Convex support"));
        String update = StakeholderUpdate.compose(script.state(), MetricHistory.none(), script.minute(30), null);
        assertThat(update).contains("**Progress:** 0 of 7 phases complete, 0 in progress, 1 blocked, ");
        assertThat(update).contains("## Blocked and waiting\n\n- BLOCKED #330 1: Emergency N+1 Fixes: waiting for "
                + "Convex support\n");
    }

    @Test
    void oneFailureOfASuiteThatCoversThreePhasesIsOneFailingTest() {
        script.atMinute(20, new EventPayload.TestResultSet("t330-p3-6", "t330-p3-6.check-1", null, TestOutcome.FAIL,
                "tsc fails"));

        String update = StakeholderUpdate.compose(script.state(), metrics(), script.minute(30), hourly());

        assertThat(update).contains("**Status:** At risk: 1 test failing\n").doesNotContain("On track");
    }

    @Test
    void aFailedAuditGateIsNotOnTrack() {
        script.atMinute(10, new EventPayload.PhaseStarted("p324-4"));
        script.atMinute(20, new EventPayload.AuditChecked("p324-4", "ab12", false, List.of()));

        String update = StakeholderUpdate.compose(script.state(), metrics(), script.minute(30), hourly());

        assertThat(update).contains("**Status:** At risk: 1 audit gate failed\n").doesNotContain("On track");
    }

    @Test
    void phasesAreListedInTheLifecyclesWordsUnverifiedAndRolledBackIncluded() {
        runTheEmergency();
        script.atMinute(95, new EventPayload.RollbackStarted("rb330", "rb330-phase2", "redirect loop", "p330-2"));
        script.atMinute(98, new EventPayload.RollbackFinished("rb330", "rb330-phase2", true, "done by hand",
                "p330-2"));
        String update = StakeholderUpdate.compose(script.state(), metrics(), script.minute(100), hourly());

        assertThat(update).contains("**Phases:** 1 of 7 complete (1 unverified), 1 rolled back");
        assertThat(update).contains("| Phase | Status | Started | Completed |");
        assertThat(update).contains("| #330 1: Emergency N+1 Fixes | COMPLETE (unverified) | 2026-01-29 09:10 UTC "
                + "| 2026-01-29 10:00 UTC |");
        assertThat(update).contains("| #330 2: Package Updates | ROLLED BACK | 2026-01-29 10:10 UTC | — |");
        assertThat(update).containsPattern("\\| #324 [^|]+ \\| PENDING \\| — \\| — \\|");
        assertThat(update).contains("- #330 1: Emergency N+1 Fixes: completed 2026-01-29 10:00 UTC — COMPLETE "
                + "(unverified); completed with 1 open item");
    }
}
