package io.incidentconsole.incident;

import io.incidentconsole.incident.EventPayload.AuditChecked;
import io.incidentconsole.incident.EventPayload.GuidedStepDone;
import io.incidentconsole.incident.EventPayload.TaskTicked;
import io.incidentconsole.incident.EventPayload.TaskUnticked;
import io.incidentconsole.incident.EventPayload.WaitCutShort;
import io.incidentconsole.incident.EventPayload.WaitStarted;

import java.time.Duration;
import java.time.Instant;

/** The fold of the work inside a phase: ticked tasks, guided steps, waits and audits. */
final class StepFold {

    private StepFold() {
    }

    static void register(FoldHandlers.Table table) {
        table.on(TaskTicked.class, (f, e, p) -> {
            PhaseState phase = f.phase(p.phaseId()).withTask(p.taskId(), true);
            f.phases.put(p.phaseId(), p.stepId() == null ? phase : phase.withStepDone(p.stepId()));
        });
        table.on(TaskUnticked.class, (f, e, p) -> {
            PhaseState phase = f.phase(p.phaseId()).withTask(p.taskId(), false);
            f.phases.put(p.phaseId(), p.stepId() == null ? phase : phase.withStepUndone(p.stepId()));
        });
        table.on(GuidedStepDone.class, StepFold::guidedStepDone);
        table.on(WaitStarted.class, (f, e, p) -> f.phases.put(p.phaseId(), f.phase(p.phaseId())
                .withWait(new PhaseState.Wait(p.stepId(), e.at(), p.duration(), null, null))));
        table.on(WaitCutShort.class, StepFold::waitCutShort);
        table.on(AuditChecked.class, (f, e, p) -> f.phases.put(p.phaseId(), f.phase(p.phaseId()).withAudit(
                new PhaseState.AuditRecord(p.outputSha256(), p.passed(), p.fields(), e.operator(), e.at()))));
    }

    private static void guidedStepDone(Fold f, Event event, GuidedStepDone p) {
        PhaseState phase = f.phase(p.phaseId()).withStepDone(p.stepId());
        for (String task : p.taskIds()) {
            phase = phase.withTask(task, true);
        }
        f.phases.put(p.phaseId(), phase);
    }

    private static void waitCutShort(Fold f, Event event, WaitCutShort p) {
        Instant at = event.at();
        PhaseState phase = f.phase(p.phaseId());
        PhaseState.Wait wait = phase.waits().get(p.stepId());
        PhaseState.Wait cut = wait == null
                ? new PhaseState.Wait(p.stepId(), at, Duration.ZERO, at, p.reason())
                : new PhaseState.Wait(p.stepId(), wait.startedAt(), wait.duration(), at, p.reason());
        f.phases.put(p.phaseId(), phase.withWait(cut));
    }
}
