package io.incidentconsole.ui.rollback;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The by-hand rollback of the selected procedure's phase, under the step-by-step run. Wires nodes only. */
final class HandRollbackView {

    private final HandRollbackViewModel model;
    private final VBox root = new VBox(6);
    private final VBox reasonPanel = new VBox(6);
    private final TextField reason = new TextField();

    HandRollbackView(HandRollbackViewModel model) {
        this.model = model;
        root.getStyleClass().addAll("rollback-section", "hand-rollback");
        root.setId("hand-rollback");
        Label heading = new Label("Rolled back outside the console?");
        heading.getStyleClass().add("hand-rollback-heading");
        Label phase = new Label();
        phase.setId("hand-rollback-phase");
        phase.setWrapText(true);
        phase.textProperty().bind(model.phaseLineProperty());
        Button ranByHand = new Button("I ran it by hand…");
        ranByHand.setId("hand-rollback-start");
        ranByHand.disableProperty().bind(model.canStartProperty().not());
        ranByHand.setOnAction(e -> openReason());
        Button done = new Button("Rolled back (done by hand)");
        done.setId("hand-rollback-finish");
        done.disableProperty().bind(model.canFinishProperty().not());
        done.setOnAction(e -> model.finishByHand());
        Label problem = new Label();
        problem.setId("hand-rollback-problem");
        problem.getStyleClass().add("validation-message");
        problem.setWrapText(true);
        problem.textProperty().bind(model.problemProperty());
        problem.managedProperty().bind(model.problemProperty().isNotEmpty());

        reason.setId("hand-rollback-reason");
        reason.setPromptText("What did you run, and why? (required, recorded)");
        Button record = new Button("Record rollback started");
        record.setId("hand-rollback-record");
        record.setOnAction(e -> {
            if (model.startByHand(reason.getText())) {
                reason.clear();
                showReason(false);
            }
        });
        reason.setOnAction(record.getOnAction());
        Button cancel = new Button("Cancel");
        cancel.setOnAction(e -> {
            model.clearProblem();
            showReason(false);
        });
        reasonPanel.getChildren().addAll(reason, buttons(record, cancel));
        showReason(false);

        root.getChildren().addAll(heading, phase, buttons(ranByHand, done), reasonPanel, problem);
        root.visibleProperty().bind(model.appliesProperty());
        root.managedProperty().bind(model.appliesProperty());
    }

    private void openReason() {
        model.clearProblem();
        showReason(true);
        reason.requestFocus();
    }

    private void showReason(boolean shown) {
        reasonPanel.setVisible(shown);
        reasonPanel.setManaged(shown);
    }

    Node root() {
        return root;
    }

    void activate() {
        model.activate();
    }

    void deactivate() {
        model.deactivate();
    }

    /**
     * Buttons at their full width, the second going under the first when the column is narrow (the rollback area's
     * middle column is): a button reading "I ran it by han…" says nothing.
     */
    private static FlowPane buttons(Button... buttons) {
        for (Button button : buttons) {
            button.setMinWidth(Region.USE_PREF_SIZE);
        }
        return new FlowPane(8, 6, buttons);
    }
}
