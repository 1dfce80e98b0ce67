package io.incidentconsole.cli;

import io.incidentconsole.incident.Incident;
import io.incidentconsole.incident.IncidentException;
import io.incidentconsole.incident.IncidentState;
import io.incidentconsole.incident.storage.IncidentStore;
import io.incidentconsole.plan.Communication.Cadence;
import io.incidentconsole.report.CadenceClock;
import io.incidentconsole.report.DrillFacts;
import io.incidentconsole.report.DrillReport;
import io.incidentconsole.report.DrillTrend;
import io.incidentconsole.report.FileMetricHistory;
import io.incidentconsole.report.MetricHistory;
import io.incidentconsole.report.PostIncidentReport;
import io.incidentconsole.report.ReportDocument;
import io.incidentconsole.report.ReportFiles;
import io.incidentconsole.report.ReportFormat;
import io.incidentconsole.report.ReportRenderer;
import io.incidentconsole.report.SimulatedMetricHistory;
import io.incidentconsole.report.StakeholderUpdate;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import io.incidentconsole.output.OutputFileException;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Write a stakeholder update or the post-incident report of an incident, from its journal.",
                "The incident is opened read-only (this works while a console has it open).",
                "Exit 0 on success; 1 when the incident cannot be read or the file not written; 2 on a bad option "
                        + "(unknown cadence, unreadable metrics file)."})
final class ReportCommand implements Callable<Integer> {

    static final int INCIDENT_PROBLEM = 1;
    static final int USAGE = 2;

    enum Kind { UPDATE, POSTMORTEM, DRILL }

    enum Format { MARKDOWN, HTML }

    private final Clock clock;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "INCIDENT_DIR", description = "The incident's folder.")
    Path folder;

    @Option(names = "--kind", required = true, paramLabel = "update|postmortem|drill",
            description = "update: a stakeholder update; postmortem: the post-incident report; drill: a drill's "
                    + "report (planned vs actual, response times, runs, and the trend over every drill of the plan "
                    + "in the data folder).")
    Kind kind;

    @Option(names = "--format", paramLabel = "markdown|html",
            description = "Default: html when -o ends in .html, else markdown.")
    Format format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write here instead of standard output (Markdown charts go to FILE-charts/).")
    Path output;

    @Option(names = "--force", description = "Replace FILE (and its charts) when they exist.")
    boolean force;

    @Option(names = "--cadence", paramLabel = "ID",
            description = "For an update: the plan cadence it is for (default: the one due soonest).")
    String cadenceId;

    @ArgGroup(exclusive = true)
    MetricsChoice metrics = new MetricsChoice();

    static final class MetricsChoice {
        @Option(names = "--metrics-file", paramLabel = "PATH",
                description = "Metric values from a CSV (timestamp,metric,value) or JSON Lines export.")
        Path file;

        @Option(names = "--simulated-metrics",
                description = "Metric values from the simulator replayed over the incident (labelled simulated).")
        boolean simulated;
    }

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1",
            description = "The simulator seed for --simulated-metrics (default: ${DEFAULT-VALUE}).")
    long seed;

    ReportCommand(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        IncidentState state;
        List<String> warnings;
        boolean drill;
        Instant now = clock.instant();
        ReportDocument drillReport = null;
        try (Incident incident = IncidentStore.inspect(folder)) {
            warnings = IncidentWarnings.print(incident, err);
            state = incident.state();
            drill = incident.metadata().drill();
            if (kind == Kind.DRILL) {
                if (!drill) {
                    err.println("--kind drill: " + folder + " is a real incident, not a drill; its reports are "
                            + "--kind update and --kind postmortem");
                    return USAGE;
                }
                drillReport = DrillReport.document(DrillFacts.of(incident.metadata(), state, now),
                        DrillTrend.of(incident, now, err::println), now);
            }
        } catch (IncidentException e) {
            err.println(e.getMessage());
            return INCIDENT_PROBLEM;
        }
        MetricHistory history;
        try {
            history = metrics.file != null ? FileMetricHistory.read(metrics.file, state.plan(), clock)
                    : metrics.simulated ? SimulatedMetricHistory.replay(state, seed, now) : MetricHistory.none();
        } catch (IllegalArgumentException e) {
            err.println("--metrics-file " + e.getMessage());
            return USAGE;
        }
        history.problems().forEach(problem -> err.println("skipped: " + problem));

        ReportDocument document;
        if (drillReport != null) {
            document = drillReport;
        } else if (kind == Kind.UPDATE) {
            Optional<Cadence> cadence = cadence(state, now);
            if (cadenceId != null && cadence.isEmpty()) {
                err.println("--cadence " + cadenceId + ": the plan has no such cadence; its cadences: "
                        + state.plan().communication().cadences().stream().map(Cadence::id).toList());
                return USAGE;
            }
            document = StakeholderUpdate.document(state, history, now, cadence.orElse(null));
        } else {
            document = PostIncidentReport.document(state, history, now);
        }

        document = document.markedAsDrill(drill).withWarnings(warnings);
        ReportFormat chosen = format != null ? ReportFormat.valueOf(format.name())
                : output != null ? ReportFormat.forFile(output.getFileName().toString()) : ReportFormat.MARKDOWN;
        if (output == null) {
            spec.commandLine().getOut().print(chosen == ReportFormat.HTML ? ReportRenderer.html(document)
                    : ReportRenderer.markdown(document, null));
            return 0;
        }
        try {
            List<Path> written = ReportFiles.write(document, output, chosen, force);
            spec.commandLine().getOut().println("wrote " + written.get(0)
                    + (written.size() > 1 ? " and " + (written.size() - 1) + " chart(s) beside it" : ""));
            return 0;
        } catch (OutputFileException e) {
            err.println(e.getMessage());
            return INCIDENT_PROBLEM;
        }
    }

    private Optional<Cadence> cadence(IncidentState state, Instant now) {
        List<Cadence> cadences = state.plan().communication().cadences();
        if (cadenceId != null) {
            return cadences.stream().filter(c -> c.id().equals(cadenceId)).findFirst();
        }
        return new CadenceClock(Clock.fixed(now, ZoneOffset.UTC)).next(state).map(CadenceClock.Due::cadence);
    }
}
