package io.incidentconsole.team;

import io.incidentconsole.incident.Journal;

import java.util.List;
import java.util.function.Consumer;

/**
 * A journal shared by a team through a database. Besides being a {@link Journal} (whose listeners are told of
 * every other console's events as they arrive), it says how this console stands with the database and who else
 * has the incident open. Listeners are called on a background thread and must not block.
 */
public interface TeamJournal extends Journal {

    /** The database, as shown to operators ({@link TeamDatabaseAddress#label()}). */
    String databaseLabel();

    TeamConnectionStatus connectionStatus();

    Subscription onConnectionStatus(Consumer<TeamConnectionStatus> listener);

    /** The consoles that have this incident open now, this one included ({@link ConnectedConsole#self()}). */
    List<ConnectedConsole> connectedConsoles();

    Subscription onConnectedConsoles(Consumer<List<ConnectedConsole>> listener);
}
