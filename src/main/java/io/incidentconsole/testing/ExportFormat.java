package io.incidentconsole.testing;

/** The formats test results can be exported in. */
public enum ExportFormat {
    /** For the ticket. */
    MARKDOWN("md"),
    /** JUnit XML, the format test dashboards read. */
    JUNIT("xml");

    private final String extension;

    ExportFormat(String extension) {
        this.extension = extension;
    }

    public String extension() {
        return extension;
    }
}
