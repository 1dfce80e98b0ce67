package io.incidentconsole.team;

import io.incidentconsole.incident.Event;
import io.incidentconsole.incident.EventCodec;
import io.incidentconsole.incident.EventPayload;
import io.incidentconsole.incident.Incident;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The V2 append: a batch in one transaction, and notifications that carry the events (EventStore on a real server). */
class BatchedAppendTest {

    @TempDir
    static Path dir;
    static EmbeddedPostgres server;
    static TeamIncidents ana;
    static final EventStore STORE = new EventStore(new EventCodec());

    @BeforeAll
    static void start() {
        server = TeamTestSupport.startServer(dir.resolve("pg"), TeamTestSupport.freePort());
        TeamTestSupport.createDatabase(server, TeamTestSupport.DATABASE);
        ana = new TeamTestSupport(dir.resolve("home")).console(dir.resolve("ana-cache"), "console-ana")
                .connect(TeamTestSupport.address(server.getPort()));
    }

    @AfterAll
    static void stop() throws Exception {
        ana.close();
        server.close();
    }

    private static Connection connect() throws Exception {
        Connection c = server.getDatabase("postgres", TeamTestSupport.DATABASE).getConnection();
        c.setAutoCommit(true);
        return c;
    }

    private static Event event(String id, String operator, EventPayload payload) {
        return new Event(id, 1, Instant.parse("2026-11-27T08:00:00.123456789Z"), operator, payload);
    }

    @Test
    void aBatchIsStoredInOrderWithConsecutiveSeqsAndAResentEventIsStoredOnce() throws Exception {
        try (Incident a = ana.start(TeamTestSupport.plan(), "small-plan.yaml", TeamTestSupport.planText(), "ana");
             Connection c = connect()) {
            Event first = event("batch-1", "ana", new EventPayload.NoteAdded("backup", "one"));
            STORE.append(c, a.id(), List.of(first), 1);

            List<Event> batch = List.of(event("batch-2", "ana", new EventPayload.TaskTicked("backup", "backup.task-1")),
                    first, event("batch-3", "ben", new EventPayload.NoteAdded("migrate", "three")));
            EventStore.Appended appended = STORE.append(c, a.id(), batch, 1);

            assertThat(appended.stored()).extracting(Event::id).containsExactly("batch-2", "batch-1", "batch-3");
            assertThat(appended.stored()).extracting(Event::seq).containsExactly(3L, 2L, 4L);
            assertThat(appended.after()).extracting(stored -> stored.event().id()).containsExactly("batch-1", "batch-2", "batch-3");
            assertThat(STORE.fetchAfter(c, a.id(), 0)).extracting(stored -> stored.event().seq()).containsExactly(1L, 2L, 3L, 4L);
            assertThat(STORE.fetchAfter(c, a.id(), 1)).isEqualTo(appended.after());
        }
    }

    @Test
    void eachNewEventIsNotifiedWithTheEventAsStoredAndABigOneWithItsSeqOnly() throws Exception {
        try (Incident a = ana.start(TeamTestSupport.plan(), "small-plan.yaml", TeamTestSupport.planText(), "ana");
             Connection writer = connect(); Connection listener = connect()) {
            try (Statement s = listener.createStatement()) {
                s.execute("LISTEN " + EventStore.EVENTS_CHANNEL);
            }
            List<Event> batch = List.of(
                    event("note-quotes", "ana", new EventPayload.NoteAdded("backup", "it's \"done\" \\ : 🚀 ünïcode\n")),
                    event("tick", "o'brien: on call", new EventPayload.TaskTicked("backup", "backup.task-2")),
                    event("big", "ana", new EventPayload.NoteAdded("backup", "x".repeat(9_000))),
                    event("after-big", "ana", new EventPayload.NoteAdded("migrate", "{\"json\": [1, 2]}")));

            STORE.append(writer, a.id(), batch, 1);

            List<EventStore.Notified> heard = new ArrayList<>();
            for (int i = 0; i < 20 && heard.size() < batch.size(); i++) {
                PGNotification[] got = listener.unwrap(PGConnection.class).getNotifications(500);
                for (PGNotification n : got == null ? new PGNotification[0] : got) {
                    STORE.notified(a.id(), n.getParameter()).ifPresent(heard::add);
                }
            }
            List<Event> stored = STORE.fetchAfter(writer, a.id(), 1).stream().map(StoredEvent::event).toList();
            assertThat(heard).extracting(EventStore.Notified::seq).containsExactly(2L, 3L, 4L, 5L);
            assertThat(heard.get(0).event()).contains(stored.get(0));
            assertThat(heard.get(1).event()).contains(stored.get(1));
            assertThat(heard.get(2).event()).as("too big for a notification: read back").isEmpty();
            assertThat(heard.get(3).event()).contains(stored.get(3));
        }
    }

    @Test
    void aNotificationAboutAnotherIncidentOrInAnOlderFormIsReadSafely() {
        assertThat(STORE.notified("inc-1", "inc-2:5")).isEmpty();
        assertThat(STORE.notified("inc-1", "inc-10:5")).isEmpty();
        assertThat(STORE.notified("inc-1", "inc-1:7")).contains(new EventStore.Notified(7, Optional.empty()));
        assertThat(STORE.notified("inc-1", "inc-1:x")).contains(new EventStore.Notified(Long.MAX_VALUE,
                Optional.empty()));
        assertThat(STORE.notified("inc-1", "inc-1:8:[\"id\", 3]")).contains(new EventStore.Notified(8,
                Optional.empty()));
        assertThat(STORE.notified("inc-1", "inc-1:9:not json")).contains(new EventStore.Notified(9,
                Optional.empty()));
        assertThat(STORE.notified("inc-1", "inc-1:9:[\"id\",\"yesterday\",\"ana\",\"NoteAdded\",{}]"))
                .contains(new EventStore.Notified(9, Optional.empty()));
    }
}
