package io.incidentconsole.team;

import java.sql.Connection;
import java.sql.SQLException;

/** Opens connections to one team database with this console's credentials. */
interface ConnectionSource {

    Connection open() throws SQLException;

    /** The database as operators see it ({@link TeamDatabaseAddress#label()}). */
    String label();
}
