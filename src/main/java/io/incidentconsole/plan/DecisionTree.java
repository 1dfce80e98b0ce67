package io.incidentconsole.plan;

import java.util.List;
import java.util.Optional;

/**
 * A decision the plan asks the operator to take, as questions whose answers lead to a further question
 * or to an outcome ("PROCEED with schema cleanup"). {@code gates}: phases that may not start until the decision is
 * taken, and then only when its outcome does not {@link Outcome#blocks() block} them.
 */
public record DecisionTree(
        @Required String id,
        @Required String title,
        String phase,
        @Required String start,
        @Required List<DecisionNode> nodes,
        List<Outcome> outcomes,
        List<String> gates) {

    public DecisionTree {
        nodes = Lists.copy(nodes);
        outcomes = Lists.copy(outcomes);
        gates = Lists.copy(gates);
    }

    public DecisionTree(String id, String title, String phase, String start, List<DecisionNode> nodes,
                        List<Outcome> outcomes) {
        this(id, title, phase, start, nodes, outcomes, List.of());
    }

    public Optional<DecisionNode> node(String id) {
        return nodes.stream().filter(n -> n.id().equals(id)).findFirst();
    }

    public Optional<Outcome> outcome(String id) {
        return outcomes.stream().filter(o -> o.id().equals(id)).findFirst();
    }

    public record DecisionNode(@Required String id, @Required String question, List<Answer> answers) {
        public DecisionNode {
            answers = Lists.copy(answers);
        }
    }

    /** Exactly one of {@code next} (a node id) and {@code outcome} (an outcome id) is set. */
    public record Answer(@Required String label, String next, String outcome) {
    }

    /** {@code blocks}: phases this outcome stops ("CLI regeneration risk → BLOCKS schema cleanup"). */
    public record Outcome(@Required String id, @Required String title, List<String> actions, List<String> blocks) {
        public Outcome {
            actions = Lists.copy(actions);
            blocks = Lists.copy(blocks);
        }

        public Outcome(String id, String title, List<String> actions) {
            this(id, title, actions, List.of());
        }
    }
}
