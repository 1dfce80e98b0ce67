package io.incidentconsole.incident;

import io.incidentconsole.incident.storage.FileJournal;
import io.incidentconsole.incident.EventPayload.AlertAcknowledged;
import io.incidentconsole.incident.EventPayload.AlertCleared;
import io.incidentconsole.incident.EventPayload.AlertFired;
import io.incidentconsole.incident.EventPayload.Answer;
import io.incidentconsole.incident.EventPayload.CriterionTicked;
import io.incidentconsole.incident.EventPayload.DecisionTaken;
import io.incidentconsole.incident.EventPayload.GateOverridden;
import io.incidentconsole.incident.EventPayload.GuidedStepDone;
import io.incidentconsole.incident.EventPayload.NoteAdded;
import io.incidentconsole.incident.EventPayload.ParameterEntered;
import io.incidentconsole.incident.EventPayload.PhaseCompleted;
import io.incidentconsole.incident.EventPayload.PhaseStarted;
import io.incidentconsole.incident.EventPayload.PhaseStatusChanged;
import io.incidentconsole.incident.EventPayload.RollbackFinished;
import io.incidentconsole.incident.EventPayload.RollbackStarted;
import io.incidentconsole.incident.EventPayload.ScriptRun;
import io.incidentconsole.incident.EventPayload.SignOffGiven;
import io.incidentconsole.incident.EventPayload.TaskTicked;
import io.incidentconsole.incident.EventPayload.TaskUnticked;
import io.incidentconsole.incident.EventPayload.TestResultSet;
import io.incidentconsole.incident.EventPayload.TestStepTicked;
import io.incidentconsole.incident.EventPayload.Undo;
import io.incidentconsole.incident.EventPayload.UpdatePublished;
import io.incidentconsole.incident.EventPayload.WaitCutShort;
import io.incidentconsole.incident.EventPayload.WaitStarted;
import io.incidentconsole.plan.PhaseStatus;
import io.incidentconsole.plan.Plan;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Any sequence of operator actions and undos folds to the same state however it is folded or stored. */
class IncidentStatePropertiesTest {

    private static final Plan PLAN = Fixtures.plan();
    private Path dir;

    @BeforeProperty
    void createDir() throws IOException {
        dir = Files.createTempDirectory("state-properties");
    }

    @AfterProperty
    void removeDir() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** An operator action, or an undo of the n-th earlier event (modulo how many there are). */
    sealed interface Step {
    }

    record Act(EventPayload payload) implements Step {
    }

    record UndoEarlier(int index) implements Step {
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        Arbitrary<Step> undo = Arbitraries.integers().between(0, 1000).map(UndoEarlier::new);
        return Arbitraries.frequencyOf(
                        net.jqwik.api.Tuple.of(4, actions().map(Act::new)),
                        net.jqwik.api.Tuple.of(1, undo))
                .list().ofMaxSize(40);
    }

    @Provide
    Arbitrary<EventPayload> actions() {
        Arbitrary<String> phase = Arbitraries.of("backup", "migrate", "cleanup", "unknown-phase");
        Arbitrary<String> task = Arbitraries.of("backup.task-1", "backup.task-2", "migrate.run", "migrate.verify",
                "cleanup.task-1");
        Arbitrary<String> test = Arbitraries.of("smoke.check-1", "smoke.check-2", "smoke.checkout");
        Arbitrary<String> text = Arbitraries.strings().withCharRange(' ', '~').withChars('\n', 'é', '|').ofMinLength(1)
                .ofMaxLength(12).filter(s -> !s.isBlank());
        Arbitrary<String> maybePhase = phase.injectNull(0.3);
        return Arbitraries.oneOf(
                Combinators.combine(phase, task).as(TaskTicked::new),
                Combinators.combine(phase, task).as(TaskUnticked::new),
                phase.map(PhaseStarted::new),
                Combinators.combine(phase, text.list().ofMaxSize(2)).as(PhaseCompleted::new),
                Combinators.combine(phase, Arbitraries.of(PhaseStatus.class), text.injectNull(0.3))
                        .as(PhaseStatusChanged::new),
                Combinators.combine(phase, Arbitraries.of("dependencies", "audit"), text).as(GateOverridden::new),
                Combinators.combine(test, maybePhase, Arbitraries.of(TestOutcome.class), text.injectNull(0.5))
                        .as((t, p, o, n) -> new TestResultSet("smoke", t, p, o, n)),
                Combinators.combine(Arbitraries.integers().between(1, 3), Arbitraries.of(true, false))
                        .as((s, on) -> new TestStepTicked("smoke", "smoke.checkout", s, on)),
                Combinators.combine(Arbitraries.of("commit", "file"), text).as((n, v) -> new ParameterEntered(n, v, null)),
                Combinators.combine(Arbitraries.of("error-rate-high", "latency"), Arbitraries.doubles().between(0, 10))
                        .as((a, v) -> new AlertFired(a, "error-rate", v, "fired")),
                Arbitraries.of("error-rate-high", "latency").map(a -> new AlertAcknowledged(a, "ack")),
                Combinators.combine(Arbitraries.of("error-rate-high", "latency"), Arbitraries.doubles().between(0, 10))
                        .as((a, v) -> new AlertCleared(a, "error-rate", v, "cleared")),
                Combinators.combine(maybePhase, text).as(NoteAdded::new),
                Arbitraries.of("proceed", "stop").map(o -> new DecisionTaken("go-no-go", List.of(new Answer("q1", o)), o)),
                Arbitraries.of(true, false).map(on -> new CriterionTicked("rollback-db", "rollback-db.criterion-1", on)),
                text.map(r -> new RollbackStarted("rollback-db", "rollback-db.restore", r)),
                Arbitraries.of(true, false).map(ok -> new RollbackFinished("rollback-db", "rollback-db.restore", ok, null)),
                Arbitraries.integers().between(0, 2).map(code -> new ScriptRun("step", "ab", code, "tail")),
                Arbitraries.just(new GuidedStepDone("backup", "backup.snapshot")),
                Arbitraries.just(new WaitStarted("backup", "backup.snapshot", Duration.ofMinutes(10))),
                text.map(r -> new WaitCutShort("backup", "backup.snapshot", r)),
                text.map(t -> new UpdatePublished("stakeholders", null, t)),
                Arbitraries.just(new SignOffGiven("signoff.lead", "Lead", null)));
    }

    /** Turns steps into events the way a console would: undo steps name an earlier event. */
    private static List<Event> events(List<Step> steps) {
        List<Event> events = new ArrayList<>();
        Instant start = Instant.parse("2026-11-27T08:00:00.5Z");
        for (Step step : steps) {
            EventPayload payload;
            if (step instanceof UndoEarlier undo) {
                if (events.isEmpty()) {
                    continue;
                }
                payload = new Undo(events.get(undo.index() % events.size()).id());
            } else {
                payload = ((Act) step).payload();
            }
            int n = events.size() + 1;
            events.add(new Event("id-" + n, n, start.plusMillis(1500L * n), n % 2 == 0 ? "ana" : "bo", payload));
        }
        return events;
    }

    private static IncidentState oneByOne(List<Event> events) {
        IncidentState state = IncidentState.initial(PLAN);
        for (Event event : events) {
            state = state.apply(event);
        }
        return state;
    }

    @Property(tries = 150)
    void foldingOneByOneEqualsReplaying(@ForAll("steps") List<Step> steps) {
        List<Event> events = events(steps);
        assertThat(oneByOne(events)).isEqualTo(IncidentState.replay(PLAN, events));
    }

    /** The fold shares unchanged test results with the state before (copy on write): no later event may touch them. */
    @Property(tries = 150)
    void everyEarlierStateStaysAsItWasWhileLaterEventsAreFolded(@ForAll("steps") List<Step> steps) {
        List<Event> events = events(steps);
        List<IncidentState> states = new ArrayList<>();
        IncidentState state = IncidentState.initial(PLAN);
        for (Event event : events) {
            state = state.apply(event);
            states.add(state);
        }
        for (int i = 0; i < states.size(); i++) {
            assertThat(states.get(i)).as("after event %d", i + 1)
                    .isEqualTo(IncidentState.replay(PLAN, events.subList(0, i + 1)));
        }
    }

    @Property(tries = 60)
    void theStateSurvivesAWriteAndReplayRoundTrip(@ForAll("steps") List<Step> steps) throws IOException {
        Path journalDir = Files.createTempDirectory(dir, "journal");
        IncidentState live = IncidentState.initial(PLAN);
        try (FileJournal journal = FileJournal.open(journalDir)) {
            for (Event planned : events(steps)) {
                EventPayload payload = planned.payload();
                if (payload instanceof Undo undo) {
                    // The planned id is "id-N"; the journal gives real UUIDs, so point at the N-th real event.
                    int index = Integer.parseInt(undo.eventId().substring(3)) - 1;
                    payload = new Undo(journal.events().get(index).id());
                }
                live = live.apply(journal.append(planned.operator(), payload));
            }
        }
        try (FileJournal reopened = FileJournal.open(journalDir)) {
            assertThat(reopened.recovery().clean()).isTrue();
            assertThat(IncidentState.replay(PLAN, reopened.events())).isEqualTo(live);
        }
    }

    @Property(tries = 150)
    void undoingAnActionLeavesTheStateAsIfItHadNotHappened(@ForAll("steps") List<Step> before,
                                                           @ForAll("actions") EventPayload action) {
        List<Event> without = events(before);
        List<Event> with = new ArrayList<>(without);
        Instant at = Instant.parse("2027-01-01T00:00:00Z");
        Event acted = new Event("acted", with.size() + 1, at, "ana", action);
        with.add(acted);
        with.add(new Event("undo", with.size() + 1, at.plusSeconds(1), "ana", new Undo("acted")));
        assertThat(Effect.of(IncidentState.replay(PLAN, with))).isEqualTo(Effect.of(IncidentState.replay(PLAN, without)));

        with.add(new Event("redo", with.size() + 1, at.plusSeconds(2), "ana", new Undo("undo")));
        List<Event> once = new ArrayList<>(without);
        once.add(acted);
        assertThat(Effect.of(IncidentState.replay(PLAN, with))).isEqualTo(Effect.of(IncidentState.replay(PLAN, once)));
    }

    /** Everything a state says about the incident, without the events that led there. */
    record Effect(Object phases, Object tests, Object steps, Object parameters, Object decisions, Object criteria,
                  Object rollbacks, Object alerts, Object notes, Object signOffs, Object commands, Object updates) {
        static Effect of(IncidentState s) {
            return new Effect(s.phases(), s.tests(), s.testSteps(), s.parameters(), s.decisions(),
                    s.tickedCriteria("rollback-db"), s.rollbacks(), s.alerts(), s.notes(), s.signOffs(), s.commands(),
                    s.updates());
        }
    }
}
