package io.incidentconsole.incident;

import io.incidentconsole.plan.PhaseStatus;
import io.incidentconsole.plan.Plan;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A task is ticked by the rules its guided step follows: not before its phase is started (its gates are checked
 * then), whoever ticks it (the board, the command line). Unticking is never refused.
 */
class TaskRefusalTest {

    private static final Plan PLAN = Fixtures.plan();

    private IncidentState state = IncidentState.initial(PLAN);
    private int seq;

    private void record(EventPayload payload) {
        seq++;
        state = state.apply(new Event("e" + seq, seq, Instant.parse("2026-11-27T08:00:00Z").plusSeconds(seq), "ana",
                payload));
    }

    @Test
    void aTaskOfAPhaseNotStartedIsRefusedWithWhatToDo() {
        assertThat(PhaseLifecycle.taskRefusal(state, "migrate", "migrate.run")).hasValueSatisfying(r ->
                assertThat(r.message()).isEqualTo("phase 2: Migrate is PENDING; start it first (its gates are "
                        + "checked then)"));
        assertThat(PhaseLifecycle.taskRefusal(state, "migrate", "migrate.run").orElseThrow().overridable())
                .as("not a gate: starting the phase is what passes its gates").isFalse();
    }

    @Test
    void aTaskThatIsAGuidedStepFollowsTheStepsRules() {
        assertThat(PhaseLifecycle.taskRefusal(state, "backup", "backup.task-1")).isEqualTo(
                PhaseLifecycle.stepRefusal(state, "backup", "backup.snapshot"));
        record(new EventPayload.PhaseStarted("backup"));
        assertThat(PhaseLifecycle.taskRefusal(state, "backup", "backup.task-1")).isEmpty();
        assertThat(PhaseLifecycle.taskRefusal(state, "backup", "backup.task-2")).isEmpty();
    }

    @Test
    void aStartedPhasesTasksTickAndACompletedOnesDoNot() {
        record(new EventPayload.PhaseStarted("backup"));
        record(new EventPayload.GateOverridden("migrate", "dependencies", "drill"));
        record(new EventPayload.PhaseStarted("migrate"));
        assertThat(PhaseLifecycle.taskRefusal(state, "migrate", "migrate.run")).isEmpty();
        record(new EventPayload.GateOverridden("migrate", "verification", "drill"));
        record(new EventPayload.GateOverridden("migrate", "audit", "drill"));
        record(new EventPayload.PhaseCompleted("migrate", List.of()));
        assertThat(state.phase("migrate").status()).isEqualTo(PhaseStatus.COMPLETE);
        assertThat(PhaseLifecycle.taskRefusal(state, "migrate", "migrate.verify")).isPresent();
    }

    @Test
    void aCriterionIsConfirmedOnceItsPhaseIsUnderWayOrDoneAndNotBefore() {
        assertThat(PhaseLifecycle.criterionRefusal(state, "backup")).hasValueSatisfying(r ->
                assertThat(r.message()).isEqualTo("phase 1: Backup is PENDING; start it first (its gates are "
                        + "checked then)"));
        record(new EventPayload.PhaseStarted("backup"));
        assertThat(PhaseLifecycle.criterionRefusal(state, "backup")).isEmpty();
        record(new EventPayload.GateOverridden("backup", "verification", "drill"));
        record(new EventPayload.GateOverridden("backup", "audit", "drill"));
        record(new EventPayload.PhaseCompleted("backup", List.of()));
        assertThat(state.phase("backup").status()).isEqualTo(PhaseStatus.COMPLETE);
        assertThat(PhaseLifecycle.criterionRefusal(state, "backup")).as("some criteria hold only a day later")
                .isEmpty();
        assertThat(PhaseLifecycle.criterionRefusal(state, "nope")).hasValueSatisfying(r ->
                assertThat(r.message()).isEqualTo("the plan has no phase 'nope'"));
    }

    @Test
    void anUnknownPhaseIsNamed() {
        assertThat(PhaseLifecycle.taskRefusal(state, "nope", "x")).hasValueSatisfying(r ->
                assertThat(r.message()).isEqualTo("the plan has no phase 'nope'"));
    }
}
