package io.incidentconsole.ui.incident;

import javafx.scene.control.ComboBox;
import java.util.List;
import javafx.application.Platform;
import java.io.File;
import javafx.stage.FileChooser;
import io.incidentconsole.settings.Product;
import io.incidentconsole.ui.common.DialogStages;
import io.incidentconsole.ui.common.FxmlViews;
import io.incidentconsole.ui.common.Theme;

import io.incidentconsole.incident.IncidentSummary;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
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
    @FXML
    private Button startDrill;
    @FXML
    private ComboBox<String> scenario;
    @FXML
    private ListView<IncidentSummary> drills;

    static final String NO_SCENARIO = "No scenario (drive it by hand)";
    static final String SCENARIO_FILE = "Scenario file…";

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
        placeholder.textProperty().bind(Bindings.when(model.listingProperty())
                .then("Reading the incidents on this laptop…").otherwise("No incidents on this laptop yet."));
        incidents.setPlaceholder(placeholder);
        IncidentList.wire(List.of(incidents, drills), model.selectedProperty(), this::onResume);
        drills.setId("drill-list");
        drills.setItems(model.drills());
        Label noDrills = new Label("No drills on this laptop yet.");
        drills.setPlaceholder(noDrills);
        startDrill.setId("start-new-drill");
        startDrill.disableProperty().bind(model.busyProperty().or(
                Bindings.createBooleanBinding(() -> !model.canStartNew())));
        scenario.setId("drill-scenario");
        scenario.getItems().add(NO_SCENARIO);
        scenario.getItems().addAll(model.bundledScenarios());
        scenario.getItems().add(SCENARIO_FILE);
        scenario.getSelectionModel().select(model.bundledScenarios().isEmpty() ? NO_SCENARIO
                : model.bundledScenarios().get(0));
        model.scenarioProperty().set(scenario.getValue());
        scenario.valueProperty().addListener((obs, was, now) -> {
            if (SCENARIO_FILE.equals(now)) {
                FileChooser chooser = new FileChooser();
                chooser.setTitle("Choose a drill scenario");
                chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Scenario (*.yaml)",
                        "*.yaml", "*.yml"));
                File file = chooser.showOpenDialog(scenario.getScene().getWindow());
                String chosen = file == null ? was : file.getAbsolutePath();
                if (file != null && !scenario.getItems().contains(chosen)) {
                    scenario.getItems().add(scenario.getItems().size() - 1, chosen);
                }
                Platform.runLater(() -> scenario.setValue(chosen));
                return;
            }
            model.scenarioProperty().set(NO_SCENARIO.equals(now) ? null : now);
        });
        resume.setId("resume-incident");
        resume.disableProperty().bind(model.selectedProperty().isNull().or(model.busyProperty()));
        startNew.disableProperty().bind(model.busyProperty().or(
                Bindings.createBooleanBinding(() -> !model.canStartNew())));

        stage = DialogStages.create(root, owner, theme, Product.NAME + " — start or resume an incident", "incident-picker");
        model.doneProperty().addListener((obs, was, done) -> {
            if (done) {
                stage.close();
            }
        });
    }

    public void show() {
        stage.show();
        Node first = model.operatorMissingBinding().get() ? operator : startNew;
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
    private void onStartDrill() {
        model.startNewDrill();
    }

    /** Shows the dialog with the new drill's button focused (File → New Drill…). */
    public void showForDrill() {
        show();
        startDrill.requestFocus();
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
