package io.incidentconsole.ui.reports;

import io.incidentconsole.ui.common.FxmlViews;
import io.incidentconsole.ui.common.Theme;

import io.incidentconsole.output.OutputFileException;
import io.incidentconsole.output.OutputFiles;

import io.incidentconsole.plan.Communication.Cadence;
import javafx.fxml.FXML;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.io.File;

/** The drafted stakeholder update: edit, then copy or save it and record it as published. */
public final class ComposeUpdateDialog {

    private final ReportsViewModel model;
    private final Cadence cadence;
    private final Stage stage = new Stage();

    @FXML
    private Label heading;
    @FXML
    private TextArea text;
    @FXML
    private Label problem;
    @FXML
    private Button copyButton;
    @FXML
    private Button saveButton;
    @FXML
    private Button cancelButton;

    public ComposeUpdateDialog(ReportsViewModel model, String draft, Window owner, Theme theme) {
        this.model = model;
        this.cadence = model.cadence();
        VBox root = FxmlViews.load(this);
        heading.setText(cadence == null ? "Stakeholder update (no cadence is due: for everyone)"
                : "Stakeholder update: " + cadence.label());
        text.setText(draft);
        text.setId("compose-text");
        copyButton.setId("compose-copy-publish");
        saveButton.setId("compose-save-publish");
        cancelButton.setId("compose-cancel");
        problem.setId("compose-problem");
        boolean writable = model.canPublish();
        copyButton.setDisable(!writable);
        saveButton.setDisable(!writable);
        problem.setText(writable ? "" : "This incident is open read-only: the update can be copied from the text but "
                + "not recorded as published.");
        Scene scene = new Scene(root);
        theme.applyTo(scene);
        stage.setScene(scene);
        stage.setTitle("Compose stakeholder update");
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.getProperties().put("incident-console.dialog", "compose-update");
    }

    public void show() {
        stage.show();
        text.requestFocus();
    }

    @FXML
    private void onCopy() {
        ClipboardContent content = new ClipboardContent();
        content.putString(text.getText());
        Clipboard.getSystemClipboard().setContent(content);
        publish();
    }

    @FXML
    private void onSave() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save stakeholder update");
        chooser.setInitialFileName("stakeholder-update.md");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Markdown (*.md)", "*.md"));
        File file = chooser.showSaveDialog(stage);
        if (file == null) {
            return;
        }
        try {
            // The save dialog has asked about replacing an existing file.
            OutputFiles.write(file.toPath(), text.getText(), true);
        } catch (OutputFileException e) {
            problem.setText("Not saved, not published: " + e.getMessage());
            return;
        }
        publish();
    }

    private void publish() {
        if (text.getText().isBlank()) {
            problem.setText("The update is empty: nothing to publish.");
            return;
        }
        problem.setText("Publishing…");
        model.publish(text.getText(), cadence, stage::close);
    }

    @FXML
    private void onCancel() {
        stage.close();
    }
}
