package io.incidentconsole.incident;

import io.incidentconsole.incident.EventPayload.GateOverridden;
import io.incidentconsole.incident.EventPayload.IncidentStarted;
import io.incidentconsole.incident.EventPayload.PhaseCompleted;
import io.incidentconsole.incident.EventPayload.PhaseStarted;
import io.incidentconsole.incident.EventPayload.PhaseStatusChanged;
import io.incidentconsole.plan.PhaseStatus;

/** The fold of the incident's start and each phase's lifecycle: start, status changes, completion, overrides. */
final class PhaseFold {

    private PhaseFold() {
    }

    static void register(FoldHandlers.Table table) {
        table.on(IncidentStarted.class, PhaseFold::incidentStarted);
        table.on(PhaseStarted.class, PhaseFold::phaseStarted);
        table.on(PhaseCompleted.class, PhaseFold::phaseCompleted);
        table.on(PhaseStatusChanged.class, PhaseFold::statusChanged);
        table.on(GateOverridden.class, (f, e, p) -> f.phases.put(p.phaseId(), f.phase(p.phaseId())
                .withOverride(new PhaseState.GateOverride(p.gate(), p.reason(), e.operator(), e.at()))));
    }

    private static void incidentStarted(Fold f, Event event, IncidentStarted p) {
        f.started = new StartRecord(p.incidentId(), p.planTitle(), p.planSha256(), event.operator(), event.at());
        f.datePlanDeclaredPasses(event.at());
    }

    private static void phaseStarted(Fold f, Event event, PhaseStarted p) {
        PhaseState phase = f.phase(p.phaseId());
        if (phase.status() == PhaseStatus.IN_PROGRESS) {
            return; // started again: it keeps when it first started
        }
        // A complete phase is reopened by a status change only (0.1's team consoles), never by a start.
        if (phase.status() == PhaseStatus.COMPLETE
                || !PhaseLifecycle.allowed(phase.status(), PhaseStatus.IN_PROGRESS)) {
            f.ignore(event, "ignored: a phase that is " + phase.status().label() + " cannot start");
            return;
        }
        f.phases.put(p.phaseId(), phase.started(event.at()));
    }

    private static void statusChanged(Fold f, Event event, PhaseStatusChanged p) {
        PhaseState phase = f.phase(p.phaseId());
        PhaseStatus to = p.status();
        boolean byItsOwnEvent = to == PhaseStatus.ROLLING_BACK || to == PhaseStatus.ROLLED_BACK;
        if (byItsOwnEvent || (to != phase.status() && !PhaseLifecycle.allowed(phase.status(), to))) {
            f.ignore(event, "ignored: a phase that is " + phase.status().label() + " cannot be set " + to.label());
            return;
        }
        if (to == PhaseStatus.COMPLETE) {
            if (phase.status() != PhaseStatus.COMPLETE) {
                f.phases.put(p.phaseId(), phase.completed(phase.confirmedOpenItems(), event.at(),
                        f.verifiedNow(p.phaseId())).withStatusReason(p.reason()));
                f.completions.put(p.phaseId(), new Completion(p.phaseId(), event.operator(), event.at(), event.id()));
            }
            return;
        }
        f.phases.put(p.phaseId(), phase.withStatus(to, p.reason(), event.at()));
        f.completions.remove(p.phaseId());
    }

    /**
     * A phase is completed once: a second completion (two consoles raced, or one was offline) leaves the first
     * standing and is only noted, so the state depends on the database's order alone.
     */
    private static void phaseCompleted(Fold f, Event event, PhaseCompleted p) {
        PhaseState phase = f.phase(p.phaseId());
        if (phase.status() == PhaseStatus.COMPLETE) {
            Completion first = f.completions.get(p.phaseId());
            f.ignore(event, first == null ? "ignored: the phase was already complete"
                    : "ignored: already completed " + first.byWhomAndWhen());
            return;
        }
        if (!PhaseLifecycle.allowed(phase.status(), PhaseStatus.COMPLETE)) {
            f.ignore(event, "ignored: a phase that is " + phase.status().label() + " cannot be completed");
            return;
        }
        f.phases.put(p.phaseId(), phase.completed(p.confirmedOpenItems(), event.at(), f.verifiedNow(p.phaseId())));
        f.completions.put(p.phaseId(), new Completion(p.phaseId(), event.operator(), event.at(), event.id()));
    }
}
