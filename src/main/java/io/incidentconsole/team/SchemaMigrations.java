package io.incidentconsole.team;

import io.incidentconsole.settings.Product;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The team database's schema, created and upgraded by the console itself: the SQL files listed in
 * {@code /team/migrations/index.txt} ({@code V<n>__<description>.sql}, applied in order of n) and a
 * {@code schema_migrations} table recording each applied version. Pending versions are applied in one
 * transaction holding a transaction-level advisory lock, so two consoles starting at once neither race nor apply
 * a version twice. A database whose schema is newer than this console knows is refused.
 */
final class SchemaMigrations {

    static final String INDEX = "/team/migrations/index.txt";
    /** Any constant that every console uses for the same purpose. */
    static final long ADVISORY_LOCK = 0x1C1DE17_A16_7EL;

    private static final Pattern NAME = Pattern.compile("V(\\d+)__([A-Za-z0-9_]+)\\.sql");

    record Migration(int version, String description, String sql) {
    }

    private final List<Migration> migrations;

    SchemaMigrations(List<Migration> migrations) {
        this.migrations = List.copyOf(migrations);
        for (int i = 0; i < this.migrations.size(); i++) {
            if (this.migrations.get(i).version() != i + 1) {
                throw new IllegalStateException("migration versions must run 1, 2, 3...: found V"
                        + this.migrations.get(i).version() + " at position " + (i + 1));
            }
        }
    }

    /** The migrations shipped with this console. */
    static SchemaMigrations bundled() {
        List<Migration> list = new ArrayList<>();
        for (String name : resource(INDEX).split("\n")) {
            String file = name.strip();
            if (file.isEmpty()) {
                continue;
            }
            Matcher m = NAME.matcher(file);
            if (!m.matches()) {
                throw new IllegalStateException(INDEX + ": '" + file + "' is not named V<n>__<description>.sql");
            }
            list.add(new Migration(Integer.parseInt(m.group(1)), m.group(2).replace('_', ' '),
                    resource("/team/migrations/" + file)));
        }
        return new SchemaMigrations(list);
    }

    private static String resource(String path) {
        try (InputStream in = SchemaMigrations.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read resource " + path + ": " + e.getMessage(), e);
        }
    }

    int latestVersion() {
        return migrations.size();
    }

    List<Migration> migrations() {
        return migrations;
    }

    /**
     * Brings the schema up to {@link #latestVersion()}; returns the versions applied now (empty when it was up to
     * date). Throws {@link TeamDatabaseException} when the database's schema is newer than this console's.
     */
    List<Integer> apply(Connection connection, String databaseLabel) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        List<Integer> applied = new ArrayList<>();
        try {
            try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
                lock.setLong(1, ADVISORY_LOCK);
                lock.execute();
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE IF NOT EXISTS schema_migrations ("
                        + "version integer PRIMARY KEY, "
                        + "applied_at timestamptz NOT NULL DEFAULT now(), "
                        + "description text NOT NULL)");
            }
            int current = currentVersion(connection);
            if (current > latestVersion()) {
                throw new TeamDatabaseException("the team database " + databaseLabel + " has schema version "
                        + current + ", newer than this console knows (" + latestVersion()
                        + "): update " + Product.NAME + " before joining its incidents");
            }
            for (Migration migration : migrations.subList(current, migrations.size())) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute(migration.sql());
                }
                try (PreparedStatement record = connection.prepareStatement(
                        "INSERT INTO schema_migrations (version, description) VALUES (?, ?)")) {
                    record.setInt(1, migration.version());
                    record.setString(2, migration.description());
                    record.executeUpdate();
                }
                applied.add(migration.version());
            }
            connection.commit();
            return applied;
        } catch (SQLException | RuntimeException e) {
            rollbackQuietly(connection);
            throw e;
        } finally {
            if (autoCommit && !connection.isClosed()) {
                connection.setAutoCommit(true);
            }
        }
    }

    static int currentVersion(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT coalesce(max(version), 0) FROM schema_migrations")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static void rollbackQuietly(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            // The transaction dies with the connection anyway; the original failure is what matters.
        }
    }
}
