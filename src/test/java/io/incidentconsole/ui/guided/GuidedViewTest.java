package io.incidentconsole.ui.guided;

import java.time.Duration;
import java.time.Instant;
import io.incidentconsole.fixture.MovableClock;
import io.incidentconsole.ui.common.ConsoleArea;
import io.incidentconsole.ui.common.FocusScrolling;
import io.incidentconsole.ui.common.Theme;
import io.incidentconsole.ui.fixture.ConsoleFixture;
import io.incidentconsole.ui.fixture.Screenshots;

import io.incidentconsole.app.ConsoleApplication.Console;
import io.incidentconsole.incident.EventPayload;
import io.incidentconsole.incident.IncidentState;
import io.incidentconsole.incident.PhaseState;
import io.incidentconsole.plan.PhaseStatus;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
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

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Guided mode on the bundled seed plan, driven from the keyboard: #330 Phase 2 step by step to the 24-hour wait,
 * a countdown that carries on after a restart and ends early only with a reason, the recorded deploy commit;
 * the #324 audit gate passing and failing field by field; the schema decision; a sign-off.
 */
@ExtendWith(ApplicationExtension.class)
class GuidedViewTest {

    private static final Pattern CLOCK = Pattern.compile("(\\d{2}):(\\d{2}):(\\d{2})");

    @TempDir
    static Path home;

    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-27T09:00:00Z"));
    private Console console;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        console = ConsoleFixture.show(stage, home, clock);
    }

    private IncidentState state() {
        return console.model().session().stateProperty().get();
    }

    private List<EventPayload> events() {
        return state().events().stream().map(e -> e.payload()).toList();
    }

    private void startIncident(FxRobot robot) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> console.model().openBundledPlan()).get();
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.asyncFx(() -> console.view().showIncidentPicker()).get();
        WaitForAsyncUtils.waitForFxEvents();
        Window picker = dialog(robot);
        TextField name = robot.from(picker.getScene().getRoot()).lookup("#operator-name").queryAs(TextField.class);
        if (name.getText().isEmpty()) {
            robot.clickOn(name).write("ana");
        }
        robot.clickOn(robot.from(picker.getScene().getRoot()).lookup("#start-new-incident").queryButton());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(state()).isNotNull();
    }

    private static Window dialog(FxRobot robot) {
        return robot.listTargetWindows().stream()
                .filter(w -> w instanceof Stage s && s.isShowing()
                        && "incident-picker".equals(s.getProperties().get("incident-console.dialog")))
                .findFirst().orElseThrow(() -> new AssertionError("no incident picker showing"));
    }

    private static void focus(FxRobot robot, String query) throws Exception {
        Node node = robot.lookup(query).query();
        WaitForAsyncUtils.asyncFx(node::requestFocus).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(node.isFocused()).as("%s focused", query).isTrue();
    }

    private static void press(FxRobot robot, String query) throws Exception {
        focus(robot, query);
        robot.type(KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void key(FxRobot robot, KeyCode code) {
        robot.type(code);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    private static int seconds(String clock) {
        Matcher m = CLOCK.matcher(clock);
        assertThat(m.matches()).as("countdown %s", clock).isTrue();
        return Integer.parseInt(m.group(1)) * 3600 + Integer.parseInt(m.group(2)) * 60 + Integer.parseInt(m.group(3));
    }

    private void screenshot(String name) throws Exception {
        int colours = WaitForAsyncUtils.asyncFx(() -> Screenshots.save(stage.getScene(), name)).get();
        assertThat(colours).as("distinct colours in %s", name).isGreaterThan(20);
    }

    private void theme(Theme theme) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> console.model().themeProperty().set(theme)).get();
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void walkPhaseTwoByKeyboardWaitAcrossARestartAndCutItShortWithAReason(FxRobot robot) throws Exception {
        startIncident(robot);
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        // Phase 1 needs its approval: the start is refused naming the gate; overriding it takes a reason.
        press(robot, "#start-p330-1");
        assertThat(text(robot, "#override-explain-p330-1")).contains("approval gate")
                .contains("Approval to begin #330 Phase 1");
        focus(robot, "#override-reason-p330-1");
        robot.write("approved on the bridge");
        press(robot, "#override-confirm-p330-1");
        // Its tests have not run: completing it is an override too, and it shows unverified.
        press(robot, "#complete-p330-1");
        assertThat(text(robot, "#complete-explain-p330-1")).contains("verification gate");
        focus(robot, "#complete-reason-p330-1");
        robot.write("drill: tests run elsewhere");
        press(robot, "#complete-confirm-p330-1");
        assertThat(state().phase("p330-1").status()).isEqualTo(PhaseStatus.COMPLETE);
        assertThat(state().phase("p330-1").verified()).isFalse();
        press(robot, "#start-p330-2");
        assertThat(state().phase("p330-2").status()).isEqualTo(PhaseStatus.IN_PROGRESS);

        // The card's "Guided mode…" opens the phase in guided mode.
        press(robot, "#guided-p330-2");
        assertThat(console.model().selectedAreaProperty().get()).isEqualTo(ConsoleArea.GUIDED);
        assertThat(text(robot, "#guided-step-title")).isEqualTo("Backup package files");
        assertThat(text(robot, "#guided-step-counter")).isEqualTo("Step 1 of 6");
        assertThat(text(robot, "#guided-command"))
                .isEqualTo("cp package.json package.json.bak && cp package-lock.json package-lock.json.bak");

        focus(robot, "#guided-next");
        key(robot, KeyCode.ENTER);
        assertThat(state().phase("p330-2").guidedStepsDone()).containsExactly("p330-2.step-1");

        // Step 2: the command with its parameters filled from the plan's defaults, quoted; C copies and records it.
        assertThat(text(robot, "#guided-step-title")).isEqualTo("Update Better Auth packages");
        assertThat(text(robot, "#guided-command"))
                .isEqualTo("npm install better-auth@'1.4.18' @convex-dev/better-auth@'0.10.10'");
        key(robot, KeyCode.C);
        assertThat(events()).filteredOn(EventPayload.CommandCopied.class::isInstance).singleElement()
                .satisfies(e -> assertThat(((EventPayload.CommandCopied) e).source()).isEqualTo("p330-2.step-2"));
        screenshot("guided-dark");
        theme(Theme.LIGHT);
        screenshot("guided-light");
        theme(Theme.DARK);
        focus(robot, "#guided-next");
        key(robot, KeyCode.ENTER);
        assertThat(state().parameters().get("betterAuthVersion").value()).isEqualTo("1.4.18");
        assertThat(state().parameters().get("betterAuthVersion").sourceStep()).isEqualTo("p330-2.step-2");

        // Step 3: Next needs every check ticked.
        assertThat(text(robot, "#guided-step-title")).isEqualTo("Test auth flows thoroughly");
        key(robot, KeyCode.ENTER);
        assertThat(text(robot, "#guided-message")).isEqualTo("Tick every check before moving on: 0 of 7 ticked.");
        assertThat(state().phase("p330-2").guidedStepsDone()).hasSize(2);
        focus(robot, "#guided-check-1");
        for (int i = 0; i < 7; i++) {
            robot.type(KeyCode.SPACE);
            if (i < 6) {
                robot.type(KeyCode.TAB);
            }
        }
        WaitForAsyncUtils.waitForFxEvents();
        key(robot, KeyCode.ENTER);
        assertThat(text(robot, "#guided-message")).isEmpty();
        assertThat(state().phase("p330-2").guidedStepsDone()).hasSize(3);

        // Step 4, then the 24-hour wait: Enter starts it, and the countdown runs from the journal's start.
        assertThat(text(robot, "#guided-step-title")).isEqualTo("Deploy to staging");
        key(robot, KeyCode.ENTER);
        assertThat(text(robot, "#guided-step-title")).isEqualTo("Monitor for 24 hours");
        assertThat(robot.lookup(".guided-watch").queryAllAs(Label.class)).extracting(Label::getText)
                .contains("•  Convex function calls — baseline 3.2M → target 1M calls/day");
        key(robot, KeyCode.ENTER);
        assertThat(state().phase("p330-2").waits()).containsKey("p330-2.step-5");
        assertThat(text(robot, "#guided-wait-remaining")).isEqualTo("24:00:00");
        key(robot, KeyCode.ENTER);
        assertThat(text(robot, "#guided-message")).startsWith("Still waiting: 24:00:00");
        assertThat(state().phase("p330-2").guidedStepsDone()).hasSize(4);
        screenshot("guided-wait-dark");
        int before = seconds(text(robot, "#guided-wait-remaining"));

        // Restart the console on the same data directory half a minute later and resume: the countdown carries on.
        clock.advance(Duration.ofSeconds(30));
        String incidentId = console.model().session().incidentProperty().get().id();
        WaitForAsyncUtils.asyncFx(() -> {
            console.model().session().close();
            console = ConsoleFixture.show(stage, home, clock);
            console.model().openBundledPlan();
        }).get();
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.asyncFx(() -> console.view().showIncidentPicker()).get();
        WaitForAsyncUtils.waitForFxEvents();
        Window again = dialog(robot);
        robot.clickOn(robot.from(again.getScene().getRoot()).lookup("#resume-incident").queryButton());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(console.model().session().incidentProperty().get().id()).isEqualTo(incidentId);
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT7).release(KeyCode.DIGIT7, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, "#guided-step-title")).isEqualTo("Monitor for 24 hours");
        int after = seconds(text(robot, "#guided-wait-remaining"));
        assertThat(after).isEqualTo(before - 30);

        // Cutting the wait short needs a reason.
        press(robot, "#guided-cut-short");
        assertThat(text(robot, "#guided-message")).startsWith("Say why the wait may end early");
        assertThat(state().phase("p330-2").waits().get("p330-2.step-5").cutShortAt()).isNull();
        focus(robot, "#guided-next");
        key(robot, KeyCode.X);
        assertThat(robot.lookup("#guided-cut-reason").query().isFocused()).isTrue();
        robot.write("Metrics flat; CTO approved");
        key(robot, KeyCode.ENTER);
        PhaseState.Wait cut = state().phase("p330-2").waits().get("p330-2.step-5");
        assertThat(cut.cutShortReason()).isEqualTo("Metrics flat; CTO approved");
        assertThat(text(robot, "#guided-wait-state")).contains("Metrics flat; CTO");
        key(robot, KeyCode.ENTER);

        // Deploy to production records the deployed commit, validated as a git commit.
        assertThat(text(robot, "#guided-step-title")).isEqualTo("Deploy to production");
        focus(robot, "#guided-param-commit");
        robot.write("not-a-commit");
        assertThat(text(robot, "#guided-param-problem-commit")).contains("is not a git commit hash");
        key(robot, KeyCode.ENTER);
        assertThat(text(robot, "#guided-message")).startsWith("Fix before moving on: commit");
        assertThat(state().parameters()).doesNotContainKey("commit");
        WaitForAsyncUtils.asyncFx(() -> robot.lookup("#guided-param-commit").queryAs(TextField.class).clear()).get();
        robot.write("4f2a9c1");
        key(robot, KeyCode.ENTER);
        assertThat(state().parameters().get("commit").value()).isEqualTo("4f2a9c1");
        assertThat(state().parameters().get("commit").sourceStep()).isEqualTo("p330-2.step-6");
        assertThat(text(robot, "#guided-all-done")).isEqualTo("All 6 steps of 2: Package Updates are done.");

        // Something is wrong (W): the rollback area, where the recorded commit pre-fills the rollback.
        focus(robot, "#guided-mode");
        key(robot, KeyCode.W);
        assertThat(console.model().selectedAreaProperty().get()).isEqualTo(ConsoleArea.ROLLBACK);
    }

    @Test
    void auditGateDecisionAndSignOff(FxRobot robot) throws Exception {
        startIncident(robot);
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        press(robot, "#guided-p324-3");
        assertThat(text(robot, "#guided-phase-name")).isEqualTo("3: Code Cleanup");
        String sample = state().plan().phase("p324-3").orElseThrow().audit().sampleOutput();

        // The seed's expected output passes every field and is recorded.
        paste(robot, sample);
        check(robot);
        assertThat(text(robot, "#audit-summary")).isEqualTo("PASS: all 3 expected fields hold");
        assertThat(text(robot, "#audit-result-safeToRemoveUserIdFallback")).isEqualTo("PASS");
        assertThat(state().phase("p324-3").audits()).singleElement().satisfies(a -> assertThat(a.passed()).isTrue());
        reveal(robot, "#audit-result-details-coachIdFormatConsistent");
        screenshot("guided-audit-dark");

        // One value differs: it fails, naming the field.
        paste(robot, sample.replace("\"safeToRemoveUserIdFallback\": true", "\"safeToRemoveUserIdFallback\": false"));
        check(robot);
        assertThat(text(robot, "#audit-summary")).startsWith("FAIL")
                .contains("safeToRemoveUserIdFallback: expected true, got false");
        assertThat(text(robot, "#audit-result-safeToRemoveUserIdFallback")).isEqualTo("FAIL");
        assertThat(text(robot, "#audit-result-details-orphanedRecordsExist")).isEqualTo("PASS");
        List<PhaseState.AuditRecord> audits = state().phase("p324-3").audits();
        assertThat(audits).hasSize(2);
        assertThat(audits.get(1).passed()).isFalse();
        assertThat(audits.get(1).fields()).filteredOn(f -> !f.passed()).singleElement()
                .satisfies(f -> assertThat(f.field()).isEqualTo("safeToRemoveUserIdFallback"));
        reveal(robot, "#audit-result-details-coachIdFormatConsistent");
        screenshot("guided-audit-fail-dark");
        theme(Theme.LIGHT);
        screenshot("guided-audit-fail-light");
        theme(Theme.DARK);

        // Malformed output: a clear message with where, nothing recorded, nothing thrown.
        paste(robot, "{\n  \"safeToRemoveUserIdFallback\": tru\n}");
        check(robot);
        assertThat(text(robot, "#audit-summary")).startsWith("The output is not valid JSON — line 2, column ");
        assertThat(state().phase("p324-3").audits()).hasSize(2);

        // The schema decision is asked in its own phase (#324 Phase 4) only, answered with the number keys.
        assertThat(robot.lookup("#decision-schema-cleanup-answer-1").tryQuery()).isEmpty();
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        press(robot, "#guided-p324-4");
        focus(robot, "#decision-schema-cleanup-answer-1");
        key(robot, KeyCode.DIGIT1);
        assertThat(text(robot, "#decision-schema-cleanup-question"))
                .isEqualTo("Is it certain the Better Auth CLI won't regenerate the field?");
        key(robot, KeyCode.DIGIT2);
        assertThat(state().decisions()).singleElement().satisfies(d -> {
            assertThat(d.outcomeId()).isEqualTo("skip");
            assertThat(d.operator()).isEqualTo("ana");
            assertThat(d.answers()).containsExactly(
                    new EventPayload.Answer("audit-null", "Yes: userId is null for all users"),
                    new EventPayload.Answer("cli-safe", "No (else)"));
        });
        assertThat(text(robot, "#decision-schema-cleanup-recorded"))
                .startsWith("Decided by ana at ").contains("SKIP schema cleanup, document as deprecated");

        // Sign-off of the #330 Phase 1 approval: a role is required; who and when are shown.
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        press(robot, "#guided-p330-1");
        press(robot, "#signoff-approve-p330-1-sign");
        assertThat(text(robot, "#signoff-approve-p330-1-problem")).startsWith("Say in which role");
        assertThat(state().signOffs()).isEmpty();
        focus(robot, "#signoff-approve-p330-1-role");
        robot.write("Incident commander").type(KeyCode.TAB).write("Go for the emergency fixes");
        key(robot, KeyCode.ENTER);
        assertThat(state().signOffs()).singleElement().satisfies(s -> {
            assertThat(s.approvalId()).isEqualTo("approve-p330-1");
            assertThat(s.role()).isEqualTo("Incident commander");
            assertThat(s.note()).isEqualTo("Go for the emergency fixes");
            assertThat(s.operator()).isEqualTo("ana");
        });
        assertThat(text(robot, "#signoff-approve-p330-1-given"))
                .startsWith("✓ Signed by ana (Incident commander) at ").endsWith(": Go for the emergency fixes");
        // Signed: the form collapses to that line.
        assertThat(robot.lookup("#signoff-approve-p330-1-role").tryQuery()).isEmpty();
        assertThat(robot.lookup("#signoff-approve-p330-1-sign").tryQuery()).isEmpty();
        reveal(robot, "#signoff-approve-p330-1-given");
        WaitForAsyncUtils.asyncFx(() -> Screenshots.save(robot.lookup("#signoff-approve-p330-1-given").query()
                .getScene(), "guided-signed-off-dark")).get();
    }

    /** Scrolls guided mode so that a node (and what is above it) is in view, for a screenshot. */
    private static void reveal(FxRobot robot, String query) throws Exception {
        ScrollPane scroller = robot.lookup("#guided-mode").queryAs(ScrollPane.class);
        Node node = robot.lookup(query).query();
        WaitForAsyncUtils.asyncFx(() -> FocusScrolling.reveal(scroller, node)).get();
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void paste(FxRobot robot, String output) throws Exception {
        TextArea area = robot.lookup("#audit-output").queryAs(TextArea.class);
        WaitForAsyncUtils.asyncFx(() -> area.setText(output)).get();
        focus(robot, "#audit-output");
    }

    private static void check(FxRobot robot) {
        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
