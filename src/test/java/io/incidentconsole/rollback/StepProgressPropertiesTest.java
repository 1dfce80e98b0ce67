package io.incidentconsole.rollback;

import io.incidentconsole.incident.Event;
import io.incidentconsole.incident.EventPayload;
import io.incidentconsole.incident.EventPayload.StepDecision;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fold a restarted console resumes from: whatever steps were started, finished, skipped or decided, undoing
 * an event is the same as never having recorded it, and the fold of a journal never depends on other procedures.
 */
class StepProgressPropertiesTest {

    private static final Instant T0 = Instant.parse("2026-12-07T03:00:00Z");
    private static final List<String> STEPS = List.of("p.s1", "p.s2", "p.s3");

    @Provide
    Arbitrary<EventPayload> stepEvents() {
        Arbitrary<String> step = Arbitraries.of(STEPS);
        Arbitrary<String> run = Arbitraries.of("r1", "r2");
        return Arbitraries.oneOf(
                run.flatMap(r -> step.map(s -> new EventPayload.StepStarted(r, "rb", "p", s, 1, null, "echo", 1,
                        Duration.ofMinutes(1)))),
                run.flatMap(r -> step.flatMap(s -> Arbitraries.of(0, 1, 143).map(code ->
                        new EventPayload.StepFinished(r, "p", s, 1, code, code == 143, false, Duration.ofSeconds(1),
                                "tail", null)))),
                run.flatMap(r -> step.map(s -> new EventPayload.StepSkipped(r, "p", s, "why"))),
                run.flatMap(r -> step.flatMap(s -> Arbitraries.of(StepDecision.class).map(d ->
                        new EventPayload.StepOutcomeDecided(r, "p", s, d, null)))),
                run.map(r -> new EventPayload.StepRunAborted(r, "rb", "p", "stop")),
                step.map(s -> new EventPayload.StepStarted("other-run", "rb", "other", s, 1, null, "echo", 1,
                        Duration.ofMinutes(1))));
    }

    private static List<Event> journal(List<EventPayload> payloads) {
        List<Event> events = new ArrayList<>();
        for (EventPayload payload : payloads) {
            events.add(new Event("e" + (events.size() + 1), events.size() + 1, T0.plusSeconds(events.size()), "ana",
                    payload));
        }
        return events;
    }

    @Property(tries = 300)
    void undoingAnEventIsTheSameAsNeverRecordingIt(@ForAll @Size(min = 1, max = 25) List<@net.jqwik.api.From("stepEvents") EventPayload> payloads,
                                                    @ForAll @IntRange(min = 0, max = 24) int pick) {
        List<Event> events = journal(payloads);
        Event undone = events.get(pick % events.size());
        List<Event> without = new ArrayList<>(events);
        without.remove(undone);
        StepProgress withUndo = StepProgress.of("p", events, Set.of(undone.id())::contains);
        StepProgress neverRecorded = StepProgress.of("p", without, id -> false);
        assertThat(withUndo).isEqualTo(neverRecorded);
    }

    @Property(tries = 300)
    void anotherProceduresEventsChangeNothing(@ForAll @Size(max = 25) List<@net.jqwik.api.From("stepEvents") EventPayload> payloads) {
        List<Event> events = journal(payloads);
        List<Event> ownOnly = events.stream().filter(e -> !(e.payload() instanceof EventPayload.StepStarted s
                && s.procedureId().equals("other"))).toList();
        assertThat(StepProgress.of("p", events, id -> false).steps())
                .isEqualTo(StepProgress.of("p", ownOnly, id -> false).steps());
    }

    @Property(tries = 300)
    void theRunGoesOnFromTheFirstStepNotDone(@ForAll @Size(max = 25) List<@net.jqwik.api.From("stepEvents") EventPayload> payloads) {
        StepProgress progress = StepProgress.of("p", journal(payloads), id -> false);
        List<StepCommand> commands = List.of(new StepCommand("p.s1", 1, null, "echo", Duration.ofMinutes(1)),
                new StepCommand("p.s2", 2, null, "echo", Duration.ofMinutes(1)),
                new StepCommand("p.s3", 3, null, "echo", Duration.ofMinutes(1)));
        var next = progress.firstNotDone(commands);
        for (StepCommand command : commands) {
            if (next.isPresent() && command.number() < next.get().number()) {
                assertThat(progress.state(command.stepId()).status().done()).isTrue();
            }
        }
        next.ifPresent(n -> assertThat(progress.state(n.stepId()).status().done()).isFalse());
        assertThat(progress.complete(commands)).isEqualTo(progress.started() && next.isEmpty());
    }
}
