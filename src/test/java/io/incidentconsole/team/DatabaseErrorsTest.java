package io.incidentconsole.team;

import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseErrorsTest {

    private static final String SECRET = "hunter2-secret";

    @Test
    void refusedCredentialsNameTheUserAndWhereToFixItButNeverThePassword() {
        SQLException refused = new SQLException("FATAL: password authentication failed for user \"ana\" "
                + "(password was " + SECRET + ")", "28P01");

        TeamDatabaseException e = DatabaseErrors.connectFailure(refused, "db:5432/incidents", "ana", true,
                "/home/ana/.pgpass");

        assertThat(e.getMessage()).isEqualTo("the database db:5432/incidents refused user 'ana': password "
                + "authentication failed — check PGPASSWORD or /home/ana/.pgpass");
        assertThat(e.getCause().getMessage()).doesNotContain(SECRET);
        assertThat(e.getCause()).isInstanceOf(SQLException.class);
        assertThat(((SQLException) e.getCause()).getSQLState()).isEqualTo("28P01");
    }

    @Test
    void aMissingPasswordSaysWhereToPutOne() {
        SQLException none = new SQLException("The server requested SCRAM-based authentication, but no password was "
                + "provided.", "08004");

        assertThat(DatabaseErrors.connectFailure(none, "db:5432/incidents", "ana", false, "/home/ana/.pgpass")
                .getMessage()).isEqualTo("the database db:5432/incidents refused user 'ana': it needs a password and "
                + "none was found — set PGPASSWORD or add a line host:port:database:user:password to "
                + "/home/ana/.pgpass (chmod 0600)");
    }

    @Test
    void connectionFailuresAreToldApartFromRefusedStatements() {
        SQLException refusedConnection = new SQLException("Connection to db:5432 refused", "08001",
                new ConnectException("Connection refused"));
        SQLException unknownHost = new SQLException("The connection attempt failed.", "08001",
                new UnknownHostException("db.nowhere"));
        SQLException shuttingDown = new SQLException("terminating connection due to administrator command", "57P01");
        SQLException badStatement = new SQLException("syntax error", "42601");

        assertThat(DatabaseErrors.isConnectionProblem(refusedConnection)).isTrue();
        assertThat(DatabaseErrors.isConnectionProblem(shuttingDown)).isTrue();
        assertThat(DatabaseErrors.isConnectionProblem(badStatement)).isFalse();
        assertThat(DatabaseErrors.isConnectionProblem(new SQLException("The server requested SCRAM-based "
                + "authentication, but the password is an empty string.", "08004")))
                .as("a rejected connection is not an outage to wait out").isFalse();
        assertThat(DatabaseErrors.reason(refusedConnection)).isEqualTo("connection refused");
        assertThat(DatabaseErrors.reason(unknownHost)).isEqualTo("unknown host");
        assertThat(DatabaseErrors.reason(shuttingDown)).isEqualTo("the server is shutting down");
        assertThat(DatabaseErrors.connectFailure(refusedConnection, "db:5432/incidents", "ana", false, "~/.pgpass")
                .getMessage()).isEqualTo("cannot reach db:5432/incidents: connection refused — is the database up?");
    }
}
