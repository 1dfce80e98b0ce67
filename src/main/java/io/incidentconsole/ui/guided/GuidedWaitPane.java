package io.incidentconsole.ui.guided;

import io.incidentconsole.drill.DrillClock;
import io.incidentconsole.drill.DrillDurations;
import io.incidentconsole.guided.WaitClock;
import io.incidentconsole.plan.GuidedStep;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.Optional;
import java.util.function.Consumer;

import static io.incidentconsole.ui.guided.GuidedNodes.PASSED;
import static io.incidentconsole.ui.guided.GuidedNodes.TIME;
import static io.incidentconsole.ui.guided.GuidedNodes.WAITING;
import static io.incidentconsole.ui.guided.GuidedNodes.hours;
import static io.incidentconsole.ui.guided.GuidedNodes.text;

/**
 * A step that waits: not started (Start waiting), counting down (with Cut short and its reason), cut short, or
 * over. The countdown comes from the journal, so it carries on after a restart; {@link #tick()} moves it on.
 */
final class GuidedWaitPane {

    private final GuidedViewModel model;
    private final Consumer<String> showMessage;
    private Label countdown;
    private WaitClock.State shownState;

    /** {@code showMessage}: where the step says why cutting the wait short was refused (empty: it was not). */
    GuidedWaitPane(GuidedViewModel model, Consumer<String> showMessage) {
        this.model = model;
        this.showMessage = showMessage;
    }

    /** Forgets the wait shown before; called before a step is drawn again. */
    void reset() {
        countdown = null;
        shownState = null;
    }

    Node render(GuidedViewModel.Page page, GuidedStep step) {
        WaitClock.Status status = model.waitStatus().orElseThrow();
        shownState = status.state();
        VBox box = new VBox(8);
        box.getStyleClass().add("guided-wait");
        box.setId("guided-wait");
        switch (status.state()) {
            case NOT_STARTED -> {
                box.getChildren().add(text("A wait of " + hours(step.waitFor()) + ". Start waiting (S) records when it "
                        + "starts; the countdown is computed from the journal, so it carries on after a restart.",
                        "guided-detail"));
                Button start = new Button("Start waiting (S)");
                start.setId("guided-start-wait");
                start.setDisable(!page.writable());
                start.setOnAction(e -> model.startWait());
                box.getChildren().add(start);
            }
            case WAITING -> {
                countdown = text(WaitClock.format(status.remaining()), "guided-countdown");
                countdown.setId("guided-wait-remaining");
                countdown.pseudoClassStateChanged(WAITING, true);
                box.getChildren().addAll(countdown, text("left of " + hours(step.waitFor()) + " — ends "
                        + TIME.format(status.endsAt()) + fastForwarded(status), "guided-detail"), cutShortLine(page));
            }
            case CUT_SHORT -> {
                Label cut = text("Wait cut short at " + TIME.format(status.endsAt()) + ": " + status.cutShortReason(),
                        "guided-detail");
                cut.setId("guided-wait-state");
                box.getChildren().add(cut);
            }
            case ELAPSED -> {
                Label over = text("The wait is over (ended " + TIME.format(status.endsAt()) + ")"
                        + fastForwarded(status) + ".", "guided-detail");
                over.setId("guided-wait-state");
                over.pseudoClassStateChanged(PASSED, true);
                box.getChildren().add(over);
            }
        }
        return box;
    }

    private HBox cutShortLine(GuidedViewModel.Page page) {
        TextField reason = new TextField();
        reason.setId("guided-cut-reason");
        reason.setPromptText("Why may the wait end early? (required, recorded)");
        reason.setPrefColumnCount(40);
        reason.setDisable(!page.writable());
        Button cut = new Button("Cut short… (X)");
        cut.setId("guided-cut-short");
        cut.setMinWidth(Region.USE_PREF_SIZE); // the reason field gives way, not the label
        cut.setDisable(!page.writable());
        cut.setOnAction(e -> onCutShort(reason));
        reason.setOnAction(cut.getOnAction());
        HBox.setHgrow(reason, Priority.ALWAYS);
        return new HBox(10, reason, cut);
    }

    private void onCutShort(TextField reason) {
        Optional<String> problem = model.cutShort(reason.getText());
        showMessage.accept(problem.orElse(""));
        if (problem.isPresent()) {
            reason.requestFocus();
        }
    }

    /**
     * Moves the countdown on by the clock. True when the wait changed state (it ran out, or another console
     * started or cut it), so the step must be drawn again.
     */
    boolean tick() {
        Optional<WaitClock.Status> status = model.waitStatus();
        if (status.isEmpty()) {
            return false;
        }
        if (status.get().state() != shownState) {
            return true;
        }
        if (countdown != null) {
            countdown.setText(WaitClock.format(status.get().remaining()));
        }
        return false;
    }

    /** " · 23h 59m fast-forwarded in drill" when a drill skipped part of the wait; nothing otherwise. */
    private static String fastForwarded(WaitClock.Status status) {
        return status.fastForwarded() ? " · " + DrillDurations.format(status.fastForwardedBy()) + " "
                + DrillClock.LABEL : "";
    }
}
