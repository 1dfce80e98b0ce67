package io.incidentconsole.incident;

import io.incidentconsole.plan.Plan;
import io.incidentconsole.plan.PlanLoader;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The incremental who-ticked-what equals folding every event, whatever the journal did in between. */
class LatestTicksPropertyTest {

    private static final Plan PLAN = new PlanLoader().loadBundledSeed().plan();
    private static final List<String> PHASES = List.of("p330-1", "p330-2");
    private static final List<String> TASKS = List.of("task-1", "task-2", "task-3");

    /** One step of a journal's life: an event of some kind, or the console asking / being handed another list. */
    record Step(int kind, int phase, int task, int target, boolean ticked, boolean ask) {
    }

    @Provide
    Arbitrary<Step> steps() {
        return Combinators.combine(Arbitraries.integers().between(0, 7), Arbitraries.integers().between(0, 1),
                        Arbitraries.integers().between(0, 2), Arbitraries.integers().between(0, 1000),
                        Arbitraries.of(true, false), Arbitraries.of(true, false))
                .as(Step::new);
    }

    @Property(tries = 300)
    void askingAfterEveryChangeGivesTheSameTicksAsFoldingEverything(@ForAll @Size(max = 80) List<@net.jqwik.api.From(
            "steps") Step> steps) {
        List<Event> events = new ArrayList<>();
        Event start = event(events, new EventPayload.IncidentStarted("inc", "Plan", "sha"));
        IncidentState state = IncidentState.initial(PLAN).apply(start);
        LatestTicks latest = new LatestTicks();
        for (Step step : steps) {
            String phase = PHASES.get(step.phase());
            String task = phase + "." + TASKS.get(step.task());
            EventPayload payload = switch (step.kind()) {
                case 0, 1 -> new EventPayload.TaskTicked(phase, task);
                case 2 -> new EventPayload.TaskUnticked(phase, task);
                case 3 -> new EventPayload.GuidedStepDone(phase, "step-" + step.task(), List.of(task));
                case 4 -> new EventPayload.CriterionTicked(phase, "c" + step.task(), step.ticked());
                case 5 -> new EventPayload.Undo(events.get(step.target() % events.size()).id());
                case 6 -> new EventPayload.NoteAdded(phase, "note");
                default -> null; // the console is handed another list: a team reload to an earlier point
            };
            if (payload == null) {
                state = IncidentState.replay(PLAN, List.copyOf(events.subList(0, 1 + step.target() % events.size())));
                events = new ArrayList<>(state.events());
            } else {
                state = state.apply(event(events, payload));
            }
            if (step.ask()) {
                assertThat(latest.of(state)).isEqualTo(LatestTicks.fold(state));
            }
        }
        Map<String, Event> whole = LatestTicks.fold(state);
        assertThat(latest.of(state)).isEqualTo(whole);
        assertThat(new LatestTicks().of(state)).isEqualTo(whole);
    }

    private static Event event(List<Event> events, EventPayload payload) {
        Event event = new Event("e" + events.size() + "-" + System.identityHashCode(payload), events.size() + 1,
                Instant.parse("2026-11-27T08:00:00Z").plusSeconds(events.size()), "ana", payload);
        events.add(event);
        return event;
    }
}
