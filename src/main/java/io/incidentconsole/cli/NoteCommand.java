package io.incidentconsole.cli;

import io.incidentconsole.incident.EventPayload;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;

@Command(name = "note", mixinStandardHelpOptions = true,
        description = {"Add a note to the incident's timeline.",
                "Exit 0 recorded; 2 bad value; 1 unreadable incident; 4 a console holds the incident."})
final class NoteCommand implements Callable<Integer> {

    private final Clock clock;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "INCIDENT_DIR", description = "The incident's folder.")
    Path folder;

    @Parameters(index = "1", paramLabel = "TEXT", description = "The note.")
    String text;

    @Option(names = "--phase", paramLabel = "PHASE_ID", description = "The phase the note is about.")
    String phaseId;

    @Mixin
    RecorderOptions recorder = new RecorderOptions();

    NoteCommand(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Integer call() {
        return IncidentRecorder.run(folder, recorder.operator(), clock, spec.commandLine().getErr(), incident -> {
            if (text.isBlank()) {
                throw new IncidentRecorder.BadValueException("the note is empty");
            }
            if (phaseId != null && incident.plan().phase(phaseId).isEmpty()) {
                throw new IncidentRecorder.BadValueException("the plan has no phase '" + phaseId + "'");
            }
            incident.record(new EventPayload.NoteAdded(phaseId, text.strip()));
            spec.commandLine().getOut().println("Noted.");
            return ExitCodes.DONE;
        });
    }
}
