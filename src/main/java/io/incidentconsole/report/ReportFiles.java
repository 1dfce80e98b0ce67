package io.incidentconsole.report;

import io.incidentconsole.output.OutputFileException;
import io.incidentconsole.output.OutputFiles;
import io.incidentconsole.output.OutputFiles.Output;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a report to disk, by the rules of {@link OutputFiles}. HTML is one standalone file (images inside it).
 * Markdown is the .md file plus its charts as PNG files in a folder beside it ({@code report-charts/}), linked
 * relatively. Every file is checked before the first is written, and each is written atomically.
 */
public final class ReportFiles {

    private ReportFiles() {
    }

    /** The files written, the report first; {@code force} replaces existing files. */
    public static List<Path> write(ReportDocument document, Path file, ReportFormat format, boolean force)
            throws OutputFileException {
        if (format == ReportFormat.HTML) {
            return OutputFiles.write(List.of(Output.text(file, ReportRenderer.html(document))), OutputFiles.DOCUMENT,
                    force);
        }
        String stem = file.getFileName().toString().replaceFirst("\\.[^.]*$", "");
        Path charts = file.toAbsolutePath().resolveSibling(stem + "-charts");
        String markdown = ReportRenderer.markdown(document, image -> stem + "-charts/" + image.name() + ".png");
        List<Output> outputs = new ArrayList<>();
        outputs.add(Output.text(file, markdown));
        for (ReportDocument.Image image : document.images()) {
            outputs.add(new Output(charts.resolve(image.name() + ".png"), image.png()));
        }
        return OutputFiles.write(outputs, OutputFiles.DOCUMENT, force);
    }
}
