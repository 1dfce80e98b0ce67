package io.incidentconsole.cli;

import io.incidentconsole.team.TeamDatabaseAddress;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** Team mode: a shared incident in a PostgreSQL database; shared by the root and {@code open} commands. */
final class TeamOptions {

    @Option(names = "--incident-db", paramLabel = "postgresql://[user@]host[:port]/db",
            description = "Work on a shared team incident in this PostgreSQL database (the password comes from "
                    + "PGPASSWORD or ~/.pgpass, never from the address). Without --incident, starts a new shared "
                    + "incident from PLAN.")
    String database;

    @Option(names = "--incident", paramLabel = "ID",
            description = "With --incident-db: the shared incident to join.")
    String incident;

    /** The request with the team database, after checking the address so a typo fails here, with a message. */
    StartRequest apply(CommandLine commandLine, StartRequest request) {
        if (database == null) {
            if (incident != null) {
                throw new CommandLine.ParameterException(commandLine,
                        "--incident: name the team database with --incident-db as well");
            }
            return request;
        }
        TeamDatabaseAddress address;
        try {
            address = TeamDatabaseAddress.parse(database);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(commandLine, "--incident-db: " + e.getMessage());
        }
        if (incident != null && incident.isBlank()) {
            throw new CommandLine.ParameterException(commandLine, "--incident: the incident id is empty");
        }
        return request.withTeam(address.text(), incident == null ? null : incident.strip());
    }
}
