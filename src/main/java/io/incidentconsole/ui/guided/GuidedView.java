package io.incidentconsole.ui.guided;

import io.incidentconsole.ui.board.PhaseCardNode;
import io.incidentconsole.ui.common.AreaView;
import io.incidentconsole.ui.common.FocusScrolling;
import io.incidentconsole.ui.common.FxmlViews;
import io.incidentconsole.ui.common.InlineText;

import io.incidentconsole.guided.AuditResult;
import io.incidentconsole.guided.DecisionWalk;
import io.incidentconsole.guided.StepCommand;
import io.incidentconsole.guided.WaitClock;
import io.incidentconsole.incident.IncidentState;
import io.incidentconsole.incident.PhaseState;
import io.incidentconsole.plan.AuditGate;
import io.incidentconsole.plan.DecisionTree;
import io.incidentconsole.plan.FieldExpectation;
import io.incidentconsole.plan.GuidedStep;
import io.incidentconsole.plan.Metric;
import io.incidentconsole.plan.Parameter;
import io.incidentconsole.plan.ParameterRules;
import io.incidentconsole.plan.Phase;
import io.incidentconsole.plan.Plan;
import io.incidentconsole.plan.QuantityFormat;
import io.incidentconsole.plan.SignOff;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.value.ChangeListener;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Guided mode: one step at a time in large type, with the phase's audit gate, the plan's decisions and the
 * approvals to sign below. Rebuilt from the view model when the incident changes; the focused control (found
 * again by its id) keeps the focus, so the operator can work from the keyboard alone.
 */
public final class GuidedView implements AreaView {

    private static final PseudoClass WAITING = PseudoClass.getPseudoClass("waiting");
    private static final PseudoClass PASSED = PseudoClass.getPseudoClass("passed");
    private static final PseudoClass FAILED = PseudoClass.getPseudoClass("failed");
    private static final PseudoClass DONE = PseudoClass.getPseudoClass("done");
    private static final PseudoClass CURRENT = PseudoClass.getPseudoClass("current");
    private static final PseudoClass STALE = PseudoClass.getPseudoClass("stale");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MMM d HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final GuidedViewModel model;
    private final ChangeListener<GuidedViewModel.Page> pageChanged = (obs, old, page) -> onPage(old, page);
    private final Timeline ticker = new Timeline(new KeyFrame(Duration.seconds(1), e -> tick()));
    private final Map<String, Label> parameterProblems = new HashMap<>();
    /** The live value label beside each "Watch" metric of the shown step, by metric id. */
    private final Map<String, Label> watchValues = new HashMap<>();
    private final ChangeListener<Map<String, io.incidentconsole.guided.WatchReading>> watchChanged =
            (obs, old, now) -> showWatch(now);
    private Label commandText;
    private Label commandProblem;
    private Button copyButton;
    private Label countdown;
    private WaitClock.State shownWait;
    private String message = "";
    private boolean focusNextWhenRendered;
    private String messageFor;
    private boolean choosing;
    private boolean swallowTyped;

    @FXML
    private ScrollPane scroller;
    @FXML
    private ComboBox<Phase> phaseChoice;
    @FXML
    private Label noIncident;
    @FXML
    private VBox stepList;
    @FXML
    private VBox stepBox;
    @FXML
    private VBox auditBox;
    @FXML
    private VBox decisionsBox;
    @FXML
    private VBox signOffBox;

    public GuidedView(GuidedViewModel model) {
        this.model = model;
        FxmlViews.load(this);
        scroller.setId("guided-mode");
        phaseChoice.setId("guided-phase-choice");
        phaseChoice.setCellFactory(list -> new PhaseCell());
        phaseChoice.setButtonCell(new PhaseCell());
        phaseChoice.valueProperty().addListener((obs, old, phase) -> {
            if (!choosing && phase != null) {
                model.open(phase.id());
            }
        });
        ticker.setCycleCount(Timeline.INDEFINITE);
        // Enter is taken before the focused control sees it (a check box would swallow it); text fields keep it
        // and hand it on when they have no action of their own, which the handler then takes.
        scroller.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER && !(e.getTarget() instanceof TextInputControl)) {
                onKey(e);
            }
        });
        scroller.addEventHandler(KeyEvent.KEY_PRESSED, this::onKey);
        // X moves the focus into the reason field on key press; the letter it types must not land there.
        scroller.addEventFilter(KeyEvent.KEY_TYPED, e -> {
            if (swallowTyped) {
                swallowTyped = false;
                e.consume();
            }
        });
        FocusScrolling.follow(scroller);
    }

    /** Enter moves to the next step at once: the focus sits on Next (or on the page when there is none). */
    @Override
    public void focusFirstControl() {
        Node next = scroller.getContent().lookup("#guided-next");
        if (next != null && !next.isDisabled() && next.isVisible() && next.getScene() != null) {
            next.requestFocus();
        } else {
            // Not drawn yet (first visit): Next takes the focus when the page is rendered.
            scroller.requestFocus();
            focusNextWhenRendered = true;
        }
    }

    @Override
    public Node root() {
        return scroller;
    }

    @Override
    public void activate() {
        model.pageProperty().addListener(pageChanged);
        model.watchProperty().addListener(watchChanged);
        model.activate();
        onPage(null, model.pageProperty().get());
        ticker.play();
    }

    @Override
    public void deactivate() {
        ticker.stop();
        model.pageProperty().removeListener(pageChanged);
        model.watchProperty().removeListener(watchChanged);
        model.deactivate();
    }

    private void onPage(GuidedViewModel.Page old, GuidedViewModel.Page page) {
        String stepKey = page == null ? null : page.phase().id() + "/" + page.step().map(GuidedStep::id).orElse("");
        if (!java.util.Objects.equals(stepKey, messageFor)) {
            message = "";
            messageFor = stepKey;
        }
        render(page);
    }

    // ---- rendering ----

    private void render(GuidedViewModel.Page page) {
        Node focused = scroller.getScene() == null ? null : scroller.getScene().getFocusOwner();
        boolean focusedInside = focused != null && isInside(focused, scroller);
        String focusedId = focusedInside ? focused.getId() : null;
        parameterProblems.clear();
        watchValues.clear();
        commandText = null;
        commandProblem = null;
        copyButton = null;
        countdown = null;
        shownWait = null;
        if (page == null) {
            stepList.getChildren().clear();
            stepBox.getChildren().setAll(text("Open a plan to use guided mode.", "guided-detail"));
            List.of(auditBox, decisionsBox, signOffBox).forEach(b -> show(b, false));
            return;
        }
        choosing = true;
        try {
            phaseChoice.getItems().setAll(page.plan().phases());
            phaseChoice.setValue(page.phase());
        } finally {
            choosing = false;
        }
        show(noIncident, !page.live());
        renderStepList(page);
        renderStep(page);
        renderAudit(page);
        renderDecisions(page);
        renderSignOff(page);
        if (focusedInside || focusNextWhenRendered) {
            // Re-rendering replaced the focused control: keep the focus here, or it falls to the header's links.
            focusNextWhenRendered = false;
            Node again = focusedId == null ? null : scroller.getContent().lookup("#" + focusedId);
            Node target = again != null && !again.isDisabled() ? again : scroller.getContent().lookup("#guided-next");
            if (target != null) {
                target.requestFocus();
            }
        }
    }

    private void renderStepList(GuidedViewModel.Page page) {
        stepList.getChildren().clear();
        Label title = text(page.phase().label(), "guided-phase-name");
        title.setId("guided-phase-name");
        stepList.getChildren().add(title);
        List<GuidedStep> steps = page.progress().steps();
        int current = page.progress().currentIndex();
        for (int i = 0; i < steps.size(); i++) {
            GuidedStep step = steps.get(i);
            boolean done = page.progress().isDone(step.id());
            Node item = InlineText.of((done ? "✓ " : i == current ? "▶ " : "   ") + (i + 1) + ". " + step.title(),
                    "guided-step-item");
            item.pseudoClassStateChanged(DONE, done);
            item.pseudoClassStateChanged(CURRENT, i == current);
            stepList.getChildren().add(item);
        }
    }

    private void renderStep(GuidedViewModel.Page page) {
        stepBox.getChildren().clear();
        List<GuidedStep> steps = page.progress().steps();
        if (steps.isEmpty()) {
            stepBox.getChildren().add(text("The plan gives this phase no guided steps. Its tasks are on the phase "
                    + "board (Ctrl+2); its audit, decisions and approvals are below.", "guided-detail"));
            return;
        }
        Optional<GuidedStep> maybeStep = page.step();
        if (maybeStep.isEmpty()) {
            Label done = text("All " + steps.size() + " steps of " + page.phase().label() + " are done.", "guided-title");
            done.setId("guided-all-done");
            done.pseudoClassStateChanged(PASSED, true);
            stepBox.getChildren().add(done);
            renderCompletion(page);
            return;
        }
        GuidedStep step = maybeStep.get();
        int index = page.progress().currentIndex();
        Label counter = text("Step " + (index + 1) + " of " + steps.size(), "guided-counter");
        counter.setId("guided-step-counter");
        Node title = InlineText.of(step.title(), "guided-title");
        title.setId("guided-step-title");
        stepBox.getChildren().addAll(counter, title);
        if (step.detail() != null && !step.detail().isBlank()) {
            Node detail = InlineText.of(step.detail(), "guided-detail");
            detail.setId("guided-step-detail");
            stepBox.getChildren().add(detail);
        }
        if (step.command() != null && !step.command().isBlank()) {
            renderCommand(page, step);
        }
        if (!step.watch().isEmpty()) {
            stepBox.getChildren().add(text("Watch", "guided-subheading"));
            for (String metricId : step.watch()) {
                Label value = text("", "guided-watch-value");
                value.setId("guided-watch-value-" + PhaseCardNode.nodeId(metricId));
                watchValues.put(metricId, value);
                HBox line = new HBox(12, text("•  " + describeMetric(page.plan(), metricId), "guided-watch"), value);
                line.setAlignment(javafx.geometry.Pos.BASELINE_LEFT);
                stepBox.getChildren().add(line);
            }
            showWatch(model.watchProperty().get());
        }
        if (step.waitFor() != null) {
            renderWait(page, step);
        }
        if (!step.checks().isEmpty()) {
            stepBox.getChildren().add(text("Check before moving on", "guided-subheading"));
            for (int i = 0; i < step.checks().size(); i++) {
                int check = i;
                CheckBox box = new CheckBox(InlineText.plain(step.checks().get(i)));
                box.setId("guided-check-" + (i + 1));
                box.getStyleClass().add("guided-check");
                box.setMnemonicParsing(false);
                box.setWrapText(true);
                box.setSelected(model.isTicked(step, i));
                box.setDisable(!page.writable());
                box.selectedProperty().addListener((obs, was, now) -> model.setTicked(step, check, now));
                stepBox.getChildren().add(box);
            }
        }
        if (!step.records().isEmpty()) {
            stepBox.getChildren().add(text("Record", "guided-subheading"));
            stepBox.getChildren().add(form(page, step, step.records()));
        }
        Button next = new Button(step.waitFor() != null && model.waitStatus()
                .map(s -> s.state() == WaitClock.State.NOT_STARTED).orElse(false) ? "Start waiting (Enter)" : "Next (Enter)");
        next.setId("guided-next");
        next.getStyleClass().addAll("primary-action", "guided-next");
        next.setDisable(!page.writable());
        next.setOnAction(e -> onNext());
        Button wrong = new Button("Something is wrong (W)");
        wrong.setId("guided-wrong");
        wrong.getStyleClass().add("guided-wrong");
        wrong.setOnAction(e -> model.somethingWrong());
        Label shown = text(message, "guided-message");
        shown.setId("guided-message");
        stepBox.getChildren().addAll(new HBox(12, next, wrong), shown);
    }

    private void renderCommand(GuidedViewModel.Page page, GuidedStep step) {
        stepBox.getChildren().add(text("Command", "guided-subheading"));
        if (!step.parameters().isEmpty()) {
            stepBox.getChildren().add(form(page, step, step.parameters()));
        }
        commandText = text("", "guided-command");
        commandText.setId("guided-command");
        copyButton = new Button("Copy command (C)");
        copyButton.setId("guided-copy");
        copyButton.setMinWidth(Region.USE_PREF_SIZE);
        copyButton.setOnAction(e -> onCopy());
        HBox.setHgrow(commandText, Priority.ALWAYS);
        commandText.setMaxWidth(Double.MAX_VALUE);
        HBox line = new HBox(12, commandText, copyButton);
        line.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        commandProblem = text("", "guided-command-note");
        commandProblem.setId("guided-command-problem");
        stepBox.getChildren().addAll(line, commandProblem);
        updateCommand(step);
    }

    private GridPane form(GuidedViewModel.Page page, GuidedStep step, List<Parameter> fields) {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("guided-form");
        grid.setHgap(10);
        grid.setVgap(4);
        Map<String, String> values = model.values(step);
        int row = 0;
        for (Parameter parameter : fields) {
            Label name = text(parameter.name(), "guided-field-name");
            TextField field = new TextField(values.getOrDefault(parameter.name(), ""));
            field.setId("guided-param-" + PhaseCardNode.nodeId(parameter.name()));
            field.setPromptText(ParameterRules.rule(parameter.type()));
            field.setPrefColumnCount(28);
            field.setDisable(!page.writable());
            Label problem = text("", "validation-message");
            problem.setId("guided-param-problem-" + PhaseCardNode.nodeId(parameter.name()));
            parameterProblems.put(parameter.name(), problem);
            field.textProperty().addListener((obs, was, now) -> {
                model.setValue(step, parameter.name(), now);
                updateCommand(step);
            });
            Label description = text(parameter.description() == null ? "" : parameter.description(), "guided-field-help");
            grid.addRow(row++, name, field, problem);
            if (!description.getText().isEmpty()) {
                grid.add(description, 1, row++, 2, 1);
            }
        }
        updateProblems(step);
        return grid;
    }

    private void updateCommand(GuidedStep step) {
        updateProblems(step);
        if (commandText == null) {
            return;
        }
        StepCommand command = model.command(step);
        commandText.setText(command.ready() ? command.text() : step.command());
        commandText.pseudoClassStateChanged(FAILED, !command.ready());
        copyButton.setDisable(!command.ready());
        commandProblem.pseudoClassStateChanged(FAILED, !command.ready());
        commandProblem.setText(command.ready() ? "" : "Fill in the values above to get the command: "
                + String.join("; ", command.problems().entrySet().stream().map(e -> e.getKey() + " — " + e.getValue()).toList()));
    }

    private void updateProblems(GuidedStep step) {
        Map<String, String> problems = StepCommand.validate(GuidedViewModel.formFields(step), model.values(step));
        parameterProblems.forEach((name, label) -> label.setText(problems.getOrDefault(name, "")));
    }

    private void renderWait(GuidedViewModel.Page page, GuidedStep step) {
        WaitClock.Status status = model.waitStatus().orElseThrow();
        shownWait = status.state();
        VBox box = new VBox(8);
        box.getStyleClass().add("guided-wait");
        box.setId("guided-wait");
        switch (status.state()) {
            case NOT_STARTED -> {
                box.getChildren().add(text("A wait of " + hours(step.waitFor()) + ". Start waiting (S) records when it "
                        + "starts; the countdown is computed from the journal, so it carries on after a restart.",
                        "guided-detail"));
                Button start = new Button("Start waiting (S)");
                start.setId("guided-start-wait");
                start.setDisable(!page.writable());
                start.setOnAction(e -> model.startWait());
                box.getChildren().add(start);
            }
            case WAITING -> {
                countdown = text(WaitClock.format(status.remaining()), "guided-countdown");
                countdown.setId("guided-wait-remaining");
                countdown.pseudoClassStateChanged(WAITING, true);
                box.getChildren().addAll(countdown, text("left of " + hours(step.waitFor()) + " — ends "
                        + TIME.format(status.endsAt()) + fastForwarded(status), "guided-detail"));
                TextField reason = new TextField();
                reason.setId("guided-cut-reason");
                reason.setPromptText("Why may the wait end early? (required, recorded)");
                reason.setPrefColumnCount(40);
                reason.setDisable(!page.writable());
                Button cut = new Button("Cut short… (X)");
                cut.setId("guided-cut-short");
                cut.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // the reason field gives way, not the label
                cut.setDisable(!page.writable());
                cut.setOnAction(e -> onCutShort(reason));
                reason.setOnAction(cut.getOnAction());
                HBox.setHgrow(reason, javafx.scene.layout.Priority.ALWAYS);
                box.getChildren().add(new HBox(10, reason, cut));
            }
            case CUT_SHORT -> {
                Label cut = text("Wait cut short at " + TIME.format(status.endsAt()) + ": " + status.cutShortReason(),
                        "guided-detail");
                cut.setId("guided-wait-state");
                box.getChildren().add(cut);
            }
            case ELAPSED -> {
                Label over = text("The wait is over (ended " + TIME.format(status.endsAt()) + ")"
                        + fastForwarded(status) + ".", "guided-detail");
                over.setId("guided-wait-state");
                over.pseudoClassStateChanged(PASSED, true);
                box.getChildren().add(over);
            }
        }
        stepBox.getChildren().add(box);
    }

    /** " · 23h 59m fast-forwarded in drill" when a drill skipped part of the wait; nothing otherwise. */
    private static String fastForwarded(WaitClock.Status status) {
        return status.fastForwarded() ? " · " + io.incidentconsole.drill.DrillDurations.format(status.fastForwardedBy())
                + " " + io.incidentconsole.drill.DrillClock.LABEL : "";
    }

    private void tick() {
        Optional<WaitClock.Status> status = model.waitStatus();
        if (status.isEmpty()) {
            return;
        }
        if (status.get().state() != shownWait) {
            render(model.pageProperty().get());
        } else if (countdown != null) {
            countdown.setText(WaitClock.format(status.get().remaining()));
        }
    }

    private void renderAudit(GuidedViewModel.Page page) {
        auditBox.getChildren().clear();
        AuditGate gate = page.phase().audit();
        show(auditBox, gate != null);
        if (gate == null) {
            return;
        }
        auditBox.getChildren().add(text("Audit gate — " + (gate.title() == null ? page.phase().label() : gate.title()),
                "guided-panel-title"));
        auditBox.getChildren().add(text("Run the command, paste its JSON output and check it. Every field must hold:",
                "guided-detail"));
        for (FieldExpectation expectation : gate.expect()) {
            auditBox.getChildren().add(text("•  " + expectation.field() + " = " + expectation.equals(), "guided-watch"));
        }
        Label command = text(gate.command(), "guided-command");
        command.setId("audit-command");
        Button copy = new Button("Copy");
        copy.setId("audit-copy");
        copy.setMinWidth(Region.USE_PREF_SIZE);
        copy.setOnAction(e -> model.copyAuditCommand().ifPresent(GuidedView::toClipboard));
        HBox line = new HBox(12, command, copy);
        line.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        TextArea output = new TextArea(model.auditText());
        output.setId("audit-output");
        output.getStyleClass().add("audit-output");
        output.setPromptText("Paste the command's JSON output here, then Check (Ctrl+Enter)");
        output.setPrefRowCount(8);
        output.textProperty().addListener((obs, was, now) -> model.setAuditText(now));
        output.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER && e.isShortcutDown()) {
                e.consume();
                model.checkAudit();
            }
        });
        Button check = new Button("Check (Ctrl+Enter)");
        check.setId("audit-check");
        check.getStyleClass().add("primary-action");
        check.setOnAction(e -> model.checkAudit());
        auditBox.getChildren().addAll(line, output, check);
        model.auditResult().ifPresent(result -> auditBox.getChildren().addAll(auditResult(result)));
        if (page.live()) {
            List<PhaseState.AuditRecord> audits = page.state().phase(page.phase().id()).audits();
            if (!audits.isEmpty()) {
                PhaseState.AuditRecord last = audits.get(audits.size() - 1);
                Label recorded = text("Recorded: " + (last.passed() ? "PASS" : "FAIL") + " by " + last.operator() + " at "
                        + TIME.format(last.at()) + " (output sha256 " + last.outputSha256().substring(0, 12) + "…)",
                        "guided-recorded");
                recorded.setId("audit-last");
                recorded.pseudoClassStateChanged(PASSED, last.passed());
                recorded.pseudoClassStateChanged(FAILED, !last.passed());
                auditBox.getChildren().add(recorded);
            }
        }
    }

    private List<Node> auditResult(AuditResult result) {
        Label summary = text(result.summary(), "audit-summary");
        summary.setId("audit-summary");
        summary.pseudoClassStateChanged(PASSED, result.passed());
        summary.pseudoClassStateChanged(FAILED, !result.passed());
        if (!result.parsed()) {
            return List.of(summary, text("Nothing was recorded: output that cannot be read is no evidence.",
                    "guided-field-help"));
        }
        GridPane table = new GridPane();
        table.getStyleClass().add("audit-table");
        table.setHgap(18);
        table.setVgap(4);
        table.addRow(0, text("Field", "audit-head"), text("Expected", "audit-head"), text("Actual", "audit-head"),
                text("Result", "audit-head"));
        int row = 1;
        for (AuditResult.FieldCheck field : result.fields()) {
            Label verdict = text(field.passed() ? "PASS" : "FAIL", "audit-verdict");
            verdict.setId("audit-result-" + PhaseCardNode.nodeId(field.field()));
            verdict.pseudoClassStateChanged(PASSED, field.passed());
            verdict.pseudoClassStateChanged(FAILED, !field.passed());
            table.addRow(row++, text(field.field(), "audit-cell"), text(field.expected(), "audit-cell"),
                    text(field.missing() ? "(missing)" : field.actual(), "audit-cell"), verdict);
        }
        return List.of(summary, table);
    }

    private void renderDecisions(GuidedViewModel.Page page) {
        decisionsBox.getChildren().clear();
        List<DecisionTree> trees = model.decisions();
        show(decisionsBox, !trees.isEmpty());
        if (trees.isEmpty()) {
            return;
        }
        decisionsBox.getChildren().add(text("Decisions", "guided-panel-title"));
        for (DecisionTree tree : trees) {
            decisionsBox.getChildren().add(decision(page, tree));
        }
    }

    private VBox decision(GuidedViewModel.Page page, DecisionTree tree) {
        String id = "decision-" + PhaseCardNode.nodeId(tree.id());
        VBox box = new VBox(8);
        box.getStyleClass().add("decision-tree");
        box.setId(id);
        String scope = tree.phase() == null ? "the whole plan"
                : page.plan().phase(tree.phase()).map(p -> "phase " + p.label()).orElse("phase " + tree.phase());
        box.getChildren().add(text(tree.title() + "  (" + scope + ")", "guided-subheading"));
        Optional<IncidentState.DecisionRecord> decided = model.decided(tree.id());
        decided.ifPresent(record -> {
            Label recorded = text("Decided by " + record.operator() + " at " + TIME.format(record.at()) + ": "
                    + tree.outcome(record.outcomeId()).map(DecisionTree.Outcome::title).orElse(record.outcomeId())
                    + "\n" + String.join("\n", record.answers().stream()
                    .map(a -> "   " + tree.node(a.nodeId()).map(DecisionTree.DecisionNode::question).orElse(a.nodeId())
                            + " → " + a.label()).toList()), "guided-recorded");
            recorded.setId(id + "-recorded");
            recorded.pseudoClassStateChanged(PASSED, true);
            box.getChildren().add(recorded);
            tree.outcome(record.outcomeId()).ifPresent(outcome -> outcome.actions()
                    .forEach(action -> box.getChildren().add(text("•  " + action, "guided-watch"))));
        });
        DecisionWalk walk = model.walk(tree);
        if (decided.isPresent() && !model.asking(tree)) {
            Button again = new Button("Decide again");
            again.setId(id + "-again");
            again.setDisable(!page.writable());
            again.setOnAction(e -> model.restartDecision(tree));
            box.getChildren().add(again);
            return box;
        }
        if (walk.current().isPresent()) {
            DecisionTree.DecisionNode node = walk.current().get();
            Label question = text(node.question(), "decision-question");
            question.setId(id + "-question");
            box.getChildren().add(question);
            for (int i = 0; i < node.answers().size(); i++) {
                int index = i;
                Button answer = new Button((i + 1) + "   " + node.answers().get(i).label());
                answer.setId(id + "-answer-" + (i + 1));
                answer.setMnemonicParsing(false);
                answer.getStyleClass().add("decision-answer");
                answer.setMaxWidth(Double.MAX_VALUE);
                answer.setDisable(!page.writable());
                answer.setOnAction(e -> onAnswer(tree, index));
                box.getChildren().add(answer);
            }
            if (!walk.path().isEmpty()) {
                Button back = new Button("Back");
                back.setId(id + "-back");
                back.setOnAction(e -> model.backDecision(tree));
                box.getChildren().add(back);
            }
        }
        walk.problem().ifPresent(p -> box.getChildren().add(text("The plan's tree is broken: " + p, "validation-message")));
        box.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            int digit = digit(e.getCode());
            if (digit > 0 && !(e.getTarget() instanceof TextInputControl) && model.walk(tree).current().isPresent()) {
                e.consume();
                onAnswer(tree, digit - 1);
            }
        });
        return box;
    }

    private void onAnswer(DecisionTree tree, int index) {
        String id = "decision-" + PhaseCardNode.nodeId(tree.id());
        model.answer(tree, index);
        Node focus = scroller.getContent().lookup("#" + id + "-answer-1");
        if (focus == null) {
            focus = scroller.getContent().lookup("#" + id + "-again");
        }
        if (focus != null) {
            focus.requestFocus();
        }
    }

    private void renderSignOff(GuidedViewModel.Page page) {
        signOffBox.getChildren().clear();
        signOffBox.getChildren().add(text("Sign-off", "guided-panel-title"));
        List<SignOff.Approval> approvals = model.approvals();
        if (approvals.isEmpty()) {
            signOffBox.getChildren().add(text("The plan names no approvals for this phase or for the whole plan.",
                    "guided-field-help"));
            return;
        }
        for (SignOff.Approval approval : approvals) {
            String id = "signoff-" + PhaseCardNode.nodeId(approval.id());
            String scope = approval.phase() == null ? "for the whole plan"
                    : "for phase " + page.plan().phase(approval.phase()).map(Phase::label).orElse(approval.phase());
            signOffBox.getChildren().add(text(approval.title() + "  (" + scope
                    + (approval.role() == null ? "" : ", by the " + approval.role()) + ")", "guided-subheading"));
            for (IncidentState.SignOffRecord given : model.signOffs(approval.id())) {
                Label line = text("✓ Signed by " + given.operator() + (given.role() == null ? "" : " as " + given.role())
                        + " at " + TIME.format(given.at()) + (given.note() == null ? "" : ": " + given.note()),
                        "guided-recorded");
                line.setId(id + "-given");
                line.pseudoClassStateChanged(PASSED, true);
                signOffBox.getChildren().add(line);
            }
            TextField role = new TextField(approval.role() == null ? "" : approval.role());
            role.setId(id + "-role");
            role.setPromptText("Your role (required)");
            TextField note = new TextField();
            note.setId(id + "-note");
            note.setPromptText("Note (optional)");
            note.setPrefColumnCount(30);
            Label problem = text("", "validation-message");
            problem.setId(id + "-problem");
            Button sign = new Button("Sign off");
            sign.setId(id + "-sign");
            sign.setDisable(!page.writable());
            sign.setOnAction(e -> model.signOff(approval, role.getText(), note.getText()).ifPresent(problem::setText));
            role.setOnAction(sign.getOnAction());
            note.setOnAction(sign.getOnAction());
            HBox form = new HBox(10, role, note, sign);
            form.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
            signOffBox.getChildren().addAll(form, problem);
        }
    }

    // ---- actions ----

    private void onKey(KeyEvent e) {
        if (e.isControlDown() || e.isAltDown() || e.isMetaDown() || e.isShortcutDown()) {
            return;
        }
        boolean typing = e.getTarget() instanceof TextInputControl;
        switch (e.getCode()) {
            case ENTER -> {
                if (e.getTarget() instanceof Node node && (isInside(node, stepBox) || node == scroller)
                        && !(e.getTarget() instanceof TextArea) && !e.isConsumed()) {
                    e.consume();
                    onNext();
                }
            }
            case C -> {
                if (!typing) {
                    e.consume();
                    onCopy();
                }
            }
            case W -> {
                if (!typing) {
                    e.consume();
                    model.somethingWrong();
                }
            }
            case S -> {
                if (!typing) {
                    e.consume();
                    model.startWait();
                }
            }
            case X -> {
                if (!typing) {
                    e.consume();
                    Node reason = scroller.getContent().lookup("#guided-cut-reason");
                    if (reason != null) {
                        swallowTyped = true;
                        reason.requestFocus();
                    }
                }
            }
            default -> {
            }
        }
    }

    /** The end of a phase: what its verification still lacks, and its completion (with a reason if unverified). */
    private void renderCompletion(GuidedViewModel.Page page) {
        if (!page.live() || page.state().phase(page.phase().id()).status()
                != io.incidentconsole.plan.PhaseStatus.IN_PROGRESS) {
            return;
        }
        List<String> gaps = model.verificationGaps();
        Label heading = text(gaps.isEmpty() ? "Verified: its tests passed and its success criteria are met."
                : "Before it is verified:", "guided-detail");
        heading.setId("guided-verification");
        stepBox.getChildren().add(heading);
        for (String gap : gaps) {
            stepBox.getChildren().add(text("•  " + gap, "guided-detail"));
        }
        javafx.scene.control.TextField reason = new javafx.scene.control.TextField();
        reason.setId("guided-complete-reason");
        reason.setPromptText("Why may it be completed unverified? (required to complete it anyway)");
        reason.setVisible(!gaps.isEmpty());
        reason.setManaged(!gaps.isEmpty());
        javafx.scene.control.Button complete = new javafx.scene.control.Button(gaps.isEmpty() ? "Complete phase"
                : "Complete anyway (unverified)");
        complete.setId("guided-complete");
        Label problem = text("", "validation-message");
        problem.setId("guided-complete-problem");
        complete.setOnAction(e -> model.complete(reason.getText()).ifPresent(problem::setText));
        reason.setOnAction(complete.getOnAction());
        stepBox.getChildren().addAll(reason, complete, problem);
    }

    private void onNext() {
        Optional<String> problem = model.next();
        message = problem.orElse("");
        Node shown = scroller.getContent().lookup("#guided-message");
        if (shown instanceof Label label) {
            label.setText(message);
        }
        Node next = scroller.getContent().lookup("#guided-next");
        if (next != null && (scroller.getScene() == null || !isInside(scroller.getScene().getFocusOwner(), stepBox))) {
            next.requestFocus();
        }
    }

    private void onCopy() {
        Optional<String> copied = model.copyCommand();
        copied.ifPresent(GuidedView::toClipboard);
        if (commandProblem != null && copied.isPresent()) {
            commandProblem.setText("Copied to the clipboard.");
        }
    }

    private void onCutShort(TextField reason) {
        Optional<String> problem = model.cutShort(reason.getText());
        message = problem.orElse("");
        Node shown = scroller.getContent().lookup("#guided-message");
        if (shown instanceof Label label) {
            label.setText(message);
        }
        if (problem.isPresent()) {
            reason.requestFocus();
        }
    }

    // ---- helpers ----

    /** Live values beside the shown step's "Watch" metrics; a stale one is marked, never shown as current. */
    private void showWatch(Map<String, io.incidentconsole.guided.WatchReading> readings) {
        watchValues.forEach((metricId, label) -> {
            io.incidentconsole.guided.WatchReading reading = readings.get(metricId);
            label.setText(reading == null ? "" : reading.says());
            label.pseudoClassStateChanged(STALE, reading != null
                    && reading.state() != io.incidentconsole.guided.WatchReading.State.LIVE);
        });
    }

    static String describeMetric(Plan plan, String metricId) {
        Optional<Metric> metric = plan.metric(metricId);
        if (metric.isEmpty()) {
            return metricId;
        }
        Metric m = metric.get();
        String unit = m.unit() == null ? "" : " " + m.unit();
        return m.name() + " — baseline " + QuantityFormat.compact(m.baseline()) + " → target "
                + QuantityFormat.compact(m.target()) + unit;
    }

    private static String hours(java.time.Duration duration) {
        long minutes = duration.toMinutes();
        if (minutes % 60 == 0) {
            return minutes / 60 + (minutes == 60 ? " hour" : " hours");
        }
        return minutes + " minutes";
    }

    private static int digit(KeyCode code) {
        return switch (code) {
            case DIGIT1, NUMPAD1 -> 1;
            case DIGIT2, NUMPAD2 -> 2;
            case DIGIT3, NUMPAD3 -> 3;
            case DIGIT4, NUMPAD4 -> 4;
            case DIGIT5, NUMPAD5 -> 5;
            case DIGIT6, NUMPAD6 -> 6;
            case DIGIT7, NUMPAD7 -> 7;
            case DIGIT8, NUMPAD8 -> 8;
            case DIGIT9, NUMPAD9 -> 9;
            default -> 0;
        };
    }

    private static void toClipboard(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }

    private static Label text(String value, String styleClass) {
        Label label = new Label(value);
        label.getStyleClass().add(styleClass);
        label.setWrapText(true);
        label.setMnemonicParsing(false);
        return label;
    }

    private static void show(Node node, boolean visible) {
        node.setVisible(visible);
        node.setManaged(visible);
    }

    private static boolean isInside(Node node, Node ancestor) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n == ancestor) {
                return true;
            }
        }
        return false;
    }

    /** A phase in the chooser: "#330 2: Package Updates". */
    private static final class PhaseCell extends ListCell<Phase> {
        @Override
        protected void updateItem(Phase phase, boolean empty) {
            super.updateItem(phase, empty);
            setText(empty || phase == null ? null : String.join(", ", phase.issues().stream().map(i -> "#" + i).toList())
                    + " " + phase.label());
        }
    }
}
