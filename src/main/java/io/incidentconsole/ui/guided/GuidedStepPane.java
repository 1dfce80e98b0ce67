package io.incidentconsole.ui.guided;

import io.incidentconsole.guided.WaitClock;
import io.incidentconsole.guided.WatchReading;
import io.incidentconsole.plan.GuidedStep;
import io.incidentconsole.plan.Metric;
import io.incidentconsole.plan.PhaseStatus;
import io.incidentconsole.plan.Plan;
import io.incidentconsole.plan.QuantityFormat;
import io.incidentconsole.ui.board.PhaseCardNode;
import io.incidentconsole.ui.common.InlineText;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import static io.incidentconsole.ui.guided.GuidedNodes.CURRENT;
import static io.incidentconsole.ui.guided.GuidedNodes.DONE;
import static io.incidentconsole.ui.guided.GuidedNodes.PASSED;
import static io.incidentconsole.ui.guided.GuidedNodes.STALE;
import static io.incidentconsole.ui.guided.GuidedNodes.text;

/**
 * The phase's steps: the list (done, current, to do) and the current step in large type with its command, the
 * metrics to watch, its wait, its checks and records, Next and "Something is wrong"; after the last step, what
 * verification still lacks and the phase's completion.
 */
final class GuidedStepPane {

    private final GuidedViewModel model;
    private final VBox stepList;
    private final VBox stepBox;
    private final Runnable next;
    private final GuidedCommandPane commandPane;
    private final GuidedWaitPane waitPane;
    /** The live value label beside each "Watch" metric of the shown step, by metric id. */
    private final Map<String, Label> watchValues = new HashMap<>();
    private String message = "";
    private String messageFor;

    /** {@code stepList}, {@code stepBox}: the columns from the view's layout; {@code next}: the view's Next. */
    GuidedStepPane(GuidedViewModel model, VBox stepList, VBox stepBox, Runnable next) {
        this.model = model;
        this.stepList = stepList;
        this.stepBox = stepBox;
        this.next = next;
        this.commandPane = new GuidedCommandPane(model);
        this.waitPane = new GuidedWaitPane(model, this::showMessage);
    }

    /** Where the current step is drawn (Enter inside it means Next). */
    Node stepBox() {
        return stepBox;
    }

    GuidedCommandPane commandPane() {
        return commandPane;
    }

    GuidedWaitPane waitPane() {
        return waitPane;
    }

    /** A message belongs to its step: another step (or phase) starts without one. */
    void pageChanged(GuidedViewModel.Page page) {
        String stepKey = page == null ? null : page.phase().id() + "/" + page.step().map(GuidedStep::id).orElse("");
        if (!Objects.equals(stepKey, messageFor)) {
            message = "";
            messageFor = stepKey;
        }
    }

    /** Says why the step cannot move on (empty: nothing to say), under Next. */
    void showMessage(String text) {
        message = text;
        if (stepBox.lookup("#guided-message") instanceof Label label) {
            label.setText(message);
        }
    }

    void clear() {
        reset();
        stepList.getChildren().clear();
        stepBox.getChildren().setAll(text("Open a plan to use guided mode.", "guided-detail"));
    }

    void render(GuidedViewModel.Page page) {
        reset();
        renderStepList(page);
        renderStep(page);
    }

    private void reset() {
        watchValues.clear();
        commandPane.reset();
        waitPane.reset();
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
            Label done = text("All " + steps.size() + " steps of " + page.phase().label() + " are done.",
                    "guided-title");
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
            stepBox.getChildren().add(commandPane.command(page, step));
        }
        if (!step.watch().isEmpty()) {
            renderWatch(page, step);
        }
        if (step.waitFor() != null) {
            stepBox.getChildren().add(waitPane.render(page, step));
        }
        if (!step.checks().isEmpty()) {
            renderChecks(page, step);
        }
        if (!step.records().isEmpty()) {
            stepBox.getChildren().add(text("Record", "guided-subheading"));
            stepBox.getChildren().add(commandPane.form(page, step, step.records()));
        }
        stepBox.getChildren().addAll(actions(page, step), messageLabel());
    }

    private void renderWatch(GuidedViewModel.Page page, GuidedStep step) {
        stepBox.getChildren().add(text("Watch", "guided-subheading"));
        for (String metricId : step.watch()) {
            Label value = text("", "guided-watch-value");
            value.setId("guided-watch-value-" + PhaseCardNode.nodeId(metricId));
            watchValues.put(metricId, value);
            HBox line = new HBox(12, text("•  " + describeMetric(page.plan(), metricId), "guided-watch"), value);
            line.setAlignment(Pos.BASELINE_LEFT);
            stepBox.getChildren().add(line);
        }
        showWatch(model.watchProperty().get());
    }

    private void renderChecks(GuidedViewModel.Page page, GuidedStep step) {
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

    private HBox actions(GuidedViewModel.Page page, GuidedStep step) {
        boolean waitToStart = step.waitFor() != null && model.waitStatus()
                .map(s -> s.state() == WaitClock.State.NOT_STARTED).orElse(false);
        Button nextButton = new Button(waitToStart ? "Start waiting (Enter)" : "Next (Enter)");
        nextButton.setId("guided-next");
        nextButton.getStyleClass().addAll("primary-action", "guided-next");
        nextButton.setDisable(!page.writable());
        nextButton.setOnAction(e -> next.run());
        Button wrong = new Button("Something is wrong (W)");
        wrong.setId("guided-wrong");
        wrong.getStyleClass().add("guided-wrong");
        wrong.setOnAction(e -> model.somethingWrong());
        return new HBox(12, nextButton, wrong);
    }

    private Label messageLabel() {
        Label shown = text(message, "guided-message");
        shown.setId("guided-message");
        return shown;
    }

    /** The end of a phase: what its verification still lacks, and its completion (with a reason if unverified). */
    private void renderCompletion(GuidedViewModel.Page page) {
        if (!page.live() || page.state().phase(page.phase().id()).status() != PhaseStatus.IN_PROGRESS) {
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
        TextField reason = new TextField();
        reason.setId("guided-complete-reason");
        reason.setPromptText("Why may it be completed unverified? (required to complete it anyway)");
        reason.setVisible(!gaps.isEmpty());
        reason.setManaged(!gaps.isEmpty());
        Button complete = new Button(gaps.isEmpty() ? "Complete phase" : "Complete anyway (unverified)");
        complete.setId("guided-complete");
        Label problem = text("", "validation-message");
        problem.setId("guided-complete-problem");
        complete.setOnAction(e -> model.complete(reason.getText()).ifPresent(problem::setText));
        reason.setOnAction(complete.getOnAction());
        stepBox.getChildren().addAll(reason, complete, problem);
    }

    /** Live values beside the shown step's "Watch" metrics; a stale one is marked, never shown as current. */
    void showWatch(Map<String, WatchReading> readings) {
        watchValues.forEach((metricId, label) -> {
            WatchReading reading = readings.get(metricId);
            label.setText(reading == null ? "" : reading.says());
            label.pseudoClassStateChanged(STALE, reading != null && reading.state() != WatchReading.State.LIVE);
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
}
