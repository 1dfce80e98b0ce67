package io.incidentconsole.team;

import io.incidentconsole.incident.Incident;
import io.incidentconsole.incident.IncidentSummary;
import io.incidentconsole.plan.Plan;

import java.util.List;

/**
 * The shared incidents in one team database. Opened incidents have a {@link TeamJournal}. Every method may
 * block on the network: call it off the FX thread. Failures throw {@link TeamDatabaseException} with a message
 * fit for the operator (what, where, what to do), never containing a password.
 */
public interface TeamIncidents extends AutoCloseable {

    TeamDatabaseAddress address();

    /** The incidents in the database, newest activity first. */
    List<IncidentSummary> list();

    /** Starts a shared incident from a plan; the others join it by its id. */
    Incident start(Plan plan, String planSource, String planText, String operator);

    /**
     * Joins a shared incident. When the database cannot be reached but this machine synced the incident before,
     * the incident opens read-only on the last synced state and {@link TeamJournal#connectionStatus()} says so.
     */
    Incident join(String incidentId, String operator);

    @Override
    void close();
}
