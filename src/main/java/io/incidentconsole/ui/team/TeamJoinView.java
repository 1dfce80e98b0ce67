package io.incidentconsole.ui.team;

import io.incidentconsole.ui.common.DialogStages;
import io.incidentconsole.ui.common.FxmlViews;
import io.incidentconsole.ui.common.Theme;
import io.incidentconsole.ui.incident.IncidentPickerViewModel;

import io.incidentconsole.incident.IncidentSummary;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.css.PseudoClass;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;

/** File → Join Team Incident…: connect to a team database, then join a shared incident or start one. */
public final class TeamJoinView {

    private static final PseudoClass FAILED = PseudoClass.getPseudoClass("failed");

    private final TeamJoinViewModel model;
    private final Stage stage;
    private final ValidationSupport validation = new ValidationSupport();

    @FXML
    private TextField address;
    @FXML
    private Label addressProblem;
    @FXML
    private ComboBox<String> recent;
    @FXML
    private Button connect;
    @FXML
    private TextField operator;
    @FXML
    private Label message;
    @FXML
    private ListView<IncidentSummary> incidents;
    @FXML
    private Button join;
    @FXML
    private Button startNew;
    @FXML
    private Label planLine;

    public TeamJoinView(TeamJoinViewModel model, Window owner, Theme theme) {
        this.model = model;
        VBox root = FxmlViews.load(this);
        address.setId("team-address");
        address.textProperty().bindBidirectional(model.addressProperty());
        address.setOnAction(e -> {
            e.consume();
            model.connect();
        });
        addressProblem.setId("team-address-problem");
        addressProblem.textProperty().bind(model.addressProblemProperty());
        addressProblem.visibleProperty().bind(model.addressProblemProperty().isNotEmpty());
        addressProblem.managedProperty().bind(addressProblem.visibleProperty());
        // The view model owns validation; ControlsFX only draws what it says.
        validation.registerValidator(address, false, (Control control, Object value) -> ValidationResult.fromErrorIf(
                control, model.addressProblemProperty().get(), !model.addressProblemProperty().get().isEmpty()));
        model.addressProblemProperty().addListener((obs, old, now) -> validation.revalidate());

        recent.setId("team-recent");
        recent.setItems(model.recentAddresses());
        recent.setDisable(model.recentAddresses().isEmpty());
        recent.setPromptText(model.recentAddresses().isEmpty() ? "none yet" : "choose…");
        recent.valueProperty().addListener((obs, old, chosen) -> {
            if (chosen != null) {
                model.addressProperty().set(chosen);
                address.requestFocus();
                address.end();
            }
        });

        connect.setId("team-connect");
        connect.disableProperty().bind(model.busyProperty());
        operator.setId("team-operator");
        operator.textProperty().bindBidirectional(model.operatorProperty());
        operator.setOnAction(e -> {
            e.consume();
            if (!model.connectedProperty().get()) {
                model.connect();
            }
        });
        message.setId("team-message");
        message.textProperty().bind(model.messageProperty());
        model.failedProperty().addListener((obs, was, now) -> message.pseudoClassStateChanged(FAILED, now));

        incidents.setId("team-incidents");
        incidents.setItems(model.incidents());
        Label empty = new Label();
        empty.setId("team-incidents-empty");
        empty.setWrapText(true);
        empty.textProperty().bind(model.emptyListProperty());
        incidents.setPlaceholder(empty);
        incidents.setCellFactory(list -> new ListCell<>() {
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
                e.consume();
                onJoin();
            }
        });
        // Once connected, the list is where the operator goes next.
        model.connectedProperty().addListener((obs, was, now) -> {
            if (now) {
                incidents.getSelectionModel().select(model.selectedProperty().get());
                (model.incidents().isEmpty() ? startNew : incidents).requestFocus();
            }
        });
        join.setId("team-join");
        join.disableProperty().bind(model.canJoinBinding().not());
        // Enter joins the selected incident once one can be joined; Esc is Cancel (in the FXML).
        join.defaultButtonProperty().bind(join.disabledProperty().not());
        startNew.setId("team-start-new");
        startNew.disableProperty().bind(model.canStartNewBinding().not());
        planLine.setText(model.planLine());

        stage = DialogStages.create(root, owner, theme, "Incident Console — join a team incident", "team-join");
        stage.setOnHidden(e -> {
            if (!model.doneProperty().get()) {
                model.cancel();
            }
        });
        model.doneProperty().addListener((obs, was, done) -> {
            if (done) {
                stage.close();
            }
        });
    }

    public void show() {
        stage.show();
        (model.operatorProperty().get().isBlank() ? operator : address).requestFocus();
    }

    @FXML
    private void onConnect() {
        model.connect();
    }

    @FXML
    private void onJoin() {
        model.join(model.selectedProperty().get());
    }

    @FXML
    private void onStartNew() {
        model.startNew();
    }

    @FXML
    private void onClose() {
        stage.close();
    }
}
