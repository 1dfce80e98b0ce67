package io.incidentconsole.incident;

import io.incidentconsole.incident.EventPayload.RollbackFinished;
import io.incidentconsole.incident.EventPayload.RollbackStarted;
import io.incidentconsole.plan.Phase;
import io.incidentconsole.plan.PhaseStatus;

import java.time.Instant;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/** The fold of rollbacks: the run's record, the phase rolling back and rolled back, and its dependents waiting. */
final class RollbackFold {

    private RollbackFold() {
    }

    static void register(FoldHandlers.Table table) {
        table.on(RollbackStarted.class, RollbackFold::rollbackStarted);
        table.on(RollbackFinished.class, RollbackFold::rollbackFinished);
    }

    private static void rollbackStarted(Fold f, Event event, RollbackStarted p) {
        f.rollbacks.add(new RollbackRecord(p.runbookId(), p.procedureId(), p.reason(), event.operator(), event.at(),
                null, null, null));
        if (p.phaseId() == null) {
            return; // written before rollbacks named their phase: no phase changes
        }
        PhaseState phase = f.phase(p.phaseId());
        if (phase.status() == PhaseStatus.ROLLING_BACK) {
            return;
        }
        if (!PhaseLifecycle.allowed(phase.status(), PhaseStatus.ROLLING_BACK)) {
            f.ignore(event, "ignored for the phase: a phase that is " + phase.status().label()
                    + " cannot be rolled back");
            return;
        }
        f.phases.put(p.phaseId(), phase.withStatus(PhaseStatus.ROLLING_BACK, p.reason(), event.at()));
        f.completions.remove(p.phaseId());
        dependentsWait(f, p.phaseId(), event.at());
    }

    private static void rollbackFinished(Fold f, Event event, RollbackFinished p) {
        finishRun(f, p, event.at());
        if (p.phaseId() == null || !p.succeeded()) {
            return; // a failed rollback leaves the phase ROLLING BACK: it still needs the operator
        }
        PhaseState phase = f.phase(p.phaseId());
        if (phase.status() != PhaseStatus.ROLLING_BACK) {
            f.ignore(event, "ignored for the phase: it was " + phase.status().label() + ", not ROLLING BACK");
            return;
        }
        f.phases.put(p.phaseId(), phase.rolledBack(p.note(), event.at(), event.seq()));
    }

    /**
     * The phases that depend (directly or not) on a phase being rolled back and had started (in progress, or set
     * BLOCKED or EVAL since) wait again; complete ones and ones that never started (an EVAL the plan declares)
     * keep their status.
     */
    private static void dependentsWait(Fold f, String phaseId, Instant at) {
        Set<String> affected = new HashSet<>(Set.of(phaseId));
        boolean grew = true;
        while (grew) {
            grew = false;
            for (Phase phase : f.plan.phases()) {
                if (!affected.contains(phase.id()) && phase.dependsOn().stream().anyMatch(affected::contains)) {
                    affected.add(phase.id());
                    grew = true;
                }
            }
        }
        affected.remove(phaseId);
        String label = f.plan.phase(phaseId).map(Phase::label).orElse(phaseId);
        for (String id : affected) {
            PhaseState dependent = f.phase(id);
            PhaseStatus status = dependent.status();
            boolean working = status == PhaseStatus.IN_PROGRESS || status == PhaseStatus.BLOCKED
                    || status == PhaseStatus.EVAL;
            if (working && dependent.startedAt() != null) {
                f.phases.put(id, dependent.withStatus(PhaseStatus.PENDING, "Waiting: " + label
                        + " is being rolled back", at));
            }
        }
    }

    /** The latest running record of the same runbook and procedure finishes; without one, a finished one is kept. */
    private static void finishRun(Fold f, RollbackFinished p, Instant at) {
        for (int i = f.rollbacks.size() - 1; i >= 0; i--) {
            RollbackRecord r = f.rollbacks.get(i);
            if (r.running() && r.runbookId().equals(p.runbookId())
                    && Objects.equals(r.procedureId(), p.procedureId())) {
                f.rollbacks.set(i, new RollbackRecord(r.runbookId(), r.procedureId(), r.reason(), r.startedBy(),
                        r.startedAt(), at, p.succeeded(), p.note()));
                return;
            }
        }
        f.rollbacks.add(new RollbackRecord(p.runbookId(), p.procedureId(), null, null, null, at, p.succeeded(),
                p.note()));
    }
}
