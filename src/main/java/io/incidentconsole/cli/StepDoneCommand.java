package io.incidentconsole.cli;

import io.incidentconsole.incident.EventPayload;
import io.incidentconsole.incident.IncidentState;
import io.incidentconsole.incident.PhaseLifecycle;
import io.incidentconsole.plan.GuidedStep;
import io.incidentconsole.plan.Phase;
import io.incidentconsole.plan.Task;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;

@Command(name = "step", mixinStandardHelpOptions = true,
        description = {"Mark step N of a phase done (or undone): its guided step N when the phase has guided steps, "
                + "else its task N. A guided step and the task(s) it is are one item: one event ticks both.",
                "The phase must be IN PROGRESS; a step after the phase's audit step waits for a passing audit.",
                "Exit 0 recorded; 3 refused (stderr says why and how to override); 2 bad value; 1 unreadable "
                        + "incident; 4 a console holds the incident."})
final class StepDoneCommand implements Callable<Integer> {

    private final Clock clock;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "INCIDENT_DIR", description = "The incident's folder.")
    Path folder;

    @Parameters(index = "1", paramLabel = "PHASE_ID", description = "The phase's id in the plan.")
    String phaseId;

    @Parameters(index = "2", paramLabel = "N", description = "The step's number, counting from 1.")
    int number;

    @Parameters(index = "3", paramLabel = "done|undone", description = "done (or undone, to untick a task).")
    String what;

    @Option(names = "--reason", paramLabel = "TEXT", description = "Why an overridden gate may be passed.")
    String reason;

    @Mixin
    Overrides overrides = new Overrides();

    @Mixin
    RecorderOptions recorder = new RecorderOptions();

    StepDoneCommand(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Integer call() {
        boolean done = "done".equalsIgnoreCase(what);
        if (!done && !"undone".equalsIgnoreCase(what)) {
            spec.commandLine().getErr().println("error: say 'done' or 'undone' after the step number, not '" + what
                    + "'");
            return ExitCodes.BAD_VALUE;
        }
        return IncidentRecorder.run(folder, recorder.operator(), clock, spec.commandLine().getErr(), incident -> {
            IncidentState state = incident.state();
            Phase phase = state.plan().phase(phaseId).orElseThrow(() -> new IncidentRecorder.BadValueException(
                    "the plan has no phase '" + phaseId + "'"));
            boolean guided = !phase.guidedSteps().isEmpty();
            int count = guided ? phase.guidedSteps().size() : phase.tasks().size();
            if (number < 1 || number > count) {
                throw new IncidentRecorder.BadValueException("phase " + phase.label() + " has " + count + " "
                        + (guided ? "guided steps" : "tasks") + "; N counts from 1 to " + count + ", not " + number);
            }
            String text;
            if (guided) {
                GuidedStep step = phase.guidedSteps().get(number - 1);
                text = step.title();
                if (done) {
                    EventPayload event = PhaseLifecycle.stepDone(state.plan(), phaseId, step.id());
                    overrides.recordThrough(incident, phaseId, PhaseLifecycle.stepRefusal(state, phaseId, step.id()),
                            reason, event);
                } else {
                    for (String task : PhaseLifecycle.tasksOf(state.plan(), phaseId, step.id())) {
                        incident.record(PhaseLifecycle.taskTick(incident.state(), phaseId, task, false));
                    }
                }
            } else {
                Task task = phase.tasks().get(number - 1);
                text = task.text();
                EventPayload event = PhaseLifecycle.taskTick(state, phaseId, task.id(), done);
                if (done) {
                    overrides.recordThrough(incident, phaseId, PhaseLifecycle.taskRefusal(state, phaseId, task.id()),
                            reason, event);
                } else {
                    incident.record(event);
                }
            }
            spec.commandLine().getOut().println((done ? "Done: " : "Undone: ") + text);
            return ExitCodes.DONE;
        });
    }

}
