package io.incidentconsole.ui.handoff;

import io.incidentconsole.ui.common.FxmlViews;
import io.incidentconsole.ui.common.Theme;

import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.io.File;
import java.nio.file.Path;

/**
 * The handoff screen (Ctrl+Shift+H): the summary as it will be copied or saved, the outgoing operator's "watch
 * out" notes (the summary follows as they type), and the incoming operator's takeover.
 */
public final class HandoffDialog {

    private static final PseudoClass PROBLEM = PseudoClass.getPseudoClass("problem");

    private final HandoffViewModel model;
    private final Theme theme;
    private final Stage stage = new Stage();

    @FXML
    private Label heading;
    @FXML
    private Label holder;
    @FXML
    private TextArea notes;
    @FXML
    private TextArea preview;
    @FXML
    private TextField newOperator;
    @FXML
    private TextField takeOverNote;
    @FXML
    private Button takeOver;
    @FXML
    private Label message;
    @FXML
    private Button copy;
    @FXML
    private Button save;
    @FXML
    private Button close;

    public HandoffDialog(HandoffViewModel model, Window owner, Theme theme) {
        this.model = model;
        this.theme = theme;
        VBox root = FxmlViews.load(this);
        root.setId("handoff-dialog");
        notes.setId("handoff-notes");
        preview.setId("handoff-preview");
        newOperator.setId("handoff-new-operator");
        takeOverNote.setId("handoff-take-over-note");
        takeOver.setId("handoff-take-over");
        message.setId("handoff-message");
        copy.setId("handoff-copy");
        save.setId("handoff-save");
        close.setId("handoff-close");
        heading.setText("Handoff: what the person taking over needs in a minute");
        holder.textProperty().bind(model.holderProperty());
        message.textProperty().bind(model.messageProperty());
        model.failedProperty().addListener((obs, was, failed) -> message.pseudoClassStateChanged(PROBLEM, failed));
        takeOver.disableProperty().bind(newOperator.textProperty().map(String::isBlank));
        notes.textProperty().addListener((obs, old, text) -> refresh());
        model.holderProperty().addListener((obs, old, text) -> refresh());
        refresh();
        Scene scene = new Scene(root);
        theme.applyTo(scene);
        stage.setScene(scene);
        stage.setTitle("Handoff");
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.getProperties().put("incident-console.dialog", "handoff");
    }

    private void refresh() {
        preview.setText(model.markdown(notes.getText()));
    }

    public void show() {
        stage.show();
        notes.requestFocus();
    }

    @FXML
    private void onCopy() {
        ClipboardContent content = new ClipboardContent();
        content.putString(model.markdown(notes.getText()));
        Clipboard.getSystemClipboard().setContent(content);
        model.copied(notes.getText());
    }

    @FXML
    private void onSave() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save the handoff summary");
        chooser.setInitialFileName("handoff.md");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Markdown (*.md)", "*.md"));
        File file = chooser.showSaveDialog(stage);
        if (file != null) {
            saveTo(file.toPath());
        }
    }

    /** Saves, asking first when the file exists. */
    void saveTo(Path file) {
        boolean replace = false;
        if (model.wouldReplace(file)) {
            Alert confirm = new Alert(Alert.AlertType.CONFIRMATION, file + " already exists. Replace it?",
                    ButtonType.YES, ButtonType.NO);
            confirm.setHeaderText("Replace the file?");
            confirm.initOwner(stage);
            confirm.getDialogPane().getStylesheets().setAll(theme.stylesheets());
            replace = confirm.showAndWait().filter(ButtonType.YES::equals).isPresent();
            if (!replace) {
                return;
            }
        }
        model.save(file, notes.getText(), replace, () -> { });
    }

    @FXML
    private void onTakeOver() {
        model.takeOver(newOperator.getText(), takeOverNote.getText(), () -> {
            newOperator.clear();
            takeOverNote.clear();
            refresh();
        });
    }

    @FXML
    private void onClose() {
        stage.close();
    }
}
