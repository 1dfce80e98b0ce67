package io.incidentconsole.ui.board;

import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import io.incidentconsole.app.ConsoleApplication.Console;
import io.incidentconsole.incident.EventPayload;
import io.incidentconsole.incident.Incident;
import io.incidentconsole.plan.ManyPhasesPlan;
import io.incidentconsole.ui.common.ConsoleArea;
import io.incidentconsole.ui.fixture.ConsoleFixture;
import io.incidentconsole.ui.fixture.Screenshots;
import io.incidentconsole.ui.common.CurrentPlan;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

/**
 * A board of many phases builds the cards near the screen, and the rest as the operator scrolls to them: the
 * screen stays where it was, a card built late says what the incident says, and Space still finds the phase under
 * way however far down it is.
 */
@ExtendWith(ApplicationExtension.class)
class BigBoardTest {

    private static final int PHASES = 150;

    @TempDir
    static Path home;

    private Console console;

    @Start
    void start(Stage stage) {
        console = ConsoleFixture.show(stage, home);
    }

    private static Path planOf(int phases) throws Exception {
        return ManyPhasesPlan.write(home, phases, i -> List.of("Drain node " + i, "Restart node " + i,
                "Check node " + i, "Watch node " + i));
    }

    private static <T> T fx(Callable<T> call) throws Exception {
        T result = WaitForAsyncUtils.asyncFx(call).get();
        settle();
        return result;
    }

    /** The board builds on the pulse after a scroll: a few pulses let it. */
    private static void settle() throws Exception {
        for (int i = 0; i < 4; i++) {
            WaitForAsyncUtils.sleep(40, TimeUnit.MILLISECONDS);
            WaitForAsyncUtils.waitForFxEvents();
        }
    }

    private int cardsBuilt() throws Exception {
        return fx(() -> console.view().root().lookupAll(".phase-card").size());
    }

    private ScrollPane board() {
        return (ScrollPane) console.view().root().lookup("#phase-board");
    }

    private Incident openOnBoard(EventPayload... before) throws Exception {
        Path plan = planOf(PHASES);
        fx(() -> {
            console.model().openPlan(plan);
            return null;
        });
        CurrentPlan current = console.model().currentPlan().orElseThrow(() -> new AssertionError("plan did not load"));
        return fx(() -> {
            Incident incident = console.store().create(current.plan(), current.source(), current.text(), "ana");
            for (EventPayload payload : before) {
                incident.record(payload);
            }
            console.model().openIncident(incident);
            console.model().select(ConsoleArea.PHASE_BOARD);
            return incident;
        });
    }

    @Test
    void cardsAreBuiltNearTheScreenAndAsTheOperatorScrolls() throws Exception {
        openOnBoard();
        int atFirst = cardsBuilt();
        assertThat(atFirst).as("cards built at first").isBetween(PhaseBoardView.CARDS_BUILT_AT_ONCE, 60);
        assertThat(console.view().root().lookup("#phase-p" + PHASES)).isNull();

        fx(() -> {
            board().setVvalue(1);
            return null;
        });

        assertThat(console.view().root().lookup("#phase-p" + PHASES)).as("the last card, scrolled to").isNotNull();
        assertThat(cardsBuilt()).isLessThan(atFirst + 60);
    }

    @Test
    void whatTheOperatorLooksAtStaysWhereItIsWhileCardsAreBuiltAboveIt() throws Exception {
        openOnBoard();
        fx(() -> {
            board().setVvalue(0.6);
            return null;
        });
        Node looked = fx(() -> firstCardOnScreen());
        double was = fx(() -> looked.localToScene(0, 0).getY());

        // Up by half a screen: the slots a screen above are built now, taller or shorter than they were guessed.
        double range = fx(() -> board().getContent().getLayoutBounds().getHeight()
                - board().getViewportBounds().getHeight());
        double half = fx(() -> board().getViewportBounds().getHeight() / 2);
        fx(() -> {
            board().setVvalue(board().getVvalue() - half / range);
            return null;
        });

        assertThat(fx(() -> looked.localToScene(0, 0).getY())).isCloseTo(was + half, offset(2.0));
    }

    private Node firstCardOnScreen() {
        double top = board().localToScene(0, 0).getY();
        return board().lookupAll(".phase-card").stream()
                .filter(card -> card.localToScene(0, 0).getY() >= top)
                .min(Comparator.comparingDouble(card -> card.localToScene(0, 0).getY()))
                .orElseThrow();
    }

    @Test
    void aCardBuiltLateShowsTheIncidentAndSpaceFindsThePhaseUnderWay(FxRobot robot) throws Exception {
        String last = "p" + PHASES;
        openOnBoard(new EventPayload.PhaseStarted(last));
        assertThat(console.view().root().lookup("#phase-" + last)).isNull();

        // Space on the board: the first open task of the phase under way, built for it.
        fx(() -> {
            console.view().root().lookup("#phase-board").requestFocus();
            console.model().select(ConsoleArea.OVERVIEW);
            console.model().select(ConsoleArea.PHASE_BOARD);
            return null;
        });
        Node focused = fx(() -> console.view().root().getScene().getFocusOwner());
        assertThat(focused).isInstanceOf(CheckBox.class);
        assertThat(focused.getId()).isEqualTo("task-" + last + "-task-1");
        assertThat(fx(() -> console.view().root().lookup("#phase-" + last).getPseudoClassStates()))
                .contains(PhaseCardNode.RUNNING);

        robot.type(KeyCode.SPACE);
        settle();
        assertThat(((CheckBox) focused).isSelected()).as("ticked from the keyboard").isTrue();
    }

    @Test
    void aLongStatusTableShowsItsFirstRowsAndAllOnRequest(FxRobot robot) throws Exception {
        openOnBoard();
        assertThat(tableTexts()).contains("1: Stage 1", "100: Stage 100").doesNotContain("101: Stage 101");
        Button all = robot.lookup("#status-table-all").queryButton();
        assertThat(all.getText()).isEqualTo("Show all 150 phases (50 more)");
        fx(() -> {
            all.requestFocus();
            return null;
        });
        assertThat(fx(() -> Screenshots.save(all.getScene(), "board-status-table-first-rows"))).isGreaterThan(20);

        // Below the hundred rows: pressed as the keyboard would (it is out of the window's sight).
        fx(() -> {
            all.fire();
            return null;
        });

        assertThat(tableTexts()).contains("101: Stage 101", "150: Stage 150");
        assertThat(robot.lookup("#status-table-all").tryQuery()).isEmpty();
    }

    private List<String> tableTexts() throws Exception {
        return fx(() -> console.view().root().lookup("#status-table-holder").lookupAll(".label").stream()
                .map(node -> ((Labeled) node).getText()).toList());
    }
}
