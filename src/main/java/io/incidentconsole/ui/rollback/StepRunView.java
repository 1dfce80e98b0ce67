package io.incidentconsole.ui.rollback;

import io.incidentconsole.incident.EventPayload.StepDecision;
import io.incidentconsole.rollback.StepStatus;
import io.incidentconsole.ui.common.FxmlViews;
import io.incidentconsole.ui.rollback.StepRunViewModel.Prompt;
import io.incidentconsole.ui.rollback.StepRunViewModel.Row;
import javafx.animation.AnimationTimer;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The step-by-step run, hosted by the rollback area under the procedure: each step's exact command and how it
 * ended, and the choices at the step the run is at. Only the buttons that apply are shown.
 */
public final class StepRunView {

    private static final PseudoClass CURRENT = PseudoClass.getPseudoClass("current");
    private static final Set<String> STATES = Set.of("succeeded", "done", "failed", "unknown", "running", "skipped");

    private final StepRunViewModel model;
    private final List<Runnable> detach = new ArrayList<>();
    private String editingFor;
    private final AnimationTimer drain = new AnimationTimer() {
        @Override
        public void handle(long now) {
            drainOutput();
        }
    };

    @FXML
    private VBox root;
    @FXML
    private Label summary;
    @FXML
    private VBox rows;
    @FXML
    private VBox panel;
    @FXML
    private Label promptTitle;
    @FXML
    private Label promptCommand;
    @FXML
    private Button runStep;
    @FXML
    private Button cancelStep;
    @FXML
    private Button ran;
    @FXML
    private Button didNotRun;
    @FXML
    private Button runAgain;
    @FXML
    private Button markDone;
    @FXML
    private FlowPane editRow;
    @FXML
    private ComboBox<String> editParameter;
    @FXML
    private TextField editValue;
    @FXML
    private Button retryWith;
    @FXML
    private FlowPane skipRow;
    @FXML
    private TextField reason;
    @FXML
    private Button skip;
    @FXML
    private Button abort;
    @FXML
    private Label message;
    @FXML
    private TextArea output;

    public StepRunView(StepRunViewModel model) {
        this.model = model;
        FxmlViews.load(this);
        root.setId("step-run");
        rows.setId("step-rows");
        panel.setId("step-panel");
        promptTitle.setId("step-prompt");
        promptCommand.setId("step-next-command");
        runStep.setId("step-run-button");
        cancelStep.setId("step-cancel");
        ran.setId("step-ran");
        didNotRun.setId("step-did-not-run");
        runAgain.setId("step-run-again");
        markDone.setId("step-mark-done");
        editParameter.setId("step-edit-parameter");
        editValue.setId("step-edit-value");
        retryWith.setId("step-retry-with");
        reason.setId("step-reason");
        skip.setId("step-skip");
        abort.setId("step-abort");
        message.setId("step-message");
        output.setId("step-output");
        summary.setId("step-summary");
        output.setPromptText("A running step's output shows here; the full log is kept in the incident folder.");
        for (Node node : List.of(runStep, cancelStep, ran, didNotRun, runAgain, markDone, editRow, skipRow, message,
                promptCommand)) {
            node.managedProperty().bind(node.visibleProperty());
        }
        skip.disableProperty().bind(reason.textProperty().map(String::isBlank));
        editParameter.valueProperty().addListener((obs, old, name) -> {
            if (name != null) {
                editValue.setText(model.valueOf(name));
            }
        });
    }

    public Node root() {
        return root;
    }

    public void activate() {
        listen(model.rowsProperty(), (obs, old, list) -> showRows(list));
        listen(model.promptProperty(), (obs, old, p) -> showPrompt());
        listen(model.currentProperty(), (obs, old, row) -> showPrompt());
        listen(model.summaryProperty(), (obs, old, text) -> summary.setText(text));
        listen(model.messageProperty(), (obs, old, text) -> showMessage(text));
        listen(model.outputGenerationProperty(), (obs, old, generation) -> output.clear());
        model.activate();
        showRows(model.rowsProperty().get());
        showPrompt();
        summary.setText(model.summaryProperty().get());
        showMessage(model.messageProperty().get());
        drain.start();
    }

    public void deactivate() {
        drain.stop();
        drainOutput();
        detach.forEach(Runnable::run);
        detach.clear();
        model.deactivate();
    }

    private <T> void listen(ObservableValue<T> value, ChangeListener<T> listener) {
        value.addListener(listener);
        detach.add(() -> value.removeListener(listener));
    }

    private void drainOutput() {
        List<String> lines = model.drainOutput();
        if (!lines.isEmpty()) {
            output.appendText(String.join("\n", lines) + "\n");
        }
    }

    private void showMessage(String text) {
        message.setText(text);
        message.setVisible(text != null && !text.isBlank());
    }

    private void showRows(List<Row> list) {
        List<Node> nodes = new ArrayList<>();
        for (Row row : list) {
            Label badge = new Label(badgeText(row));
            badge.setMinWidth(Region.USE_PREF_SIZE);
            badge.getStyleClass().add("step-badge");
            String state = stateName(row);
            STATES.forEach(s -> badge.pseudoClassStateChanged(PseudoClass.getPseudoClass(s), s.equals(state)));
            Label title = new Label(row.step().number() + ". " + (row.step().title() == null ? "" : row.step().title())
                    + (row.step().manual() ? " (manual)" : ""));
            title.getStyleClass().add("step-title");
            title.setWrapText(true);
            VBox text = new VBox(2, title);
            if (!row.step().manual()) {
                Label command = new Label(row.step().command());
                command.getStyleClass().add("step-command");
                command.setWrapText(true);
                text.getChildren().add(command);
            }
            String detail = row.unknown() ? "outcome unknown: check before retrying (started by "
                    + row.state().operator() + ")" : row.detail();
            if (!detail.isBlank()) {
                Label detailLabel = new Label(detail);
                detailLabel.getStyleClass().add("step-detail");
                detailLabel.setWrapText(true);
                text.getChildren().add(detailLabel);
            }
            if (row.state().outputTail() != null && !row.state().outputTail().isBlank()
                    && row.state().status() == StepStatus.FAILED) {
                Label tail = new Label(lastLines(row.state().outputTail(), 3));
                tail.getStyleClass().add("step-command");
                tail.setWrapText(true);
                text.getChildren().add(tail);
            }
            HBox.setHgrow(text, Priority.ALWAYS);
            HBox line = new HBox(10, badge, text);
            line.getStyleClass().add("step-row");
            line.setId("step-row-" + row.step().number());
            line.pseudoClassStateChanged(CURRENT, row.current());
            nodes.add(line);
        }
        rows.getChildren().setAll(nodes);
    }

    private static String badgeText(Row row) {
        if (row.runningHere()) {
            return "RUNNING";
        }
        if (row.unknown()) {
            return "UNKNOWN";
        }
        return switch (row.state().status()) {
            case NOT_RUN -> "NOT RUN";
            case STARTED -> "STARTED";
            case SUCCEEDED -> "SUCCEEDED";
            case FAILED -> row.state().timedOut() ? "TIMED OUT" : "FAILED";
            case SKIPPED -> "SKIPPED";
            case MARKED_RAN -> "MARKED RAN";
        };
    }

    private static String stateName(Row row) {
        if (row.runningHere()) {
            return "running";
        }
        if (row.unknown()) {
            return "unknown";
        }
        return switch (row.state().status()) {
            case SUCCEEDED -> "succeeded";
            case MARKED_RAN -> "done";
            case FAILED -> "failed";
            case SKIPPED -> "skipped";
            default -> "";
        };
    }

    private static String lastLines(String text, int count) {
        List<String> lines = text.lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - count), lines.size()));
    }

    private void showPrompt() {
        Prompt prompt = model.promptProperty().get();
        Row row = model.currentProperty().get();
        if (row == null && (prompt == Prompt.FAILED || prompt == Prompt.UNKNOWN || prompt == Prompt.MANUAL)) {
            return; // the model is between its two updates; the prompt's own change follows at once
        }
        panel.setVisible(prompt != Prompt.UNAVAILABLE);
        panel.setManaged(prompt != Prompt.UNAVAILABLE);
        panel.pseudoClassStateChanged(PseudoClass.getPseudoClass("failed"), prompt == Prompt.FAILED);
        panel.pseudoClassStateChanged(PseudoClass.getPseudoClass("unknown"), prompt == Prompt.UNKNOWN);
        String number = row == null ? "1" : String.valueOf(row.step().number());
        promptTitle.setText(switch (prompt) {
            case UNAVAILABLE -> "";
            case FIX_VALUES -> "Fill in every parameter: no step runs with a missing or invalid value.";
            case READY -> row == null ? "Next: step 1 of a new run" : "Next: step " + number
                    + (row.step().title() == null ? "" : " — " + row.step().title());
            case RUNNING -> "Step " + number + " is running…";
            case FAILED -> "Step " + number + " " + (row.state().timedOut() ? "timed out" : "failed")
                    + (row.state().exitCode() == null ? "" : " (exit code " + row.state().exitCode() + ")")
                    + ". The run stopped here.";
            case UNKNOWN -> "Step " + number + ": outcome unknown — check before retrying. The console stopped while"
                    + " it ran" + (row.state().operator() == null ? "" : " (started by " + row.state().operator() + ")")
                    + ". Did it run?";
            case MANUAL -> "Step " + number + " is done by hand" + (row.step().title() == null ? ""
                    : ": " + row.step().title()) + ". Mark it done when it is.";
            case COMPLETE -> "Every step is done.";
            case ABORTED -> "The run was aborted.";
        });
        boolean hasCommand = row != null && !row.step().manual() && prompt != Prompt.FIX_VALUES;
        promptCommand.setVisible(hasCommand);
        promptCommand.setText(hasCommand ? "$ " + row.step().command() : "");
        runStep.setVisible(prompt == Prompt.READY || prompt == Prompt.FAILED || prompt == Prompt.COMPLETE
                || prompt == Prompt.ABORTED);
        runStep.setText(prompt == Prompt.FAILED ? "Retry step " + number
                : prompt == Prompt.COMPLETE || prompt == Prompt.ABORTED ? "Start a new run (step 1)"
                : "Run step " + number);
        cancelStep.setVisible(prompt == Prompt.RUNNING);
        ran.setVisible(prompt == Prompt.UNKNOWN);
        didNotRun.setVisible(prompt == Prompt.UNKNOWN);
        runAgain.setVisible(prompt == Prompt.UNKNOWN);
        markDone.setVisible(prompt == Prompt.MANUAL);
        editRow.setVisible(prompt == Prompt.FAILED && !model.parameterNames().isEmpty());
        skipRow.setVisible(prompt == Prompt.FAILED || prompt == Prompt.MANUAL || prompt == Prompt.UNKNOWN
                || prompt == Prompt.READY && row != null && model.rowsProperty().get().stream()
                .anyMatch(r -> r.state().status() != StepStatus.NOT_RUN));
        abort.setVisible(prompt == Prompt.FAILED || prompt == Prompt.UNKNOWN || prompt == Prompt.MANUAL
                || prompt == Prompt.READY);
        keepFocusInPanel(prompt);
        if (editRow.isVisible()) {
            List<String> names = model.parameterNames();
            if (!editParameter.getItems().equals(names)) {
                editParameter.getItems().setAll(names);
            }
            String failedStep = row.step().stepId() + "#" + row.state().attempts();
            if (!failedStep.equals(editingFor) || editParameter.getValue() == null
                    || !names.contains(editParameter.getValue())) {
                // A new failure: offer the value the failing step uses first.
                editingFor = failedStep;
                editParameter.setValue(names.get(0));
            }
        }
    }

    /**
     * The button the operator was on is hidden while a step runs; when the prompt changes, the keyboard goes to
     * the choice that continues (never to a decision about an unknown outcome: that one must be picked).
     */
    private void keepFocusInPanel(Prompt prompt) {
        if (root.getScene() == null) {
            return;
        }
        Node owner = root.getScene().getFocusOwner();
        boolean inPanel = owner != null && (owner == reason || owner == runStep || owner == cancelStep
                || owner == markDone || owner == ran || owner == didNotRun || owner == runAgain || !owner.isVisible());
        if (!inPanel || reason.isFocused() && !reason.getText().isBlank()) {
            return;
        }
        if (runStep.isVisible()) {
            runStep.requestFocus();
        } else if (markDone.isVisible()) {
            markDone.requestFocus();
        } else if (cancelStep.isVisible()) {
            cancelStep.requestFocus();
        }
    }

    @FXML
    private void onRun() {
        model.runStep();
    }

    @FXML
    private void onCancel() {
        model.cancel();
    }

    @FXML
    private void onRan() {
        model.decide(StepDecision.RAN);
    }

    @FXML
    private void onDidNotRun() {
        model.decide(StepDecision.DID_NOT_RUN);
    }

    @FXML
    private void onRunAgain() {
        model.decide(StepDecision.RETRY);
    }

    @FXML
    private void onMarkDone() {
        model.decide(StepDecision.RAN);
    }

    @FXML
    private void onRetryWith() {
        model.retryWith(editParameter.getValue(), editValue.getText());
    }

    @FXML
    private void onSkip() {
        model.skip(reason.getText());
        reason.clear();
    }

    @FXML
    private void onAbort() {
        model.abort(reason.getText());
        reason.clear();
    }
}
