package io.incidentconsole.ui.team;

import io.incidentconsole.ui.fixture.ConsoleFixture;
import io.incidentconsole.incident.OperatorSettings;
import io.incidentconsole.ui.board.PhaseCardNode;
import io.incidentconsole.ui.common.BackgroundTasks;
import io.incidentconsole.ui.common.Theme;
import io.incidentconsole.ui.fixture.Screenshots;

import io.incidentconsole.app.ConsoleApplication.Console;
import io.incidentconsole.app.MetricsWiring;
import io.incidentconsole.incident.EventPayload;
import io.incidentconsole.incident.Incident;
import io.incidentconsole.incident.IncidentState;
import io.incidentconsole.incident.TestKey;
import io.incidentconsole.incident.TestRecord;
import io.incidentconsole.incident.TestOutcome;
import io.incidentconsole.plan.Plan;
import io.incidentconsole.plan.PlanLoader;
import io.incidentconsole.plan.TestSuite;
import io.incidentconsole.settings.AppDirectories;
import io.incidentconsole.team.InMemoryTeam;
import io.incidentconsole.team.TeamDatabaseAddress;
import io.incidentconsole.team.TeamIncidents;
import io.incidentconsole.team.TeamJournal;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real console on a team incident, with an in-memory team database: joined from the dialog by keyboard;
 * another console's tick, gate override and test result appear with its operator; presence; offline and
 * read-only chips; a disputed test; a phase already completed elsewhere cannot be completed again.
 */
@ExtendWith(ApplicationExtension.class)
class TeamConsoleTest {

    private static final String ADDRESS = "postgresql://db.example.org/incidents";

    private Path config;
    private Console console;
    private Stage stage;
    private InMemoryTeam team;
    private final Plan plan = new PlanLoader().loadBundledSeed().plan();
    private final String planText = new PlanLoader().bundledSeedText();

    /** 03:10:00 UTC, then 20 s later at every reading. */
    private static Clock ticking() {
        Instant start = Instant.parse("2026-11-27T03:10:00Z");
        AtomicInteger ticks = new AtomicInteger();
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return start.plusSeconds(20L * ticks.getAndIncrement());
            }
        };
    }

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        Clock clock = ticking();
        Path dir = Files.createTempDirectory("team-console");
        team = new InMemoryTeam(clock, dir.resolve("team-cache"));
        config = dir.resolve("config");
        AppDirectories dirs = new AppDirectories(dir.resolve("data"), config);
        console = Console.create(ConsoleFixture.dependencies(dirs, BackgroundTasks.direct(), clock),
                MetricsWiring.simulated(), team);
        Scene scene = new Scene(console.view().root(), 1360, 880);
        console.model().themeProperty().get().applyTo(scene);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void closeIncident() throws Exception {
        fx(() -> console.model().session().close());
    }

    private IncidentState state() {
        return console.model().session().stateProperty().get();
    }

    private static void fx(Runnable action) throws Exception {
        WaitForAsyncUtils.asyncFx(action).get();
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The showing dialog of that name; it becomes the robot's target, so typed text goes there. */
    private static Window dialog(FxRobot robot, String name) {
        Window window = robot.listTargetWindows().stream()
                .filter(w -> w instanceof Stage s && s.isShowing() && name.equals(s.getProperties().get("incident-console.dialog")))
                .findFirst().orElseThrow(() -> new AssertionError("no " + name + " dialog showing"));
        robot.targetWindow(window);
        return window;
    }

    private static boolean showing(FxRobot robot, String name) {
        return robot.listTargetWindows().stream()
                .anyMatch(w -> w instanceof Stage s && s.isShowing() && name.equals(s.getProperties().get("incident-console.dialog")));
    }

    private static <T extends Node> T in(FxRobot robot, Window window, String query, Class<T> type) {
        return robot.from(window.getScene().getRoot()).lookup(query).queryAs(type);
    }

    private static void focus(FxRobot robot, Node node) throws Exception {
        fx(node::requestFocus);
        assertThat(node.isFocused()).as("%s focused", node.getId()).isTrue();
    }

    private String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    /** Bob's console: another TeamIncidents on the same database, which starts the shared incident. */
    private Incident bobStarts() {
        TeamIncidents bobs = team.connect(TeamDatabaseAddress.parse(ADDRESS));
        return bobs.start(plan, "bundled", planText, "bob");
    }

    private InMemoryTeam.Journal anasJournal() {
        return (InMemoryTeam.Journal) console.model().session().incidentProperty().get().journal();
    }

    /** Opens the dialog with Ctrl+Shift+J and joins the first listed incident as ana, by keyboard only. */
    private void joinByKeyboard(FxRobot robot) throws Exception {
        fx(() -> console.model().openBundledPlan());
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.J).release(KeyCode.J, KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        Window join = dialog(robot, "team-join");

        // No name is remembered yet: the dialog starts at the name.
        assertThat(join.getScene().getFocusOwner().getId()).isEqualTo("team-operator");
        robot.write("ana");
        focus(robot, in(robot, join, "#team-address", Node.class));
        robot.write("db.example.org/incidents");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(in(robot, join, "#team-address-problem", Label.class).getText())
                .contains("must start with postgresql://");
        robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        robot.write(ADDRESS);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(in(robot, join, "#team-address-problem", Label.class).isVisible()).isFalse();
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(in(robot, join, "#team-message", Label.class).getText())
                .isEqualTo("Connected to db.example.org:5432/incidents: 1 shared incident.");
        ListView<?> incidents = in(robot, join, "#team-incidents", ListView.class);
        assertThat(incidents.isFocused()).as("the list takes the focus once connected").isTrue();
        assertThat(incidents.getItems()).hasSize(1);
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(join.isShowing()).isFalse();
    }

    /**
     * For tests about what happens after joining: the name and address are put in directly (typing them is what
     * {@link #joinByKeyboard} covers), then Enter connects and Enter joins.
     */
    private void join(FxRobot robot) throws Exception {
        fx(() -> console.model().openBundledPlan());
        fx(() -> console.teams().show());
        Window join = dialog(robot, "team-join");
        TextField operator = in(robot, join, "#team-operator", TextField.class);
        TextField address = in(robot, join, "#team-address", TextField.class);
        fx(() -> {
            operator.setText("ana");
            address.setText(ADDRESS);
            address.requestFocus();
        });
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(join.isShowing()).isFalse();
    }

    @Test
    void joinByKeyboardThenSeeTheOtherConsolesWorkWithTheirNames(FxRobot robot) throws Exception {
        Incident bob = bobStarts();
        joinByKeyboard(robot);

        Incident joined = console.model().session().incidentProperty().get();
        assertThat(joined.id()).isEqualTo(bob.id());
        assertThat(joined.journal()).isInstanceOf(TeamJournal.class);
        assertThat(joined.operator()).isEqualTo("ana");
        assertThat(text(robot, "#team-status")).isEqualTo("TEAM db.example.org:5432/incidents · online · 2 consoles");
        assertThat(Files.readString(config.resolve("team-databases.txt"))).isEqualTo(ADDRESS + "\n");

        // The board: who is here, and bob's work as it happens, with his name.
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, "#team-presence")).isEqualTo("Connected: ana (you) · bob");
        assertThat(robot.lookup("#team-presence").queryAs(Label.class).getTooltip().getText())
                .contains("ana (you) on laptop-2", "bob on laptop-1");
        fx(() -> {
            bob.record(new EventPayload.SignOffGiven("approve-p330-1", "Lead", null));
            bob.record(new EventPayload.PhaseStarted("p330-1"));
            bob.record(new EventPayload.TaskTicked("p330-1", "p330-1.task-1"));
        });
        assertThat(robot.lookup("#task-p330-1-task-1").queryAs(CheckBox.class).isSelected()).isTrue();
        assertThat(text(robot, "#task-by-p330-1-task-1")).matches("by bob 03:1\\d UTC");
        fx(() -> bob.record(new EventPayload.GateOverridden("p324-3", "dependencies", "CTO approved parallel work")));
        assertThat(robot.lookup("#phase-p324-3 .override-message").queryAs(Label.class).getText())
                .isEqualTo("Gate overridden: dependencies — CTO approved parallel work (bob)");

        // Ana ticks one herself: the board says it was her.
        CheckBox second = robot.lookup("#task-p330-1-task-2").queryAs(CheckBox.class);
        focus(robot, second);
        robot.type(KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(team.events(bob.id())).last().satisfies(e -> assertThat(e.operator()).isEqualTo("ana"));
        assertThat(text(robot, "#task-by-p330-1-task-2")).startsWith("by ana ");
        assertThat(bob.state().phase("p330-1").tickedTasks()).contains("p330-1.task-2");

        // Carol joins: presence follows.
        Incident carol = WaitForAsyncUtils.asyncFx(
                () -> team.connect(TeamDatabaseAddress.parse(ADDRESS)).join(bob.id(), "carol")).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, "#team-presence")).isEqualTo("Connected: ana (you) · bob · carol");
        assertThat(text(robot, "#team-status")).endsWith("3 consoles");
        fx(carol::close);
        assertThat(text(robot, "#team-presence")).isEqualTo("Connected: ana (you) · bob");
        saveBoth(robot, "team-board-presence");
    }

    @Test
    void aDisputedTestShowsWhoSaidWhat(FxRobot robot) throws Exception {
        Incident bob = bobStarts();
        join(robot);
        TestSuite suite = plan.testSuites().get(0);
        String testId = suite.checks().get(0).id();
        String phaseId = suite.phases().get(0);
        fx(() -> console.model().session().record(
                new EventPayload.TestResultSet(suite.id(), testId, phaseId, TestOutcome.PASS, null)));
        fx(() -> bob.record(new EventPayload.TestResultSet(suite.id(), testId, phaseId, TestOutcome.FAIL,
                "502 on login")));

        TestRecord record = state().tests().get(new TestKey(phaseId, suite.id(), testId));
        assertThat(record.latest().outcome()).isEqualTo(TestOutcome.FAIL);
        assertThat(record.disagreement()).isPresent();

        robot.press(KeyCode.CONTROL, KeyCode.DIGIT3).release(KeyCode.DIGIT3, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        String key = PhaseCardNode.nodeId(suite.id() + "/" + testId);
        Label marker = robot.lookup("#disputed-" + key).queryAs(Label.class);
        assertThat(marker.getText()).isEqualTo("DISPUTED");
        assertThat(marker.getTooltip().getText()).contains("FAIL by bob").contains("Disputed: ana said Pass");
        Node row = robot.lookup("#test-" + key).query();
        assertThat(robot.from(row).lookup(".cell-text").queryAllAs(Text.class))
                .extracting(Text::getText)
                .anySatisfy(t -> assertThat(t).startsWith("bob · ").contains("\nDisputed: ana said Pass ("));
        saveBoth(robot, "team-disputed-test");
    }

    @Test
    void offlineTheConsoleKeepsWorkingAndARacedCompletionIsExplained(FxRobot robot) throws Exception {
        Incident bob = bobStarts();
        join(robot);
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();

        // Bob completes phase 1: here it is complete, by bob, and cannot be completed again.
        fx(() -> {
            bob.record(new EventPayload.SignOffGiven("approve-p330-1", "Lead", null));
            bob.record(new EventPayload.PhaseStarted("p330-1"));
            bob.record(new EventPayload.GateOverridden("p330-2", "dependencies", "drill"));
            bob.record(new EventPayload.PhaseStarted("p330-2"));
            bob.record(new EventPayload.GateOverridden("p330-1", "verification", "drill"));
            bob.record(new EventPayload.PhaseCompleted("p330-1", List.of()));
        });
        assertThat(robot.lookup("#complete-p330-1").queryAs(Button.class).isDisabled()).isTrue();
        assertThat(state().completion("p330-1")).hasValueSatisfying(c -> assertThat(c.operator()).isEqualTo("bob"));

        // Ana's database goes away: she keeps working, her events are queued and the header says so.
        fx(() -> anasJournal().goOffline());
        assertThat(text(robot, "#team-status"))
                .matches("OFFLINE since 03:\\d\\d UTC · no events queued · sending when the database is back");
        assertThat(robot.lookup("#team-status").query().getPseudoClassStates())
                .extracting(Object::toString).contains("offline");
        saveBoth(robot, "team-chip-offline");

        // Meanwhile bob completes phase 2; ana, not knowing, completes it too (Complete anyway, open items).
        fx(() -> {
            bob.record(new EventPayload.GateOverridden("p330-2", "verification", "drill"));
            bob.record(new EventPayload.PhaseCompleted("p330-2", List.of()));
        });
        Button complete = robot.lookup("#complete-p330-2").queryAs(Button.class);
        assertThat(complete.isDisabled()).as("ana has not heard of bob's completion").isFalse();
        focus(robot, complete);
        robot.type(KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        focus(robot, robot.lookup("#complete-reason-p330-2").query());
        robot.write("auth flows checked by hand");
        focus(robot, robot.lookup("#complete-confirm-p330-2").query());
        robot.type(KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, "#team-status")).contains("· 2 events queued ·");
        assertThat(state().completion("p330-2")).hasValueSatisfying(c -> assertThat(c.operator()).isEqualTo("ana"));

        // Back online: the database's order puts bob's completion first; ana's stays in the journal, not counted.
        fx(() -> anasJournal().goOnline());
        assertThat(text(robot, "#team-status")).startsWith("TEAM ");
        assertThat(state().completion("p330-2")).hasValueSatisfying(c -> assertThat(c.operator()).isEqualTo("bob"));
        assertThat(team.events(bob.id())).filteredOn(e -> e.payload() instanceof EventPayload.PhaseCompleted)
                .extracting(e -> e.operator()).containsExactly("bob", "bob", "ana");
        assertThat(text(robot, "#board-notice")).startsWith("Your completion of phase 2")
                .contains("was not counted: another console completed it first (ignored: already completed by bob at 03:");
        assertThat(bob.state()).isEqualTo(state()).as("both consoles fold the same state");
    }

    @Test
    void joiningWhileTheDatabaseIsDownShowsTheLastSyncedStateReadOnly(FxRobot robot) throws Exception {
        Incident bob = bobStarts();
        bob.record(new EventPayload.SignOffGiven("approve-p330-1", "Lead", null));
        bob.record(new EventPayload.PhaseStarted("p330-1"));
        team.unreachableSince(Instant.parse("2026-11-27T03:10:00Z"));
        join(robot);
        assertThat(text(robot, "#team-status"))
                .isEqualTo("READ-ONLY · database unreachable · state last synced 03:10 UTC");
        assertThat(robot.lookup("#team-status").query().getPseudoClassStates())
                .extracting(Object::toString).contains("read-only");
        assertThat(text(robot, "#incident-line")).contains("READ-ONLY: the team database db.example.org:5432/incidents cannot be reached");
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#task-p330-1-task-1").queryAs(CheckBox.class).isDisabled()).isTrue();
        Button reopen = robot.lookup("#team-reopen-live").queryButton();
        assertThat(reopen.isVisible()).as("read-only: the console offers to reopen live").isTrue();
        assertThat(reopen.getText()).isEqualTo("Reopen live");
        saveBoth(robot, "team-chip-read-only");

        // Still down: the read-only copy stays, and the button says so.
        robot.clickOn(reopen);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(reopen.getText()).isEqualTo("Still unreachable — try again");
        assertThat(reopen.getTooltip().getText()).startsWith("Still read-only: the team database db.example.org:5432/incidents cannot be reached");
        assertThat(console.model().session().incidentProperty().get().isReadOnly()).isTrue();

        // Back: one click opens the same incident live, the chip says online, the tasks can be ticked.
        String id = console.model().session().incidentProperty().get().id();
        team.unreachableSince(null);
        robot.clickOn(reopen);
        WaitForAsyncUtils.waitForFxEvents();
        Incident live = console.model().session().incidentProperty().get();
        assertThat(live.id()).isEqualTo(id);
        assertThat(live.isReadOnly()).isFalse();
        assertThat(text(robot, "#team-status")).startsWith("TEAM db.example.org:5432/incidents · online · 2 consoles");
        assertThat(reopen.isVisible()).isFalse();
        CheckBox task = robot.lookup("#task-p330-1-task-1").queryAs(CheckBox.class);
        assertThat(task.isDisabled()).isFalse();
        robot.clickOn(task);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(team.events(id)).extracting(e -> e.operator() + " " + e.kind()).contains("ana TaskTicked");
    }

    @Test
    void theDialogShowsTheDatabasesWordsWhenItCannotConnect(FxRobot robot) throws Exception {
        team.refuse("could not connect to db.example.org:5432/incidents: connection refused (is the server running?)");
        fx(() -> console.model().openBundledPlan());
        fx(() -> console.teams().show());
        Window join = dialog(robot, "team-join");
        focus(robot, in(robot, join, "#team-operator", Node.class));
        robot.write("ana");
        focus(robot, in(robot, join, "#team-address", Node.class));
        robot.write(ADDRESS).type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        Label message = in(robot, join, "#team-message", Label.class);
        assertThat(message.getText()).isEqualTo(
                "could not connect to db.example.org:5432/incidents: connection refused (is the server running?)");
        assertThat(message.getPseudoClassStates()).extracting(Object::toString).contains("failed");
        assertThat(in(robot, join, "#team-join", Button.class).isDisabled()).isTrue();
        assertThat(state()).isNull();
        fx(() -> Screenshots.save(join.getScene(), "team-join-error-dark"));

        // Fixed: connect again, and the dialog lists the (empty) database; start a new incident from the plan.
        team.refuse(null);
        focus(robot, in(robot, join, "#team-connect", Node.class));
        robot.type(KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(message.getText()).isEqualTo("Connected to db.example.org:5432/incidents: no shared incidents yet.");
        Button startNew = in(robot, join, "#team-start-new", Button.class);
        assertThat(startNew.isFocused()).isTrue();
        robot.type(KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(join.isShowing()).isFalse();
        assertThat(state().started()).hasValueSatisfying(s -> assertThat(s.operator()).isEqualTo("ana"));
        assertThat(text(robot, "#team-status")).isEqualTo("TEAM db.example.org:5432/incidents · online · 1 console");
    }

    @Test
    void launchOptionsJoinWithoutAskingOrShowTheDialogWithTheReason(FxRobot robot) throws Exception {
        Incident bob = bobStarts();
        fx(() -> console.model().openBundledPlan());
        // No operator name known yet: the dialog asks for it, with the address filled in.
        fx(() -> console.teams().launch(ADDRESS, bob.id()));
        Window join = dialog(robot, "team-join");
        assertThat(in(robot, join, "#team-message", Label.class).getText()).startsWith("Enter your name");
        assertThat(in(robot, join, "#team-address", TextField.class).getText()).isEqualTo(ADDRESS);
        fx(() -> ((Stage) join).close());
        assertThat(state()).isNull();

        new OperatorSettings(config.resolve(OperatorSettings.FILE))
                .rememberOperator("ana");
        fx(() -> console.teams().launch(ADDRESS, "no-such-incident"));
        Window failed = dialog(robot, "team-join");
        assertThat(in(robot, failed, "#team-message", Label.class).getText())
                .isEqualTo("there is no shared incident 'no-such-incident' in this database");
        assertThat(state()).as("the console stays on the plan").isNull();
        fx(() -> ((Stage) failed).close());

        fx(() -> console.teams().launch(ADDRESS, bob.id()));
        assertThat(showing(robot, "team-join")).isFalse();
        assertThat(console.model().session().incidentProperty().get().id()).isEqualTo(bob.id());
        assertThat(text(robot, "#team-status")).endsWith("2 consoles");
    }

    @Test
    void screenshotsOfTheDialogAndTheOnlineChip(FxRobot robot) throws Exception {
        bobStarts();
        team.connect(TeamDatabaseAddress.parse(ADDRESS)).start(plan, "bundled", planText, "carol");
        fx(() -> console.model().openBundledPlan());
        for (Theme theme : Theme.values()) {
            fx(() -> console.model().themeProperty().set(theme));
            fx(() -> console.teams().show());
            Window join = dialog(robot, "team-join");
            focus(robot, in(robot, join, "#team-operator", Node.class));
            robot.write("ana");
            focus(robot, in(robot, join, "#team-address", Node.class));
            robot.write(ADDRESS).type(KeyCode.ENTER);
            WaitForAsyncUtils.waitForFxEvents();
            fx(() -> assertThat(Screenshots.save(join.getScene(), "team-join-" + theme.name().toLowerCase()))
                    .isGreaterThan(20));
            fx(() -> ((Stage) join).close());
        }
        fx(() -> console.model().themeProperty().set(Theme.DARK));
        joinByKeyboardAgain(robot);
        saveBoth(robot, "team-chip-online");
    }

    /** With the address remembered, joining is: Ctrl+Shift+J, the name, Enter (connect), Enter (join the first). */
    private void joinByKeyboardAgain(FxRobot robot) throws Exception {
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.J).release(KeyCode.J, KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        Window join = dialog(robot, "team-join");
        assertThat(in(robot, join, "#team-address", TextField.class).getText()).isEqualTo(ADDRESS);
        assertThat(join.getScene().getFocusOwner().getId()).isEqualTo("team-operator");
        robot.write("ana").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        ListView<?> incidents = in(robot, join, "#team-incidents", ListView.class);
        assertThat(incidents.getItems()).hasSize(2);
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(join.isShowing()).isFalse();
        assertThat(text(robot, "#team-status")).contains("online");
    }

    private void saveBoth(FxRobot robot, String name) throws Exception {
        for (Theme theme : List.of(Theme.DARK, Theme.LIGHT)) {
            fx(() -> console.model().themeProperty().set(theme));
            fx(() -> assertThat(Screenshots.save(stage.getScene(), name + "-" + theme.name().toLowerCase()))
                    .isGreaterThan(20));
        }
        fx(() -> console.model().themeProperty().set(Theme.DARK));
    }
}
