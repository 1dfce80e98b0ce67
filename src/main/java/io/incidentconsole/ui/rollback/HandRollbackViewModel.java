package io.incidentconsole.ui.rollback;

import io.incidentconsole.incident.EventPayload;
import io.incidentconsole.incident.IncidentState;
import io.incidentconsole.incident.PhaseLifecycle;
import io.incidentconsole.plan.Phase;
import io.incidentconsole.plan.PhaseStatus;
import io.incidentconsole.rollback.RollbackTarget;
import io.incidentconsole.ui.incident.IncidentSession;
import javafx.beans.InvalidationListener;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;

import java.util.Optional;

/**
 * A rollback the operator ran by hand (outside the console) for the selected procedure's phase: "I ran it by
 * hand…" records the start (the phase shows ROLLING BACK), "Rolled back (done by hand)" the end (ROLLED BACK). Both
 * ask {@link PhaseLifecycle} first, so a move the lifecycle refuses is explained and nothing is recorded.
 */
public final class HandRollbackViewModel {

    private final IncidentSession session;
    private final ObservableValue<RollbackTarget> selected;
    private final ReadOnlyStringWrapper phaseLine = new ReadOnlyStringWrapper(this, "phaseLine", "");
    private final ReadOnlyBooleanWrapper applies = new ReadOnlyBooleanWrapper(this, "applies");
    private final ReadOnlyBooleanWrapper canStart = new ReadOnlyBooleanWrapper(this, "canStart");
    private final ReadOnlyBooleanWrapper canFinish = new ReadOnlyBooleanWrapper(this, "canFinish");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final InvalidationListener changed = obs -> refresh();

    public HandRollbackViewModel(IncidentSession session, ObservableValue<RollbackTarget> selected) {
        this.session = session;
        this.selected = selected;
    }

    public void activate() {
        selected.addListener(changed);
        session.stateProperty().addListener(changed);
        session.writableBinding().addListener(changed);
        refresh();
    }

    public void deactivate() {
        selected.removeListener(changed);
        session.stateProperty().removeListener(changed);
        session.writableBinding().removeListener(changed);
    }

    /**
     * The phase of the selected procedure a by-hand rollback moves: the first it names that is rolling back, else
     * the first that may start rolling back, else the first it names.
     */
    Optional<String> phaseId() {
        IncidentState state = session.stateProperty().get();
        RollbackTarget target = selected.getValue();
        if (state == null || target == null) {
            return Optional.empty();
        }
        var phases = target.procedure().phases().stream().filter(id -> state.plan().phase(id).isPresent()).toList();
        return phases.stream().filter(id -> state.phase(id).status() == PhaseStatus.ROLLING_BACK).findFirst()
                .or(() -> phases.stream().filter(id -> PhaseLifecycle.check(state, id,
                        PhaseLifecycle.Action.ROLLBACK).isEmpty()).findFirst())
                .or(() -> phases.stream().findFirst());
    }

    private void refresh() {
        IncidentState state = session.stateProperty().get();
        Optional<String> phaseId = phaseId();
        applies.set(phaseId.isPresent());
        if (phaseId.isEmpty()) {
            phaseLine.set("");
            canStart.set(false);
            canFinish.set(false);
            return;
        }
        String id = phaseId.get();
        Phase phase = state.plan().phase(id).orElseThrow();
        Optional<PhaseLifecycle.Refusal> start = PhaseLifecycle.check(state, id, PhaseLifecycle.Action.ROLLBACK);
        Optional<PhaseLifecycle.Refusal> finish = PhaseLifecycle.check(state, id, PhaseLifecycle.Action.ROLLED_BACK);
        boolean writable = session.writableBinding().get();
        // The lifecycle takes a second start of a rollback already under way; by hand, one start is enough.
        canStart.set(writable && start.isEmpty() && state.phase(id).status() != PhaseStatus.ROLLING_BACK);
        canFinish.set(writable && finish.isEmpty());
        // Neither move is open only while the phase is PENDING (nothing to undo) or already ROLLED BACK.
        String why = state.phase(id).status() == PhaseStatus.PENDING ? " — nothing of it was done yet to roll back"
                : "";
        String issues = String.join(", ", phase.issues().stream().map(i -> "#" + i).toList());
        phaseLine.set((issues.isEmpty() ? "" : issues + " ") + "Phase " + phase.label() + " is "
                + PhaseLifecycle.label(state, id) + why);
    }

    /** Records that the operator started the rollback by hand; returns false (and says why) when nothing was. */
    public boolean startByHand(String reason) {
        if (reason == null || reason.isBlank()) {
            problem.set("Say what you ran by hand and why: the reason is recorded in the journal.");
            return false;
        }
        return recordChecked(target -> new EventPayload.RollbackStarted(target.runbook().id(),
                target.procedure().id(), reason.strip(), phaseId().orElseThrow()));
    }

    /** Records that the rollback done by hand finished and succeeded: the phase shows ROLLED BACK. */
    public boolean finishByHand() {
        return recordChecked(target -> new EventPayload.RollbackFinished(target.runbook().id(),
                target.procedure().id(), true, "done by hand", phaseId().orElseThrow()));
    }

    private boolean recordChecked(java.util.function.Function<RollbackTarget, EventPayload> event) {
        IncidentState state = session.stateProperty().get();
        RollbackTarget target = selected.getValue();
        if (state == null || target == null || phaseId().isEmpty()) {
            problem.set("No incident is open, or this procedure belongs to no phase of it.");
            return false;
        }
        EventPayload payload = event.apply(target);
        Optional<PhaseLifecycle.Refusal> refused = PhaseLifecycle.refusal(state, payload);
        if (refused.isPresent()) {
            problem.set("Not recorded: " + refused.get().message() + ".");
            return false;
        }
        problem.set("");
        session.record(payload);
        return true;
    }

    /** "#330 Phase 1: Emergency N+1 Fixes is IN PROGRESS"; empty when the selected procedure belongs to no phase. */
    public ReadOnlyStringProperty phaseLineProperty() {
        return phaseLine.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty appliesProperty() {
        return applies.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canStartProperty() {
        return canStart.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canFinishProperty() {
        return canFinish.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public void clearProblem() {
        problem.set("");
    }
}
