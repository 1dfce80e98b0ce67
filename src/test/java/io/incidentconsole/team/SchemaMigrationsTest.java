package io.incidentconsole.team;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SchemaMigrationsTest {

    @TempDir
    static Path dir;
    static EmbeddedPostgres server;

    @BeforeAll
    static void startServer() {
        server = TeamTestSupport.startServer(dir.resolve("pg"), TeamTestSupport.freePort());
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    private Connection connect(String database) throws SQLException {
        return server.getDatabase("postgres", database).getConnection();
    }

    @Test
    void aFreshDatabaseIsMigratedAndASecondRunChangesNothing() throws SQLException {
        TeamTestSupport.createDatabase(server, "fresh");
        SchemaMigrations migrations = SchemaMigrations.bundled();
        try (Connection c = connect("fresh")) {
            assertThat(migrations.apply(c, "fresh")).containsExactly(1, 2, 3);
            assertThat(migrations.apply(c, "fresh")).isEmpty();
            assertThat(tables(c)).contains("incidents", "events", "consoles", "schema_migrations");
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT version, description FROM schema_migrations ORDER BY version")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).isEqualTo(1);
                assertThat(rs.getString(2)).isEqualTo("events");
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).isEqualTo(2);
                assertThat(rs.getString(2)).isEqualTo("batched appends");
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).isEqualTo(3);
                assertThat(rs.getString(2)).isEqualTo("cheaper appends");
                assertThat(rs.next()).isFalse();
            }
        }
    }

    @Test
    void twoConsolesMigratingAtOnceApplyEachVersionOnce() throws Exception {
        TeamTestSupport.createDatabase(server, "race");
        SchemaMigrations migrations = SchemaMigrations.bundled();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<Integer>>> runs = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                Callable<List<Integer>> run = () -> {
                    try (Connection c = connect("race")) {
                        return migrations.apply(c, "race");
                    }
                };
                runs.add(pool.submit(run));
            }
            List<Integer> applied = new ArrayList<>();
            for (Future<List<Integer>> run : runs) {
                applied.addAll(run.get());
            }
            assertThat(applied).containsExactly(1, 2, 3);
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void aDatabaseWithANewerSchemaIsRefusedWithAClearMessage() throws SQLException {
        TeamTestSupport.createDatabase(server, "newer");
        try (Connection c = connect("newer")) {
            SchemaMigrations.bundled().apply(c, "newer");
            try (Statement s = c.createStatement()) {
                s.execute("INSERT INTO schema_migrations (version, description) VALUES (99, 'from the future')");
            }
            assertThatThrownBy(() -> SchemaMigrations.bundled().apply(c, "db:5432/newer"))
                    .isInstanceOf(TeamDatabaseException.class)
                    .hasMessageContaining("schema version 99")
                    .hasMessageContaining("newer than this console knows (3)")
                    .hasMessageContaining("update Incident Console");
        }
    }

    @Test
    void aDatabaseMadeByTheFirstSchemaIsUpgradedAndKeepsItsEvents() throws SQLException {
        TeamTestSupport.createDatabase(server, "upgraded");
        SchemaMigrations bundled = SchemaMigrations.bundled();
        SchemaMigrations firstOnly = new SchemaMigrations(bundled.migrations().subList(0, 1));
        try (Connection c = connect("upgraded")) {
            c.setAutoCommit(true);
            assertThat(firstOnly.apply(c, "upgraded")).containsExactly(1);
            try (Statement s = c.createStatement()) {
                s.execute("INSERT INTO incidents (id, plan_title, plan_text, plan_sha256, plan_source, created_at, "
                        + "created_by) VALUES ('inc', 'Plan', 'text', 'sha', 'plan.yaml', now(), 'ana')");
                s.execute("SELECT * FROM append_event('inc', 'e1', '2026-11-27T08:00:00Z', 'ana', 'NoteAdded', "
                        + "'{\"phase\":\"backup\",\"text\":\"one\"}', 0)");
            }

            assertThat(bundled.apply(c, "upgraded")).containsExactly(2, 3);

            try (Statement s = c.createStatement()) {
                s.execute("SELECT * FROM append_events('inc', ARRAY['e2'], ARRAY['2026-11-27T08:00:01Z'], "
                        + "ARRAY['bo'], ARRAY['NoteAdded'], ARRAY['{\"phase\":\"backup\",\"text\":\"two\"}'::jsonb], 1)");
                try (ResultSet rs = s.executeQuery("SELECT seq, event_id FROM events ORDER BY seq")) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getString(2)).isEqualTo("e1");
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getLong(1)).isEqualTo(2);
                    assertThat(rs.getString(2)).isEqualTo("e2");
                    assertThat(rs.next()).isFalse();
                }
                try (ResultSet rs = s.executeQuery("SELECT last_seq FROM incidents WHERE id = 'inc'")) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getLong(1)).isEqualTo(2);
                }
            }
        }
    }

    @Test
    void theIndexListsEveryMigrationFileInOrder() throws Exception {
        Path folder = Path.of("src/main/resources/team/migrations");
        List<String> files;
        try (Stream<Path> list = Files.list(folder)) {
            files = list.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".sql")).sorted().toList();
        }
        SchemaMigrations bundled = SchemaMigrations.bundled();
        assertThat(bundled.migrations()).hasSize(files.size());
        assertThat(bundled.latestVersion()).isEqualTo(files.size());
    }

    private static List<String> tables(Connection c) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }
}
