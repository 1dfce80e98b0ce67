package io.incidentconsole.team;

import io.incidentconsole.incident.Event;
import io.incidentconsole.incident.EventCodec;
import io.incidentconsole.incident.EventPayload;
import io.incidentconsole.incident.IncidentMetadata;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An append reads only the events the caller has not seen, however many the incident holds: V1's append_event kept,
 * per connection, the plan it made while the table was small, which read every event of the incident and filtered
 * them (each append cost O(events); docs/performance.md, "Round 3: team throughput"). The plans are read from
 * auto_explain, which logs the statements inside the function to this session.
 */
class AppendPlanTest {

    private static final EventStore STORE = new EventStore(new EventCodec());
    private static final Pattern ROWS_REMOVED = Pattern.compile("Rows Removed by Filter: (\\d+)");
    private static final Pattern BUFFERS =
            Pattern.compile("Query Text: SELECT e\\.seq[\\s\\S]*?Buffers: shared hit=(\\d+)");

    @TempDir
    static Path dir;
    static EmbeddedPostgres server;

    @BeforeAll
    static void startServer() {
        server = TeamTestSupport.startServer(dir.resolve("pg"), TeamTestSupport.freePort());
        TeamTestSupport.createDatabase(server, "plans");
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    @Test
    void anAppendToALongIncidentReadsOnlyTheEventsAfterWhatTheCallerKnows() throws Exception {
        try (Connection c = server.getDatabase("postgres", "plans").getConnection()) {
            c.setAutoCommit(true);
            SchemaMigrations.bundled().apply(c, "plans");
            STORE.createIncident(c, new IncidentMetadata(IncidentMetadata.FORMAT, "long", Instant.now(), "ana", "P",
                    "p.yaml", "0".repeat(64)), "text");
            long known = 0;
            for (int i = 0; i < 400; i++) { // the first appends, on a small table, are where the plan is made
                known = STORE.append(c, "long", List.of(note("e" + i)), known).stored().get(0).seq();
            }

            List<String> plans = explainedAppend(c, "long", "last", 400 - 2);

            String all = String.join("\n", plans);
            assertThat(all).as("the plans of the statements inside append_event").contains("Query Text: SELECT e.seq");
            Matcher removed = ROWS_REMOVED.matcher(all);
            while (removed.find()) {
                assertThat(Integer.parseInt(removed.group(1))).as("rows read and dropped: " + all).isLessThan(10);
            }
            Matcher buffers = BUFFERS.matcher(all);
            assertThat(buffers.find()).isTrue();
            assertThat(Integer.parseInt(buffers.group(1))).as("pages read to return 3 events: " + all).isLessThan(20);
        }
    }

    /**
     * Appends one event through append_event (the function EventStore calls, so the same cached plans) with
     * auto_explain logging every statement's plan, nested ones too, to this session; gives the plans.
     */
    private static List<String> explainedAppend(Connection c, String incident, String eventId, long known)
            throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("LOAD 'auto_explain'");
            s.execute("SET auto_explain.log_min_duration = 0");
            s.execute("SET auto_explain.log_analyze = on");
            s.execute("SET auto_explain.log_buffers = on");
            s.execute("SET auto_explain.log_nested_statements = on");
            s.execute("SET client_min_messages = log");
        }
        List<String> plans = new ArrayList<>();
        try (PreparedStatement call = c.prepareStatement(
                "SELECT seq FROM append_event(?, ?, '2026-12-07T06:00:00Z', 'ana', 'NoteAdded', ?::jsonb, ?)")) {
            call.setString(1, incident);
            call.setString(2, eventId);
            call.setString(3, "{\"phase\":\"backup\",\"text\":\"last\"}");
            call.setLong(4, known);
            call.executeQuery().close();
            for (SQLWarning w = call.getWarnings(); w != null; w = w.getNextWarning()) {
                plans.add(w.getMessage());
            }
        }
        try (Statement s = c.createStatement()) {
            s.execute("SET client_min_messages = notice");
            s.execute("SET auto_explain.log_min_duration = -1");
        }
        return plans;
    }

    private static Event note(String id) {
        return new Event(id, 1, Instant.parse("2026-12-07T06:00:00Z"), "ana", new EventPayload.NoteAdded("backup", id));
    }
}
