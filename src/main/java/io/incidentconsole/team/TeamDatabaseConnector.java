package io.incidentconsole.team;

/**
 * Opens a team database: the console is given one of these, so UI tests can substitute an in-memory team.
 * Blocks on the network: call it off the FX thread.
 */
@FunctionalInterface
public interface TeamDatabaseConnector {

    /** Connects (creating or migrating the schema when needed); throws {@link TeamDatabaseException}. */
    TeamIncidents connect(TeamDatabaseAddress address);
}
