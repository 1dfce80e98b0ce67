package io.incidentconsole.ui.reports;

import io.incidentconsole.ui.main.MainWindowView;
import io.incidentconsole.ui.main.MainWindowViewModel;

import io.incidentconsole.report.ReportFormat;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.css.PseudoClass;
import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.stage.FileChooser;
import javafx.util.Duration;

import java.io.File;

/**
 * Wires stakeholder updates into the console frame: the cadence reminder in the header (refreshed once a second),
 * File → Compose update (Ctrl+U) and File → Export post-incident report.
 */
public final class ReportsView {

    private static final PseudoClass OVERDUE = PseudoClass.getPseudoClass("overdue");

    private final ReportsViewModel model;
    private final MainWindowView frame;
    private final Timeline ticker;

    public ReportsView(ReportsViewModel model, MainWindowView frame, MainWindowViewModel frameModel) {
        this.model = model;
        this.frame = frame;
        Label reminder = frame.cadenceReminder();
        reminder.setId("cadence-reminder");
        reminder.textProperty().bind(model.reminderProperty());
        reminder.visibleProperty().bind(model.reminderShownProperty());
        reminder.managedProperty().bind(model.reminderShownProperty());
        reminder.pseudoClassStateChanged(OVERDUE, model.overdueProperty().get());
        model.overdueProperty().addListener((obs, was, overdue) -> reminder.pseudoClassStateChanged(OVERDUE, overdue));

        frame.composeUpdateItem().setOnAction(e -> compose(frameModel));
        frame.exportReportItem().setOnAction(e -> export());
        frame.drillReportItem().setOnAction(e -> model.drillReport(document -> new DrillReportDialog(model, document,
                frame.root().getScene().getWindow(), frameModel.themeProperty().get()).show()));
        model.exportMessageProperty().addListener((obs, old, message) -> {
            if (message != null) {
                Alert alert = new Alert(model.exportFailedProperty().get() ? Alert.AlertType.ERROR
                        : Alert.AlertType.INFORMATION, message);
                alert.setHeaderText("Post-incident report");
                alert.initOwner(frame.root().getScene() == null ? null : frame.root().getScene().getWindow());
                alert.getDialogPane().getStylesheets().setAll(frameModel.themeProperty().get().stylesheets());
                alert.show();
            }
        });

        ticker = new Timeline(new KeyFrame(Duration.seconds(1), e -> model.refresh()));
        ticker.setCycleCount(Animation.INDEFINITE);
        ticker.play();
    }

    /** Opens the compose dialog with a fresh draft (nothing happens without an incident). */
    public void compose(MainWindowViewModel frameModel) {
        String draft = model.composeDraft();
        if (draft == null) {
            return;
        }
        new ComposeUpdateDialog(model, draft, frame.root().getScene().getWindow(), frameModel.themeProperty().get())
                .show();
    }

    private void export() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export post-incident report");
        chooser.setInitialFileName("post-incident-report.html");
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("Standalone HTML (*.html)", "*.html"),
                new FileChooser.ExtensionFilter("Markdown, charts in a folder beside it (*.md)", "*.md"));
        File file = chooser.showSaveDialog(frame.root().getScene().getWindow());
        if (file != null) {
            model.export(file.toPath(), ReportFormat.forFile(file.getName()));
        }
    }

    public void stop() {
        ticker.stop();
    }
}
