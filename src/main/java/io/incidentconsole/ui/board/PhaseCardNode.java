package io.incidentconsole.ui.board;

import io.incidentconsole.incident.PhaseLifecycle;
import io.incidentconsole.ui.common.InlineText;
import io.incidentconsole.ui.common.MeasuredOncePane;
import io.incidentconsole.ui.common.StatusBadge;
import io.incidentconsole.ui.common.GuidedRequest;

import io.incidentconsole.board.CriterionCheck;
import io.incidentconsole.board.PhaseGates.Availability;
import io.incidentconsole.board.PhaseGates.OpenItem;
import io.incidentconsole.plan.Criterion;
import io.incidentconsole.plan.Phase;
import io.incidentconsole.plan.Plan;
import io.incidentconsole.plan.Task;
import javafx.css.PseudoClass;
import javafx.geometry.Bounds;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One phase on the board. Built once per plan and updated in place on every event, so focus and scroll
 * position survive while the operator ticks through a list from the keyboard.
 */
public final class PhaseCardNode {

    private static final PseudoClass BLOCKED = PseudoClass.getPseudoClass("blocked");
    /** On a card whose phase is under way (in progress or rolling back). */
    static final PseudoClass RUNNING = PseudoClass.getPseudoClass("running");
    private static final PseudoClass DONE = PseudoClass.getPseudoClass("done");
    private static final PseudoClass AT_RISK = PseudoClass.getPseudoClass("at-risk");
    private static final PseudoClass HOLDS = PseudoClass.getPseudoClass("holds");
    private static final PseudoClass STALE = PseudoClass.getPseudoClass("stale");

    private final PhaseBoardViewModel model;
    private final Plan plan;
    private final Phase phase;
    private final VBox root = new VBox();
    private final HBox badgeHolder = new HBox();
    private final Label timing = new Label();
    private final Label progress = new Label();
    private final Label gate = new Label();
    private final Label override = new Label();
    private final Button start = new Button("Start phase");
    private final Button complete = new Button("Complete phase…");
    private final Map<String, CheckBox> tasks = new LinkedHashMap<>();
    private final Map<String, CheckBox> criteria = new LinkedHashMap<>();
    private final Map<String, Label> taskWho = new LinkedHashMap<>();
    private final Map<String, Label> criterionWho = new LinkedHashMap<>();
    private final VBox overridePanel = new VBox();
    private final TextField overrideReason = new TextField();
    private final Label overrideProblem = new Label();
    private final VBox completePanel = new VBox();
    private final Label overrideExplain = new Label();
    private final Label completeExplain = new Label();
    private final TextField completeReason = new TextField();
    private final Label completeProblem = new Label();
    private boolean completeNeedsOverride;
    private final VBox openItems = new VBox(2);
    /** The live check line under each criterion with a metric condition, and its "Confirm" button. */
    private final Map<String, Label> checkLines = new LinkedHashMap<>();
    private final Map<String, Button> checkConfirms = new LinkedHashMap<>();
    private Map<String, CriterionCheck> checks = Map.of();
    private Bounds screen;
    private final Set<String> waitingChecks = new HashSet<>();
    private PhaseBoardViewModel.Card lastCard;
    private boolean lastLive;
    private boolean lastWritable;
    private boolean updating;

    PhaseCardNode(PhaseBoardViewModel model, Plan plan, Phase phase) {
        this.model = model;
        this.plan = plan;
        this.phase = phase;
        build();
    }

    VBox root() {
        return root;
    }

    private void build() {
        String id = phase.id();
        root.getStyleClass().add("phase-card");
        root.setId("phase-" + id);

        Label name = new Label(phase.label() + (phase.optional() ? "  (optional)" : ""));
        name.getStyleClass().add("phase-name");
        name.setWrapText(true);
        start.setId("start-" + id);
        start.getStyleClass().add("primary-action");
        start.setOnAction(e -> onStart());
        complete.setId("complete-" + id);
        complete.setOnAction(e -> onComplete());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        Button guided = new Button("Guided mode…");
        guided.setId("guided-" + id);
        guided.setOnAction(e -> root.fireEvent(new GuidedRequest(id)));
        HBox header = new HBox(10, badgeHolder, name, gap, guided, start, complete);
        header.setAlignment(Pos.CENTER_LEFT);

        Label meta = new Label(metaLine());
        meta.getStyleClass().add("phase-meta");
        meta.setWrapText(true);
        timing.getStyleClass().add("phase-meta");
        progress.getStyleClass().addAll("phase-meta", "test-progress");
        progress.setId("progress-" + id);
        gate.getStyleClass().add("gate-message");
        gate.setId("gate-" + id);
        gate.setWrapText(true);
        override.getStyleClass().add("override-message");
        override.setWrapText(true);
        root.getChildren().addAll(header, meta, new HBox(16, timing, progress), gate, override);

        buildOverridePanel();
        buildCompletePanel();
        root.getChildren().addAll(overridePanel, completePanel);

        if (!phase.tasks().isEmpty()) {
            root.getChildren().add(heading("Tasks"));
            for (Task task : phase.tasks()) {
                RecordedCheckBox box = checkBox("task-" + nodeId(task.id()), (task.issue() == null ? "" : "#" + task.issue() + ": ")
                        + task.text() + (task.details().isEmpty() ? "" : "\n    – " + String.join("\n    – ", task.details())));
                box.setOnAsk(wanted -> model.setTask(id, task.id(), wanted));
                box.selectedProperty().addListener((obs, was, now) -> {
                    if (!updating) {
                        showRecorded(box, was);
                        model.setTask(id, task.id(), now);
                    }
                });
                tasks.put(task.id(), box);
                root.getChildren().add(measuredOnce(withWho(box, taskWho, task.id(), "task-by-" + nodeId(task.id()))));
            }
        }
        if (!phase.successCriteria().isEmpty()) {
            root.getChildren().add(heading("Success criteria"));
            for (Criterion criterion : phase.successCriteria()) {
                RecordedCheckBox box = checkBox("criterion-" + nodeId(criterion.id()), criterion.text()
                        + (criterion.when() == null ? "" : "   [" + criterion.when().describe() + "]"));
                box.setOnAsk(wanted -> model.setCriterion(id, criterion.id(), wanted));
                box.selectedProperty().addListener((obs, was, now) -> {
                    if (!updating) {
                        showRecorded(box, was);
                        model.setCriterion(id, criterion.id(), now);
                    }
                });
                criteria.put(criterion.id(), box);
                root.getChildren().add(measuredOnce(withWho(box, criterionWho, criterion.id(),
                        "criterion-by-" + nodeId(criterion.id()))));
                if (criterion.when() != null) {
                    root.getChildren().add(checkLine(criterion));
                }
            }
        }
    }

    /** "convex_calls = 2.7M at 10:42 UTC — condition holds: confirm?" with its button, under the criterion. */
    private HBox checkLine(Criterion criterion) {
        Label says = new Label();
        says.getStyleClass().add("criterion-check");
        says.setId("criterion-check-" + nodeId(criterion.id()));
        says.setWrapText(true);
        Button confirm = new Button("Confirm met");
        confirm.setId("criterion-confirm-" + nodeId(criterion.id()));
        confirm.setOnAction(e -> model.confirmProposed(phase.id(), criterion.id()));
        checkLines.put(criterion.id(), says);
        checkConfirms.put(criterion.id(), confirm);
        HBox line = new HBox(10, says, confirm);
        line.getStyleClass().add("criterion-check-line");
        line.setAlignment(Pos.BASELINE_LEFT);
        line.managedProperty().bind(line.visibleProperty());
        line.setVisible(false);
        return line;
    }

    /** The live checks of the board's criteria (keyed as {@link PhaseBoardViewModel#checkKey}). */
    void showChecks(Map<String, CriterionCheck> all) {
        checks = all;
        renderChecks();
    }

    /**
     * Where the screen is, in scene coordinates (null: everywhere). A live check off screen waits: a live value changes
     * every second, and a change JavaFX cannot see on screen makes its software pipeline paint the whole window
     * (issue 22, round 6). Shows the checks that waited and are now on screen.
     */
    void setScreen(Bounds screen) {
        this.screen = screen;
        if (!waitingChecks.isEmpty()) {
            renderChecks();
        }
    }

    /** Only while the criterion is open on a live incident; Confirm only when the live value proposes it. */
    private void renderChecks() {
        waitingChecks.clear();
        checkLines.forEach((criterionId, says) -> {
            if (screen != null && !screen.intersects(says.getParent().localToScene(says.getParent().getLayoutBounds()))) {
                waitingChecks.add(criterionId);
                return;
            }
            CriterionCheck check = checks.get(PhaseBoardViewModel.checkKey(phase.id(), criterionId));
            boolean confirmed = lastCard != null && lastCard.confirmedCriteria().contains(criterionId);
            boolean shown = lastLive && check != null && !confirmed;
            says.getParent().setVisible(shown);
            says.setText(shown ? check.says() : "");
            says.pseudoClassStateChanged(HOLDS, shown && check.proposesMet());
            says.pseudoClassStateChanged(STALE, shown && (check.verdict() == CriterionCheck.Verdict.STALE
                    || check.verdict() == CriterionCheck.Verdict.MISSING));
            Button confirm = checkConfirms.get(criterionId);
            confirm.setVisible(shown && check.proposesMet() && lastCard.criteriaConfirmable());
            confirm.setManaged(confirm.isVisible());
            confirm.setDisable(!lastWritable);
        });
    }

    /**
     * A line that answers for its size from memory until something in it changes: a tick changes one line, and the
     * card is measured again for it; each wrapping line's text was laid out again with it, most of a tick's frame on
     * the bundled plan (issue #22).
     */
    private static MeasuredOncePane measuredOnce(HBox line) {
        MeasuredOncePane holder = new MeasuredOncePane(line);
        holder.setAlignment(Pos.TOP_LEFT);
        return holder;
    }

    /** The box with, to its right, who ticked it and when (shown once it is ticked). */
    private static HBox withWho(CheckBox box, Map<String, Label> labels, String itemId, String nodeId) {
        Label who = new Label();
        who.getStyleClass().add("ticked-by");
        who.setId(nodeId);
        who.setMinWidth(Region.USE_PREF_SIZE);
        labels.put(itemId, who);
        HBox line = new HBox(12, box, who);
        line.setAlignment(Pos.BASELINE_LEFT);
        return line;
    }

    private static void showWho(Label label, String who) {
        label.setText(who == null ? "" : "by " + who);
    }

    private String metaLine() {
        StringBuilder out = new StringBuilder();
        out.append(phase.timeline() == null ? "" : phase.timeline());
        if (!phase.dependsOn().isEmpty()) {
            out.append(out.length() > 0 ? "  ·  " : "").append("After ").append(String.join(", ", phase.dependsOn().stream()
                    .map(id -> plan.phase(id).map(p -> String.join(", ", p.issues().stream().map(i -> "#" + i).toList())
                            + " " + p.label()).orElse(id)).toList()));
        }
        return out.toString();
    }

    /**
     * A change made to the box from outside (not a click: {@link RecordedCheckBox} asks without ticking) only asks too:
     * the box goes back to what the journal says until the event is durable, and stays there if recording fails.
     */
    private void showRecorded(CheckBox box, boolean recorded) {
        updating = true;
        try {
            box.setSelected(recorded);
        } finally {
            updating = false;
        }
    }

    private void buildOverridePanel() {
        overridePanel.getStyleClass().add("card-panel");
        Label explain = overrideExplain;
        explain.setId("override-explain-" + phase.id());
        explain.setWrapText(true);
        overrideReason.setPromptText("Why may this phase start now? (required)");
        overrideReason.setId("override-reason-" + phase.id());
        overrideProblem.getStyleClass().add("validation-message");
        overrideProblem.setId("override-problem-" + phase.id());
        Button confirm = new Button("Override gate and start");
        confirm.setId("override-confirm-" + phase.id());
        confirm.setDefaultButton(false);
        confirm.setOnAction(e -> model.overrideAndStart(phase.id(), overrideReason.getText()).ifPresentOrElse(
                overrideProblem::setText, () -> hide(overridePanel)));
        overrideReason.setOnAction(confirm.getOnAction());
        Button cancel = new Button("Cancel");
        cancel.setOnAction(e -> hide(overridePanel));
        overridePanel.getChildren().addAll(explain, overrideReason, overrideProblem, new HBox(8, confirm, cancel));
        hide(overridePanel);
    }

    private void buildCompletePanel() {
        completePanel.getStyleClass().add("card-panel");
        Label explain = completeExplain;
        explain.setId("complete-explain-" + phase.id());
        explain.setWrapText(true);
        completeReason.setId("complete-reason-" + phase.id());
        completeReason.setPromptText("Why may it be completed unverified? (required, recorded)");
        completeProblem.getStyleClass().add("validation-message");
        completeProblem.setId("complete-problem-" + phase.id());
        Button confirm = new Button("Complete anyway");
        confirm.setId("complete-confirm-" + phase.id());
        confirm.setOnAction(e -> {
            if (completeNeedsOverride) {
                model.overrideAndComplete(phase.id(), completeReason.getText()).ifPresentOrElse(
                        completeProblem::setText, () -> hide(completePanel));
            } else {
                model.complete(phase.id());
                hide(completePanel);
            }
        });
        completeReason.setOnAction(confirm.getOnAction());
        Button cancel = new Button("Cancel");
        cancel.setOnAction(e -> hide(completePanel));
        completePanel.getChildren().addAll(explain, openItems, completeReason, completeProblem,
                new HBox(8, confirm, cancel));
        hide(completePanel);
    }

    private void onStart() {
        Optional<PhaseLifecycle.Refusal> refused = model.startRefusal(phase.id());
        if (!model.start(phase.id()) && refused.isPresent() && refused.get().overridable()) {
            overrideExplain.setText("Start refused — " + String.join("; ", refused.get().gates().stream()
                    .map(g -> g.kind().word() + " gate: " + g.says()).toList())
                    + ". Starting it anyway overrides " + (refused.get().gates().size() == 1 ? "this gate" : "these gates")
                    + "; the reason is recorded in the journal with your name and the phase shows as overridden.");
            overrideProblem.setText("");
            show(overridePanel);
            overrideReason.requestFocus();
        }
    }

    private void onComplete() {
        List<OpenItem> open = model.openItems(phase.id());
        Optional<PhaseLifecycle.Refusal> refused =
                model.completeRefusal(phase.id());
        completeNeedsOverride = refused.isPresent() && refused.get().overridable();
        if (open.isEmpty() && !completeNeedsOverride) {
            model.complete(phase.id());
            return;
        }
        completeExplain.setText(completeNeedsOverride
                ? "Completion refused — " + String.join("; ", refused.get().gates().stream()
                .map(g -> g.kind().word() + " gate").toList()) + " holds it. Completing anyway overrides it with a "
                + "reason; the phase then shows COMPLETE (unverified)."
                : "These items are still open. Complete the phase anyway? They are recorded with it.");
        completeReason.setVisible(completeNeedsOverride);
        completeReason.setManaged(completeNeedsOverride);
        completeProblem.setText("");
        openItems.getChildren().setAll(open.stream().map(item -> {
            Label label = new Label("•  " + item);
            label.setWrapText(true);
            return label;
        }).toList());
        show(completePanel);
    }

    /** The status badge as last drawn: a new badge only when the status says something else. */
    private String shownBadge;

    void update(PhaseBoardViewModel.Card card, boolean live, boolean writable) {
        lastCard = card;
        lastLive = live;
        lastWritable = writable;
        renderChecks();
        updating = true;
        try {
            String badge = card.status() + " " + card.statusText();
            if (!badge.equals(shownBadge)) {
                badgeHolder.getChildren().setAll(StatusBadge.of(card.status(), card.statusText()));
                shownBadge = badge;
            }
            timing.setText(live ? card.timing() : "");
            progress.setText(card.progress());
            gate.setText(card.availability() == Availability.BLOCKED ? card.blockedBecause() : "");
            gate.setManaged(!gate.getText().isEmpty());
            override.setText(card.override());
            override.setManaged(!card.override().isEmpty());
            root.pseudoClassStateChanged(BLOCKED, card.availability() == Availability.BLOCKED);
            root.pseudoClassStateChanged(RUNNING, card.availability() == Availability.RUNNING);
            root.pseudoClassStateChanged(DONE, card.availability() == Availability.DONE);
            root.pseudoClassStateChanged(AT_RISK, card.testsAtRisk());
            // Each action only where the lifecycle allows it: no Start on a phase in progress or complete.
            start.setDisable(!live || !writable || !card.startAllowed());
            start.setText(card.availability() == Availability.BLOCKED ? "Start anyway…" : "Start phase");
            complete.setDisable(!live || !writable || !card.completeAllowed());
            tasks.forEach((taskId, box) -> {
                box.setSelected(card.tickedTasks().contains(taskId));
                box.setDisable(!live || !writable);
                showWho(taskWho.get(taskId), card.tickedBy().get(taskId));
            });
            criteria.forEach((criterionId, box) -> {
                box.setSelected(card.confirmedCriteria().contains(criterionId));
                box.setDisable(!live || !writable);
                showWho(criterionWho.get(criterionId), card.confirmedBy().get(criterionId));
            });
            if (card.availability() != Availability.BLOCKED) {
                hide(overridePanel);
            }
        } finally {
            updating = false;
        }
    }

    /** Plan ids may hold dots, which CSS selectors (and so node lookups) read as class names. */
    public static String nodeId(String planId) {
        return planId.replaceAll("[^A-Za-z0-9_-]", "-");
    }

    private static Label heading(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("block-heading");
        return label;
    }

    /** A tickable line of plan text; inline code is shown as code, emoji as symbols the font draws. */
    private static RecordedCheckBox checkBox(String id, String text) {
        RecordedCheckBox box = new RecordedCheckBox(InlineText.plain(text));
        if (InlineText.hasCode(text)) {
            box.setGraphic(InlineText.flow(text));
            box.setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
        }
        box.setId(id);
        box.setWrapText(true);
        box.setMnemonicParsing(false);
        return box;
    }

    private static void show(VBox panel) {
        panel.setVisible(true);
        panel.setManaged(true);
    }

    private static void hide(VBox panel) {
        panel.setVisible(false);
        panel.setManaged(false);
    }
}
