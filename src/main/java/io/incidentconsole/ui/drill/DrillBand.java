package io.incidentconsole.ui.drill;

import javafx.beans.binding.Bindings;
import javafx.scene.control.Control;
import javafx.scene.layout.FlowPane;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.css.PseudoClass;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.TextInputDialog;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.util.Duration;

import java.util.List;
import java.util.function.Supplier;

/**
 * The band across the top of a drill's console: DRILL, the scenario, how commands run, the next scripted event, and
 * the drill's buttons (fast-forward, run for real / back to stubs). Hidden in a real incident. Its timer plays the
 * scenario's due events every two seconds.
 */
public final class DrillBand extends HBox {

    private static final PseudoClass REAL_RUNS = PseudoClass.getPseudoClass("real-runs");

    private final DrillViewModel model;
    private final Supplier<List<String>> stylesheets;

    /** {@code stylesheets}: the theme's, for the confirmation dialog. */
    public DrillBand(DrillViewModel model, Supplier<List<String>> stylesheets) {
        this.model = model;
        this.stylesheets = stylesheets;
        getStyleClass().add("drill-band");
        setId("drill-band");
        setSpacing(12);
        Label mark = new Label("DRILL");
        mark.getStyleClass().add("drill-mark");
        Label text = new Label();
        text.setId("drill-text");
        text.getStyleClass().add("drill-text");
        text.textProperty().bind(model.textProperty());
        Label runMode = new Label();
        runMode.setId("drill-run-mode");
        runMode.getStyleClass().add("drill-run-mode");
        runMode.textProperty().bind(model.runModeProperty());
        Label next = new Label();
        next.setId("drill-next");
        next.getStyleClass().add("drill-next");
        next.textProperty().bind(model.nextProperty());
        Label message = new Label();
        message.setId("drill-message");
        message.getStyleClass().add("drill-next");
        message.textProperty().bind(model.messageProperty());
        Button fastForward = new Button();
        fastForward.setId("drill-fast-forward");
        fastForward.textProperty().bind(model.fastForwardLabelProperty());
        fastForward.disableProperty().bind(model.canFastForwardProperty().not());
        fastForward.setOnAction(e -> model.fastForward());
        Button realRuns = new Button();
        realRuns.setId("drill-run-for-real");
        realRuns.textProperty().bind(Bindings.when(model.realRunsProperty())
                .then("Back to stubs").otherwise("Run for real in this drill…"));
        realRuns.setOnAction(e -> {
            if (model.realRunsProperty().get()) {
                model.backToStubs();
            } else {
                confirmRealRuns();
            }
        });
        // The mark and the buttons keep their full size; the texts wrap onto a second line in a narrow window.
        for (Control fixed : List.of(mark, fastForward, realRuns, text, runMode, next, message)) {
            fixed.setMinWidth(Region.USE_PREF_SIZE);
        }
        text.setWrapText(false);
        FlowPane texts = new FlowPane(16, 2, text, runMode, next, message);
        texts.getStyleClass().add("drill-texts");
        texts.setMinWidth(0);
        texts.prefWrapLengthProperty().bind(widthProperty().subtract(440));
        HBox.setHgrow(texts, Priority.ALWAYS);
        getChildren().addAll(mark, texts, fastForward, realRuns);
        visibleProperty().bind(model.activeProperty());
        managedProperty().bind(model.activeProperty());
        model.realRunsProperty().addListener((obs, was, now) -> pseudoClassStateChanged(REAL_RUNS, now));
        Timeline timer = new Timeline(new KeyFrame(Duration.seconds(2), e -> model.tick()));
        timer.setCycleCount(Timeline.INDEFINITE);
        model.activeProperty().addListener((obs, was, now) -> {
            if (now) {
                timer.play();
            } else {
                timer.stop();
            }
        });
    }

    /** "Run for real" is a choice the operator confirms and explains; the reason goes to the journal. */
    private void confirmRealRuns() {
        TextInputDialog dialog = new TextInputDialog();
        dialog.setTitle("Run for real in this drill");
        dialog.setHeaderText("Commands will run the real programs, not the drill's stubs.\n"
                + "This is recorded in the journal and shown in the run panel and the drill report.");
        dialog.setContentText("Why (required):");
        dialog.getDialogPane().getStylesheets().setAll(stylesheets.get());
        dialog.getDialogPane().lookupButton(ButtonType.OK).disableProperty()
                .bind(dialog.getEditor().textProperty().isEmpty());
        dialog.showAndWait().map(String::strip).filter(s -> !s.isEmpty()).ifPresent(model::runForReal);
    }
}
