package io.incidentconsole.cli;

import io.incidentconsole.incident.EventPayload;
import io.incidentconsole.incident.Incident;
import io.incidentconsole.incident.IncidentException;
import io.incidentconsole.incident.storage.IncidentStore;
import io.incidentconsole.testing.ExportFormat;
import io.incidentconsole.testing.JUnitImport;
import io.incidentconsole.testing.TestResultsExport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;


import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "tests", mixinStandardHelpOptions = true,
        description = {"Export an incident's test results: Markdown for the ticket, JUnit XML for test dashboards.",
                "Reads the incident folder without changing it (works while a console has it open).",
                "Exit 0 with the export on stdout (or in FILE); 1 when the folder is not a readable incident "
                        + "or FILE cannot be written.",
                "--import-junit FILE.xml records a CI run instead: each test case whose name is a test item's id or "
                        + "text gives that item its result; the cases that match no item are listed. Exit 2 when "
                        + "the file is not JUnit XML; 4 when a console holds the incident."})
final class TestsCommand implements Callable<Integer> {

    static final int FAILED = 1;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "INCIDENT_DIR", description = "The incident folder (it holds incident.json).")
    Path folder;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "markdown",
            description = "markdown or junit (default: ${DEFAULT-VALUE}).")
    ExportFormat format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE instead of stdout "
            + "(never inside an incident folder; an existing FILE only with --force).")
    Path output;

    @Option(names = "--force", description = "Replace FILE when it exists.")
    boolean force;

    @Option(names = "--import-junit", paramLabel = "FILE.xml",
            description = "Record a CI run's results (JUnit XML) on the test items whose names match.")
    Path junit;

    @picocli.CommandLine.Mixin
    RecorderOptions recorder = new RecorderOptions();

    private final Clock clock;

    TestsCommand(Clock clock) {
        this.clock = clock;
    }

    TestsCommand() {
        this(Clock.systemUTC());
    }

    private int importJunit(PrintWriter err) {
        List<JUnitImport.CaseResult> results;
        try (InputStream in = Files.newInputStream(junit)) {
            results = JUnitImport.read(junit.toString(), in);
        } catch (IOException e) {
            err.println(junit + ": cannot read it: " + e.getMessage());
            return ExitCodes.BAD_VALUE;
        } catch (JUnitImport.BadReportException e) {
            err.println(e.getMessage());
            return ExitCodes.BAD_VALUE;
        }
        PrintWriter out = spec.commandLine().getOut();
        return IncidentRecorder.run(folder, recorder.operator(), clock, err, incident -> {
            JUnitImport.Outcome outcome = JUnitImport.match(incident.plan(), results);
            for (JUnitImport.Match match : outcome.matched()) {
                String note = "CI (" + junit.getFileName() + ")" + (match.result().message() == null ? ""
                        : ": " + match.result().message());
                incident.record(new EventPayload.TestResultSet(match.item().suiteId(),
                        match.item().testId(), null, match.result().outcome(), note));
                out.println(match.result().outcome().name() + " " + match.item().testId() + ": " + match.item().text());
            }
            out.println(outcome.matched().size() + " recorded, " + outcome.unmatched().size() + " not matched");
            for (JUnitImport.CaseResult unmatched : outcome.unmatched()) {
                out.println("  not matched: " + (unmatched.className().isBlank() ? "" : unmatched.className() + ".")
                        + unmatched.name());
            }
            return ExitCodes.DONE;
        });
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (junit != null) {
            return importJunit(err);
        }
        String text;
        try (Incident incident = IncidentStore.inspect(folder)) {
            text = TestResultsExport.export(incident.state(), format, IncidentWarnings.print(incident, err),
                    incident.metadata().drill());
        } catch (IncidentException e) {
            err.println(e.getMessage());
            return FAILED;
        }
        return DocumentOutput.printOrWrite(spec, text, output, force, folder,
                format.name().toLowerCase(Locale.ROOT) + " test results");
    }
}
