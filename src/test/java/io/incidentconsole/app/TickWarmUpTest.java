package io.incidentconsole.app;

import io.incidentconsole.incident.Event;
import io.incidentconsole.incident.EventPayload;
import io.incidentconsole.incident.IncidentState;
import io.incidentconsole.incident.PhaseLifecycle;
import io.incidentconsole.plan.Plan;
import io.incidentconsole.plan.PlanLoader;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class TickWarmUpTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-07T03:00:00Z"), ZoneOffset.UTC);

    private static Plan bundledPlan() throws Exception {
        try (var in = PlanLoader.class.getResourceAsStream("/plans/issue-324-330-coordination.yaml")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return new PlanLoader().load("issue-324-330-coordination.yaml", text).plan();
        }
    }

    @Test
    void rehearsesTheTicksAskedForWhenTimeAllows() throws Exception {
        TickWarmUp.Rehearsal done = TickWarmUp.rehearse(bundledPlan(), CLOCK, 450, () -> 0, 1);

        assertThat(done.ticks()).isEqualTo(450);
        assertThat(done.sink()).isNotZero();
    }

    @Test
    void stopsAtTheDeadline() throws Exception {
        AtomicLong now = new AtomicLong();
        // Each look at the clock is a millisecond later: the deadline of 25 ms allows 25 ticks.
        TickWarmUp.Rehearsal done = TickWarmUp.rehearse(bundledPlan(), CLOCK, 3000,
                () -> now.getAndAdd(1_000_000), 25_000_000);

        assertThat(done.ticks()).isEqualTo(25);
    }

    @Test
    void theActionsAreTheOperatorsTicksResultsAndNotesOnThisPlanNoneRefused() throws Exception {
        Plan plan = bundledPlan();
        List<EventPayload> actions = TickWarmUp.actionsOf(plan);

        long tasks = plan.phases().stream().mapToLong(p -> p.tasks().size()).sum();
        assertThat(actions).filteredOn(EventPayload.TaskTicked.class::isInstance).hasSize((int) tasks);
        assertThat(actions).filteredOn(EventPayload.TaskUnticked.class::isInstance).hasSize((int) tasks);
        assertThat(actions).filteredOn(EventPayload.TestResultSet.class::isInstance).isNotEmpty();
        assertThat(actions).filteredOn(EventPayload.NoteAdded.class::isInstance).isNotEmpty();
        // A refused action would rehearse the refusal, not the tick: every phase with tasks is under way.
        IncidentState started = TickWarmUp.startedIncident(plan, CLOCK);
        assertThat(actions).allSatisfy(action -> assertThat(PhaseLifecycle.refusal(started, action)).isEmpty());
    }

    @Test
    void aPlanWithoutTasksOrTestsRehearsesNotes() {
        TickWarmUp.Rehearsal done = TickWarmUp.rehearse(new Plan(null, null, null, null, null, null, null, null,
                null, null, null, null), CLOCK, 10, () -> 0, 1);

        assertThat(done.ticks()).isEqualTo(10);
    }

    @Test
    void onlyABigIncidentIsFollowedByAFullCollection() throws Exception {
        Plan plan = bundledPlan();
        IncidentState small = TickWarmUp.startedIncident(plan, CLOCK);
        List<Event> events = new ArrayList<>(small.events());
        while (events.size() < TickWarmUp.COLLECT_AFTER_OPENING) {
            events.add(new Event("e" + events.size(), events.size() + 1L, CLOCK.instant(), "ana",
                    new EventPayload.NoteAdded(null, "note " + events.size())));
        }
        IncidentState big = IncidentState.replay(plan, events);

        assertThat(TickWarmUp.collectsAfter(small)).isFalse();
        assertThat(TickWarmUp.collectsAfter(IncidentState.replay(plan, events.subList(0, events.size() - 1))))
                .isFalse();
        assertThat(TickWarmUp.collectsAfter(big)).isTrue();
    }

    @Test
    void runsOnItsOwnThreadUnlessOff() throws Exception {
        IncidentState opened = TickWarmUp.startedIncident(bundledPlan(), CLOCK);
        assertThat(TickWarmUp.startInBackground(" OFF ", opened, CLOCK, System.err)).isEmpty();

        Thread thread = TickWarmUp.startInBackground(null, opened, CLOCK, System.err).orElseThrow();
        assertThat(thread.getName()).isEqualTo("tick-warm-up");
        assertThat(thread.isDaemon()).isTrue();
        thread.join();
    }
}
