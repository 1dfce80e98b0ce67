package io.incidentconsole.ui.team;

import io.incidentconsole.ui.incident.CurrentPlan;

import io.incidentconsole.ui.common.BackgroundTasks;
import io.incidentconsole.ui.incident.IncidentSession;

import io.incidentconsole.incident.Incident;
import io.incidentconsole.incident.OperatorSettings;
import io.incidentconsole.plan.Plan;
import io.incidentconsole.plan.PlanLoader;
import io.incidentconsole.team.InMemoryTeam;
import io.incidentconsole.team.RecentTeamDatabases;
import io.incidentconsole.team.TeamDatabaseAddress;
import io.incidentconsole.team.TeamDatabaseConnector;
import io.incidentconsole.team.TeamDatabaseException;
import io.incidentconsole.team.TeamJournal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class TeamJoinViewModelTest {

    private static final String ADDRESS = "postgresql://ana@db.example.org:5433/incidents";

    @TempDir
    Path dir;

    private final PlanLoader loader = new PlanLoader();
    private final Plan plan = loader.loadBundledSeed().plan();
    private final InMemoryTeam team = new InMemoryTeam(Clock.fixed(Instant.parse("2026-11-27T03:10:00Z"), ZoneOffset.UTC),
            Path.of("team-cache"));
    private final List<Incident> opened = new ArrayList<>();
    private Optional<CurrentPlan> current = Optional.empty();

    private TeamJoinViewModel model(TeamDatabaseConnector connector) {
        IncidentSession session = new IncidentSession(BackgroundTasks.direct());
        return new TeamJoinViewModel(connector, new RecentTeamDatabases(dir.resolve("team-databases.txt"), 8),
                new OperatorSettings(dir.resolve("operator.json")), () -> current, BackgroundTasks.direct(),
                new TeamSession(session, BackgroundTasks.direct()), incident -> {
                    opened.add(incident);
                    session.attach(incident);
                });
    }

    private Incident bobStarts() {
        return team.connect(TeamDatabaseAddress.parse(ADDRESS)).start(plan, "bundled", loader.bundledSeedText(), "bob");
    }

    @Test
    void theAddressIsCheckedAsItIsTyped() {
        TeamJoinViewModel model = model(team);
        assertThat(model.addressProblemProperty().get()).as("empty: nothing to complain about yet").isEmpty();
        model.addressProperty().set("db.example.org/incidents");
        assertThat(model.addressProblemProperty().get()).startsWith("the address must start with postgresql://");
        model.addressProperty().set("postgresql://ana:secret@db/incidents");
        assertThat(model.addressProblemProperty().get()).contains("contains a password").doesNotContain("secret");
        model.addressProperty().set(ADDRESS);
        assertThat(model.addressProblemProperty().get()).isEmpty();
    }

    @Test
    void connectListsTheSharedIncidentsAndRemembersTheAddressWithoutSecrets() throws Exception {
        bobStarts();
        TeamJoinViewModel model = model(team);
        model.addressProperty().set("  postgres://ana@db.example.org:5433/incidents ");
        model.connect();
        assertThat(model.connectedProperty().get()).isTrue();
        assertThat(model.incidents()).extracting(s -> s.createdBy()).containsExactly("bob");
        assertThat(model.selectedProperty().get()).isEqualTo(model.incidents().get(0));
        assertThat(model.messageProperty().get()).isEqualTo("Connected to db.example.org:5433/incidents: 1 shared incident.");
        assertThat(Files.readString(dir.resolve("team-databases.txt"))).isEqualTo(ADDRESS + "\n");
        assertThat(model(team).addressProperty().get()).as("the next dialog starts from it").isEqualTo(ADDRESS);
        assertThat(model.recentAddresses()).containsExactly(ADDRESS);
    }

    @Test
    void aFailureShowsTheDatabasesOwnWordsOrNamesTheDatabase() {
        TeamJoinViewModel refused = model(address -> {
            throw new TeamDatabaseException("password authentication failed for user \"ana\" on db.example.org:5433/incidents");
        });
        refused.addressProperty().set(ADDRESS);
        refused.connect();
        assertThat(refused.failedProperty().get()).isTrue();
        assertThat(refused.connectedProperty().get()).isFalse();
        assertThat(refused.canJoinBinding().get()).isFalse();
        assertThat(refused.messageProperty().get())
                .isEqualTo("password authentication failed for user \"ana\" on db.example.org:5433/incidents");

        TeamJoinViewModel broken = model(address -> {
            throw new IllegalStateException("driver missing");
        });
        broken.addressProperty().set(ADDRESS);
        broken.connect();
        assertThat(broken.messageProperty().get())
                .isEqualTo("Could not use the team database db.example.org:5433/incidents: driver missing");
        assertThat(dir.resolve("team-databases.txt")).as("nothing remembered after a failure").doesNotExist();
    }

    @Test
    void joiningNeedsANameAndAttachesTheTeamIncident() {
        Incident bob = bobStarts();
        TeamJoinViewModel model = model(team);
        model.addressProperty().set(ADDRESS);
        model.connect();
        model.join(model.selectedProperty().get());
        assertThat(model.messageProperty().get()).startsWith("Enter your name");
        assertThat(opened).isEmpty();

        model.operatorProperty().set(" ana ");
        model.join(model.selectedProperty().get());
        assertThat(opened).singleElement().satisfies(incident -> {
            assertThat(incident.id()).isEqualTo(bob.id());
            assertThat(incident.operator()).isEqualTo("ana");
            assertThat(incident.journal()).isInstanceOf(TeamJournal.class);
        });
        assertThat(model.doneProperty().get()).isTrue();
        assertThat(new OperatorSettings(dir.resolve("operator.json")).operator()).contains("ana");
    }

    @Test
    void startingNeedsAPlanAndAConnection() {
        TeamJoinViewModel model = model(team);
        model.operatorProperty().set("ana");
        model.startNew();
        assertThat(model.messageProperty().get()).isEqualTo("Connect to the team database first.");
        model.addressProperty().set(ADDRESS);
        model.connect();
        assertThat(model.canStartNewBinding().get()).isFalse();
        model.startNew();
        assertThat(model.messageProperty().get()).startsWith("No plan is open");

        current = Optional.of(new CurrentPlan(plan, "bundled", loader.bundledSeedText()));
        model.startNew();
        assertThat(opened).singleElement().satisfies(incident ->
                assertThat(incident.state().started()).hasValueSatisfying(s -> assertThat(s.operator()).isEqualTo("ana")));
        assertThat(team.connect(TeamDatabaseAddress.parse(ADDRESS)).list()).hasSize(1);
    }

    @Test
    void changingTheAddressAfterConnectingAsksForANewConnect() {
        bobStarts();
        TeamJoinViewModel model = model(team);
        model.addressProperty().set(ADDRESS);
        model.connect();
        model.addressProperty().set("postgresql://db.example.org/other");
        assertThat(model.connectedProperty().get()).isFalse();
        assertThat(model.incidents()).isEmpty();
        assertThat(model.canJoinBinding().get()).isFalse();
    }

    @Test
    void launchJoinsTheGivenIncidentOrStartsOneOrSaysWhatIsMissing() {
        Incident bob = bobStarts();
        current = Optional.of(new CurrentPlan(plan, "bundled", loader.bundledSeedText()));

        TeamJoinViewModel nameless = model(team);
        assertThat(nameless.launch(ADDRESS, bob.id())).isFalse();
        assertThat(nameless.messageProperty().get()).startsWith("Enter your name");

        new OperatorSettings(dir.resolve("operator.json")).rememberOperator("ana");
        TeamJoinViewModel badAddress = model(team);
        assertThat(badAddress.launch("mysql://db/incidents", null)).isFalse();
        assertThat(badAddress.messageProperty().get()).startsWith("the address must start with postgresql://");

        TeamJoinViewModel joining = model(team);
        assertThat(joining.launch(ADDRESS, bob.id())).isTrue();
        assertThat(opened).singleElement().satisfies(i -> assertThat(i.id()).isEqualTo(bob.id()));

        TeamJoinViewModel starting = model(team);
        assertThat(starting.launch(ADDRESS, null)).isTrue();
        assertThat(opened).hasSize(2);
        assertThat(opened.get(1).id()).isNotEqualTo(bob.id());
        assertThat(opened.get(1).state().started()).isPresent();

        TeamJoinViewModel unknown = model(team);
        assertThat(unknown.launch(ADDRESS, "team-99")).isTrue();
        assertThat(unknown.failedProperty().get()).isTrue();
        assertThat(unknown.messageProperty().get()).isEqualTo("there is no shared incident 'team-99' in this database");
        assertThat(opened).hasSize(2);
    }

    @Test
    void theIncidentTheCommandLineNamedIsJoinedOnceTheOperatorSaysWhoTheyAre() {
        Incident bob = bobStarts();
        bobStarts(); // a second incident: the list alone would ask to pick
        TeamJoinViewModel model = model(team);

        assertThat(model.launch(ADDRESS, bob.id())).as("no name known yet: the dialog asks for it").isFalse();
        assertThat(model.messageProperty().get()).isEqualTo("Enter your name, then press Enter: the console joins "
                + bob.id() + " as the command line asked. Your name is recorded with every action, and the others see it.");
        assertThat(model.requestedIncident()).isEqualTo(bob.id());

        model.operatorProperty().set("ana");
        model.connect(); // Enter in the name field
        assertThat(opened).singleElement().satisfies(i -> assertThat(i.id()).isEqualTo(bob.id()));
        assertThat(model.doneProperty().get()).isTrue();
        assertThat(model.requestedIncident()).isNull();
    }

    @Test
    void anotherAddressTypedByHandForgetsTheIncidentTheCommandLineNamed() {
        Incident bob = bobStarts();
        TeamJoinViewModel model = model(team);
        model.launch(ADDRESS, bob.id());
        model.addressProperty().set("postgresql://ana@db.example.org:5433/other");
        model.operatorProperty().set("ana");
        model.addressProperty().set(ADDRESS);
        model.connect();
        assertThat(opened).isEmpty();
        assertThat(model.connectedProperty().get()).isTrue();
    }

    @Test
    void theEmptyListSaysWhetherToConnectOrThatTheDatabaseHasNoIncidentYet() {
        TeamJoinViewModel model = model(team);
        assertThat(model.emptyListProperty().get()).isEqualTo("Connect to see the shared incidents of the database.");
        model.addressProperty().set(ADDRESS);
        model.connect();
        assertThat(model.incidents()).isEmpty();
        assertThat(model.emptyListProperty().get())
                .isEqualTo("No shared incidents in db.example.org:5433/incidents yet: open a plan, then start one from it.");
        current = Optional.of(new CurrentPlan(plan, "bundled", loader.bundledSeedText()));
        model.connect();
        assertThat(model.emptyListProperty().get())
                .isEqualTo("No shared incidents in db.example.org:5433/incidents yet: start one from the plan open now.");
        model.addressProperty().set("postgresql://ana@db.example.org:5433/other");
        assertThat(model.emptyListProperty().get()).isEqualTo("Connect to see the shared incidents of the database.");
    }
}
