package io.incidentconsole.ui.rollback;

import io.incidentconsole.app.ConsoleApplication.Console;
import io.incidentconsole.incident.Incident;
import io.incidentconsole.incident.IncidentState;
import io.incidentconsole.incident.IncidentState.CommandAction;
import io.incidentconsole.incident.IncidentState.CommandRecord;
import io.incidentconsole.rollback.GeneratedScript;
import io.incidentconsole.rollback.RunResult;
import io.incidentconsole.ui.common.BackgroundTasks;
import io.incidentconsole.ui.incident.CurrentPlan;
import io.incidentconsole.ui.fixture.Screenshots;
import io.incidentconsole.ui.common.Theme;
import io.incidentconsole.settings.AppDirectories;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rollback area driven through the real console: the seed plan's #330 Phase 1 form rejects a bad commit
 * with its reason, generates and copies with both acts in the journal; a harmless drill plan runs for real
 * with its output streamed and its exit code recorded, and a long run is cancelled with the whole tree ended.
 */
@ExtendWith(ApplicationExtension.class)
class RollbackViewTest {

    @TempDir
    Path home;

    private Console console;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        AppDirectories dirs = new AppDirectories(home.resolve("data"), home.resolve("config"));
        console = Console.create(dirs, BackgroundTasks.direct());
        Scene scene = new Scene(console.view().root(), 1360, 880);
        console.model().themeProperty().get().applyTo(scene);
        stage.setScene(scene);
        stage.show();
    }

    private IncidentState state() {
        return console.model().session().stateProperty().get();
    }

    private static <T extends Node> T node(FxRobot robot, String query) {
        return robot.lookup(query).query();
    }

    private static void fx(Runnable action) throws Exception {
        WaitForAsyncUtils.asyncFx(action).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void focus(FxRobot robot, String query) throws Exception {
        Node node = robot.lookup(query).query();
        fx(node::requestFocus);
        assertThat(node.isFocused()).as("%s focused", query).isTrue();
    }

    private static void shortcut(FxRobot robot, KeyCode... keys) {
        robot.press(keys).release(keys);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void replaceText(FxRobot robot, String query, String text) throws Exception {
        focus(robot, query);
        TextField field = node(robot, query);
        fx(field::selectAll);
        robot.type(KeyCode.BACK_SPACE);
        robot.write(text);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void waitUntil(String what, Supplier<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition::get).get());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(WaitForAsyncUtils.asyncFx(condition::get).get()).as(what).isTrue();
    }

    private Window dialog(FxRobot robot, String name) {
        return robot.listTargetWindows().stream()
                .filter(w -> w instanceof Stage s && s.isShowing() && name.equals(s.getProperties().get("incident-console.dialog")))
                .findFirst().orElseThrow(() -> new AssertionError("no " + name + " dialog showing"));
    }

    private void startIncidentFromPicker(FxRobot robot) throws Exception {
        fx(() -> console.view().showIncidentPicker());
        Window picker = dialog(robot, "incident-picker");
        robot.clickOn(robot.from(picker.getScene().getRoot()).lookup("#operator-name").queryAs(TextField.class)).write("ana");
        robot.clickOn(robot.from(picker.getScene().getRoot()).lookup("#start-new-incident").queryButton());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(state()).isNotNull();
    }

    private void selectProcedure(FxRobot robot, String procedureId) throws Exception {
        robot.clickOn("#rollback-target-" + procedureId);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(node(robot, "#rollback-procedure-title").isVisible()).isTrue();
        assertThat(console.view().root().lookup("#rollback-target-" + procedureId)).isNotNull();
    }

    @Test
    void badCommitIsRejectedAtTheFieldThenGenerateAndCopyAreRecorded(FxRobot robot) throws Exception {
        fx(() -> console.model().openBundledPlan());

        // Without an incident: readable, previewable, and it says plainly that nothing is recorded or run.
        shortcut(robot, KeyCode.CONTROL, KeyCode.DIGIT4);
        assertThat(((Label) node(robot, "#rollback-notice")).getText())
                .contains("No incident is open", "nothing here is recorded", "cannot be run", "Ctrl+I");

        startIncidentFromPicker(robot);
        shortcut(robot, KeyCode.CONTROL, KeyCode.DIGIT4);
        assertThat(((Label) node(robot, "#rollback-notice")).getText()).contains("Recording in incident", "ana");
        selectProcedure(robot, "rb330-phase1");
        assertThat(((Label) node(robot, "#rollback-procedure-title")).getText()).isEqualTo("If Phase 1 Causes Issues");
        assertThat(((Label) node(robot, "#param-origin-commit")).getText()).isEqualTo("no value yet");

        // A bad commit: the reason shows at the field, and Generate is impossible.
        replaceText(robot, "#param-commit", "xyz");
        Label problem = node(robot, "#param-problem-commit");
        assertThat(problem.getText()).isEqualTo("'xyz' is not a git commit hash: 7 to 40 hexadecimal digits");
        assertThat(problem.isVisible()).isTrue();
        assertThat(node(robot, "#param-commit").getPseudoClassStates())
                .anyMatch(p -> p.getPseudoClassName().equals("invalid"));
        assertThat(((Button) node(robot, "#rollback-generate")).isDisabled()).isTrue();
        shortcut(robot, KeyCode.CONTROL, KeyCode.G);
        assertThat(((TextArea) node(robot, "#rollback-preview")).getText()).isEmpty();
        assertThat(((Label) node(robot, "#param-origin-commit")).getText()).isEqualTo("entered");

        // A valid hash: Generate (Ctrl+G), preview, Copy (Ctrl+Shift+C).
        replaceText(robot, "#param-commit", "a1b2c3d4");
        assertThat(problem.isVisible()).isFalse();
        assertThat(node(robot, "#param-commit").getPseudoClassStates())
                .noneMatch(p -> p.getPseudoClassName().equals("invalid"));
        assertThat(((Button) node(robot, "#rollback-generate")).isDisabled()).isFalse();
        shortcut(robot, KeyCode.CONTROL, KeyCode.G);
        String preview = ((TextArea) node(robot, "#rollback-preview")).getText();
        // The preview leads with the commands: the comment header is folded into one line there.
        assertThat(preview).contains("git revert 'a1b2c3d4'", "npx convex deploy", "header lines folded")
                .doesNotContain("# Operator:");

        shortcut(robot, KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.C);
        String clipboard = WaitForAsyncUtils.asyncFx(() -> Clipboard.getSystemClipboard().getString()).get();
        assertThat(clipboard).as("the copy is the whole script").contains("# Operator:  ana")
                .contains("git revert 'a1b2c3d4'");

        List<CommandRecord> commands = state().commands();
        assertThat(commands).extracting(CommandRecord::action).containsExactly(CommandAction.GENERATED, CommandAction.COPIED);
        String sha = commands.get(0).scriptSha256();
        assertThat(sha).hasSize(64);
        assertThat(commands.get(1).scriptSha256()).isEqualTo(sha);
        assertThat(commands.get(0).source()).isEqualTo("rb330-phase1");
        assertThat(commands.get(0).script()).isEqualTo(clipboard).contains("# Value:     commit = 'a1b2c3d4'");

        // A decision criterion, from the keyboard; it is in the journal and shows ticked.
        focus(robot, "#rollback-criterion-rb330-criterion-1");
        robot.type(KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(state().tickedCriteria("rb330")).containsExactly("rb330.criterion-1");
        assertThat(((CheckBox) node(robot, "#rollback-criterion-rb330-criterion-1")).isSelected()).isTrue();

        // Nothing runs without a confirmation; the form's values survive the state change the tick caused.
        assertThat(((TextField) node(robot, "#param-commit")).getText()).isEqualTo("a1b2c3d4");
        assertThat(((TextArea) node(robot, "#rollback-preview")).getText()).isEqualTo(preview);
        assertThat(state().rollbacks()).isEmpty();

        fx(() -> Screenshots.save(stage.getScene(), "rollback-dark"));
        fx(() -> console.model().themeProperty().set(Theme.LIGHT));
        fx(() -> Screenshots.save(stage.getScene(), "rollback-light"));
    }

    @Test
    void harmlessRunbookRunsWithStreamedOutputAndALongOneIsCancelled(FxRobot robot) throws Exception {
        fx(() -> console.model().openPlan(plan("harmless-runbook.yaml")));
        CurrentPlan current = console.model().currentPlan().orElseThrow(() -> new AssertionError("plan did not load"));
        fx(() -> {
            Incident incident = console.store().create(current.plan(), current.source(), current.text(), "ana");
            console.model().openIncident(incident);
        });
        shortcut(robot, KeyCode.CONTROL, KeyCode.DIGIT4);
        TextField directory = node(robot, "#rollback-working-directory");
        fx(() -> directory.setText(home.resolve("nowhere").toString()));
        assertThat(((Label) node(robot, "#rollback-working-directory-problem")).getText()).contains("not an existing directory");
        fx(() -> directory.setText(home.toString()));

        // The first procedure: its value comes from the plan's default.
        assertThat(((Label) node(robot, "#rollback-procedure-title")).getText()).isEqualTo("Echo and finish");
        assertThat(((Label) node(robot, "#param-origin-greeting")).getText()).isEqualTo("plan default");

        // Dry run: each command is printed, nothing is rolled back.
        focus(robot, "#rollback-dry-run");
        robot.type(KeyCode.SPACE);
        shortcut(robot, KeyCode.CONTROL, KeyCode.G);
        runAndConfirm(robot);
        RunResult dry = awaitResult();
        assertThat(dry.exitCode()).isZero();
        waitUntil("dry-run lines shown", () -> consoleText(robot).contains("+ echo hello-"));
        assertThat(consoleText(robot)).doesNotContain("\nhello-operator");
        assertThat(state().commands()).filteredOn(c -> c.action() == CommandAction.RUN).singleElement()
                .satisfies(c -> assertThat(c.exitCode()).isZero());
        assertThat(state().rollbacks()).isEmpty();

        // For real.
        focus(robot, "#rollback-dry-run");
        robot.type(KeyCode.SPACE);
        shortcut(robot, KeyCode.CONTROL, KeyCode.G);
        GeneratedScript script = WaitForAsyncUtils.asyncFx(() -> modelScript(robot)).get();
        runAndConfirm(robot, "rollback-run-confirmation");
        RunResult result = awaitResult();
        assertThat(result.exitCode()).isZero();
        waitUntil("echoed lines shown", () -> consoleText(robot).equals("hello-operator\nrollback-drill-done\n"));
        assertThat(((Label) node(robot, "#rollback-run-status")).getText()).contains("Exit code 0");
        waitUntil("run recorded", () -> state().commands().stream()
                .anyMatch(c -> c.action() == CommandAction.RUN && c.scriptSha256().equals(script.sha256())));
        CommandRecord run = state().commands().stream()
                .filter(c -> c.action() == CommandAction.RUN && c.scriptSha256().equals(script.sha256()))
                .findFirst().orElseThrow();
        assertThat(run.exitCode()).isZero();
        assertThat(run.outputTail()).isEqualTo("hello-operator\nrollback-drill-done");
        waitUntil("rollback finished", () -> state().rollbacks().size() == 1 && !state().rollbacks().get(0).running());
        assertThat(state().rollbacks().get(0).succeeded()).isTrue();
        assertThat(state().rollbacks().get(0).procedureId()).isEqualTo("drill-echo");

        // A long one: Esc cancels, the tree ends quickly, the cancellation is recorded.
        selectProcedure(robot, "drill-sleep");
        shortcut(robot, KeyCode.CONTROL, KeyCode.G);
        runAndConfirm(robot);
        waitUntil("long run started", () -> consoleText(robot).contains("sleeping")
                && node(robot, "#rollback-console").getPseudoClassStates().stream()
                .anyMatch(p -> p.getPseudoClassName().equals("running")));
        assertThat(((Button) node(robot, "#rollback-cancel")).isDisabled()).isFalse();
        Instant cancelled = Instant.now();
        focus(robot, "#rollback-console");
        robot.type(KeyCode.ESCAPE);
        RunResult ended = awaitResult();
        assertThat(Duration.between(cancelled, Instant.now())).isLessThan(Duration.ofSeconds(10));
        assertThat(ended.cancelled()).isTrue();
        assertThat(ended.exitCode()).isNotZero();
        assertThat(((Label) node(robot, "#rollback-run-status")).getText()).contains("Cancelled");
        assertThat(node(robot, "#rollback-run-status").getPseudoClassStates())
                .anyMatch(p -> p.getPseudoClassName().equals("failed"));
        waitUntil("cancelled rollback recorded", () -> state().rollbacks().size() == 2
                && !state().rollbacks().get(1).running());
        assertThat(state().rollbacks().get(1).succeeded()).isFalse();
        assertThat(state().rollbacks().get(1).finishNote()).contains("cancelled by the operator");
        assertThat(state().commands()).filteredOn(c -> c.action() == CommandAction.RUN).last()
                .satisfies(c -> assertThat(c.exitCode()).isEqualTo(ended.exitCode()));
    }

    @Test
    void aStepMarkedUnsafeMakesTheRunConfirmationRedAndNamesIt(FxRobot robot) throws Exception {
        fx(() -> console.model().openPlan(plan("unsafe-runbook.yaml")));
        CurrentPlan current = console.model().currentPlan().orElseThrow(() -> new AssertionError("plan did not load"));
        fx(() -> console.model().openIncident(
                console.store().create(current.plan(), current.source(), current.text(), "ana")));
        shortcut(robot, KeyCode.CONTROL, KeyCode.DIGIT4);
        TextField directory = node(robot, "#rollback-working-directory");
        fx(() -> directory.setText(home.toString()));
        shortcut(robot, KeyCode.CONTROL, KeyCode.G);
        assertThat(viewModel().unsafeStepsProperty().get()).containsExactly("Run the operator's snippet");

        focus(robot, "#rollback-run");
        robot.type(KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        Window confirmation = dialog(robot, "run-confirmation");
        Node root = confirmation.getScene().getRoot();
        Node pane = robot.from(root).lookup(".run-confirmation").query();
        assertThat(pane.getPseudoClassStates()).anyMatch(p -> p.getPseudoClassName().equals("unsafe"));
        Label warning = robot.from(root).lookup("#run-confirmation-unsafe").queryAs(Label.class);
        assertThat(warning.getText()).startsWith("UNSAFE").contains("Run the operator's snippet");
        assertThat(warning.getTextFill()).isNotEqualTo(((Label) robot.from(root).lookup(".label").query()).getTextFill());
        fx(() -> Screenshots.save(confirmation.getScene(), "rollback-run-confirmation-unsafe"));
        fx(() -> robot.from(root).lookup("#run-abort").queryButton().fire());
        assertThat(confirmation.isShowing()).isFalse();

        // An ordinary procedure afterwards shows no warning.
        fx(() -> console.model().openPlan(plan("harmless-runbook.yaml")));
        shortcut(robot, KeyCode.CONTROL, KeyCode.G);
        assertThat(viewModel().unsafeStepsProperty().get()).isEmpty();
    }

    private GeneratedScript modelScript(FxRobot robot) {
        return viewModel().scriptProperty().get();
    }

    private RollbackViewModel viewModel() {
        RollbackView view = (RollbackView) console.view().root().lookup("#rollback-view").getProperties().get(RollbackView.class);
        return view.model();
    }

    /** Run… then the confirmation: it shows the exact script, Enter would not run it, "Run this script" does. */
    private void runAndConfirm(FxRobot robot) throws Exception {
        runAndConfirm(robot, null);
    }

    private void runAndConfirm(FxRobot robot, String screenshot) throws Exception {
        GeneratedScript script = WaitForAsyncUtils.asyncFx(() -> modelScript(robot)).get();
        assertThat(script).as("a generated script").isNotNull();
        focus(robot, "#rollback-run");
        robot.type(KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        Window confirmation = dialog(robot, "run-confirmation");
        Node root = confirmation.getScene().getRoot();
        assertThat(robot.from(root).lookup("#run-confirmation-script").queryAs(TextArea.class).getText())
                .isEqualTo(script.text());
        Button confirm = robot.from(root).lookup("#run-confirm").queryButton();
        assertThat(confirm.isDefaultButton()).isFalse();
        assertThat(robot.from(root).lookup("#run-abort").queryButton().isDefaultButton()).isTrue();
        if (screenshot != null) {
            fx(() -> Screenshots.save(confirmation.getScene(), screenshot));
        }
        fx(confirm::requestFocus);
        robot.type(KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(confirmation.isShowing()).isFalse();
    }

    private RunResult awaitResult() throws Exception {
        RollbackViewModel model = WaitForAsyncUtils.asyncFx(() -> viewModel()).get();
        waitUntil("the run ended", () -> !model.runningProperty().get() && model.lastResultProperty().get() != null);
        return WaitForAsyncUtils.asyncFx(() -> model.lastResultProperty().get()).get();
    }

    private static String consoleText(FxRobot robot) {
        return ((TextArea) node(robot, "#rollback-console")).getText();
    }

    private static Path plan(String name) {
        try {
            return Path.of(RollbackViewTest.class.getResource("/plans/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @org.junit.jupiter.api.Test
    void thePreviewFoldsTheCommentHeaderSoTheCommandsComeFirst() {
        String script = "#!/usr/bin/env bash\nset -euo pipefail\n\n# Rollback script\n# Incident:  x\n"
                + "# Operator:  ana\n# commit = abc1234\n\n# Step 1: Revert\ngit revert abc1234\n";

        String shown = RollbackView.folded(script);

        assertThat(shown).isEqualTo("#!/usr/bin/env bash\nset -euo pipefail\n# [4 header lines folded: incident, "
                + "operator, values — copied and saved in full]\n\n# Step 1: Revert\ngit revert abc1234\n");
        assertThat(RollbackView.folded("echo hi\n")).isEqualTo("echo hi\n");
    }
}
