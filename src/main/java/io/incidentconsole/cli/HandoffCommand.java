package io.incidentconsole.cli;

import io.incidentconsole.drill.Drills;
import io.incidentconsole.handoff.HandoffBuilder;
import io.incidentconsole.handoff.HandoffMarkdown;
import io.incidentconsole.handoff.HandoffSummary;
import io.incidentconsole.incident.Incident;
import io.incidentconsole.incident.IncidentException;
import io.incidentconsole.incident.storage.IncidentStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "handoff", mixinStandardHelpOptions = true,
        description = {"The shift-change summary of an incident, as Markdown: phases in progress and where they are,"
                + " gates, open decisions, failing and not-run tests, open alerts, recorded values, scripts and runs,"
                + " the last 15 events, the next update due, and your \"watch out\" notes.",
                "Reads the incident folder without changing it (works while a console has it open).",
                "Exit 0 with the summary on stdout (or in FILE); 1 when the folder is not a readable incident or FILE"
                        + " cannot be written (or exists and --force is not given)."})
final class HandoffCommand implements Callable<Integer> {

    static final int FAILED = 1;

    private final Clock clock;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "INCIDENT_DIR", description = "The incident folder (it holds incident.json).")
    Path folder;

    @Option(names = "--note", paramLabel = "TEXT",
            description = "A \"watch out\" note for the person taking over (repeat for several lines).")
    List<String> notes = new ArrayList<>();

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE instead of stdout.")
    Path output;

    @Option(names = "--force", description = "Replace FILE if it exists.")
    boolean force;

    HandoffCommand(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        String text;
        try (Incident incident = IncidentStore.inspect(folder)) {
            HandoffSummary summary = new HandoffBuilder(clock).build(incident.state(), incident.id(), null).withWatchOut(String.join("\n", notes));
            text = Drills.markMarkdown(HandoffMarkdown.render(summary),
                    incident.metadata().drill());
        } catch (IncidentException e) {
            err.println(e.getMessage());
            return FAILED;
        }
        return DocumentOutput.printOrWrite(spec, text, output, force, folder, "the handoff summary");
    }
}
