package io.incidentconsole.cli;

import io.incidentconsole.incident.Incident;

import java.io.PrintWriter;
import java.util.List;

/**
 * Damage is never silent: every command that reads an incident prints what its journal's reading found as
 * {@code warning: FILE:LINE: ...} on stderr, and hands the same lines to the exports it writes.
 */
final class IncidentWarnings {

    private IncidentWarnings() {
    }

    /** Prints the incident's warnings on {@code err}; returns them (without the "warning: " prefix). */
    static List<String> print(Incident incident, PrintWriter err) {
        List<String> lines = incident.warningLines();
        lines.forEach(line -> err.println("warning: " + line));
        return lines;
    }
}
