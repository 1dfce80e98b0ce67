package io.incidentconsole.team;

import io.incidentconsole.incident.Event;
import io.incidentconsole.incident.EventCodec;
import io.incidentconsole.incident.EventPayload;
import io.incidentconsole.incident.Incident;
import io.incidentconsole.incident.IncidentMetadata;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import static io.incidentconsole.team.TeamTestSupport.eventually;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Schema V3: an append is notified unless the incident's last notification is under 20 ms old; the consoles still
 * take in the appends that were not notified (their read-back runs once more after it found events), and a database
 * of schema V2 is upgraded in place with its events and their order kept.
 */
class NotificationWindowTest {

    private static final EventStore STORE = new EventStore(new EventCodec());

    @TempDir
    static Path dir;
    static EmbeddedPostgres server;

    @BeforeAll
    static void startServer() {
        server = TeamTestSupport.startServer(dir.resolve("pg"), TeamTestSupport.freePort());
        TeamTestSupport.createDatabase(server, TeamTestSupport.DATABASE);
        TeamTestSupport.createDatabase(server, "sqlonly");
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    private static Connection connect(String database) throws SQLException {
        Connection c = server.getDatabase("postgres", database).getConnection();
        c.setAutoCommit(true);
        return c;
    }

    @Test
    void anAppendIsNotifiedUnlessTheLastNotificationIsUnder20MillisecondsOldAndTheLastOneIsNotifiedByItsConsole()
            throws Exception {
        try (Connection c = connect("sqlonly"); Connection listener = connect("sqlonly")) {
            SchemaMigrations.bundled().apply(c, "sqlonly");
            try (Statement s = listener.createStatement()) {
                s.execute("LISTEN " + EventStore.EVENTS_CHANNEL);
            }
            createIncident(c, "inc");
            assertThat(append(c, "inc", note("e1", "first"), 0).notified()).isTrue();
            assertThat(received(listener)).as("an incident's first append is notified").containsExactly("inc:1");

            setLastNotified(c, "inc", "now() + interval '1 hour'"); // within the window from now on
            assertThat(append(c, "inc", note("e2", "second"), 1).notified()).isFalse();
            assertThat(append(c, "inc", note("e3", "third"), 2).notified()).isFalse();
            assertThat(STORE.notifyIfLast(c, "inc", 2)).as("e3 came after e2: e3's notice covers both").isFalse();
            assertThat(STORE.notifyIfLast(c, "inc", 3)).isTrue();
            // Notifications arrive in commit order: had e2 or e3 been notified by append_event, "inc:2" or a first
            // "inc:3" would come before this one.
            assertThat(received(listener)).containsExactly("inc:3");

            EventStore.Appended resent = append(c, "inc", note("e2", "second"), 3);
            assertThat(resent.stored()).extracting(Event::seq).containsExactly(2L);
            assertThat(resent.notified()).as("a re-sent event is noticed again: its first reply may be lost").isFalse();

            setLastNotified(c, "inc", "'-infinity'");
            assertThat(append(c, "inc", note("e4", "fourth"), 3).notified()).isTrue();
            assertThat(received(listener)).containsExactly("inc:4");
            assertThat(STORE.fetchAfter(c, "inc", 0)).extracting(stored -> stored.event().id()).containsExactly("e1", "e2", "e3", "e4");
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT last_seq, last_notified > now() - interval '1 minute', "
                         + "last_notified <= clock_timestamp() FROM incidents WHERE id = 'inc'")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getLong(1)).as("an append not notified still moves last_seq").isEqualTo(4);
                assertThat(rs.getBoolean(2) && rs.getBoolean(3)).as("the notification's time is kept").isTrue();
            }
        }
    }

    @Test
    void aRolledBackAppendLeavesNoHoleAndNotifiesNothing() throws Exception {
        TeamTestSupport.createDatabase(server, "rollback");
        try (Connection c = connect("rollback"); Connection listener = connect("rollback")) {
            SchemaMigrations.bundled().apply(c, "rollback");
            try (Statement s = listener.createStatement()) {
                s.execute("LISTEN " + EventStore.EVENTS_CHANNEL);
            }
            createIncident(c, "inc");
            append(c, "inc", note("kept-1", "one"), 0);
            assertThat(received(listener)).containsExactly("inc:1");

            setLastNotified(c, "inc", "'-infinity'"); // so the rolled-back append would have been notified
            c.setAutoCommit(false);
            assertThat(append(c, "inc", note("gone", "rolled back"), 1).stored()).extracting(Event::seq)
                    .containsExactly(2L);
            c.rollback();
            c.setAutoCommit(true);

            EventStore.Appended next = append(c, "inc", note("kept-2", "two"), 1);
            assertThat(next.stored()).extracting(Event::seq).as("the rolled-back seq is taken again").containsExactly(2L);
            assertThat(next.notified()).as("its window was rolled back with it").isTrue();
            assertThat(received(listener)).as("a rolled-back append's notification is never sent")
                    .containsExactly("inc:2");
            assertThat(STORE.fetchAfter(c, "inc", 0)).extracting(stored -> stored.event().id()).containsExactly("kept-1", "kept-2");
        }
    }

    /** A poll of one minute: only a notification can bring an event to another console within seconds. */
    private static final TeamTiming SLOW_POLL = new TeamTiming(Duration.ofMinutes(1), Duration.ofSeconds(5),
            Duration.ofSeconds(15), Duration.ofMillis(200), Duration.ofSeconds(1), 2, 10, Duration.ofSeconds(5));

    @Test
    void aConsoleTakesInAnAppendThatWasNotNotifiedWithoutWaitingForThePoll() throws Exception {
        TeamTiming slowPoll = SLOW_POLL;
        TeamTestSupport support = new TeamTestSupport(dir.resolve("home"));
        TeamDatabaseAddress address = TeamTestSupport.address(server.getPort());
        try (TeamIncidents ana = console(support, slowPoll, "ana").connect(address);
             TeamIncidents ben = console(support, slowPoll, "ben").connect(address);
             Incident a = ana.start(TeamTestSupport.plan(), "small-plan.yaml", TeamTestSupport.planText(), "ana");
             Incident b = ben.join(a.id(), "ben");
             Connection c = connect(TeamTestSupport.DATABASE)) {
            setLastNotified(c, a.id(), "'-infinity'");
            a.record(new EventPayload.NoteAdded("backup", "notified"));
            // Ben has read back up to here: only a notification brings him what comes next.
            assertThat(eventually(Duration.ofSeconds(5), () -> b.journal().events().size() == 2)).isTrue();
            setLastNotified(c, a.id(), "now() + interval '1 hour'");
            Event quiet = a.record(new EventPayload.NoteAdded("backup", "not notified"));

            assertThat(eventually(Duration.ofSeconds(5), () -> b.journal().events().size() == 3))
                    .as("ben takes in the event that was not notified long before his one-minute poll").isTrue();
            assertThat(b.journal().events()).isEqualTo(a.journal().events());
            assertThat(b.journal().events().get(2)).isEqualTo(quiet);
        }
    }

    @Test
    void anAppendNotNotifiedJustBeforeItsConsoleClosesStillReachesTheOthers() throws Exception {
        TeamTestSupport support = new TeamTestSupport(dir.resolve("home-close"));
        TeamDatabaseAddress address = TeamTestSupport.address(server.getPort());
        try (TeamIncidents ana = console(support, SLOW_POLL, "ana-close").connect(address);
             TeamIncidents ben = console(support, SLOW_POLL, "ben-close").connect(address);
             Connection c = connect(TeamTestSupport.DATABASE)) {
            Incident a = ana.start(TeamTestSupport.plan(), "small-plan.yaml", TeamTestSupport.planText(), "ana");
            try (Incident b = ben.join(a.id(), "ben")) {
                setLastNotified(c, a.id(), "'-infinity'");
                a.record(new EventPayload.NoteAdded("backup", "notified"));
                assertThat(eventually(Duration.ofSeconds(5), () -> b.journal().events().size() == 2)).isTrue();
                setLastNotified(c, a.id(), "now() + interval '1 hour'");
                Event last = a.record(new EventPayload.NoteAdded("backup", "said, then closed"));
                a.close(); // at once: the notice is not due yet, closing sends it

                assertThat(eventually(Duration.ofSeconds(5), () -> b.journal().events().size() == 3)).isTrue();
                assertThat(b.journal().events().get(2)).isEqualTo(last);
            }
        }
    }

    @Test
    void consolesAppendingBurstsAtOnceConvergeWithoutThePoll() throws Exception {
        TeamTestSupport support = new TeamTestSupport(dir.resolve("home-bursts"));
        TeamDatabaseAddress address = TeamTestSupport.address(server.getPort());
        List<TeamIncidents> teams = new ArrayList<>();
        List<Incident> incidents = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                teams.add(console(support, SLOW_POLL, "burst-" + i).connect(address));
            }
            incidents.add(teams.get(0).start(TeamTestSupport.plan(), "small-plan.yaml", TeamTestSupport.planText(),
                    "op-0"));
            for (int i = 1; i < teams.size(); i++) {
                incidents.add(teams.get(i).join(incidents.get(0).id(), "op-" + i));
            }
            Random random = new Random(20261207L);
            int expected = 1;
            for (int round = 0; round < 5; round++) {
                // Each console appends a burst of 1..12 notes, all at once: most fall in another's 20 ms window.
                List<Thread> writers = new ArrayList<>();
                for (int i = 0; i < incidents.size(); i++) {
                    Incident incident = incidents.get(i);
                    int burst = 1 + random.nextInt(12);
                    expected += burst;
                    String operator = "op-" + i;
                    Thread writer = new Thread(() -> {
                        for (int n = 0; n < burst; n++) {
                            incident.record(new EventPayload.NoteAdded("backup", operator + " note " + n));
                        }
                    });
                    writer.start();
                    writers.add(writer);
                }
                for (Thread writer : writers) {
                    writer.join();
                }
                int all = expected;
                assertThat(eventually(Duration.ofSeconds(10), () -> incidents.stream()
                        .allMatch(inc -> inc.journal().events().size() == all)))
                        .as("round %d: every console has all %d events long before its one-minute poll", round, all)
                        .isTrue();
                List<Event> reference = incidents.get(0).journal().events();
                assertThat(reference).extracting(Event::seq).doesNotHaveDuplicates();
                assertThat(reference).extracting(Event::id).doesNotHaveDuplicates();
                for (Incident incident : incidents) {
                    assertThat(incident.journal().events()).isEqualTo(reference);
                }
            }
        } finally {
            incidents.forEach(Incident::close);
            teams.forEach(TeamIncidents::close);
        }
    }

    @Test
    void aDatabaseOfSchemaV2IsUpgradedInPlaceAndEveryConsoleSeesItsEventsInTheirOrder() throws Exception {
        TeamTestSupport.createDatabase(server, "upgrade_v2");
        SchemaMigrations bundled = SchemaMigrations.bundled();
        String planText = TeamTestSupport.planText();
        List<String> storedUnderV2 = new ArrayList<>();
        String incidentId = "inc-v2";
        try (Connection c = connect("upgrade_v2")) {
            assertThat(new SchemaMigrations(bundled.migrations().subList(0, 2)).apply(c, "upgrade_v2"))
                    .containsExactly(1, 2);
            IncidentMetadata metadata = new IncidentMetadata(IncidentMetadata.FORMAT, incidentId,
                    Instant.parse("2026-12-07T06:00:00Z"), "ana", TeamTestSupport.plan().plan().title(),
                    "small-plan.yaml", sha256(planText));
            STORE.createIncident(c, metadata, planText);
            // As 0.2 appends: one event through append_event (V1), a batch through append_events (V2).
            appendAsSchemaV2(c, incidentId, "s1", "IncidentStarted", "{\"incidentId\":\"" + incidentId
                    + "\",\"planTitle\":\"" + metadata.planTitle() + "\",\"planSha256\":\""
                    + metadata.planSha256() + "\"}", 0);
            List<Event> batch = List.of(note("b1", "one"), note("b2", "two"), note("b3", "three"));
            STORE.append(c, incidentId, batch, 1);
            appendAsSchemaV2(c, incidentId, "s2", "NoteAdded", "{\"phase\":\"backup\",\"text\":\"four\"}", 4);
            STORE.fetchAfter(c, incidentId, 0).forEach(e -> storedUnderV2.add(e.event().id()));
            assertThat(storedUnderV2).containsExactly("s1", "b1", "b2", "b3", "s2");

            assertThat(bundled.apply(c, "upgrade_v2")).containsExactly(3);

            assertThat(STORE.fetchAfter(c, incidentId, 0)).extracting(stored -> stored.event().id())
                    .as("every event kept, in the same order").isEqualTo(storedUnderV2);
            assertThat(STORE.fetchAfter(c, incidentId, 0)).extracting(stored -> stored.event().seq())
                    .containsExactly(1L, 2L, 3L, 4L, 5L);
        }
        TeamTestSupport support = new TeamTestSupport(dir.resolve("home-upgrade"));
        TeamDatabaseAddress address = TeamDatabaseAddress.parse("postgresql://postgres@localhost:"
                + server.getPort() + "/upgrade_v2");
        try (TeamIncidents ana = support.console(dir.resolve("ana-up"), "ana").connect(address);
             TeamIncidents ben = support.console(dir.resolve("ben-up"), "ben").connect(address);
             Incident a = ana.join(incidentId, "ana");
             Incident b = ben.join(incidentId, "ben")) {
            assertThat(a.journal().events()).extracting(Event::id).isEqualTo(storedUnderV2);
            Event ticked = b.record(new EventPayload.TaskTicked("backup", "backup.task-1"));
            assertThat(ticked.seq()).isEqualTo(6);
            assertThat(eventually(Duration.ofSeconds(5), () -> a.journal().events().size() == 6)).isTrue();
            assertThat(a.journal().events()).isEqualTo(b.journal().events());
            assertThat(a.state()).isEqualTo(b.state());
        }
    }

    @Test
    void aConsoleOfTheSchemaBeforeV3IsRefusedByAnUpgradedDatabase() throws Exception {
        TeamTestSupport.createDatabase(server, "refuse_v2");
        SchemaMigrations bundled = SchemaMigrations.bundled();
        try (Connection c = connect("refuse_v2")) {
            bundled.apply(c, "refuse_v2");
            SchemaMigrations upToV2 = new SchemaMigrations(bundled.migrations().subList(0, 2));
            assertThatThrownBy(() -> upToV2.apply(c, "db:5432/refuse_v2"))
                    .isInstanceOf(TeamDatabaseException.class)
                    .hasMessageContaining("schema version 3, newer than this console knows (2)")
                    .hasMessageContaining("update Incident Console");
        }
    }

    private static PostgresTeamDatabase console(TeamTestSupport support, TeamTiming timing, String name) {
        return new PostgresTeamDatabase(dir.resolve(name + "-cache"), Clock.systemUTC(), "console-" + name,
                "host-" + name, support.credentials(), timing, () -> UUID.randomUUID().toString());
    }

    private static void createIncident(Connection c, String id) throws SQLException {
        STORE.createIncident(c, new IncidentMetadata(IncidentMetadata.FORMAT, id, Instant.now(), "ana", "Plan",
                "plan.yaml", sha256("text")), "text");
    }

    private static EventStore.Appended append(Connection c, String incidentId, Event event, long known)
            throws SQLException {
        return STORE.append(c, incidentId, List.of(event), known);
    }

    /** Calls V1's append_event as consoles of schema 2 do (its result has no notified column). */
    private static void appendAsSchemaV2(Connection c, String incidentId, String eventId, String kind, String payload,
                                         long known) throws SQLException {
        try (PreparedStatement call = c.prepareStatement(
                "SELECT seq, event_id FROM append_event(?, ?, ?, ?, ?, ?::jsonb, ?)")) {
            call.setString(1, incidentId);
            call.setString(2, eventId);
            call.setString(3, "2026-12-07T06:00:00Z");
            call.setString(4, "ana");
            call.setString(5, kind);
            call.setString(6, payload);
            call.setLong(7, known);
            try (ResultSet rs = call.executeQuery()) {
                boolean stored = false;
                while (rs.next()) {
                    stored |= rs.getString(2).equals(eventId);
                }
                assertThat(stored).as(eventId + " stored").isTrue();
            }
        }
    }

    private static void setLastNotified(Connection c, String incidentId, String value) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE incidents SET last_notified = " + value
                + " WHERE id = ?")) {
            s.setString(1, incidentId);
            assertThat(s.executeUpdate()).isEqualTo(1);
        }
    }

    /** Waits for the next notifications (at most 5 s) and gives their parameters. */
    private static List<String> received(Connection listener) throws SQLException {
        PGNotification[] got = listener.unwrap(PGConnection.class).getNotifications(5_000);
        List<String> parameters = new ArrayList<>();
        for (PGNotification n : got == null ? new PGNotification[0] : got) {
            parameters.add(n.getParameter());
        }
        return parameters;
    }

    private static Event note(String id, String text) {
        return event(id, new EventPayload.NoteAdded("backup", text));
    }

    private static Event event(String id, EventPayload payload) {
        return new Event(id, 1, Instant.parse("2026-12-07T06:00:00Z"), "ana", payload);
    }

    private static String sha256(String text) {
        return PostgresTeamIncidents.sha256(text.getBytes(StandardCharsets.UTF_8));
    }
}
