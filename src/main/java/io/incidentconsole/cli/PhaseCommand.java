package io.incidentconsole.cli;

import io.incidentconsole.board.PhaseGates;
import io.incidentconsole.incident.EventPayload;
import io.incidentconsole.incident.IncidentState;
import io.incidentconsole.incident.PhaseLifecycle;
import io.incidentconsole.incident.PhaseLifecycle.Action;
import io.incidentconsole.plan.Phase;
import io.incidentconsole.plan.Plan;
import io.incidentconsole.plan.Procedure;
import io.incidentconsole.plan.Runbook;
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

@Command(name = "phase", mixinStandardHelpOptions = true,
        description = {"Move a phase through its lifecycle, by the same rules as the console: "
                + "start | complete | block | eval | rollback | rolled-back.",
                "start waits for the phase's dependencies, sign-off approvals and decisions; complete for its audit "
                        + "and its verification (tests passed, success criteria met). block and eval need --reason.",
                "rollback: the phase's rollback runs (from a runbook's procedure for the phase, or by hand); "
                        + "rolled-back: it finished, the phase's tests reopen for a re-test and its dependents wait.",
                "Exit 0 recorded; 3 refused by a gate or the phase's status (stderr says which and how to override); "
                        + "2 bad value; 1 unreadable incident; 4 a console holds the incident."})
final class PhaseCommand implements Callable<Integer> {

    private final Clock clock;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ACTION",
            description = "start, complete, block, eval, rollback or rolled-back.")
    String action;

    @Parameters(index = "1", paramLabel = "INCIDENT_DIR", description = "The incident's folder.")
    Path folder;

    @Parameters(index = "2", paramLabel = "PHASE_ID", description = "The phase's id in the plan, e.g. p330-1.")
    String phaseId;

    @Option(names = "--reason", paramLabel = "TEXT",
            description = "Why (required for block, eval and any override; recorded).")
    String reason;

    @Mixin
    Overrides overrides = new Overrides();

    @Mixin
    RecorderOptions recorder = new RecorderOptions();

    PhaseCommand(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Integer call() {
        Optional<Action> chosen = Action.parse(action);
        if (chosen.isEmpty()) {
            spec.commandLine().getErr().println("error: unknown action '" + action
                    + "'; use start, complete, block, eval, rollback or rolled-back");
            return ExitCodes.BAD_VALUE;
        }
        return IncidentRecorder.run(folder, recorder.operator(), clock, spec.commandLine().getErr(), incident -> {
            IncidentState state = incident.state();
            Plan plan = state.plan();
            Phase phase = plan.phase(phaseId).orElseThrow(() -> new IncidentRecorder.BadValueException(
                    "the plan has no phase '" + phaseId + "'; its phases are " + String.join(", ",
                            plan.phases().stream().map(Phase::id).toList())));
            EventPayload event = event(chosen.get(), state, phase);
            overrides.recordThrough(incident, phaseId, PhaseLifecycle.check(state, phaseId, chosen.get()), reason,
                    event);
            spec.commandLine().getOut().println("Phase " + phase.label() + " [" + phaseId + "]: "
                    + PhaseLifecycle.label(incident.state(), phaseId));
            return ExitCodes.DONE;
        });
    }

    private EventPayload event(Action chosen, IncidentState state, Phase phase)
            throws IncidentRecorder.BadValueException {
        return switch (chosen) {
            case START -> new EventPayload.PhaseStarted(phase.id());
            case COMPLETE -> new EventPayload.PhaseCompleted(phase.id(),
                    PhaseGates.openItems(state.plan(), state, phase.id()).stream()
                            .map(Object::toString).toList());
            case BLOCK, EVAL -> {
                if (reason == null || reason.isBlank()) {
                    throw new IncidentRecorder.BadValueException("phase " + chosen.word()
                            + " needs --reason TEXT: say why the phase is " + chosen.target().label());
                }
                yield new EventPayload.PhaseStatusChanged(phase.id(), chosen.target(), reason.strip());
            }
            case ROLLBACK -> {
                Optional<Procedure> procedure = procedureFor(state.plan(), phase.id());
                yield new EventPayload.RollbackStarted(runbookOf(state.plan(), procedure),
                        procedure.map(Procedure::id).orElse(null),
                        reason == null || reason.isBlank() ? "rolled back by hand" : reason.strip(), phase.id());
            }
            case ROLLED_BACK -> {
                Optional<Procedure> procedure = procedureFor(state.plan(), phase.id());
                yield new EventPayload.RollbackFinished(runbookOf(state.plan(), procedure),
                        procedure.map(Procedure::id).orElse(null), true,
                        reason == null || reason.isBlank() ? "finished by hand" : reason.strip(), phase.id());
            }
        };
    }

    /** The rollback procedure the plan has for the phase (the first that names it). */
    static Optional<Procedure> procedureFor(Plan plan, String phaseId) {
        for (Runbook runbook : plan.runbooks()) {
            for (Procedure procedure : runbook.procedures()) {
                if (procedure.phases().contains(phaseId)) {
                    return Optional.of(procedure);
                }
            }
        }
        return Optional.empty();
    }

    private static String runbookOf(Plan plan, Optional<Procedure> procedure) {
        if (procedure.isEmpty()) {
            return EventPayload.RollbackStarted.BY_HAND;
        }
        return plan.runbooks().stream().filter(r -> r.procedures().contains(procedure.get())).findFirst()
                .map(Runbook::id).orElse(EventPayload.RollbackStarted.BY_HAND);
    }

}
