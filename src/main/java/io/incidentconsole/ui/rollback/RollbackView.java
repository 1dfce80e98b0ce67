package io.incidentconsole.ui.rollback;

import io.incidentconsole.plan.Parameter;
import io.incidentconsole.plan.ParameterType;
import io.incidentconsole.plan.ProcedureStep;
import io.incidentconsole.rollback.DecisionChecklist;
import io.incidentconsole.rollback.GeneratedScript;
import io.incidentconsole.rollback.RollbackTarget;
import io.incidentconsole.rollback.RunResult;
import io.incidentconsole.rollback.ScriptMode;
import io.incidentconsole.ui.common.AreaView;
import io.incidentconsole.ui.common.FocusScrolling;
import io.incidentconsole.ui.common.FxmlViews;
import javafx.animation.AnimationTimer;
import javafx.beans.value.ChangeListener;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;

import java.io.File;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rollback area: procedures on the left; criteria, steps and the parameter form in the middle; actions,
 * the script preview and the live console on the right. Only wires the view model to nodes.
 */
public final class RollbackView implements AreaView {

    /** The dialog property tests and the frame use to find the run confirmation. */
    public static final String DIALOG_KEY = "incident-console.dialog";

    private static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");
    private static final PseudoClass RUNNING = PseudoClass.getPseudoClass("running");
    private static final PseudoClass FAILED = PseudoClass.getPseudoClass("failed");
    private static final PseudoClass RECORDING = PseudoClass.getPseudoClass("recording");
    private static final PseudoClass ALTERNATIVE = PseudoClass.getPseudoClass("alternative");
    private static final PseudoClass UNSAFE = PseudoClass.getPseudoClass("unsafe");
    /** The console pane keeps about this many characters; older output is in the journal's tail and the terminal. */
    private static final int CONSOLE_LIMIT = 400_000;

    private static final PseudoClass AT_RISK = PseudoClass.getPseudoClass("at-risk");
    private static final KeyCombination GENERATE = new KeyCodeCombination(KeyCode.G, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination COPY = new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN,
            KeyCombination.SHIFT_DOWN);

    private final RollbackViewModel model;
    private final Map<String, ParameterRow> rows = new LinkedHashMap<>();
    private final List<Runnable> detach = new ArrayList<>();
    private final AnimationTimer drain = new AnimationTimer() {
        @Override
        public void handle(long now) {
            drainOutput();
        }
    };
    private List<String> formShape = List.of();
    private ValidationSupport validation;
    private Scene acceleratorScene;
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
    private Button generate;
    @FXML
    private ToggleButton dryRun;
    @FXML
    private Button copy;
    @FXML
    private Button save;
    @FXML
    private Button run;
    @FXML
    private Label message;
    @FXML
    private TextArea preview;
    @FXML
    private Label runStatus;
    @FXML
    private Button cancel;
    @FXML
    private TextArea console;
    @FXML
    private VBox stepRunHost;
    private StepRunView stepRun;
    private HandRollbackView handRollback;

    public RollbackView(RollbackViewModel model) {
        this.model = model;
        FxmlViews.load(this);
        root.setId("rollback-view");
        root.getProperties().put(RollbackView.class, this);
        notice.setId("rollback-notice");
        targets.setId("rollback-targets");
        procedureTitle.setId("rollback-procedure-title");
        workingDirectory.setId("rollback-working-directory");
        generate.setId("rollback-generate");
        dryRun.setId("rollback-dry-run");
        copy.setId("rollback-copy");
        save.setId("rollback-save");
        run.setId("rollback-run");
        message.setId("rollback-message");
        preview.setId("rollback-preview");
        runStatus.setId("rollback-run-status");
        workingDirectoryProblem.setId("rollback-working-directory-problem");
        hideWhenEmpty(runStatus);
        hideWhenEmpty(message);
        cancel.setId("rollback-cancel");
        console.setId("rollback-console");
        preview.setPromptText("Fill in the parameters, then Generate (Ctrl+G) to see the exact script here.");
        console.setPromptText("Run… shows the script's output here as it runs. Nothing runs without your confirmation.");
        run.setDefaultButton(false);
        targets.setItems(model.targets());
        targets.setCellFactory(list -> new TargetCell(model));
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
        listen(model.checklistProperty(), (obs, old, list) -> showChecklist(list));
        listen(model.fieldsProperty(), (obs, old, fields) -> showFields(fields));
        listen(model.procedureProblemsProperty(), (obs, old, problems) -> showProcedureProblems(problems));
        listen(model.canGenerateProperty(), (obs, old, can) -> generate.setDisable(!can));
        listen(model.scriptProperty(), (obs, old, script) -> showScript(script));
        listen(model.recordingNoticeProperty(), (obs, old, text) -> notice.setText(text));
        listen(model.recordingProperty(), (obs, old, recording) -> notice.pseudoClassStateChanged(RECORDING, recording));
        listen(model.canRunProperty(), (obs, old, can) -> run.setDisable(!can));
        listen(model.runningProperty(), (obs, old, running) -> showRunning(running));
        listen(model.runStatusProperty(), (obs, old, text) -> runStatus.setText(text));
        listen(model.lastResultProperty(), (obs, old, result) -> showResult(result));
        listen(model.runCountProperty(), (obs, old, count) -> {
            console.clear();
            showConsole(true);
        });
        listen(model.atRiskProperty(), (obs, old, now) -> targets.refresh());
        listen(model.messageProperty(), (obs, old, text) -> message.setText(text));
        listen(model.workingDirectoryProblemProperty(), (obs, old, text) -> showDirectoryProblem(text));
        ChangeListener<RollbackTarget> picked = (obs, old, target) -> {
            if (!updating && target != null) {
                model.select(target);
            }
        };
        targets.getSelectionModel().selectedItemProperty().addListener(picked);
        detach.add(() -> targets.getSelectionModel().selectedItemProperty().removeListener(picked));
        dryRun.selectedProperty().bindBidirectional(model.dryRunProperty());
        detach.add(() -> dryRun.selectedProperty().unbindBidirectional(model.dryRunProperty()));
        workingDirectory.textProperty().bindBidirectional(model.workingDirectoryProperty());
        detach.add(() -> workingDirectory.textProperty().unbindBidirectional(model.workingDirectoryProperty()));
        ChangeListener<Scene> sceneChanged = (obs, old, scene) -> installAccelerators(scene);
        root.sceneProperty().addListener(sceneChanged);
        detach.add(() -> root.sceneProperty().removeListener(sceneChanged));
        installAccelerators(root.getScene());
        detach.add(() -> installAccelerators(null));

        model.activate();
        showTarget(model.selectedProperty().get());
        notice.setText(model.recordingNoticeProperty().get());
        notice.pseudoClassStateChanged(RECORDING, model.recordingProperty().get());
        showScript(model.scriptProperty().get());
        generate.setDisable(!model.canGenerateProperty().get());
        run.setDisable(!model.canRunProperty().get());
        showRunning(model.runningProperty().get());
        runStatus.setText(model.runStatusProperty().get());
        showResult(model.lastResultProperty().get());
        message.setText(model.messageProperty().get());
        showDirectoryProblem(model.workingDirectoryProblemProperty().get());
        drain.start();
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
        drain.stop();
        drainOutput();
        detach.forEach(Runnable::run);
        detach.clear();
        model.deactivate();
    }

    private <T> void listen(javafx.beans.value.ObservableValue<T> value, ChangeListener<T> listener) {
        value.addListener(listener);
        detach.add(() -> value.removeListener(listener));
    }

    private void installAccelerators(Scene scene) {
        if (acceleratorScene != null) {
            acceleratorScene.getAccelerators().remove(GENERATE);
            acceleratorScene.getAccelerators().remove(COPY);
        }
        acceleratorScene = scene;
        if (scene != null) {
            scene.getAccelerators().put(GENERATE, this::onGenerate);
            scene.getAccelerators().put(COPY, this::onCopy);
        }
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
        steps.getChildren().clear();
        if (target == null) {
            procedureTitle.setText("No rollback procedures in this plan");
            runbookLine.setText("");
            criteria.getChildren().clear();
            showFields(List.of());
            return;
        }
        procedureTitle.setText(target.procedure().title() == null ? target.procedure().id()
                : target.procedure().title());
        runbookLine.setText(target.runbook().title() + "  ·  " + target.procedure().id()
                + (target.procedure().phases().isEmpty() ? "" : "  ·  undoes " + String.join(", ",
                target.procedure().phases())));
        int number = 0;
        for (ProcedureStep step : target.procedure().steps()) {
            steps.getChildren().add(stepNode(step, step.alternative() ? 0 : ++number));
        }
        showChecklist(model.checklistProperty().get());
        showFields(model.fieldsProperty().get());
        showProcedureProblems(model.procedureProblemsProperty().get());
    }

    private static Node stepNode(ProcedureStep step, int number) {
        VBox box = new VBox(2);
        box.getStyleClass().add("procedure-step");
        box.pseudoClassStateChanged(ALTERNATIVE, step.alternative());
        String title = step.title() == null || step.title().isBlank() ? "" : step.title().strip();
        if (step.alternative()) {
            title = title.replaceFirst("(?i)^or:\\s*", "");
        }
        Label heading = new Label(step.alternative() ? "OR (alternative, instead of the steps above): " + title
                : number + ". " + (title.isEmpty() ? (step.command() == null ? "" : "Run") : title)
                + (step.command() == null ? "  (manual)" : ""));
        heading.setWrapText(true);
        heading.getStyleClass().add("step-title");
        box.getChildren().add(heading);
        if (step.command() != null) {
            Label command = new Label(step.command());
            command.setWrapText(true);
            command.getStyleClass().add("step-command");
            box.getChildren().add(command);
        }
        if (step.detail() != null && !step.detail().isBlank()) {
            Label detail = new Label(step.detail());
            detail.setWrapText(true);
            detail.getStyleClass().add("step-detail");
            box.getChildren().add(detail);
        }
        return box;
    }

    private void showChecklist(DecisionChecklist list) {
        if (list == null) {
            criteria.getChildren().clear();
            return;
        }
        List<DecisionChecklist.Item> items = list.items();
        boolean rebuild = criteria.getChildren().size() != Math.max(1, items.size())
                || !list.runbook().id().equals(criteria.getProperties().get("runbook"));
        if (rebuild) {
            criteria.getChildren().clear();
            criteria.getProperties().put("runbook", list.runbook().id());
            if (items.isEmpty()) {
                Label none = new Label("This runbook names no decision criteria.");
                none.getStyleClass().add("rollback-meta");
                criteria.getChildren().add(none);
                return;
            }
            for (DecisionChecklist.Item item : items) {
                String id = item.criterion().id();
                CheckBox box = new CheckBox(item.criterion().text());
                box.setId("rollback-criterion-" + nodeId(id));
                box.setWrapText(true);
                box.setOnAction(e -> {
                    model.tick(id, box.isSelected());
                    // What shows is what the journal holds: the tick appears once it is recorded.
                    DecisionChecklist now = model.checklistProperty().get();
                    box.setSelected(now != null && now.isTicked(id));
                });
                criteria.getChildren().add(box);
            }
        }
        for (int i = 0; i < items.size(); i++) {
            ((CheckBox) criteria.getChildren().get(i)).setSelected(items.get(i).ticked());
        }
    }

    private void showFields(List<RollbackViewModel.Field> fields) {
        RollbackTarget target = model.selectedProperty().get();
        List<String> shape = new ArrayList<>();
        shape.add(target == null ? "" : target.procedure().id());
        fields.forEach(f -> shape.add(f.name()));
        if (!shape.equals(formShape)) {
            buildForm(fields);
            formShape = shape;
        }
        updating = true;
        try {
            for (RollbackViewModel.Field field : fields) {
                rows.get(field.name()).update(field);
            }
        } finally {
            updating = false;
        }
        if (validation != null) {
            validation.revalidate();
        }
    }

    private void buildForm(List<RollbackViewModel.Field> fields) {
        form.getChildren().clear();
        rows.clear();
        validation = new ValidationSupport();
        if (fields.isEmpty()) {
            Label none = new Label("This procedure needs no values.");
            none.getStyleClass().add("rollback-meta");
            form.getChildren().add(none);
            return;
        }
        for (RollbackViewModel.Field field : fields) {
            ParameterRow parameterRow = new ParameterRow(field.state().parameter());
            rows.put(field.name(), parameterRow);
            form.getChildren().add(parameterRow.block);
            String name = field.name();
            // The view model owns validation; ControlsFX only draws what it says.
            validation.registerValidator(parameterRow.control(), false, (Control control, Object value) -> {
                String problem = problemOf(name);
                return ValidationResult.fromErrorIf(control, problem == null ? "" : name + ": " + problem,
                        problem != null);
            });
        }
    }

    private String problemOf(String name) {
        return model.fieldsProperty().get().stream().filter(f -> f.name().equals(name)).findFirst()
                .map(RollbackViewModel.Field::problem).orElse(null);
    }

    private void showProcedureProblems(List<String> problems) {
        procedureProblems.getChildren().setAll(problems.stream().map(p -> {
            Label label = new Label(p);
            label.setWrapText(true);
            label.getStyleClass().add("field-problem");
            return label;
        }).toList());
    }

    /** The console box takes room only once something runs; before that it is a few lines high. */
    private void showConsole(boolean used) {
        VBox.setVgrow(console, used ? javafx.scene.layout.Priority.ALWAYS : javafx.scene.layout.Priority.NEVER);
        console.setPrefRowCount(used ? 12 : 3);
    }

    /**
     * The script with its comment header folded into one line, so the commands to run are what the preview shows
     * first. Copy, save and run use the whole script.
     */
    static String folded(String script) {
        List<String> lines = List.of(script.split("\n", -1));
        int start = 0;
        while (start < lines.size() && (lines.get(start).startsWith("#!") || lines.get(start).startsWith("set "))) {
            start++;
        }
        int from = start;
        while (from < lines.size() && lines.get(from).isBlank()) {
            from++;
        }
        int to = from;
        while (to < lines.size() && lines.get(to).startsWith("#")) {
            to++;
        }
        if (to - from < 3) {
            return script;
        }
        List<String> out = new java.util.ArrayList<>(lines.subList(0, start));
        out.add("# [" + (to - from) + " header lines folded: incident, operator, values — copied and saved in full]");
        out.addAll(lines.subList(to, lines.size()));
        return String.join("\n", out);
    }

    private void showScript(GeneratedScript script) {
        preview.setText(script == null ? "" : folded(script.text()));
        copy.setDisable(script == null);
        save.setDisable(script == null);
    }

    private void showRunning(boolean running) {
        cancel.setDisable(!running);
        console.pseudoClassStateChanged(RUNNING, running);
        runStatus.pseudoClassStateChanged(RUNNING, running);
        targets.setDisable(running);
    }

    private void showResult(RunResult result) {
        boolean failed = result != null && !result.succeeded();
        runStatus.pseudoClassStateChanged(FAILED, failed);
        console.pseudoClassStateChanged(FAILED, failed);
    }

    private void showDirectoryProblem(String text) {
        workingDirectoryProblem.setText(text);
        workingDirectoryProblem.setVisible(!text.isEmpty());
        workingDirectoryProblem.setManaged(!text.isEmpty());
        workingDirectory.pseudoClassStateChanged(INVALID, !text.isEmpty());
    }

    private void drainOutput() {
        List<String> lines = model.drainOutput();
        if (lines.isEmpty()) {
            return;
        }
        StringBuilder text = new StringBuilder();
        lines.forEach(line -> text.append(line).append('\n'));
        console.appendText(text.toString());
        int excess = console.getLength() - CONSOLE_LIMIT;
        if (excess > 0) {
            int cut = console.getText().indexOf('\n', excess);
            console.deleteText(0, cut < 0 ? excess : cut + 1);
        }
    }

    @FXML
    private void onGenerate() {
        if (!generate.isDisabled()) {
            model.generate();
        }
    }

    @FXML
    private void onCopy() {
        GeneratedScript script = model.scriptProperty().get();
        if (script == null) {
            return;
        }
        ClipboardContent content = new ClipboardContent();
        content.putString(script.text());
        Clipboard.getSystemClipboard().setContent(content);
        model.copied();
    }

    @FXML
    private void onSave() {
        if (model.scriptProperty().get() == null) {
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save Rollback Script");
        chooser.setInitialFileName(model.suggestedFileName());
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Shell scripts (*.sh)", "*.sh"));
        File file = chooser.showSaveDialog(root.getScene() == null ? null : root.getScene().getWindow());
        if (file != null) {
            model.save(file.toPath());
        }
    }

    @FXML
    private void onRun() {
        GeneratedScript script = model.scriptProperty().get();
        if (script == null || !model.canRunProperty().get()) {
            return;
        }
        confirmation(script).show();
    }

    /** Shows the exact script; Run must be chosen explicitly (Enter and Esc both mean "do not run"). */
    Alert confirmation(GeneratedScript script) {
        ButtonType runIt = new ButtonType("Run this script", ButtonBar.ButtonData.OTHER);
        ButtonType keep = new ButtonType("Do not run", ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "", keep, runIt);
        alert.setTitle("Run rollback script?");
        alert.setHeaderText(script.mode() == ScriptMode.DRY_RUN
                ? "Dry run: bash prints each command of " + script.procedureId() + " instead of running it."
                : model.runsThroughStubs()
                ? "DRILL: run " + script.procedureId() + " through the drill's stubs? Each command is printed and "
                + "recorded; nothing real runs."
                : "Run " + script.procedureId() + " with bash in " + model.workingDirectoryProperty().get().strip()
                + "? Its commands really run" + (model.drill() ? " (run for real was chosen in this drill)." : "."));
        Label intro = new Label("This exact script runs (sha256 " + script.sha256() + "). Read it before you confirm:");
        intro.setWrapText(true);
        TextArea text = new TextArea(script.text());
        text.setEditable(false);
        text.setId("run-confirmation-script");
        text.getStyleClass().add("script-preview");
        text.setPrefRowCount(18);
        text.setPrefColumnCount(90);
        VBox content = new VBox(8, intro, text);
        List<String> unsafe = model.unsafeStepsProperty().get();
        if (!unsafe.isEmpty()) {
            Label warning = new Label("UNSAFE: the plan marks " + (unsafe.size() == 1 ? "this step" : "these steps")
                    + " as handing a value to something that runs it as code — " + String.join("; ", unsafe)
                    + ". Check every value in the script before you run it.");
            warning.setWrapText(true);
            warning.setId("run-confirmation-unsafe");
            warning.getStyleClass().add("unsafe-warning");
            content.getChildren().add(0, warning);
        }
        VBox.setVgrow(text, Priority.ALWAYS);
        alert.getDialogPane().setContent(content);
        alert.getDialogPane().getStyleClass().add("run-confirmation");
        alert.getDialogPane().pseudoClassStateChanged(UNSAFE, !unsafe.isEmpty());
        if (root.getScene() != null) {
            alert.initOwner(root.getScene().getWindow());
            alert.getDialogPane().getStylesheets().setAll(root.getScene().getStylesheets());
        }
        Button runButton = (Button) alert.getDialogPane().lookupButton(runIt);
        runButton.setId("run-confirm");
        runButton.setDefaultButton(false);
        runButton.getStyleClass().add("run-button");
        Button keepButton = (Button) alert.getDialogPane().lookupButton(keep);
        keepButton.setId("run-abort");
        keepButton.setDefaultButton(true);
        ((Stage) alert.getDialogPane().getScene().getWindow()).getProperties().put(DIALOG_KEY, "run-confirmation");
        alert.resultProperty().addListener((obs, old, result) -> {
            if (result == runIt) {
                model.run();
            }
        });
        alert.setOnShown(e -> keepButton.requestFocus());
        return alert;
    }

    @FXML
    private void onCancel() {
        model.cancel();
    }

    private static void hideWhenEmpty(Label label) {
        label.managedProperty().bind(label.textProperty().isNotEmpty());
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
    }

    /** Plan ids may contain dots; node ids may not. */
    static String nodeId(String planId) {
        return planId.replaceAll("[^A-Za-z0-9_-]", "-");
    }

    /** One parameter: name, rule and where the value came from; its editor; why it is invalid; its description. */
    private final class ParameterRow {
        private final VBox block = new VBox(3);
        private final Label origin = new Label();
        private final TextField field;
        private final ChoiceBox<String> choice;
        private final Label problem = new Label();

        ParameterRow(Parameter parameter) {
            String name = parameter.name();
            Label title = new Label(name + (parameter.isRequired() ? "" : "  (optional)"));
            title.getStyleClass().add("parameter-name");
            title.setMinWidth(Region.USE_PREF_SIZE);
            Label rule = new Label("— " + io.incidentconsole.plan.ParameterRules.rule(parameter.type()));
            rule.getStyleClass().add("parameter-rule");
            rule.setWrapText(true);
            Region gap = new Region();
            HBox.setHgrow(gap, Priority.ALWAYS);
            origin.setId("param-origin-" + nodeId(name));
            origin.getStyleClass().add("parameter-origin");
            origin.setMinWidth(Region.USE_PREF_SIZE);
            HBox heading = new HBox(8, title, rule, gap, origin);
            heading.setAlignment(javafx.geometry.Pos.BASELINE_LEFT);
            block.getChildren().add(heading);
            block.getStyleClass().add("parameter-row");
            if (parameter.type() == ParameterType.CHOICE) {
                choice = new ChoiceBox<>();
                choice.getItems().setAll(parameter.choices());
                choice.setId("param-" + nodeId(name));
                choice.valueProperty().addListener((obs, old, value) -> {
                    if (!updating) {
                        model.setValue(name, value);
                    }
                });
                field = null;
                block.getChildren().add(choice);
                title.setLabelFor(choice);
            } else {
                choice = null;
                field = new TextField();
                field.setId("param-" + nodeId(name));
                field.getStyleClass().add("parameter-field");
                field.textProperty().addListener((obs, old, value) -> {
                    if (!updating) {
                        model.setValue(name, value);
                    }
                });
                block.getChildren().add(field);
                title.setLabelFor(field);
            }
            problem.setId("param-problem-" + nodeId(name));
            problem.getStyleClass().add("field-problem");
            problem.setWrapText(true);
            block.getChildren().add(problem);
            if (parameter.description() != null && !parameter.description().isBlank()) {
                Label description = new Label(parameter.description());
                description.getStyleClass().add("parameter-description");
                description.setWrapText(true);
                block.getChildren().add(description);
            }
        }

        Control control() {
            return field != null ? field : choice;
        }

        void update(RollbackViewModel.Field state) {
            String value = state.state().value();
            if (field != null && !field.getText().equals(value)) {
                field.setText(value);
            } else if (choice != null && !value.equals(choice.getValue())) {
                choice.setValue(value.isEmpty() ? null : value);
            }
            String reason = state.problem();
            problem.setText(reason == null ? "" : reason);
            problem.setVisible(reason != null);
            problem.setManaged(reason != null);
            control().pseudoClassStateChanged(INVALID, reason != null);
            origin.setText(state.origin());
        }
    }

    /** "If Phase 1 Causes Issues" over "rb330 · undoes p330-1". */
    private static final class TargetCell extends ListCell<RollbackTarget> {
        private final RollbackViewModel model;

        TargetCell(RollbackViewModel model) {
            this.model = model;
        }

        @Override
        protected void updateItem(RollbackTarget target, boolean empty) {
            super.updateItem(target, empty);
            if (empty || target == null) {
                setText(null);
                setId(null);
                pseudoClassStateChanged(AT_RISK, false);
                return;
            }
            boolean risky = model.atRiskProperty().get().contains(target.procedure().id());
            pseudoClassStateChanged(AT_RISK, risky);
            String title = target.procedure().title() == null ? target.procedure().id() : target.procedure().title();
            setText((risky ? "⚠ Phase at risk\n" : "") + title + "\n" + target.runbook().id() + " · "
                    + target.procedure().id());
            setWrapText(true);
            setPrefWidth(0);
            setId("rollback-target-" + nodeId(target.procedure().id()));
        }
    }
}
