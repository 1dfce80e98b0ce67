package io.incidentconsole.cli;

import io.incidentconsole.importer.ImportReport;
import io.incidentconsole.importer.ImportResult;
import io.incidentconsole.importer.MarkdownText;
import io.incidentconsole.importer.MarkdownImporter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import io.incidentconsole.output.OutputFileException;
import io.incidentconsole.output.OutputFiles;

import io.incidentconsole.input.BoundedRead;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Build a plan from a Markdown outage plan.",
                "Writes the plan as YAML to stdout (or to -o FILE) and the import report to stderr."})
final class ImportCommand implements Callable<Integer> {

    /** Entries of each report list on stderr: every one for a plan written by hand, not a megabyte for a huge one. */
    static final int REPORT_LINES_PER_LIST = 500;

    private final MarkdownImporter importer;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PLAN.md", description = "The Markdown document.")
    Path markdown;

    @Option(names = {"-o", "--output"}, paramLabel = "PLAN.yaml", description = "Write the YAML here instead of stdout "
            + "(never over PLAN.md; an existing file only with --force).")
    Path output;

    @Option(names = "--force", description = "Replace PLAN.yaml when it exists.")
    boolean force;

    @Option(names = "--report", paramLabel = "FILE", description = "Write the whole import report here (stderr shows "
            + "the first " + REPORT_LINES_PER_LIST + " entries of each list; never over PLAN.md; an existing file only "
            + "with --force).")
    Path report;

    @Option(names = "--allow-empty", description = "Import a document even when it yields no phase, test or runbook.")
    boolean allowEmpty;

    ImportCommand(MarkdownImporter importer) {
        this.importer = importer;
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        byte[] bytes;
        try {
            bytes = BoundedRead.read(markdown, MarkdownImporter.MAX_BYTES, "a Markdown plan");
        } catch (IOException e) {
            err.println(markdown + ": " + BoundedRead.reason(markdown, e));
            return 1;
        }
        MarkdownText decoded;
        try {
            decoded = MarkdownText.decodeDocument(bytes);
        } catch (MarkdownText.NotTextException e) {
            err.println(markdown + ": " + e.getMessage());
            return 1;
        }
        String text = decoded.text();
        boolean latin1 = decoded.readAsLatin1();
        ImportResult result = importer.importDocument(markdown.toString(), text);
        if (!writeReport(result.report(), err)) {
            return 1;
        }
        if (result.recognisedNothing() && !allowEmpty) {
            err.print(shownReport(result.report()));
            err.println(markdown + ": recognised no phase, test or runbook; nothing was written");
            List<ImportReport.UnusedSection> largest = result.largestNotes(3);
            if (!largest.isEmpty()) {
                err.println("  the largest sections, kept as notes:");
                largest.forEach(u -> err.println("    " + markdown + ":" + u.fromLine() + "-" + u.toLine() + ": \""
                        + u.heading() + "\" (" + (u.toLine() - u.fromLine() + 1) + " lines)"));
            }
            err.println("  to import it as notes anyway: import --allow-empty " + markdown);
            return 1;
        }
        if (output != null) {
            try {
                OutputFiles.write(output, result.yaml(), force, markdown);
            } catch (OutputFileException e) {
                err.println(e.getMessage());
                return 1;
            }
        } else {
            spec.commandLine().getOut().print(result.yaml());
        }
        if (latin1) {
            err.println(markdown + ": not UTF-8 text; read it as ISO-8859-1");
        }
        err.print(shownReport(result.report()));
        err.println(markdown + ": imported: " + result.plan().plan().title() + ": " + result.plan().summary()
                + (output != null ? " -> " + output : ""));
        return 0;
    }

    private String shownReport(ImportReport full) {
        return full.render(REPORT_LINES_PER_LIST, report != null ? "all in " + report
                : "import --report FILE writes them all");
    }

    private boolean writeReport(ImportReport full, PrintWriter err) {
        if (report == null) {
            return true;
        }
        try {
            // Never over the plan it comes with either.
            OutputFiles.write(report, full.render(), force, output == null ? new Path[] {markdown}
                    : new Path[] {markdown, output});
            return true;
        } catch (OutputFileException e) {
            err.println(e.getMessage());
            return false;
        }
    }
}
