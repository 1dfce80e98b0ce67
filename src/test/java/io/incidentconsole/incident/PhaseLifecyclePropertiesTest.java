package io.incidentconsole.incident;

import io.incidentconsole.incident.EventPayload.AuditChecked;
import io.incidentconsole.incident.EventPayload.DecisionTaken;
import io.incidentconsole.incident.EventPayload.GateOverridden;
import io.incidentconsole.incident.EventPayload.GuidedStepDone;
import io.incidentconsole.incident.EventPayload.PhaseCompleted;
import io.incidentconsole.incident.EventPayload.PhaseStarted;
import io.incidentconsole.incident.EventPayload.PhaseStatusChanged;
import io.incidentconsole.incident.EventPayload.RollbackFinished;
import io.incidentconsole.incident.EventPayload.RollbackStarted;
import io.incidentconsole.incident.EventPayload.SignOffGiven;
import io.incidentconsole.incident.EventPayload.TaskTicked;
import io.incidentconsole.incident.EventPayload.TaskUnticked;
import io.incidentconsole.incident.EventPayload.TestResultSet;
import io.incidentconsole.incident.EventPayload.WaitStarted;
import io.incidentconsole.plan.PhaseStatus;
import io.incidentconsole.plan.Plan;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Folding any sequence of actions (including ones the commands would refuse, as another console or an older version
 * might have recorded them) never yields a state the lifecycle forbids: every status change is an allowed transition,
 * and each status carries what it needs.
 */
class PhaseLifecyclePropertiesTest {

    private static final Plan PLAN = Fixtures.plan();
    private static final List<String> PHASES = List.of("backup", "migrate", "cleanup");

    @Provide
    Arbitrary<List<EventPayload>> actions() {
        Arbitrary<String> phase = Arbitraries.of(PHASES);
        Arbitrary<String> task = Arbitraries.of("backup.task-1", "backup.task-2", "migrate.run", "migrate.verify");
        Arbitrary<String> text = Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(6);
        Arbitrary<EventPayload> one = Arbitraries.oneOf(
                phase.map(PhaseStarted::new),
                phase.map(p -> new PhaseCompleted(p, List.of())),
                Combinators.combine(phase, Arbitraries.of(PhaseStatus.class), text)
                        .as(PhaseStatusChanged::new),
                Combinators.combine(phase, Arbitraries.of("dependencies", "approval", "decision", "audit",
                        "verification"), text).as(GateOverridden::new),
                Combinators.combine(phase, task, Arbitraries.of("backup.snapshot").injectNull(0.5))
                        .as(TaskTicked::new),
                Combinators.combine(phase, task).as(TaskUnticked::new),
                Combinators.combine(Arbitraries.of("smoke.check-1", "smoke.check-2", "smoke.checkout"),
                                Arbitraries.of(TestOutcome.class), text.injectNull(0.5))
                        .as((t, o, n) -> new TestResultSet("smoke", t, null, o, n)),
                Combinators.combine(phase, Arbitraries.of(true, false))
                        .as((p, ok) -> new AuditChecked(p, "ab", ok, List.of())),
                phase.map(p -> new RollbackStarted("rollback-db", "rollback-db.restore", "why", p)),
                Combinators.combine(phase, Arbitraries.of(true, false))
                        .as((p, ok) -> new RollbackFinished("rollback-db", "rollback-db.restore", ok, null, p)),
                Arbitraries.just(new RollbackStarted("rollback-db", "rollback-db.restore", "old style")),
                Arbitraries.just(new GuidedStepDone("backup", "backup.snapshot", List.of("backup.task-1"))),
                Arbitraries.of("proceed", "stop").map(o -> new DecisionTaken("go-no-go", List.of(), o)),
                Arbitraries.just(new SignOffGiven("signoff.lead", "Lead", null)),
                Arbitraries.just(new WaitStarted("backup", "backup.snapshot", Duration.ofMinutes(1))));
        return one.list().ofMaxSize(40);
    }

    @Property(tries = 300)
    void foldingNeverYieldsAStateTheLifecycleForbids(@ForAll("actions") List<EventPayload> actions) {
        IncidentState state = IncidentState.initial(PLAN);
        Instant at = Instant.parse("2026-11-27T08:00:00Z");
        int seq = 0;
        List<Event> events = new ArrayList<>();
        for (EventPayload payload : actions) {
            seq++;
            Event event = new Event("e" + seq, seq, at.plusSeconds(seq), seq % 2 == 0 ? "ana" : "bo", payload);
            events.add(event);
            IncidentState next = state.apply(event);
            for (String id : PHASES) {
                PhaseStatus from = state.phase(id).status();
                PhaseStatus to = next.phase(id).status();
                if (from != to) {
                    assertThat(PhaseLifecycle.allowed(from, to))
                            .as("%s moved %s -> %s on %s", id, from, to, payload).isTrue();
                }
                invariants(next, id);
            }
            state = next;
        }
        assertThat(IncidentState.replay(PLAN, events)).isEqualTo(state);
    }

    private static void invariants(IncidentState state, String id) {
        PhaseState phase = state.phase(id);
        if (phase.verified()) {
            assertThat(phase.status()).as("only a complete phase is verified").isEqualTo(PhaseStatus.COMPLETE);
        }
        assertThat(state.completion(id).isPresent()).as("completion of %s while %s", id, phase.status())
                .isEqualTo(phase.status() == PhaseStatus.COMPLETE);
        if (phase.status() == PhaseStatus.COMPLETE) {
            assertThat(phase.completedAt()).isNotNull();
            assertThat(phase.startedAt()).isNotNull();
        }
        if (phase.status() == PhaseStatus.IN_PROGRESS || phase.status() == PhaseStatus.ROLLING_BACK) {
            assertThat(phase.startedAt()).isNotNull();
            assertThat(phase.completedAt()).isNull();
        }
        if (phase.status() == PhaseStatus.ROLLED_BACK) {
            assertThat(phase.retestAfterSeq()).isPositive();
            assertThat(state.testsOf(id)).allMatch(r -> r.latest().seq() > phase.retestAfterSeq());
        }
    }
}
