package io.incidentconsole.cli;

import io.incidentconsole.incident.EventPayload;
import io.incidentconsole.incident.GateRefusedException;
import io.incidentconsole.incident.PhaseLifecycle;
import io.incidentconsole.plan.Criterion;
import io.incidentconsole.plan.Phase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "criterion", mixinStandardHelpOptions = true,
        description = {"Confirm (met) or clear (unmet) a phase's success criterion N (from 1); --observed records the "
                + "value the confirmation rests on, e.g. \"convex_calls = 2.7M\".",
                "Exit 0 recorded; 2 bad value; 1 unreadable incident; 3 refused (the phase is not under way); 4 a console "
                        + "holds the incident."})
final class CriterionCommand implements Callable<Integer> {

    private final Clock clock;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "INCIDENT_DIR", description = "The incident's folder.")
    Path folder;

    @Parameters(index = "1", paramLabel = "PHASE_ID", description = "The phase's id.")
    String phaseId;

    @Parameters(index = "2", paramLabel = "N", description = "The criterion's number, counting from 1.")
    int number;

    @Parameters(index = "3", paramLabel = "met|unmet", description = "met or unmet.")
    String what;

    @Option(names = "--observed", paramLabel = "VALUE", description = "The observed value it rests on.")
    String observed;

    @Mixin
    RecorderOptions recorder = new RecorderOptions();

    CriterionCommand(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Integer call() {
        boolean met = "met".equalsIgnoreCase(what);
        if (!met && !"unmet".equalsIgnoreCase(what)) {
            spec.commandLine().getErr().println("error: say 'met' or 'unmet' after the number, not '" + what + "'");
            return ExitCodes.BAD_VALUE;
        }
        return IncidentRecorder.run(folder, recorder.operator(), clock, spec.commandLine().getErr(), incident -> {
            Phase phase = incident.plan().phase(phaseId).orElseThrow(() -> new IncidentRecorder.BadValueException(
                    "the plan has no phase '" + phaseId + "'"));
            if (number < 1 || number > phase.successCriteria().size()) {
                throw new IncidentRecorder.BadValueException("phase " + phase.label() + " has "
                        + phase.successCriteria().size() + " success criteria; N counts from 1");
            }
            Criterion criterion = phase.successCriteria().get(number - 1);
            if (met) {
                Optional<PhaseLifecycle.Refusal> refused = PhaseLifecycle.criterionRefusal(incident.state(), phaseId);
                if (refused.isPresent()) {
                    throw new GateRefusedException(refused.get());
                }
            }
            incident.record(new EventPayload.CriterionTicked(phaseId, criterion.id(), met,
                    met && observed != null && !observed.isBlank() ? observed.strip() : null));
            spec.commandLine().getOut().println((met ? "Met: " : "Not met: ") + criterion.text());
            return ExitCodes.DONE;
        });
    }
}
