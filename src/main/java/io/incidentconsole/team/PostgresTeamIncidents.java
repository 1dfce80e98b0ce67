package io.incidentconsole.team;

import io.incidentconsole.incident.Event;
import io.incidentconsole.incident.EventCodec;
import io.incidentconsole.incident.EventPayload;
import io.incidentconsole.incident.Incident;
import io.incidentconsole.incident.IncidentMetadata;
import io.incidentconsole.incident.IncidentSummary;
import io.incidentconsole.plan.Plan;
import io.incidentconsole.plan.PlanLoadResult;
import io.incidentconsole.plan.PlanLoader;
import io.incidentconsole.plan.Problem;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The shared incidents of one PostgreSQL team database. While the database cannot be reached, {@link #list()}
 * shows the incidents this machine synced before and {@link #join} opens them read-only; every call first tries
 * the database again.
 */
final class PostgresTeamIncidents implements TeamIncidents {

    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);

    private final TeamDatabaseAddress address;
    private final ConnectionSource source;
    private final SchemaMigrations migrations;
    private final PostgresTeamJournal.Context context;
    private final Path cacheDir;
    private final EventCodec codec;
    private final Clock clock;
    private boolean migrated;
    private String unreachable;
    private boolean closed;

    PostgresTeamIncidents(TeamDatabaseAddress address, ConnectionSource source, SchemaMigrations migrations,
                          PostgresTeamJournal.Context context, Path cacheDir, EventCodec codec, Clock clock) {
        this.address = address;
        this.source = source;
        this.migrations = migrations;
        this.context = context;
        this.cacheDir = cacheDir;
        this.codec = codec;
        this.clock = clock;
    }

    /**
     * Connects and migrates once; remembers why the database could not be reached. Anything else (credentials,
     * missing database, newer schema) throws.
     */
    synchronized void tryConnect() {
        if (migrated) {
            return;
        }
        try (Connection connection = source.open()) {
            migrations.apply(connection, address.label());
            migrated = true;
            unreachable = null;
        } catch (SQLException e) {
            if (!DatabaseErrors.isConnectionProblem(e)) {
                throw failure(e);
            }
            unreachable = DatabaseErrors.reason(e);
        }
    }

    private TeamDatabaseException failure(SQLException e) {
        return source instanceof PostgresTeamDatabase.DriverConnections driver ? driver.describe(e)
                : DatabaseErrors.connectFailure(e, address.label(), "?", false, "~/.pgpass");
    }

    private synchronized Optional<String> reachable() {
        if (closed) {
            throw new TeamDatabaseException("the connection to " + address.label() + " was closed");
        }
        tryConnect();
        return Optional.ofNullable(migrated ? null : unreachable);
    }

    private String cannotReach(String reason) {
        return "cannot reach " + address.label() + ": " + reason + " — is the database up?";
    }

    @Override
    public TeamDatabaseAddress address() {
        return address;
    }

    @Override
    public List<IncidentSummary> list() {
        Optional<String> down = reachable();
        if (down.isEmpty()) {
            try (Connection connection = source.open()) {
                List<IncidentSummary> list = new ArrayList<>();
                for (EventStore.IncidentRow row : context.store().incidents(connection)) {
                    IncidentMetadata m = row.metadata();
                    list.add(new IncidentSummary(m.id(), folder(m.id()), m.planTitle(), m.createdAt(),
                            m.createdBy(), row.lastEvent(), null));
                }
                return List.copyOf(list);
            } catch (SQLException e) {
                if (!DatabaseErrors.isConnectionProblem(e)) {
                    throw new TeamDatabaseException("cannot list the incidents in " + address.label() + ": "
                            + DatabaseErrors.serverReason(e), DatabaseErrors.sanitized(e));
                }
                down = Optional.of(DatabaseErrors.reason(e));
            }
        }
        List<IncidentSummary> cached = cachedIncidents();
        if (cached.isEmpty()) {
            throw new TeamDatabaseException(cannotReach(down.get()) + " (no incident of it was synced on this "
                    + "machine, so there is nothing to show offline)");
        }
        return cached;
    }

    /** The incidents synced on this machine, for the list while the database is unreachable. */
    private List<IncidentSummary> cachedIncidents() {
        if (!Files.isDirectory(cacheDir)) {
            return List.of();
        }
        List<IncidentSummary> list = new ArrayList<>();
        try (Stream<Path> folders = Files.list(cacheDir)) {
            for (Path folder : folders.filter(IncidentCache::exists).toList()) {
                try {
                    IncidentMetadata m = IncidentCache.readMetadata(folder);
                    List<Event> synced = IncidentCache.openForReading(folder, codec).readSynced();
                    list.add(new IncidentSummary(m.id(), folder, m.planTitle(), m.createdAt(), m.createdBy(),
                            synced.isEmpty() ? Optional.empty() : Optional.of(synced.get(synced.size() - 1)), null));
                } catch (IOException e) {
                    list.add(new IncidentSummary(folder.getFileName().toString(), folder, null, null, null,
                            Optional.empty(), "cannot read the local copy: " + e.getMessage()));
                }
            }
        } catch (IOException e) {
            throw new TeamDatabaseException("cannot list the local copies in " + cacheDir + ": " + e.getMessage(), e);
        }
        list.sort(Comparator.comparing(IncidentSummary::lastActivity).reversed());
        return List.copyOf(list);
    }

    private Path folder(String incidentId) {
        return cacheDir.resolve(incidentId);
    }

    @Override
    public Incident start(Plan plan, String planSource, String planText, String operator) {
        requireOperator(operator);
        Optional<String> down = reachable();
        if (down.isPresent()) {
            throw new TeamDatabaseException(cannotReach(down.get()) + " A shared incident can only be started "
                    + "while the database is reachable.");
        }
        String sha = sha256(planText.getBytes(StandardCharsets.UTF_8));
        String id = ID_TIME.format(clock.instant()) + "-" + UUID.randomUUID().toString().substring(0, 6);
        IncidentMetadata metadata = new IncidentMetadata(IncidentMetadata.FORMAT, id, clock.instant(), operator,
                plan.plan().title(), planSource, sha);
        Connection connection = null;
        try {
            connection = source.open();
            context.store().createIncident(connection, metadata, planText);
        } catch (SQLException e) {
            close(connection);
            throw DatabaseErrors.isConnectionProblem(e) ? new TeamDatabaseException(cannotReach(
                    DatabaseErrors.reason(e)), DatabaseErrors.sanitized(e))
                    : new TeamDatabaseException("cannot start a shared incident in " + address.label() + ": "
                    + DatabaseErrors.serverReason(e), DatabaseErrors.sanitized(e));
        }
        Incident incident = openLive(metadata, planText, plan, operator, connection);
        incident.record(new EventPayload.IncidentStarted(id, plan.plan().title(), sha));
        return incident;
    }

    @Override
    public Incident join(String incidentId, String operator) {
        requireOperator(operator);
        Optional<String> down = reachable();
        if (down.isEmpty()) {
            Connection connection = null;
            try {
                connection = source.open();
                Optional<EventStore.IncidentRow> row = context.store().incident(connection, incidentId);
                if (row.isEmpty()) {
                    close(connection);
                    throw new TeamDatabaseException("there is no incident '" + incidentId + "' in "
                            + address.label());
                }
                IncidentMetadata metadata = row.get().metadata();
                Plan plan = loadPlan(metadata, row.get().planText());
                return openLive(metadata, row.get().planText(), plan, operator, connection);
            } catch (SQLException e) {
                close(connection);
                if (!DatabaseErrors.isConnectionProblem(e)) {
                    throw new TeamDatabaseException("cannot open incident '" + incidentId + "' from "
                            + address.label() + ": " + DatabaseErrors.serverReason(e), DatabaseErrors.sanitized(e));
                }
                down = Optional.of(DatabaseErrors.reason(e));
            }
        }
        return openReadOnly(incidentId, operator, down.get());
    }

    /** Opens the incident live on {@code connection} (which the journal keeps); closes it on failure. */
    private Incident openLive(IncidentMetadata metadata, String planText, Plan plan, String operator,
                              Connection connection) {
        try {
            PostgresTeamJournal journal = openLiveJournal(metadata, planText, operator, connection);
            return new Incident(metadata, folder(metadata.id()), plan, journal, operator, null);
        } catch (SQLException e) {
            if (DatabaseErrors.isConnectionProblem(e)) {
                return openReadOnly(metadata.id(), operator, DatabaseErrors.reason(e));
            }
            throw new TeamDatabaseException("cannot open incident '" + metadata.id() + "' from " + address.label()
                    + ": " + DatabaseErrors.serverReason(e), DatabaseErrors.sanitized(e));
        }
    }

    /**
     * The live journal of an incident without an {@link Incident} around it (the load harness folds the state
     * once at the end instead of on every event). Closes {@code connection} and the cache on failure.
     */
    PostgresTeamJournal openLiveJournal(IncidentMetadata metadata, String planText, String operator,
                                        Connection connection) throws SQLException {
        Path folder = folder(metadata.id());
        IncidentCache cache = null;
        try {
            cache = IncidentCache.openForWriting(folder, codec);
            cache.writeIncident(metadata, planText);
            IncidentCache.Snapshot local = cache.read();
            return PostgresTeamJournal.openLive(context, metadata.id(), cache, local, operator, connection);
        } catch (SQLException | RuntimeException e) {
            close(connection);
            if (cache != null) {
                cache.close();
            }
            throw e;
        } catch (IOException e) {
            close(connection);
            if (cache != null) {
                cache.close();
            }
            throw new TeamDatabaseException("cannot keep the local copy of incident '" + metadata.id() + "' in "
                    + folder + ": " + e.getMessage(), e);
        }
    }

    /** {@link #openLiveJournal} for an incident of the database, by its id (for the load harness). */
    PostgresTeamJournal openLiveJournal(String incidentId, String operator) throws SQLException {
        Connection connection = source.open();
        Optional<EventStore.IncidentRow> row = context.store().incident(connection, incidentId);
        if (row.isEmpty()) {
            close(connection);
            throw new TeamDatabaseException("there is no incident '" + incidentId + "' in " + address.label());
        }
        return openLiveJournal(row.get().metadata(), row.get().planText(), operator, connection);
    }

    private Incident openReadOnly(String incidentId, String operator, String reason) {
        Path folder = folder(incidentId);
        if (!IncidentCache.exists(folder)) {
            throw new TeamDatabaseException(cannotReach(reason) + " Incident '" + incidentId + "' was never "
                    + "synced on this machine, so it cannot be shown until the database is back.");
        }
        IncidentCache cache = IncidentCache.openForReading(folder, codec);
        IncidentCache.Snapshot local;
        try {
            local = cache.read();
        } catch (IOException e) {
            throw new TeamDatabaseException(cannotReach(reason) + " The local copy of incident '" + incidentId
                    + "' in " + folder + " cannot be read: " + e.getMessage(), e);
        }
        Plan plan = loadPlan(local.metadata(), local.planText());
        PostgresTeamJournal journal = PostgresTeamJournal.openReadOnly(context, incidentId, cache, local, operator,
                reason);
        return new Incident(local.metadata(), folder, plan, journal, operator, null);
    }

    /** The incident's plan, checked against its recorded hash. */
    private Plan loadPlan(IncidentMetadata metadata, String planText) {
        String actual = sha256(planText.getBytes(StandardCharsets.UTF_8));
        if (!actual.equals(metadata.planSha256())) {
            throw new TeamDatabaseException("the plan of incident '" + metadata.id() + "' was changed after it "
                    + "started (sha256 " + actual + ", recorded " + metadata.planSha256() + ")");
        }
        PlanLoadResult result = PlanLoader.forRecordedPlans().load(metadata.planSource(), planText);
        if (!result.ok()) {
            StringBuilder message = new StringBuilder("the plan of incident '" + metadata.id()
                    + "' does not load in this console:");
            for (Problem problem : result.problems()) {
                message.append("\n  ").append(problem);
            }
            throw new TeamDatabaseException(message.toString());
        }
        return result.plan();
    }

    private static void requireOperator(String operator) {
        if (operator == null || operator.isBlank()) {
            throw new IllegalArgumentException("an operator name is required");
        }
    }

    private static void close(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                // Already failed; nothing more to release.
            }
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** Nothing stays open here (each journal has its own connections, closed with its incident); later calls fail. */
    @Override
    public synchronized void close() {
        closed = true;
    }
}
