package io.incidentconsole.plan;

import java.util.List;
import java.util.Optional;

/**
 * A decision the plan asks the operator to take, as questions whose answers lead to a further question
 * or to an outcome ("PROCEED with schema cleanup").
 */
public record DecisionTree(
        @Required String id,
        @Required String title,
        String phase,
        @Required String start,
        @Required List<DecisionNode> nodes,
        List<Outcome> outcomes) {

    public DecisionTree {
        nodes = Lists.copy(nodes);
        outcomes = Lists.copy(outcomes);
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

    public record Outcome(@Required String id, @Required String title, List<String> actions) {
        public Outcome {
            actions = Lists.copy(actions);
        }
    }
}
