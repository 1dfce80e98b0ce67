package io.incidentconsole.ui.rollback;

import io.incidentconsole.plan.ProcedureStep;
import io.incidentconsole.rollback.DecisionChecklist;
import io.incidentconsole.rollback.RollbackTarget;
import io.incidentconsole.ui.common.InlineText;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.List;

/**
 * The middle column's reading part: the procedure's title and runbook, its decision criteria to tick, its steps and
 * what is wrong with it. Plan text shows its inline code as code.
 */
final class ProcedurePane {

    private static final PseudoClass ALTERNATIVE = PseudoClass.getPseudoClass("alternative");

    private final RollbackViewModel model;
    private final Label title;
    private final Label runbookLine;
    private final VBox criteria;
    private final VBox steps;
    private final VBox problems;

    ProcedurePane(RollbackViewModel model, Label title, Label runbookLine, VBox criteria, VBox steps,
                  VBox problems) {
        this.model = model;
        this.title = title;
        this.runbookLine = runbookLine;
        this.criteria = criteria;
        this.steps = steps;
        this.problems = problems;
        title.setId("rollback-procedure-title");
    }

    void showTarget(RollbackTarget target) {
        steps.getChildren().clear();
        if (target == null) {
            title.setText("No rollback procedures in this plan");
            runbookLine.setText("");
            criteria.getChildren().clear();
            return;
        }
        title.setText(InlineText.plain(target.procedure().title() == null ? target.procedure().id()
                : target.procedure().title()));
        runbookLine.setText(InlineText.plain(target.runbook().title()) + "  ·  " + target.procedure().id()
                + (target.procedure().phases().isEmpty() ? "" : "  ·  undoes " + String.join(", ",
                target.procedure().phases())));
        int number = 0;
        for (ProcedureStep step : target.procedure().steps()) {
            steps.getChildren().add(stepNode(step, step.alternative() ? 0 : ++number));
        }
    }

    private static Node stepNode(ProcedureStep step, int number) {
        VBox box = new VBox(2);
        box.getStyleClass().add("procedure-step");
        box.pseudoClassStateChanged(ALTERNATIVE, step.alternative());
        String stepTitle = step.title() == null || step.title().isBlank() ? "" : step.title().strip();
        if (step.alternative()) {
            stepTitle = stepTitle.replaceFirst("(?i)^or:\\s*", "");
        }
        Region heading = InlineText.of(step.alternative() ? "OR (alternative, instead of the steps above): " + stepTitle
                : number + ". " + (stepTitle.isEmpty() ? (step.command() == null ? "" : "Run") : stepTitle)
                + (step.command() == null ? "  (manual)" : ""), "step-title");
        box.getChildren().add(heading);
        if (step.command() != null) {
            Label command = new Label(step.command());
            command.setWrapText(true);
            command.setMnemonicParsing(false);
            command.getStyleClass().add("step-command");
            box.getChildren().add(command);
        }
        if (step.detail() != null && !step.detail().isBlank()) {
            box.getChildren().add(InlineText.of(step.detail(), "step-detail"));
        }
        return box;
    }

    void showChecklist(DecisionChecklist list) {
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
                criteria.getChildren().add(criterionBox(item));
            }
        }
        for (int i = 0; i < items.size(); i++) {
            ((CheckBox) criteria.getChildren().get(i)).setSelected(items.get(i).ticked());
        }
    }

    private CheckBox criterionBox(DecisionChecklist.Item item) {
        String id = item.criterion().id();
        String text = item.criterion().text();
        CheckBox box = new CheckBox(InlineText.plain(text));
        if (InlineText.hasCode(text)) {
            box.setGraphic(InlineText.flow(text));
            box.setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
        }
        box.setId("rollback-criterion-" + RollbackView.nodeId(id));
        box.setWrapText(true);
        box.setMnemonicParsing(false);
        box.setOnAction(e -> {
            model.tick(id, box.isSelected());
            // What shows is what the journal holds: the tick appears once it is recorded.
            DecisionChecklist now = model.checklistProperty().get();
            box.setSelected(now != null && now.isTicked(id));
        });
        return box;
    }

    void showProblems(List<String> list) {
        problems.getChildren().setAll(list.stream().map(p -> {
            Label label = new Label(p);
            label.setWrapText(true);
            label.getStyleClass().add("field-problem");
            return label;
        }).toList());
    }
}
