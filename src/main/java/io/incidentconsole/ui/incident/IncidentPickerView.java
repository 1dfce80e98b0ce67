package io.incidentconsole.ui.incident;

import io.incidentconsole.ui.common.DialogStages;
import io.incidentconsole.ui.common.FxmlViews;
import io.incidentconsole.ui.common.Theme;

import io.incidentconsole.incident.IncidentSummary;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/** The start-or-resume dialog shown when the console starts (and from File → Incident…). */
public final class IncidentPickerView {

    private final IncidentPickerViewModel model;
    private final Stage stage;

    @FXML
    private TextField operator;
    @FXML
    private Label problem;
    @FXML
    private Button startNew;
    @FXML
    private Label planLine;
    @FXML
    private ListView<IncidentSummary> incidents;
    @FXML
    private Button resume;

    public IncidentPickerView(IncidentPickerViewModel model, Window owner, Theme theme) {
        this.model = model;
        VBox root = FxmlViews.load(this);
        operator.textProperty().bindBidirectional(model.operatorProperty());
        operator.setId("operator-name");
        // Enter after typing the name starts the incident: that is what the operator just asked for.
        operator.setOnAction(e -> {
            if (!startNew.isDisabled()) {
                e.consume();
                onStartNew();
            }
        });
        problem.textProperty().bind(model.problemProperty());
        problem.setId("picker-problem");
        planLine.setText(model.planLine());
        startNew.setId("start-new-incident");
        startNew.setDisable(!model.canStartNew());
        incidents.setId("incident-list");
        incidents.setItems(model.incidents());
        Label placeholder = new Label();
        placeholder.setId("incident-list-placeholder");
        placeholder.textProperty().bind(javafx.beans.binding.Bindings.when(model.listingProperty())
                .then("Reading the incidents on this laptop…").otherwise("No incidents on this laptop yet."));
        incidents.setPlaceholder(placeholder);
        incidents.setCellFactory(list -> new ListCell<>() {
            {
                // Wrap to the list's width: a long description is read whole, not cut at the right edge.
                setWrapText(true);
                setPrefWidth(0);
            }

            @Override
            protected void updateItem(IncidentSummary item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : IncidentPickerViewModel.describe(item));
            }
        });
        incidents.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> model.selectedProperty().set(now));
        model.selectedProperty().addListener((obs, old, now) -> incidents.getSelectionModel().select(now));
        incidents.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                onResume();
            }
        });
        resume.setId("resume-incident");
        resume.disableProperty().bind(model.selectedProperty().isNull().or(model.busyProperty()));
        startNew.disableProperty().bind(model.busyProperty().or(
                javafx.beans.binding.Bindings.createBooleanBinding(() -> !model.canStartNew())));

        stage = DialogStages.create(root, owner, theme, "Incident Console — start or resume an incident", "incident-picker");
        model.doneProperty().addListener((obs, was, done) -> {
            if (done) {
                stage.close();
            }
        });
    }

    public void show() {
        stage.show();
        javafx.scene.Node first = model.operatorMissingBinding().get() ? operator : startNew;
        first.requestFocus();
        model.refresh(() -> {
            incidents.getSelectionModel().select(model.selectedProperty().get());
            // With a name known, Enter resumes the most recent incident, unless the operator has moved on already.
            if (first == startNew && stage.getScene().getFocusOwner() == startNew && !model.incidents().isEmpty()) {
                incidents.requestFocus();
            }
        });
    }

    @FXML
    private void onStartNew() {
        model.startNew();
    }

    @FXML
    private void onResume() {
        model.resume(model.selectedProperty().get());
    }

    @FXML
    private void onClose() {
        stage.close();
    }
}
