package io.incidentconsole.team;

import io.incidentconsole.incident.Event;
import io.incidentconsole.incident.EventCodec;
import io.incidentconsole.incident.EventPayload;
import io.incidentconsole.incident.Incident;
import io.incidentconsole.incident.IncidentSummary;
import io.incidentconsole.incident.JournalListener;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static io.incidentconsole.team.TeamTestSupport.eventually;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Two console cores on one real database. */
class TwoConsolesTest {

    @TempDir
    static Path dir;
    static EmbeddedPostgres server;
    static TeamTestSupport support;
    static TeamIncidents ana;
    static TeamIncidents ben;

    @BeforeAll
    static void start() {
        server = TeamTestSupport.startServer(dir.resolve("pg"), TeamTestSupport.freePort());
        TeamTestSupport.createDatabase(server, TeamTestSupport.DATABASE);
        support = new TeamTestSupport(dir.resolve("home"));
        TeamDatabaseAddress address = TeamTestSupport.address(server.getPort());
        ana = support.console(dir.resolve("ana-cache"), "console-ana").connect(address);
        ben = support.console(dir.resolve("ben-cache"), "console-ben").connect(address);
    }

    @AfterAll
    static void stop() throws Exception {
        ana.close();
        ben.close();
        server.close();
    }

    private static TeamJournal team(Incident incident) {
        return (TeamJournal) incident.journal();
    }

    @Test
    void anEventRecordedOnOneConsoleReachesTheOtherWithinASecondWithTheSameSeqAndOperator() throws Exception {
        try (Incident a = ana.start(TeamTestSupport.plan(), "small-plan.yaml", TeamTestSupport.planText(), "ana");
             Incident b = ben.join(a.id(), "ben")) {
            CountDownLatch arrived = new CountDownLatch(1);
            List<Event> seenByBen = new CopyOnWriteArrayList<>();
            b.journal().subscribe(event -> {
                seenByBen.add(event);
                arrived.countDown();
            });

            Event ticked = a.record(new EventPayload.TaskTicked("backup", "backup.task-1"));

            assertThat(arrived.await(1, TimeUnit.SECONDS)).as("ben is told within a second").isTrue();
            assertThat(seenByBen).singleElement().isEqualTo(ticked);
            assertThat(ticked.seq()).isEqualTo(2);
            assertThat(eventually(Duration.ofSeconds(1), () -> b.state().events().size() == 2)).isTrue();
            assertThat(b.state()).isEqualTo(a.state());

            Event note = b.record(new EventPayload.NoteAdded("backup", "snapshot looks good"));
            assertThat(eventually(Duration.ofSeconds(1), () -> a.journal().events().size() == 3)).isTrue();
            assertThat(a.journal().events()).isEqualTo(b.journal().events());
            assertThat(a.journal().events()).extracting(Event::seq).containsExactly(1L, 2L, 3L);
            assertThat(a.journal().events()).extracting(Event::operator).containsExactly("ana", "ana", "ben");
            assertThat(a.journal().events().get(2)).isEqualTo(note);
            assertThat(a.journal().events().get(0).payload()).isInstanceOf(EventPayload.IncidentStarted.class);
            assertThat(team(a).connectionStatus().isOnline()).isTrue();
            assertThat(team(a).databaseLabel()).isEqualTo("localhost:" + server.getPort() + "/incidents");
        }
    }

    @Test
    void appendsFromBothConsolesAtOnceAreOrderedOnceByTheDatabase() throws Exception {
        try (Incident a = ana.start(TeamTestSupport.plan(), "small-plan.yaml", TeamTestSupport.planText(), "ana");
             Incident b = ben.join(a.id(), "ben")) {
            Thread anaWrites = new Thread(() -> {
                for (int i = 0; i < 25; i++) {
                    a.record(new EventPayload.NoteAdded("backup", "ana " + i));
                }
            });
            Thread benWrites = new Thread(() -> {
                for (int i = 0; i < 25; i++) {
                    b.record(new EventPayload.NoteAdded("migrate", "ben " + i));
                }
            });
            anaWrites.start();
            benWrites.start();
            anaWrites.join();
            benWrites.join();

            assertThat(eventually(Duration.ofSeconds(5), () -> a.journal().events().size() == 51
                    && b.journal().events().size() == 51)).isTrue();
            assertThat(a.journal().events()).isEqualTo(b.journal().events());
            List<Long> seqs = a.journal().events().stream().map(Event::seq).toList();
            List<Long> expected = new ArrayList<>();
            for (long s = 1; s <= 51; s++) {
                expected.add(s);
            }
            assertThat(seqs).isEqualTo(expected);
            assertThat(a.state()).isEqualTo(b.state());
        }
    }

    @Test
    void everyConsoleListsWhoHasTheIncidentOpenAndSeesOthersLeave() throws Exception {
        try (Incident a = ana.start(TeamTestSupport.plan(), "small-plan.yaml", TeamTestSupport.planText(), "ana")) {
            Incident b = ben.join(a.id(), "ben");
            assertThat(eventually(Duration.ofSeconds(3), () -> team(a).connectedConsoles().size() == 2)).isTrue();
            List<ConnectedConsole> seenByAna = team(a).connectedConsoles();
            assertThat(seenByAna).extracting(ConnectedConsole::operator).containsExactly("ana", "ben");
            assertThat(seenByAna).extracting(ConnectedConsole::self).containsExactly(true, false);
            assertThat(seenByAna.get(1).host()).isEqualTo("host-console-ben");
            assertThat(team(b).connectedConsoles()).filteredOn(ConnectedConsole::self)
                    .extracting(ConnectedConsole::operator).containsExactly("ben");

            b.close();

            assertThat(eventually(Duration.ofSeconds(3), () -> team(a).connectedConsoles().size() == 1)).isTrue();
            assertThat(team(a).connectedConsoles()).extracting(ConnectedConsole::consoleId)
                    .containsExactly("console-ana");
        }
    }

    @Test
    void aResentEventIsStoredOnceAndTheStoredOneIsReturned() throws Exception {
        try (Incident a = ana.start(TeamTestSupport.plan(), "small-plan.yaml", TeamTestSupport.planText(), "ana");
             Connection c = server.getDatabase("postgres", TeamTestSupport.DATABASE).getConnection()) {
            c.setAutoCommit(false);
            EventStore store = new EventStore(new EventCodec());
            Event event = new Event("fixed-id-1", 99, Instant.parse("2026-11-27T08:00:00.123456Z"), "ana",
                    new EventPayload.TaskTicked("backup", "backup.task-2"));

            Event first = store.append(c, a.id(), List.of(event), 0).stored().get(0);
            Event again = store.append(c, a.id(), List.of(event), 0).stored().get(0);

            assertThat(first.seq()).isEqualTo(2);
            assertThat(again).isEqualTo(first);
            assertThat(store.fetchAfter(c, a.id(), 0)).extracting(stored -> stored.event().id()).containsOnlyOnce("fixed-id-1");
            assertThat(first.at()).isEqualTo(event.at());
        }
    }

    @Test
    void theListShowsSharedIncidentsNewestActivityFirstWithTheirLastEvent() {
        Incident older = ana.start(TeamTestSupport.plan(), "small-plan.yaml", TeamTestSupport.planText(), "ana");
        Incident newer = ana.start(TeamTestSupport.plan(), "small-plan.yaml", TeamTestSupport.planText(), "ana");
        try {
            older.record(new EventPayload.NoteAdded("backup", "latest activity"));

            List<IncidentSummary> list = ben.list();

            List<String> ids = list.stream().map(IncidentSummary::id).toList();
            assertThat(ids.indexOf(older.id())).isLessThan(ids.indexOf(newer.id()));
            IncidentSummary first = list.get(0);
            assertThat(first.id()).isEqualTo(older.id());
            assertThat(first.planTitle()).isEqualTo("Database migration drill");
            assertThat(first.createdBy()).isEqualTo("ana");
            assertThat(first.lastEvent()).get().extracting(Event::kind).isEqualTo("NoteAdded");
            assertThat(first.directory().startsWith(dir.resolve("ben-cache"))).isTrue();
            assertThat(first.problem()).isNull();
        } finally {
            older.close();
            newer.close();
        }
    }

    @Test
    void joiningAnUnknownIncidentSaysSo() {
        assertThatThrownBy(() -> ben.join("20260101-000000-nosuch", "ben"))
                .isInstanceOf(TeamDatabaseException.class)
                .hasMessage("there is no incident '20260101-000000-nosuch' in localhost:" + server.getPort()
                        + "/incidents");
    }

    @Test
    void aMissingDatabaseIsNamedWithWhatToDo() {
        TeamDatabaseAddress missing = TeamDatabaseAddress.parse("postgresql://postgres@localhost:" + server.getPort()
                + "/nosuchdb");

        assertThatThrownBy(() -> support.console(dir.resolve("x-cache"), "x").connect(missing))
                .isInstanceOf(TeamDatabaseException.class)
                .hasMessage("the database localhost:" + server.getPort() + "/nosuchdb does not exist — create it "
                        + "(createdb) or check the address");
    }

    @Test
    void aDatabaseNobodyListensOnIsReportedAsUnreachable() {
        int closedPort = TeamTestSupport.freePort();
        TeamIncidents nowhere = support.console(dir.resolve("y-cache"), "y")
                .connect(TeamTestSupport.address(closedPort));

        assertThatThrownBy(nowhere::list)
                .isInstanceOf(TeamDatabaseException.class)
                .hasMessageStartingWith("cannot reach localhost:" + closedPort + "/incidents: connection refused "
                        + "— is the database up?");
        assertThatThrownBy(() -> nowhere.join("20260101-000000-abcdef", "ana"))
                .isInstanceOf(TeamDatabaseException.class)
                .hasMessageContaining("never synced on this machine");
    }

    @Test
    void listenersThatThrowDoNotStopTheEventBeingRecorded() {
        try (Incident a = ana.start(TeamTestSupport.plan(), "small-plan.yaml", TeamTestSupport.planText(), "ana")) {
            Thread.UncaughtExceptionHandler previous = Thread.currentThread().getUncaughtExceptionHandler();
            List<Throwable> reported = new CopyOnWriteArrayList<>();
            Thread.currentThread().setUncaughtExceptionHandler((t, e) -> reported.add(e));
            try {
                a.journal().subscribe(new JournalListener() {
                    @Override
                    public void appended(Event event) {
                        throw new IllegalStateException("listener bug");
                    }
                });
                Event e = a.record(new EventPayload.NoteAdded("backup", "still recorded"));
                assertThat(a.journal().events()).contains(e);
                assertThat(reported).singleElement().extracting(Throwable::getMessage).isEqualTo("listener bug");
            } finally {
                Thread.currentThread().setUncaughtExceptionHandler(previous);
            }
        }
    }
}
