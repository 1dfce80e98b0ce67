package io.incidentconsole.team;

import io.incidentconsole.incident.EventCodec;

import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Objects;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Supplier;
import org.postgresql.Driver;

/**
 * Team mode on PostgreSQL: {@link #connect} opens a team database, creating or upgrading its schema, and returns
 * its shared incidents. Credentials come from the standard PostgreSQL places ({@link PgCredentials}); TLS is
 * used when the server offers it (sslmode=prefer) unless the address asks otherwise.
 * <p>
 * {@code cacheDir} (e.g. DATA/team) keeps, per database and incident, the last synced events, the plan, and the
 * queue of events recorded while the database was unreachable.
 */
public final class PostgresTeamDatabase implements TeamDatabaseConnector {

    private static final System.Logger LOG = System.getLogger(PostgresTeamDatabase.class.getName());

    private final Path cacheDir;
    private final Clock clock;
    private final String consoleId;
    private final String host;
    private final PgCredentials credentials;
    private final TeamTiming timing;
    private final Supplier<String> ids;

    /**
     * @param cacheDir  where this console keeps its copies of shared incidents (e.g. DATA/team)
     * @param consoleId unique per running console (a random UUID per start is right)
     * @param host      this machine's name, shown to the others
     */
    public PostgresTeamDatabase(Path cacheDir, Clock clock, String consoleId, String host) {
        this(cacheDir, clock, consoleId, host, PgCredentials.ofThisProcess(w -> LOG.log(Level.WARNING, w)),
                TeamTiming.DEFAULT, () -> UUID.randomUUID().toString());
    }

    PostgresTeamDatabase(Path cacheDir, Clock clock, String consoleId, String host, PgCredentials credentials,
                         TeamTiming timing, Supplier<String> ids) {
        this.cacheDir = Objects.requireNonNull(cacheDir, "cacheDir");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.consoleId = Objects.requireNonNull(consoleId, "consoleId");
        this.host = Objects.requireNonNull(host, "host");
        this.credentials = credentials;
        this.timing = timing;
        this.ids = ids;
    }

    /**
     * Connects and migrates the schema. When the database cannot be reached, the returned incidents still open
     * those this machine synced before, read-only ({@link TeamIncidents#join}), and every call tries the database
     * again first. Refused credentials, a missing database or a schema newer than this console throw
     * {@link TeamDatabaseException}.
     */
    @Override
    public TeamIncidents connect(TeamDatabaseAddress address) {
        EventCodec codec = new EventCodec();
        ConnectionSource source = new DriverConnections(address, credentials, timing);
        PostgresTeamIncidents incidents = new PostgresTeamIncidents(address, source, SchemaMigrations.bundled(),
                new PostgresTeamJournal.Context(source, new EventStore(codec), clock, ids, timing, consoleId, host),
                cacheDir.resolve(folderName(address)), codec, clock);
        incidents.tryConnect();
        return incidents;
    }

    /** One folder per database, named after its label with anything unusual replaced. */
    static String folderName(TeamDatabaseAddress address) {
        return (address.host() + "_" + address.port() + "_" + address.database()).replaceAll("[^A-Za-z0-9._-]", "_");
    }

    /** Connections straight from the pgjdbc driver, with credentials read afresh each time. */
    static final class DriverConnections implements ConnectionSource {

        private final TeamDatabaseAddress address;
        private final PgCredentials credentials;
        private final TeamTiming timing;
        private final Driver driver = new Driver();

        DriverConnections(TeamDatabaseAddress address, PgCredentials credentials, TeamTiming timing) {
            this.address = address;
            this.credentials = credentials;
            this.timing = timing;
        }

        @Override
        public Connection open() throws SQLException {
            Properties properties = credentials.connectionProperties(address, timing.connectTimeoutSeconds(),
                    timing.socketTimeoutSeconds());
            Connection connection = driver.connect(address.jdbcUrl(), properties);
            if (connection == null) {
                throw new SQLException("the driver does not accept the address " + address.label(), "08001");
            }
            return connection;
        }

        /** Turns a failure to connect into the operator's message (which user, whether a password was found). */
        TeamDatabaseException describe(SQLException e) {
            String user = credentials.user(address);
            return DatabaseErrors.connectFailure(e, address.label(), user,
                    credentials.password(address, user).isPresent(), credentials.passwordFile().toString());
        }

        @Override
        public String label() {
            return address.label();
        }
    }
}
