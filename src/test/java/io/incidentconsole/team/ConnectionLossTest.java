package io.incidentconsole.team;

import io.incidentconsole.incident.Event;
import io.incidentconsole.incident.EventPayload;
import io.incidentconsole.incident.Incident;
import io.incidentconsole.incident.JournalException;
import io.incidentconsole.incident.JournalListener;
import io.incidentconsole.team.TeamConnectionStatus.State;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static io.incidentconsole.team.TeamTestSupport.eventually;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Connections cut mid-append, the database stopped and restarted, consoles started while it is down. */
class ConnectionLossTest {

    @TempDir
    Path dir;
    EmbeddedPostgres server;
    int port;
    TeamTestSupport support;

    @BeforeEach
    void start() {
        port = TeamTestSupport.freePort();
        server = TeamTestSupport.startServer(dir.resolve("pg"), port);
        TeamTestSupport.createDatabase(server, TeamTestSupport.DATABASE);
        support = new TeamTestSupport(dir.resolve("home"));
    }

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    private void stopServer() throws Exception {
        server.close();
        server = null;
    }

    private void restartServer() {
        server = TeamTestSupport.startServer(dir.resolve("pg"), port);
    }

    private static TeamJournal team(Incident incident) {
        return (TeamJournal) incident.journal();
    }

    private static Incident startIncident(TeamIncidents incidents, String operator) {
        return incidents.start(TeamTestSupport.plan(), "small-plan.yaml", TeamTestSupport.planText(), operator);
    }

    /** How often each event id is stored, in the database's order. */
    private List<String> storedIds(String incidentId) throws SQLException {
        EmbeddedPostgres db = server;
        List<String> ids = new ArrayList<>();
        try (Connection c = db.getDatabase("postgres", TeamTestSupport.DATABASE).getConnection();
             PreparedStatement s = c.prepareStatement(
                     "SELECT event_id FROM events WHERE incident_id = ? ORDER BY seq")) {
            s.setString(1, incidentId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
        }
        return ids;
    }

    @Test
    void aConnectionCutAfterTheServerCommittedButBeforeItsReplyStoresTheEventExactlyOnce() throws Exception {
        assertCutMidAppendStoresOnce(CuttingProxy.Cut.BEFORE_THE_CLIENT_GETS_THE_REPLY);
    }

    @Test
    void aConnectionCutBeforeTheAppendReachedTheServerStoresTheEventExactlyOnce() throws Exception {
        assertCutMidAppendStoresOnce(CuttingProxy.Cut.BEFORE_THE_SERVER_GETS_IT);
    }

    private void assertCutMidAppendStoresOnce(CuttingProxy.Cut cut) throws Exception {
        try (CuttingProxy proxy = new CuttingProxy(port)) {
            // prepareThreshold=0: the driver sends the statement's text every time (not a server-prepared
            // statement's name), so the proxy can recognise the append.
            TeamIncidents viaProxy = support.console(dir.resolve("ana-cache"), "ana").connect(TeamDatabaseAddress
                    .parse("postgresql://postgres@localhost:" + proxy.port() + "/incidents?prepareThreshold=0"));
            try (Incident a = startIncident(viaProxy, "ana")) {
                proxy.cutOnce("append_event", cut);

                Event ticked = a.record(new EventPayload.TaskTicked("backup", "backup.task-1"));

                assertThat(proxy.cuts()).as("the connection was cut mid-append").isEqualTo(1);
                assertThat(storedIds(a.id())).containsExactly(a.journal().events().get(0).id(), ticked.id());
                assertThat(ticked.seq()).isEqualTo(2);
                assertThat(a.journal().events()).extracting(Event::id).containsExactly(
                        a.journal().events().get(0).id(), ticked.id());
                assertThat(team(a).connectionStatus().state()).isEqualTo(State.ONLINE);

                Event next = a.record(new EventPayload.TaskTicked("backup", "backup.task-2"));
                assertThat(next.seq()).isEqualTo(3);
                assertThat(storedIds(a.id())).hasSize(3).doesNotHaveDuplicates();
            }
        }
    }

    @Test
    void anAppendOnASilentNetworkIsQueuedAfterTheAppendTimeoutNotTheSocketTimeout() throws Exception {
        // Sockets that wait 10 s for an answer; appends give up after one second.
        TeamTiming timing = new TeamTiming(Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(15),
                Duration.ofMillis(200), Duration.ofSeconds(1), 2, 10, Duration.ofSeconds(1));
        try (CuttingProxy proxy = new CuttingProxy(port)) {
            TeamIncidents viaProxy = new PostgresTeamDatabase(dir.resolve("ana-cache"), Clock.systemUTC(),
                    "ana", "host-ana", support.credentials(), timing, () -> UUID.randomUUID().toString())
                    .connect(TeamDatabaseAddress.parse("postgresql://postgres@localhost:" + proxy.port() + "/incidents"));
            try (Incident a = startIncident(viaProxy, "ana")) {
                a.record(new EventPayload.TaskTicked("backup", "backup.task-1"));
                assertThat(team(a).connectionStatus().state()).isEqualTo(State.ONLINE);

                proxy.silence();
                // Preemptive: with only the socket timeout this append returns after 10 s (and 10 more on the retry).
                Event queued = Assertions.assertTimeoutPreemptively(Duration.ofSeconds(6),
                        () -> a.record(new EventPayload.TaskTicked("backup", "backup.task-2")));

                TeamConnectionStatus offline = team(a).connectionStatus();
                assertThat(offline.state()).isEqualTo(State.OFFLINE);
                assertThat(offline.queuedEvents()).isEqualTo(1);
                assertThat(offline.message()).contains("timed out");
                assertThat(a.state().events()).extracting(Event::id).contains(queued.id());

                proxy.speak();
                // The worker's connection lost what the silence swallowed: it waits out its socket timeout first.
                assertThat(eventually(Duration.ofSeconds(45), () -> team(a).connectionStatus().isOnline()
                        && team(a).connectionStatus().queuedEvents() == 0))
                        .as("back online with the queue sent").isTrue();
                assertThat(storedIds(a.id())).hasSize(3).doesNotHaveDuplicates().contains(queued.id());
            }
        }
    }

    @Test
    void eventsRecordedWhileTheDatabaseIsStoppedAreQueuedAndArriveInOrderOnceAfterItRestarts() throws Exception {
        TeamIncidents anaSide = support.console(dir.resolve("ana-cache"), "ana").connect(TeamTestSupport.address(port));
        TeamIncidents benSide = support.console(dir.resolve("ben-cache"), "ben").connect(TeamTestSupport.address(port));
        try (Incident a = startIncident(anaSide, "ana"); Incident b = benSide.join(a.id(), "ben")) {
            List<TeamConnectionStatus> anaStatuses = new CopyOnWriteArrayList<>();
            team(a).onConnectionStatus(anaStatuses::add);
            AtomicInteger reloads = new AtomicInteger();
            JournalListener countReloads = new JournalListener() {
                @Override
                public void appended(Event event) {
                }

                @Override
                public void reloaded(List<Event> events) {
                    reloads.incrementAndGet();
                }
            };
            a.journal().subscribe(countReloads);
            b.journal().subscribe(countReloads);
            Event started = a.journal().events().get(0);

            stopServer();
            List<Event> anaQueued = new ArrayList<>();
            for (int i = 1; i <= 3; i++) {
                anaQueued.add(a.record(new EventPayload.NoteAdded("backup", "ana offline " + i)));
            }
            Event benQueued = b.record(new EventPayload.NoteAdded("migrate", "ben offline"));

            TeamConnectionStatus offline = team(a).connectionStatus();
            assertThat(offline.state()).isEqualTo(State.OFFLINE);
            assertThat(offline.queuedEvents()).isEqualTo(3);
            assertThat(offline.message()).startsWith("cannot reach localhost:" + port + "/incidents: ")
                    .contains("3 event(s) queued here");
            assertThat(a.journal().events()).extracting(Event::seq).containsExactly(1L, 2L, 3L, 4L);
            assertThat(a.state().events()).hasSize(4);
            assertThat(team(b).connectionStatus().queuedEvents()).isEqualTo(1);

            restartServer();

            assertThat(eventually(Duration.ofSeconds(20), () -> team(a).connectionStatus().isOnline()
                    && team(b).connectionStatus().isOnline()
                    && a.journal().events().size() == 5 && b.journal().events().size() == 5))
                    .as("both consoles back online with every event").isTrue();
            List<String> stored = storedIds(a.id());
            assertThat(stored).hasSize(5).doesNotHaveDuplicates();
            assertThat(stored.get(0)).isEqualTo(started.id());
            List<String> anaOrder = stored.stream().filter(id -> anaQueued.stream().anyMatch(e -> e.id().equals(id)))
                    .toList();
            assertThat(anaOrder).containsExactly(anaQueued.get(0).id(), anaQueued.get(1).id(), anaQueued.get(2).id());
            assertThat(stored).contains(benQueued.id());
            assertThat(a.journal().events()).isEqualTo(b.journal().events());
            assertThat(a.journal().events()).extracting(Event::id).isEqualTo(stored);
            assertThat(a.state()).isEqualTo(b.state());
            assertThat(team(a).connectionStatus().queuedEvents()).isZero();
            assertThat(anaStatuses).extracting(TeamConnectionStatus::state).contains(State.OFFLINE, State.ONLINE);
            assertThat(anaStatuses.get(anaStatuses.size() - 1).state()).isEqualTo(State.ONLINE);
            // Both queued while offline, so the one whose queue reached the database second had its events
            // renumbered: its listeners were given the database's order by a reload.
            assertThat(reloads.get()).isGreaterThanOrEqualTo(1);
        }
    }

    @Test
    void consolesWhoseConnectionsTheServerKillsReconnectAndCatchUp() throws Exception {
        TeamIncidents anaSide = support.console(dir.resolve("ana-cache"), "ana").connect(TeamTestSupport.address(port));
        TeamIncidents benSide = support.console(dir.resolve("ben-cache"), "ben").connect(TeamTestSupport.address(port));
        try (Incident a = startIncident(anaSide, "ana"); Incident b = benSide.join(a.id(), "ben")) {
            // The listeners connect on their own threads: wait until both consoles have both connections.
            assertThat(eventually(Duration.ofSeconds(10), () -> consoleBackends("count(*)") >= 4)).isTrue();
            assertThat(consoleBackends("count(pg_terminate_backend(pid))"))
                    .as("writer and listener of both consoles").isGreaterThanOrEqualTo(4);

            Event ticked = a.record(new EventPayload.TaskTicked("backup", "backup.task-1"));

            assertThat(ticked.seq()).isEqualTo(2);
            assertThat(eventually(Duration.ofSeconds(15), () -> b.journal().events().contains(ticked)
                    && team(a).connectionStatus().isOnline() && team(b).connectionStatus().isOnline())).isTrue();
            assertThat(storedIds(a.id())).hasSize(2).doesNotHaveDuplicates();
            assertThat(a.journal().events()).isEqualTo(b.journal().events());
        }
    }

    /** {@code aggregate} over the server's backends that are console connections. */
    private int consoleBackends(String aggregate) {
        try (Connection admin = server.getPostgresDatabase().getConnection();
             PreparedStatement query = admin.prepareStatement("SELECT " + aggregate
                     + " FROM pg_stat_activity WHERE application_name = 'incident-console'");
             ResultSet rs = query.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void eventsQueuedBeforeTheConsoleQuitAreSentWhenItReopensTheIncident() throws Exception {
        PostgresTeamDatabase anaConsole = support.console(dir.resolve("ana-cache"), "ana");
        String id;
        List<Event> queued = new ArrayList<>();
        try (Incident a = startIncident(anaConsole.connect(TeamTestSupport.address(port)), "ana")) {
            id = a.id();
            stopServer();
            queued.add(a.record(new EventPayload.NoteAdded("backup", "queued 1")));
            queued.add(a.record(new EventPayload.NoteAdded("backup", "queued 2")));
            assertThat(team(a).connectionStatus().queuedEvents()).isEqualTo(2);
        }
        restartServer();

        PostgresTeamDatabase restarted = support.console(dir.resolve("ana-cache"), "ana-again");
        try (Incident again = restarted.connect(TeamTestSupport.address(port)).join(id, "ana")) {
            assertThat(again.isReadOnly()).isFalse();
            assertThat(team(again).connectionStatus().isOnline()).isTrue();
            assertThat(again.journal().events()).extracting(Event::id).containsExactly(
                    again.journal().events().get(0).id(), queued.get(0).id(), queued.get(1).id());
            assertThat(storedIds(id)).hasSize(3).doesNotHaveDuplicates();
            assertThat(team(again).connectionStatus().queuedEvents()).isZero();
        }
    }

    @Test
    void aConsoleStartedWhileTheDatabaseIsDownOpensTheLastSyncedStateReadOnly() throws Exception {
        String id;
        List<Event> synced;
        try (Incident a = startIncident(support.console(dir.resolve("ana-cache"), "ana")
                .connect(TeamTestSupport.address(port)), "ana")) {
            a.record(new EventPayload.TaskTicked("backup", "backup.task-1"));
            id = a.id();
            synced = a.journal().events();
        }
        stopServer();

        TeamIncidents offline = support.console(dir.resolve("ana-cache"), "ana-later")
                .connect(TeamTestSupport.address(port));
        assertThat(offline.list()).extracting(s -> s.id()).containsExactly(id);
        try (Incident readOnly = offline.join(id, "ana")) {
            assertThat(readOnly.isReadOnly()).isTrue();
            assertThat(readOnly.readOnlyReason()).get().asString()
                    .startsWith("the team database localhost:" + port + "/incidents is unreachable (connection refused)")
                    .contains("showing the state last synced at ")
                    .endsWith("reconnect with Reopen live");
            assertThat(team(readOnly).connectionStatus().state()).isEqualTo(State.READ_ONLY);
            assertThat(team(readOnly).connectionStatus().lastSynced()).isNotNull();
            assertThat(readOnly.journal().events()).isEqualTo(synced);
            assertThat(readOnly.state().events()).hasSize(2);
            assertThatThrownBy(() -> readOnly.record(new EventPayload.NoteAdded("backup", "refused")))
                    .isInstanceOf(JournalException.class).hasMessageContaining("read-only");

            // The database comes back: the read-only copy says so, and joining again through the same connection
            // while the copy is still open (the console's Reopen live) gives the live incident.
            restartServer();
            assertThat(eventually(Duration.ofSeconds(20), () -> team(readOnly).connectionStatus().message()
                    .contains("is reachable again: press Reopen live"))).as("the copy says the database is back").isTrue();
            try (Incident live = offline.join(id, "ana")) {
                assertThat(live.isReadOnly()).isFalse();
                assertThat(team(live).connectionStatus().state()).isEqualTo(State.ONLINE);
                Event note = live.record(new EventPayload.NoteAdded("backup", "live again"));
                assertThat(storedIds(id)).hasSize(3).endsWith(note.id());
            }
            stopServer();
        }

        TeamIncidents stranger = support.console(dir.resolve("other-machine"), "bob")
                .connect(TeamTestSupport.address(port));
        assertThatThrownBy(() -> stranger.join(id, "bob"))
                .isInstanceOf(TeamDatabaseException.class)
                .hasMessage("cannot reach localhost:" + port + "/incidents: connection refused — is the database up? "
                        + "Incident '" + id + "' was never synced on this machine, so it cannot be shown until the "
                        + "database is back.");
    }
}
