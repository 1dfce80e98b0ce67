package io.incidentconsole.ui.team;

import io.incidentconsole.ui.common.BackgroundTasks;
import io.incidentconsole.ui.incident.IncidentSession;

import io.incidentconsole.incident.Incident;
import io.incidentconsole.incident.IncidentStore;
import io.incidentconsole.plan.Plan;
import io.incidentconsole.plan.PlanLoader;
import io.incidentconsole.team.ConnectedConsole;
import io.incidentconsole.team.InMemoryTeam;
import io.incidentconsole.team.TeamConnectionStatus;
import io.incidentconsole.team.TeamConnectionStatus.State;
import io.incidentconsole.team.TeamDatabaseAddress;
import io.incidentconsole.team.TeamIncidents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;

import static org.assertj.core.api.Assertions.assertThat;

class TeamSessionTest {

    private static final Instant T0310 = Instant.parse("2026-11-27T03:10:00Z");
    private static final Instant T0312 = Instant.parse("2026-11-27T03:12:00Z");

    @TempDir
    Path dir;

    private final PlanLoader loader = new PlanLoader();
    private final Plan plan = loader.loadBundledSeed().plan();
    private final InMemoryTeam team = new InMemoryTeam(Clock.fixed(T0312, ZoneOffset.UTC), Path.of("cache"));
    /** The FX thread's queue: notices from the journal wait here until the test runs them. */
    private final Queue<Runnable> fxQueue = new ArrayDeque<>();
    private final IncidentSession session = new IncidentSession(new BackgroundTasks(Runnable::run, Runnable::run));
    private final TeamSession teamSession = new TeamSession(session, new BackgroundTasks(Runnable::run, fxQueue::add));

    private static ConnectedConsole console(String operator, String host, boolean self) {
        return new ConnectedConsole(host + "/" + operator, operator, host, T0310, T0312, self);
    }

    @Test
    void theChipSaysHowTheConsoleStandsWithTheDatabase() {
        List<ConnectedConsole> three = List.of(console("bob", "laptop-1", false), console("ana", "laptop-2", true),
                console("carol", "laptop-3", false));
        TeamSession.Team online = new TeamSession.Team("db:5432/incidents",
                new TeamConnectionStatus(State.ONLINE, T0310, 0, T0312, ""), three);
        assertThat(online.chipText()).isEqualTo("TEAM db:5432/incidents · online · 3 consoles");
        assertThat(online.presenceText()).isEqualTo("Connected: ana (you) · bob · carol");
        assertThat(online.presenceDetails()).contains("ana (you) on laptop-2 · joined 03:10 UTC · last seen 03:12 UTC",
                "carol on laptop-3");

        TeamSession.Team offline = new TeamSession.Team("db:5432/incidents",
                new TeamConnectionStatus(State.OFFLINE, Instant.parse("2026-11-27T03:12:30Z"), 5, T0310,
                        "the database does not answer"), three);
        assertThat(offline.chipText())
                .isEqualTo("OFFLINE since 03:12 UTC · 5 events queued · sending when the database is back");
        assertThat(offline.chipDetails()).contains("db:5432/incidents", "the database does not answer");
        assertThat(offline.presenceText()).startsWith("Connected when last heard from the database (03:10 UTC): ana (you)");
        assertThat(new TeamSession.Team("db", new TeamConnectionStatus(State.OFFLINE, T0310, 1, T0310, ""), three)
                .chipText()).contains("· 1 event queued ·");
        // The PostgreSQL journal forgets the others when it loses the database: it cannot know who is still there.
        assertThat(new TeamSession.Team("db", new TeamConnectionStatus(State.OFFLINE, T0310, 1, T0310, ""),
                three.stream().filter(ConnectedConsole::self).toList()).presenceText())
                .isEqualTo("Who else is connected is unknown while the database is unreachable");

        TeamSession.Team readOnly = new TeamSession.Team("db:5432/incidents",
                new TeamConnectionStatus(State.READ_ONLY, T0312, 0, T0310, "unreachable"), List.of());
        assertThat(readOnly.chipText()).isEqualTo("READ-ONLY · database unreachable · state last synced 03:10 UTC");
        assertThat(new TeamSession.Team("db", new TeamConnectionStatus(State.READ_ONLY, T0312, 0, null, ""), List.of())
                .chipText()).endsWith("state last synced never");
        assertThat(new TeamSession.Team("db", new TeamConnectionStatus(State.ONLINE, T0312, 0, T0312, ""),
                List.of(console("ana", "h", true))).chipText()).endsWith("· 1 console");
    }

    @Test
    void journalNoticesHopToTheFxThreadAndStopWhenTheIncidentIsReplaced() {
        TeamIncidents bobs = team.connect(TeamDatabaseAddress.parse("postgresql://db/incidents"));
        Incident bob = bobs.start(plan, "bundled", loader.bundledSeedText(), "bob");
        Incident ana = team.connect(TeamDatabaseAddress.parse("postgresql://db/incidents")).join(bob.id(), "ana");
        session.attach(ana);
        assertThat(teamSession.teamProperty().get().status().state()).isEqualTo(State.ONLINE);
        assertThat(teamSession.teamProperty().get().presenceText()).isEqualTo("Connected: ana (you) · bob");

        InMemoryTeam.Journal journal = (InMemoryTeam.Journal) ana.journal();
        journal.goOffline();
        assertThat(teamSession.teamProperty().get().status().state()).as("not until the FX thread runs it")
                .isEqualTo(State.ONLINE);
        assertThat(fxQueue).hasSize(1);
        fxQueue.poll().run();
        assertThat(teamSession.teamProperty().get().chipText()).startsWith("OFFLINE since 03:12 UTC");

        journal.goOnline();
        Incident local = new IncidentStore(dir).create(plan, "bundled", loader.bundledSeedText(), "ana");
        session.attach(local);
        assertThat(teamSession.teamProperty().get()).as("a local incident has no team").isNull();
        fxQueue.forEach(Runnable::run);
        fxQueue.clear();
        assertThat(teamSession.teamProperty().get()).as("a late notice of the closed team incident is dropped").isNull();
        journal.goOffline();
        assertThat(fxQueue).as("nobody listens to the closed incident's journal any more").isEmpty();
        session.close();
    }
}
