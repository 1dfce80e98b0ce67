package io.incidentconsole.handoff;

import java.time.Instant;
import java.util.List;

/**
 * What a person taking an incident over needs at a glance, in the order they read it. Every list says "none"
 * when empty rather than disappearing, so the reader knows it was looked at.
 */
public record HandoffSummary(
        String incidentId,
        String planTitle,
        String holder,
        Instant holderSince,
        String preparedBy,
        Instant preparedAt,
        List<PhaseLine> phasesInProgress,
        List<String> gatesPending,
        List<String> gatesOverridden,
        List<String> openDecisions,
        List<String> failingTests,
        List<String> notRunTests,
        List<String> openAlerts,
        List<String> parameters,
        List<String> scripts,
        List<String> lastEvents,
        String nextUpdate,
        String watchOut) {

    /** How many of the latest events the summary lists. */
    public static final int LAST_EVENTS = 15;

    public HandoffSummary {
        phasesInProgress = List.copyOf(phasesInProgress);
        gatesPending = List.copyOf(gatesPending);
        gatesOverridden = List.copyOf(gatesOverridden);
        openDecisions = List.copyOf(openDecisions);
        failingTests = List.copyOf(failingTests);
        notRunTests = List.copyOf(notRunTests);
        openAlerts = List.copyOf(openAlerts);
        parameters = List.copyOf(parameters);
        scripts = List.copyOf(scripts);
        lastEvents = List.copyOf(lastEvents);
    }

    /** A phase in progress: its label, where it stands, since when, and the step the operator is at. */
    public record PhaseLine(String label, String standing, Instant since, String currentStep) {
    }

    /** The same summary with the operator's "watch out" notes. */
    public HandoffSummary withWatchOut(String notes) {
        return new HandoffSummary(incidentId, planTitle, holder, holderSince, preparedBy, preparedAt, phasesInProgress,
                gatesPending, gatesOverridden, openDecisions, failingTests, notRunTests, openAlerts, parameters, scripts,
                lastEvents, nextUpdate, notes == null || notes.isBlank() ? null : notes.strip());
    }
}
