package io.incidentconsole.ui.board;

import io.incidentconsole.ui.common.FocusScrolling;
import io.incidentconsole.ui.fixture.ControlledReadings;
import io.incidentconsole.ui.incident.IncidentSession;

import io.incidentconsole.incident.Event;
import io.incidentconsole.incident.EventPayload;
import io.incidentconsole.metrics.Freshness;
import io.incidentconsole.plan.Criterion;
import io.incidentconsole.plan.PhaseStatus;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.CheckBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bundled plan's "Convex calls drop from 3.2M → ~2.8M [convex_calls <= 2800000]" read against a metric source the
 * test controls: proposed only while the value is current and holds; confirming records the observed value.
 */
@ExtendWith(ApplicationExtension.class)
class PhaseCardCriterionCheckTest {

    private static final Instant AT = ControlledReadings.AT;

    @TempDir
    static Path data;

    private final ControlledReadings readings = new ControlledReadings();
    private StartedPhaseBoard board;
    private IncidentSession session;
    private String criterionNode;
    private String criterionId;

    @Start
    void start(Stage stage) {
        board = new StartedPhaseBoard(data, readings);
        session = board.session;
        Criterion calls = board.plan.phase("p330-1").orElseThrow().successCriteria().stream()
                .filter(c -> c.when() != null).findFirst().orElseThrow();
        criterionId = calls.id();
        criterionNode = PhaseCardNode.nodeId(calls.id());
        board.show(stage, 1200, 800);
    }

    @AfterEach
    void close() throws Exception {
        board.close();
    }

    private Label says(FxRobot robot) {
        return robot.lookup("#criterion-check-" + criterionNode).queryAs(Label.class);
    }

    private Button confirm(FxRobot robot) {
        return robot.lookup("#criterion-confirm-" + criterionNode).queryAs(Button.class);
    }

    @Test
    void aMissingValueProposesNothingAndSaysSo(FxRobot robot) {
        assertThat(says(robot).getText()).contains("convex_calls", "no value", "nothing proposed");
        assertThat(confirm(robot).isVisible()).isFalse();
    }

    @Test
    void aHoldingValueIsProposedAndConfirmingRecordsWhatWasObserved(FxRobot robot) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> readings.set("convex_calls", 3_100_000, Freshness.State.LIVE)).get();
        assertThat(says(robot).getText()).contains("3.1M", "does not hold");
        assertThat(confirm(robot).isVisible()).isFalse();

        WaitForAsyncUtils.asyncFx(() -> readings.set("convex_calls", 2_700_000, Freshness.State.STALE)).get();
        assertThat(says(robot).getText()).contains("stale", "source simulator stopped", "nothing proposed");
        assertThat(confirm(robot).isVisible()).isFalse();

        WaitForAsyncUtils.asyncFx(() -> readings.set("convex_calls", 2_700_000, Freshness.State.LIVE)).get();
        assertThat(says(robot).getText()).isEqualTo("convex_calls = 2.7M at 10:42 UTC — condition holds: confirm?");
        assertThat(confirm(robot).isVisible()).isTrue();

        Button button = confirm(robot);
        WaitForAsyncUtils.asyncFx(button::fire).get();
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(session.stateProperty().get().tickedCriteria("p330-1")).contains(criterionId);
        Event last = session.stateProperty().get().events().get(session.stateProperty().get().events().size() - 1);
        assertThat(last.payload()).isEqualTo(new EventPayload.CriterionTicked("p330-1", criterionId, true,
                "convex_calls = 2.7M at 10:42 UTC"));
        assertThat(robot.lookup("#criterion-by-" + criterionNode).queryAs(Label.class).getText())
                .contains("observed convex_calls = 2.7M at 10:42 UTC");
        assertThat(says(robot).getParent().isVisible()).as("a confirmed criterion proposes no more").isFalse();
    }

    @Test
    void aValueThatWentStaleBeforeTheClickIsNotRecorded(FxRobot robot) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> readings.set("convex_calls", 2_700_000, Freshness.State.LIVE)).get();
        Button button = confirm(robot);
        // the source stops between the last frame and the click: the value is read again when confirming
        readings.setQuietly("convex_calls", 2_700_000, Freshness.State.STALE);
        WaitForAsyncUtils.asyncFx(button::fire).get();

        assertThat(session.stateProperty().get().tickedCriteria("p330-1")).doesNotContain(criterionId);
        assertThat(says(robot).getText()).contains("stale");
    }

    @Test
    void aPhaseNotStartedIsProposedNothingToConfirmAndATickIsRefused(FxRobot robot) throws Exception {
        Criterion later = session.stateProperty().get().plan().phase("p330-2").orElseThrow().successCriteria()
                .stream().filter(c -> c.when() != null).findFirst().orElseThrow();
        String node = PhaseCardNode.nodeId(later.id());
        WaitForAsyncUtils.asyncFx(() -> readings.set("convex_calls", 2_300_000, Freshness.State.LIVE)).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(session.stateProperty().get().phase("p330-2").status()).isEqualTo(PhaseStatus.PENDING);
        // Its card is below the fold, where live checks wait: scroll to it.
        Label laterSays = robot.lookup("#criterion-check-" + node).queryAs(Label.class);
        WaitForAsyncUtils.asyncFx(() -> FocusScrolling.reveal(robot.lookup("#phase-board").queryAs(ScrollPane.class),
                laterSays)).get();
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#criterion-check-" + node).queryAs(Label.class).getText())
                .contains("condition holds");
        assertThat(robot.lookup("#criterion-confirm-" + node).queryAs(Button.class).isVisible())
                .as("not before the phase is under way").isFalse();
        assertThat(confirm(robot).isVisible()).as("the started phase's criterion still is").isTrue();

        CheckBox box = robot.lookup("#criterion-" + node).queryAs(CheckBox.class);
        WaitForAsyncUtils.asyncFx(() -> box.setSelected(true)).get();
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(session.stateProperty().get().tickedCriteria("p330-2")).doesNotContain(later.id());
        assertThat(box.isSelected()).as("back to what the journal says").isFalse();
        assertThat(robot.lookup("#board-notice").queryAs(Label.class).getText())
                .startsWith("Not confirmed: phase 2: Package Updates is PENDING; start it first");
        assertThat(robot.lookup("#phase-board").query().lookup("#board-notice"))
                .as("the reason is not scrolled away with the board: the box may be far down").isNull();

        // The next action that is recorded makes the reason old news: the pinned notice goes.
        Button started = confirm(robot);
        WaitForAsyncUtils.asyncFx(started::fire).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(session.stateProperty().get().tickedCriteria("p330-1")).contains(criterionId);
        assertThat(robot.lookup("#board-notice").queryAs(Label.class).isVisible()).isFalse();
    }
}
