package io.incidentconsole.report;

import java.util.Locale;

/** How a report is written. */
public enum ReportFormat {
    MARKDOWN("md"), HTML("html");

    private final String extension;

    ReportFormat(String extension) {
        this.extension = extension;
    }

    public String extension() {
        return extension;
    }

    /** The format a file name asks for: .html/.htm is HTML, anything else Markdown. */
    public static ReportFormat forFile(String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        return name.endsWith(".html") || name.endsWith(".htm") ? HTML : MARKDOWN;
    }
}
