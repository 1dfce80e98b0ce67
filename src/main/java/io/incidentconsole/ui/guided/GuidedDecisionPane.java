package io.incidentconsole.ui.guided;

import io.incidentconsole.guided.DecisionWalk;
import io.incidentconsole.incident.DecisionRecord;
import io.incidentconsole.plan.DecisionTree;
import io.incidentconsole.ui.board.PhaseCardNode;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.VBox;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static io.incidentconsole.ui.guided.GuidedNodes.PASSED;
import static io.incidentconsole.ui.guided.GuidedNodes.TIME;
import static io.incidentconsole.ui.guided.GuidedNodes.show;
import static io.incidentconsole.ui.guided.GuidedNodes.text;

/**
 * The plan's decision trees for the phase: each walked one question at a time (answer with 1–9), or the decision
 * already taken with the actions its outcome calls for.
 */
final class GuidedDecisionPane {

    private final GuidedDecisionModel model;
    private final VBox box;

    /** {@code box}: the panel from the view's layout; its content is generated from the plan. */
    GuidedDecisionPane(GuidedDecisionModel model, VBox box) {
        this.model = model;
        this.box = box;
    }

    void render(GuidedViewModel.Page page) {
        box.getChildren().clear();
        List<DecisionTree> trees = model.trees();
        show(box, !trees.isEmpty());
        if (trees.isEmpty()) {
            return;
        }
        box.getChildren().add(text("Decisions", "guided-panel-title"));
        for (DecisionTree tree : trees) {
            box.getChildren().add(decision(page, tree));
        }
    }

    private VBox decision(GuidedViewModel.Page page, DecisionTree tree) {
        String id = nodeId(tree);
        VBox decision = new VBox(8);
        decision.getStyleClass().add("decision-tree");
        decision.setId(id);
        String scope = tree.phase() == null ? "the whole plan"
                : page.plan().phase(tree.phase()).map(p -> "phase " + p.label()).orElse("phase " + tree.phase());
        decision.getChildren().add(text(tree.title() + "  (" + scope + ")", "guided-subheading"));
        Optional<DecisionRecord> decided = model.decided(tree.id());
        decided.ifPresent(record -> decision.getChildren().addAll(recorded(tree, record)));
        DecisionWalk walk = model.walk(tree);
        if (decided.isPresent() && !model.asking(tree)) {
            Button again = new Button("Decide again");
            again.setId(id + "-again");
            again.setDisable(!page.writable());
            again.setOnAction(e -> model.restart(tree));
            decision.getChildren().add(again);
            return decision;
        }
        walk.current().ifPresent(node -> decision.getChildren().addAll(question(page, tree, walk, node)));
        walk.problem().ifPresent(p -> decision.getChildren()
                .add(text("The plan's tree is broken: " + p, "validation-message")));
        decision.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            int digit = digit(e.getCode());
            if (digit > 0 && !(e.getTarget() instanceof TextInputControl) && model.walk(tree).current().isPresent()) {
                e.consume();
                onAnswer(tree, digit - 1);
            }
        });
        return decision;
    }

    /** The decision taken: by whom, its outcome and the answers that led there, then the outcome's actions. */
    private List<Node> recorded(DecisionTree tree, DecisionRecord record) {
        Label recorded = text("Decided by " + record.operator() + " at " + TIME.format(record.at()) + ": "
                + tree.outcome(record.outcomeId()).map(DecisionTree.Outcome::title).orElse(record.outcomeId())
                + "\n" + String.join("\n", record.answers().stream()
                .map(a -> "   " + tree.node(a.nodeId()).map(DecisionTree.DecisionNode::question).orElse(a.nodeId())
                        + " → " + a.label()).toList()), "guided-recorded");
        recorded.setId(nodeId(tree) + "-recorded");
        recorded.pseudoClassStateChanged(PASSED, true);
        List<Node> nodes = new ArrayList<>(List.of(recorded));
        tree.outcome(record.outcomeId()).ifPresent(outcome -> outcome.actions()
                .forEach(action -> nodes.add(text("•  " + action, "guided-watch"))));
        return nodes;
    }

    private List<Node> question(GuidedViewModel.Page page, DecisionTree tree, DecisionWalk walk,
                                DecisionTree.DecisionNode node) {
        String id = nodeId(tree);
        Label question = text(node.question(), "decision-question");
        question.setId(id + "-question");
        List<Node> nodes = new ArrayList<>(List.of(question));
        for (int i = 0; i < node.answers().size(); i++) {
            int index = i;
            Button answer = new Button((i + 1) + "   " + node.answers().get(i).label());
            answer.setId(id + "-answer-" + (i + 1));
            answer.setMnemonicParsing(false);
            answer.getStyleClass().add("decision-answer");
            answer.setMaxWidth(Double.MAX_VALUE);
            answer.setDisable(!page.writable());
            answer.setOnAction(e -> onAnswer(tree, index));
            nodes.add(answer);
        }
        if (!walk.path().isEmpty()) {
            Button back = new Button("Back");
            back.setId(id + "-back");
            back.setOnAction(e -> model.back(tree));
            nodes.add(back);
        }
        return nodes;
    }

    /** Answers, then keeps the focus in the tree: on its next question, or on "Decide again" once decided. */
    private void onAnswer(DecisionTree tree, int index) {
        String id = nodeId(tree);
        model.answer(tree, index);
        Node focus = box.lookup("#" + id + "-answer-1");
        if (focus == null) {
            focus = box.lookup("#" + id + "-again");
        }
        if (focus != null) {
            focus.requestFocus();
        }
    }

    private static String nodeId(DecisionTree tree) {
        return "decision-" + PhaseCardNode.nodeId(tree.id());
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
}
