package io.incidentconsole.cli;

import io.incidentconsole.incident.Incident;
import io.incidentconsole.incident.IncidentException;
import io.incidentconsole.incident.IncidentStore;
import io.incidentconsole.testing.ExportFormat;
import io.incidentconsole.testing.TestResultsExport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import io.incidentconsole.output.OutputFileException;
import io.incidentconsole.output.OutputFiles;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "tests", mixinStandardHelpOptions = true,
        description = {"Export an incident's test results: Markdown for the ticket, JUnit XML for test dashboards.",
                "Reads the incident folder without changing it (works while a console has it open).",
                "Exit 0 with the export on stdout (or in FILE); 1 when the folder is not a readable incident "
                        + "or FILE cannot be written."})
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

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        String text;
        try (Incident incident = IncidentStore.inspect(folder)) {
            text = TestResultsExport.export(incident.state(), format, IncidentWarnings.print(incident, err));
        } catch (IncidentException e) {
            err.println(e.getMessage());
            return FAILED;
        }
        if (output == null) {
            PrintWriter out = spec.commandLine().getOut();
            out.print(text);
            out.flush();
            return 0;
        }
        try {
            OutputFiles.write(output, text, force, folder);
        } catch (OutputFileException e) {
            err.println(e.getMessage());
            return FAILED;
        }
        spec.commandLine().getOut().println("Wrote " + format.name().toLowerCase(java.util.Locale.ROOT)
                + " test results to " + output);
        return 0;
    }
}
