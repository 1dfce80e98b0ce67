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
    @FXML
    private Button startDrill;
    @FXML
    private javafx.scene.control.ComboBox<String> scenario;
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
        placeholder.textProperty().bind(javafx.beans.binding.Bindings.when(model.listingProperty())
                .then("Reading the incidents on this laptop…").otherwise("No incidents on this laptop yet."));
        incidents.setPlaceholder(placeholder);
        for (ListView<IncidentSummary> list : java.util.List.of(incidents, drills)) {
            list.setCellFactory(view -> new ListCell<>() {
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
            list.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
                if (now != null) {
                    model.selectedProperty().set(now);
                }
            });
            list.setOnKeyPressed(e -> {
                if (e.getCode() == KeyCode.ENTER) {
                    onResume();
                }
            });
        }
        drills.setId("drill-list");
        drills.setItems(model.drills());
        Label noDrills = new Label("No drills on this laptop yet.");
        drills.setPlaceholder(noDrills);
        // One selection across both lists: selecting a drill clears the incident list's selection, and back.
        model.selectedProperty().addListener((obs, old, now) -> {
            boolean drill = now != null && now.drill();
            (drill ? drills : incidents).getSelectionModel().select(now);
            (drill ? incidents : drills).getSelectionModel().clearSelection();
        });
        startDrill.setId("start-new-drill");
        startDrill.disableProperty().bind(model.busyProperty().or(
                javafx.beans.binding.Bindings.createBooleanBinding(() -> !model.canStartNew())));
        scenario.setId("drill-scenario");
        scenario.getItems().add(NO_SCENARIO);
        scenario.getItems().addAll(model.bundledScenarios());
        scenario.getItems().add(SCENARIO_FILE);
        scenario.getSelectionModel().select(model.bundledScenarios().isEmpty() ? NO_SCENARIO
                : model.bundledScenarios().get(0));
        model.scenarioProperty().set(scenario.getValue());
        scenario.valueProperty().addListener((obs, was, now) -> {
            if (SCENARIO_FILE.equals(now)) {
                javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
                chooser.setTitle("Choose a drill scenario");
                chooser.getExtensionFilters().add(new javafx.stage.FileChooser.ExtensionFilter("Scenario (*.yaml)",
                        "*.yaml", "*.yml"));
                java.io.File file = chooser.showOpenDialog(scenario.getScene().getWindow());
                String chosen = file == null ? was : file.getAbsolutePath();
                if (file != null && !scenario.getItems().contains(chosen)) {
                    scenario.getItems().add(scenario.getItems().size() - 1, chosen);
                }
                javafx.application.Platform.runLater(() -> scenario.setValue(chosen));
                return;
            }
            model.scenarioProperty().set(NO_SCENARIO.equals(now) ? null : now);
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
