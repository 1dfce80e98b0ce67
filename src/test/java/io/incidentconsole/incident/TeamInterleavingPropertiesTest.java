package io.incidentconsole.incident;

import io.incidentconsole.incident.EventPayload.*;
import io.incidentconsole.plan.PhaseStatus;
import io.incidentconsole.plan.Plan;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two operators act on one shared incident; the database interleaves their events in some order. Whatever the
 * interleaving, every console that folds the database's order reaches the same state, and the conflict rules hold
 * (the latest test result wins, a dispute is flagged exactly when operators' latest results differ, a phase is
 * completed once). Each console's clock is its own: event times need not follow the database order.
 */
class TeamInterleavingPropertiesTest {

    private static final Plan PLAN = Fixtures.plan();

    @Provide
    Arbitrary<List<EventPayload>> actions() {
        Arbitrary<String> phase = Arbitraries.of("backup", "migrate", "cleanup");
        Arbitrary<String> task = Arbitraries.of("backup.task-1", "backup.task-2", "migrate.run", "cleanup.task-1");
        Arbitrary<EventPayload> action = Arbitraries.oneOf(
                Combinators.combine(phase, task).as(TaskTicked::new),
                Combinators.combine(phase, task).as(TaskUnticked::new),
                phase.map(PhaseStarted::new),
                phase.map(p -> new PhaseCompleted(p, List.of())),
                phase.map(p -> new PhaseCompleted(p, List.of())),
                Combinators.combine(phase, Arbitraries.of(PhaseStatus.class)).as((p, s) -> new PhaseStatusChanged(p, s, null)),
                phase.map(p -> new GateOverridden(p, "dependencies", "checked")),
                Combinators.combine(Arbitraries.of("smoke.check-1", "smoke.check-2"), Arbitraries.of("migrate", "cleanup"),
                        Arbitraries.of(TestOutcome.class)).as((t, p, o) -> new TestResultSet("smoke", t, p, o, null)));
        return action.list().ofMaxSize(15);
    }

    /**
     * The database's order: {@code picks} says whose next event comes next (true: ana's, while she has some).
     * Times come from each operator's own clock; bob's runs 90 s behind.
     */
    private static List<Event> interleave(List<EventPayload> ana, List<EventPayload> bob, List<Boolean> picks) {
        List<Event> order = new ArrayList<>();
        int a = 0;
        int b = 0;
        int pick = 0;
        Instant start = Instant.parse("2026-11-27T10:00:00Z");
        while (a < ana.size() || b < bob.size()) {
            boolean anaNext = b >= bob.size() || (a < ana.size() && pick < picks.size() && picks.get(pick));
            pick++;
            long seq = order.size() + 1;
            if (anaNext) {
                order.add(new Event("ana-" + a, seq, start.plusSeconds(10L * a), "ana", ana.get(a++)));
            } else {
                order.add(new Event("bob-" + b, seq, start.plusSeconds(10L * b - 90), "bob", bob.get(b++)));
            }
        }
        return order;
    }

    @Property(tries = 200)
    void everyConsoleFoldingTheDatabaseOrderReachesTheSameState(@ForAll("actions") List<EventPayload> ana,
                                                                @ForAll("actions") List<EventPayload> bob,
                                                                @ForAll @Size(max = 40) List<Boolean> picks,
                                                                @ForAll @IntRange(max = 30) int joinedAfter) {
        List<Event> order = interleave(ana, bob, picks);
        IncidentState replayed = IncidentState.replay(PLAN, order);

        // A console that was there from the start, folding event by event as they arrive.
        IncidentState live = IncidentState.initial(PLAN);
        for (Event event : order) {
            live = live.apply(event);
        }
        // A console that joined later: it replays what was there, then folds the rest as it arrives.
        int k = Math.min(joinedAfter, order.size());
        IncidentState late = IncidentState.replay(PLAN, order.subList(0, k));
        for (Event event : order.subList(k, order.size())) {
            late = late.apply(event);
        }
        assertThat(live).isEqualTo(replayed);
        assertThat(late).isEqualTo(replayed);
    }

    @Property(tries = 200)
    void theConflictRulesHoldForAnyInterleaving(@ForAll("actions") List<EventPayload> ana,
                                                @ForAll("actions") List<EventPayload> bob,
                                                @ForAll @Size(max = 40) List<Boolean> picks) {
        List<Event> order = interleave(ana, bob, picks);
        IncidentState state = IncidentState.initial(PLAN);
        Map<TestKey, List<Event>> results = new LinkedHashMap<>();
        for (Event event : order) {
            IncidentState before = state;
            state = state.apply(event);
            if (event.payload() instanceof PhaseCompleted p) {
                boolean wasComplete = before.isComplete(p.phaseId());
                assertThat(state.ignoredBecause(event.id()).isPresent()).isEqualTo(wasComplete);
                if (wasComplete) {
                    assertThat(state.phases()).as("a second completion changes no phase").isEqualTo(before.phases());
                    assertThat(state.completion(p.phaseId())).isEqualTo(before.completion(p.phaseId()));
                } else {
                    assertThat(state.completion(p.phaseId()).orElseThrow().eventId()).isEqualTo(event.id());
                }
            }
            if (event.payload() instanceof TestResultSet p) {
                results.computeIfAbsent(new TestKey(p.phaseId(), p.suiteId(), p.testId()),
                        key -> new ArrayList<>()).add(event);
            }
        }
        for (Map.Entry<TestKey, List<Event>> entry : results.entrySet()) {
            List<Event> recorded = entry.getValue();
            TestRecord record = state.tests().get(entry.getKey());
            assertThat(record.history()).as("every result stays").hasSize(recorded.size());
            TestOutcome last = ((TestResultSet) recorded.get(recorded.size() - 1).payload()).outcome();
            assertThat(record.latest().outcome()).as("the latest in the database's order wins").isEqualTo(last);
            Map<String, TestOutcome> latestByOperator = new HashMap<>();
            recorded.forEach(e -> latestByOperator.put(e.operator(), ((TestResultSet) e.payload()).outcome()));
            boolean disagree = latestByOperator.values().stream().anyMatch(o -> !Objects.equals(o, last));
            assertThat(record.disagreement().isPresent()).as("disputed").isEqualTo(disagree);
        }
    }
}
