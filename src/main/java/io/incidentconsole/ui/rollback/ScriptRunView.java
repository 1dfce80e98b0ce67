package io.incidentconsole.ui.rollback;

import io.incidentconsole.rollback.GeneratedScript;
import io.incidentconsole.rollback.RunResult;
import io.incidentconsole.rollback.ScriptMode;
import io.incidentconsole.ui.common.FxmlViews;
import javafx.animation.AnimationTimer;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;

import java.io.File;
import java.util.ArrayList;
import java.util.List;

/**
 * The rollback area's right column: Generate (Ctrl+G), dry run, Copy (Ctrl+Shift+C), Save and Run the whole script of
 * the selected procedure, its preview, and the console that shows a run's output live. Only wires the view model
 * to nodes.
 */
final class ScriptRunView {

    private static final PseudoClass RUNNING = PseudoClass.getPseudoClass("running");
    private static final PseudoClass FAILED = PseudoClass.getPseudoClass("failed");
    private static final PseudoClass UNSAFE = PseudoClass.getPseudoClass("unsafe");
    /** The console pane keeps about this many characters; older output is in the journal's tail and the terminal. */
    private static final int CONSOLE_LIMIT = 400_000;
    private static final KeyCombination GENERATE = new KeyCodeCombination(KeyCode.G, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination COPY = new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN,
            KeyCombination.SHIFT_DOWN);

    private final RollbackViewModel model;
    private final List<Runnable> detach = new ArrayList<>();
    private final AnimationTimer drain = new AnimationTimer() {
        @Override
        public void handle(long now) {
            drainOutput();
        }
    };
    private Scene acceleratorScene;

    @FXML
    private VBox root;
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

    ScriptRunView(RollbackViewModel model) {
        this.model = model;
        FxmlViews.load(this);
        generate.setId("rollback-generate");
        dryRun.setId("rollback-dry-run");
        copy.setId("rollback-copy");
        save.setId("rollback-save");
        run.setId("rollback-run");
        message.setId("rollback-message");
        preview.setId("rollback-preview");
        runStatus.setId("rollback-run-status");
        cancel.setId("rollback-cancel");
        console.setId("rollback-console");
        hideWhenEmpty(runStatus);
        hideWhenEmpty(message);
        preview.setPromptText("Fill in the parameters, then Generate (Ctrl+G) to see the exact script here.");
        console.setPromptText("Run… shows the script's output here as it runs. Nothing runs without your confirmation.");
        run.setDefaultButton(false);
        VBox.setVgrow(root, Priority.ALWAYS);
    }

    Node root() {
        return root;
    }

    void activate() {
        listen(model.canGenerateProperty(), (obs, old, can) -> generate.setDisable(!can));
        listen(model.scriptProperty(), (obs, old, script) -> showScript(script));
        listen(model.canRunProperty(), (obs, old, can) -> run.setDisable(!can));
        listen(model.runningProperty(), (obs, old, running) -> showRunning(running));
        listen(model.runStatusProperty(), (obs, old, text) -> runStatus.setText(text));
        listen(model.lastResultProperty(), (obs, old, result) -> showResult(result));
        listen(model.runCountProperty(), (obs, old, count) -> {
            console.clear();
            showConsole(true);
        });
        listen(model.messageProperty(), (obs, old, text) -> message.setText(text));
        dryRun.selectedProperty().bindBidirectional(model.dryRunProperty());
        detach.add(() -> dryRun.selectedProperty().unbindBidirectional(model.dryRunProperty()));
        ChangeListener<Scene> sceneChanged = (obs, old, scene) -> installAccelerators(scene);
        root.sceneProperty().addListener(sceneChanged);
        detach.add(() -> root.sceneProperty().removeListener(sceneChanged));
        installAccelerators(root.getScene());
        detach.add(() -> installAccelerators(null));

        showScript(model.scriptProperty().get());
        generate.setDisable(!model.canGenerateProperty().get());
        run.setDisable(!model.canRunProperty().get());
        showRunning(model.runningProperty().get());
        runStatus.setText(model.runStatusProperty().get());
        showResult(model.lastResultProperty().get());
        message.setText(model.messageProperty().get());
        drain.start();
    }

    void deactivate() {
        drain.stop();
        drainOutput();
        detach.forEach(Runnable::run);
        detach.clear();
    }

    private <T> void listen(ObservableValue<T> value, ChangeListener<T> listener) {
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

    /** The console box takes room only once something runs; before that it is a few lines high. */
    private void showConsole(boolean used) {
        VBox.setVgrow(console, used ? Priority.ALWAYS : Priority.NEVER);
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
        List<String> out = new ArrayList<>(lines.subList(0, start));
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
    }

    private void showResult(RunResult result) {
        boolean failed = result != null && !result.succeeded();
        runStatus.pseudoClassStateChanged(FAILED, failed);
        console.pseudoClassStateChanged(FAILED, failed);
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

    @FXML
    private void onCancel() {
        model.cancel();
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
        ((Stage) alert.getDialogPane().getScene().getWindow()).getProperties().put(RollbackView.DIALOG_KEY,
                "run-confirmation");
        alert.resultProperty().addListener((obs, old, result) -> {
            if (result == runIt) {
                model.run();
            }
        });
        alert.setOnShown(e -> keepButton.requestFocus());
        return alert;
    }

    private static void hideWhenEmpty(Label label) {
        label.managedProperty().bind(label.textProperty().isNotEmpty());
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
    }
}
