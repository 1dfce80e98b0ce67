package io.incidentconsole.guided;

import io.incidentconsole.incident.EventPayload;
import io.incidentconsole.plan.DecisionTree;
import io.incidentconsole.plan.DecisionTree.DecisionNode;
import io.incidentconsole.plan.DecisionTree.Outcome;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A walk through a decision tree: the question asked now, the answers given so far, and once an answer
 * leads to one, the outcome. Immutable; answering returns the next walk.
 */
public final class DecisionWalk {

    private final DecisionTree tree;
    private final List<EventPayload.Answer> path;
    private final DecisionNode current;
    private final Outcome outcome;
    private final String problem;

    private DecisionWalk(DecisionTree tree, List<EventPayload.Answer> path, DecisionNode current, Outcome outcome,
                         String problem) {
        this.tree = tree;
        this.path = List.copyOf(path);
        this.current = current;
        this.outcome = outcome;
        this.problem = problem;
    }

    public static DecisionWalk start(DecisionTree tree) {
        return tree.node(tree.start())
                .map(node -> new DecisionWalk(tree, List.of(), node, null, null))
                .orElseGet(() -> new DecisionWalk(tree, List.of(), null, null,
                        "the tree starts at '" + tree.start() + "', which is not one of its questions"));
    }

    public DecisionTree tree() {
        return tree;
    }

    /** The question to answer now; empty once an outcome is reached (or the tree is broken). */
    public Optional<DecisionNode> current() {
        return Optional.ofNullable(current);
    }

    public Optional<Outcome> outcome() {
        return Optional.ofNullable(outcome);
    }

    /** Why the walk cannot go on although no outcome was reached: the plan names a question or outcome it lacks. */
    public Optional<String> problem() {
        return Optional.ofNullable(problem);
    }

    public List<EventPayload.Answer> path() {
        return path;
    }

    public boolean finished() {
        return current == null;
    }

    /** Answers the current question with its {@code index}-th (0-based) answer. */
    public DecisionWalk answer(int index) {
        if (current == null) {
            throw new IllegalStateException("the decision is already taken");
        }
        if (index < 0 || index >= current.answers().size()) {
            throw new IllegalArgumentException("question '" + current.id() + "' has " + current.answers().size()
                    + " answers; there is no answer " + (index + 1));
        }
        DecisionTree.Answer answer = current.answers().get(index);
        List<EventPayload.Answer> next = new ArrayList<>(path);
        next.add(new EventPayload.Answer(current.id(), answer.label()));
        if (answer.outcome() != null) {
            return tree.outcome(answer.outcome())
                    .map(o -> new DecisionWalk(tree, next, null, o, null))
                    .orElseGet(() -> new DecisionWalk(tree, next, null, null,
                            "the answer leads to outcome '" + answer.outcome() + "', which the plan does not define"));
        }
        if (answer.next() != null) {
            return tree.node(answer.next())
                    .map(n -> new DecisionWalk(tree, next, n, null, null))
                    .orElseGet(() -> new DecisionWalk(tree, next, null, null,
                            "the answer leads to question '" + answer.next() + "', which the plan does not define"));
        }
        return new DecisionWalk(tree, next, null, null, "the answer '" + answer.label() + "' leads nowhere in the plan");
    }

    /** The walk with the last answer taken back; the start when nothing was answered. */
    public DecisionWalk back() {
        DecisionWalk walk = start(tree);
        for (int i = 0; i < path.size() - 1; i++) {
            DecisionNode node = walk.current;
            String label = path.get(i).label();
            int index = node.answers().stream().map(DecisionTree.Answer::label).toList().indexOf(label);
            walk = walk.answer(index);
        }
        return walk;
    }
}
