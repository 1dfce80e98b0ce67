package io.incidentconsole.report;

import io.incidentconsole.incident.Event;
import io.incidentconsole.incident.EventPayload;
import io.incidentconsole.incident.IncidentState;
import io.incidentconsole.incident.PhaseLifecycle;
import io.incidentconsole.incident.TestOutcome;
import io.incidentconsole.plan.Plan;
import io.incidentconsole.plan.PlanLoader;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The "now" line on the bundled plan, with the clock driven by the test. */
class NowSummaryTest {

    private static final Instant START = Instant.parse("2026-01-29T08:00:00Z");
    private final Plan plan = new PlanLoader().loadBundledSeed().plan();
    private final List<Event> events = new ArrayList<>();

    private void at(Duration after, EventPayload payload) {
        int n = events.size() + 1;
        events.add(new Event("e" + n, n, START.plus(after), "ana", payload));
    }

    private NowSummary now(Duration after) {
        IncidentState state = IncidentState.replay(plan, events);
        return NowSummary.of(state, new CadenceClock(Clock.fixed(START.plus(after), ZoneOffset.UTC)));
    }

    @Test
    void beforeAnythingRunsTheApprovalOfPhaseOneIsWhatWaits() {
        at(Duration.ZERO, new EventPayload.IncidentStarted("i", "plan", "sha"));
        NowSummary now = now(Duration.ofMinutes(5));
        assertThat(now.running()).isEmpty();
        assertThat(now.pending()).extracting(p -> p.phaseId() + " " + p.gate().kind())
                .containsExactly("p330-1 " + PhaseLifecycle.GateKind.APPROVAL);
    }

    @Test
    void aRunningPhaseShowsItsCurrentStepAndTurnsLateAfterItsSixHours() {
        at(Duration.ZERO, new EventPayload.IncidentStarted("i", "plan", "sha"));
        at(Duration.ofMinutes(1), new EventPayload.SignOffGiven("approve-p330-1", "Lead", null));
        at(Duration.ofMinutes(2), new EventPayload.PhaseStarted("p330-1"));
        at(Duration.ofMinutes(3), PhaseLifecycle.stepDone(plan, "p330-1", "p330-1.step-1"));
        at(Duration.ofMinutes(4), new EventPayload.TestResultSet("t330-p1", "t330-p1.check-2", null,
                TestOutcome.FAIL, "empty list"));
        at(Duration.ofMinutes(5), new EventPayload.AlertFired("convex-900k", "convex_calls", 950_000.0, "high"));

        NowSummary early = now(Duration.ofHours(5));
        NowSummary.Running running = early.running().get(0);
        assertThat(running.phase().id()).isEqualTo("p330-1");
        assertThat(running.stepNumber()).isEqualTo(2);
        assertThat(running.elapsed()).isEqualTo(Duration.ofHours(5).minusMinutes(2));
        assertThat(running.planned()).contains(Duration.ofHours(6));
        assertThat(running.late()).isFalse();
        assertThat(early.failing()).extracting(f -> f.item().testId()).containsExactly("t330-p1.check-2");
        assertThat(early.openAlerts()).isEqualTo(1);
        assertThat(early.pending()).isEmpty();
        assertThat(early.nextUpdate()).isPresent();

        assertThat(now(Duration.ofHours(7)).running().get(0).late()).isTrue();
        assertThat(NowSummary.duration(Duration.ofHours(50).plusMinutes(5))).isEqualTo("2d 2:05");
    }
}
