package io.incidentconsole.ui.rollback;

import io.incidentconsole.rollback.RollbackTarget;
import io.incidentconsole.ui.common.AreaView;
import io.incidentconsole.ui.common.FocusScrolling;
import io.incidentconsole.ui.common.FxmlViews;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;

import java.util.ArrayList;
import java.util.List;

/**
 * The rollback area: procedures on the left; the values to fill in, criteria, steps and the step-by-step run in
 * the middle ({@link ParameterForm}, {@link ProcedurePane}, {@link StepRunView}); generating, previewing and running
 * the whole script on the right ({@link ScriptRunView}). Only wires the view model to its panes.
 */
public final class RollbackView implements AreaView {

    /** The dialog property tests and the frame use to find the run confirmation. */
    public static final String DIALOG_KEY = "incident-console.dialog";

    private static final PseudoClass RECORDING = PseudoClass.getPseudoClass("recording");

    private final RollbackViewModel model;
    private final List<Runnable> detach = new ArrayList<>();
    private final ParameterForm parameterForm;
    private final ProcedurePane procedure;
    private final ScriptRunView scriptRun;
    private boolean updating;

    @FXML
    private BorderPane root;
    @FXML
    private Label notice;
    @FXML
    private ListView<RollbackTarget> targets;
    @FXML
    private ScrollPane scroller;
    @FXML
    private Label procedureTitle;
    @FXML
    private Label runbookLine;
    @FXML
    private VBox criteria;
    @FXML
    private VBox steps;
    @FXML
    private VBox form;
    @FXML
    private VBox procedureProblems;
    @FXML
    private TextField workingDirectory;
    @FXML
    private Label workingDirectoryProblem;
    @FXML
    private VBox stepRunHost;
    @FXML
    private VBox scriptHost;
    private StepRunView stepRun;
    private HandRollbackView handRollback;

    public RollbackView(RollbackViewModel model) {
        this.model = model;
        FxmlViews.load(this);
        root.setId("rollback-view");
        root.getProperties().put(RollbackView.class, this);
        notice.setId("rollback-notice");
        targets.setId("rollback-targets");
        workingDirectory.setId("rollback-working-directory");
        workingDirectoryProblem.setId("rollback-working-directory-problem");
        targets.setItems(model.targets());
        targets.setCellFactory(list -> new TargetCell(model));
        parameterForm = new ParameterForm(model, form);
        procedure = new ProcedurePane(model, procedureTitle, runbookLine, criteria, steps, procedureProblems);
        scriptRun = new ScriptRunView(model);
        scriptHost.getChildren().setAll(scriptRun.root());
        FocusScrolling.follow(scroller);
    }

    /** The rollback area with the step-by-step run of the selected procedure under its form. */
    public RollbackView(RollbackViewModel model, StepRunView stepRun) {
        this(model);
        this.stepRun = stepRun;
        stepRunHost.getChildren().setAll(stepRun.root());
    }

    /** ... and, under it, the by-hand rollback of the selected procedure's phase. */
    RollbackView(RollbackViewModel model, StepRunView stepRun, HandRollbackView handRollback) {
        this(model, stepRun);
        this.handRollback = handRollback;
        stepRunHost.getChildren().add(handRollback.root());
    }

    RollbackViewModel model() {
        return model;
    }

    /** The right column, for tests of the run confirmation. */
    ScriptRunView scriptRun() {
        return scriptRun;
    }

    /** ↑↓ pick a procedure at once. */
    @Override
    public void focusFirstControl() {
        targets.requestFocus();
    }

    @Override
    public Node root() {
        return root;
    }

    @Override
    public void activate() {
        listen(model.selectedProperty(), (obs, old, target) -> showTarget(target));
        listen(model.checklistProperty(), (obs, old, list) -> procedure.showChecklist(list));
        listen(model.fieldsProperty(), (obs, old, fields) -> parameterForm.show(fields));
        listen(model.procedureProblemsProperty(), (obs, old, problems) -> procedure.showProblems(problems));
        listen(model.recordingNoticeProperty(), (obs, old, text) -> notice.setText(text));
        listen(model.recordingProperty(), (obs, old, recording) -> notice.pseudoClassStateChanged(RECORDING, recording));
        listen(model.runningProperty(), (obs, old, running) -> targets.setDisable(running));
        listen(model.atRiskProperty(), (obs, old, now) -> targets.refresh());
        listen(model.workingDirectoryProblemProperty(), (obs, old, text) -> showDirectoryProblem(text));
        ChangeListener<RollbackTarget> picked = (obs, old, target) -> {
            if (!updating && target != null) {
                model.select(target);
            }
        };
        targets.getSelectionModel().selectedItemProperty().addListener(picked);
        detach.add(() -> targets.getSelectionModel().selectedItemProperty().removeListener(picked));
        workingDirectory.textProperty().bindBidirectional(model.workingDirectoryProperty());
        detach.add(() -> workingDirectory.textProperty().unbindBidirectional(model.workingDirectoryProperty()));

        model.activate();
        showTarget(model.selectedProperty().get());
        notice.setText(model.recordingNoticeProperty().get());
        notice.pseudoClassStateChanged(RECORDING, model.recordingProperty().get());
        targets.setDisable(model.runningProperty().get());
        showDirectoryProblem(model.workingDirectoryProblemProperty().get());
        scriptRun.activate();
        if (stepRun != null) {
            stepRun.activate();
        }
        if (handRollback != null) {
            handRollback.activate();
        }
    }

    @Override
    public void deactivate() {
        if (stepRun != null) {
            stepRun.deactivate();
        }
        if (handRollback != null) {
            handRollback.deactivate();
        }
        scriptRun.deactivate();
        detach.forEach(Runnable::run);
        detach.clear();
        model.deactivate();
    }

    private <T> void listen(ObservableValue<T> value, ChangeListener<T> listener) {
        value.addListener(listener);
        detach.add(() -> value.removeListener(listener));
    }

    private void showTarget(RollbackTarget target) {
        updating = true;
        try {
            if (target == null) {
                targets.getSelectionModel().clearSelection();
            } else if (targets.getSelectionModel().getSelectedItem() != target) {
                targets.getSelectionModel().select(target);
                targets.scrollTo(target);
            }
        } finally {
            updating = false;
        }
        procedure.showTarget(target);
        if (target == null) {
            parameterForm.show(List.of());
            return;
        }
        procedure.showChecklist(model.checklistProperty().get());
        parameterForm.show(model.fieldsProperty().get());
        procedure.showProblems(model.procedureProblemsProperty().get());
    }

    private void showDirectoryProblem(String text) {
        workingDirectoryProblem.setText(text);
        workingDirectoryProblem.setVisible(!text.isEmpty());
        workingDirectoryProblem.setManaged(!text.isEmpty());
        workingDirectory.pseudoClassStateChanged(ParameterForm.INVALID, !text.isEmpty());
    }

    /** Plan ids may contain dots; node ids may not. */
    static String nodeId(String planId) {
        return planId.replaceAll("[^A-Za-z0-9_-]", "-");
    }
}
