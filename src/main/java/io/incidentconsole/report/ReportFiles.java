package io.incidentconsole.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a report to disk. HTML is one standalone file (images inside it). Markdown is the .md file plus its
 * charts as PNG files in a folder beside it ({@code report-charts/}), linked relatively. Each file is written to a
 * temporary name first and moved into place, so a failed export never leaves half a report.
 */
public final class ReportFiles {

    private ReportFiles() {
    }

    /** The files written, the report first. */
    public static List<Path> write(ReportDocument document, Path file, ReportFormat format) throws IOException {
        Path target = file.toAbsolutePath();
        List<Path> written = new ArrayList<>();
        if (format == ReportFormat.HTML) {
            writeAtomically(target, ReportRenderer.html(document).getBytes(StandardCharsets.UTF_8));
            written.add(target);
            return written;
        }
        List<ReportDocument.Image> images = document.images();
        String stem = target.getFileName().toString().replaceFirst("\\.[^.]*$", "");
        Path charts = target.resolveSibling(stem + "-charts");
        String markdown = ReportRenderer.markdown(document, image -> stem + "-charts/" + image.name() + ".png");
        writeAtomically(target, markdown.getBytes(StandardCharsets.UTF_8));
        written.add(target);
        if (!images.isEmpty()) {
            Files.createDirectories(charts);
            for (ReportDocument.Image image : images) {
                Path png = charts.resolve(image.name() + ".png");
                writeAtomically(png, image.png());
                written.add(png);
            }
        }
        return written;
    }

    private static void writeAtomically(Path target, byte[] bytes) throws IOException {
        Path parent = target.getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Path temporary = Files.createTempFile(parent, "." + target.getFileName(), ".part");
        try {
            Files.write(temporary, bytes);
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
