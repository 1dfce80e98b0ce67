package io.incidentconsole.cli;

import io.incidentconsole.incident.EventPayload;
import io.incidentconsole.plan.SignOff;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;

@Command(name = "signoff", mixinStandardHelpOptions = true,
        description = {"Sign off one of the plan's approvals as the operator (an approval bound to a phase gates "
                + "its start).", "Exit 0 recorded; 2 bad value; 1 unreadable incident; 4 a console holds it."})
final class SignoffCommand implements Callable<Integer> {

    private final Clock clock;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "INCIDENT_DIR", description = "The incident's folder.")
    Path folder;

    @Parameters(index = "1", paramLabel = "APPROVAL_ID", description = "The approval's id, e.g. approve-p330-1.")
    String approvalId;

    @Option(names = "--role", paramLabel = "ROLE", required = true, description = "In which role you sign.")
    String role;

    @Option(names = "--note", paramLabel = "TEXT", description = "A note kept with the sign-off.")
    String note;

    @Mixin
    RecorderOptions recorder = new RecorderOptions();

    SignoffCommand(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Integer call() {
        return IncidentRecorder.run(folder, recorder.operator(), clock, spec.commandLine().getErr(), incident -> {
            SignOff.Approval approval = incident.plan().signOff().approvals().stream()
                    .filter(a -> approvalId.equals(a.id())).findFirst()
                    .orElseThrow(() -> new IncidentRecorder.BadValueException("the plan has no approval '" + approvalId
                            + "'; its approvals are " + String.join(", ", incident.plan().signOff().approvals().stream()
                            .map(SignOff.Approval::id).toList())));
            if (role.isBlank()) {
                throw new IncidentRecorder.BadValueException("--role must not be empty");
            }
            incident.record(new EventPayload.SignOffGiven(approval.id(), role.strip(),
                    note == null || note.isBlank() ? null : note.strip()));
            spec.commandLine().getOut().println("Signed off: " + approval.title() + " (" + incident.operator() + ", "
                    + role.strip() + ")");
            return ExitCodes.DONE;
        });
    }
}
