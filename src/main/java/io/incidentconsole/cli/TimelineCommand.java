package io.incidentconsole.cli;

import io.incidentconsole.incident.EventCodec;
import io.incidentconsole.incident.Incident;
import io.incidentconsole.incident.IncidentException;
import io.incidentconsole.incident.storage.IncidentStore;
import io.incidentconsole.incident.JournalException;
import io.incidentconsole.incident.Timeline;
import io.incidentconsole.incident.TimelineEntry;
import io.incidentconsole.incident.TimelineFilter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;

@Command(name = "timeline", mixinStandardHelpOptions = true,
        description = {"Print every event of an incident in order, one per line (or as Markdown).",
                "Reads the incident folder only; works while a console has the incident open."})
final class TimelineCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "INCIDENT_DIR", description = "The incident's folder.")
    Path incidentDir;

    @Option(names = "--kind", paramLabel = "KIND", split = ",",
            description = "Only events of these kinds, e.g. TaskTicked,TestResultSet (repeatable).")
    List<String> kinds = List.of();

    @Option(names = "--phase", paramLabel = "PHASE_ID", split = ",",
            description = "Only events about these phases (repeatable).")
    List<String> phases = List.of();

    @Option(names = "--search", paramLabel = "TEXT", description = "Only events whose text contains TEXT.")
    String search = "";

    @Option(names = "--markdown", description = "Print a Markdown document instead of plain lines.")
    boolean markdown;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (Incident incident = IncidentStore.inspect(incidentDir)) {
            List<String> warnings = IncidentWarnings.print(incident, err);
            Timeline timeline = new Timeline(incident.state());
            Set<String> unknownKinds = new LinkedHashSet<>(kinds);
            unknownKinds.removeAll(EventCodec.knownKinds());
            unknownKinds.removeAll(timeline.kinds());
            if (!unknownKinds.isEmpty()) {
                err.println("error: unknown event kind(s): " + String.join(", ", unknownKinds)
                        + "; known kinds: " + String.join(", ", new TreeSet<>(
                        EventCodec.knownKinds())));
                return 2;
            }
            TimelineFilter filter = new TimelineFilter(Set.copyOf(kinds), Set.copyOf(phases), search);
            if (markdown) {
                out.print(timeline.toMarkdown(filter, warnings));
            } else {
                for (TimelineEntry entry : timeline.filter(filter)) {
                    out.println(Timeline.line(entry));
                }
            }
            return 0;
        } catch (IncidentException | JournalException e) {
            err.println("error: " + e.getMessage());
            return 1;
        }
    }
}
