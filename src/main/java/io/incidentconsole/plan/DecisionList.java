package io.incidentconsole.plan;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;

/**
 * A plan's decision trees, immutable, indexed by the phases each one can gate (named in its gates or blocked by one
 * of its outcomes): every phase's start gates are asked on every state change, and a scan of every tree for every
 * phase was quadratic in a big plan. Equal to (and hashed as) any list of the same trees.
 */
final class DecisionList extends AbstractList<DecisionTree> implements RandomAccess {

    private final List<DecisionTree> trees;
    private final Map<String, List<DecisionTree>> aboutPhase = new HashMap<>();

    private DecisionList(List<DecisionTree> trees) {
        this.trees = trees;
        for (DecisionTree tree : trees) {
            List<String> phases = new ArrayList<>(tree.gates());
            tree.outcomes().forEach(outcome -> phases.addAll(outcome.blocks()));
            phases.stream().distinct().forEach(phase ->
                    aboutPhase.computeIfAbsent(phase, p -> new ArrayList<>()).add(tree));
        }
        aboutPhase.replaceAll((phase, list) -> List.copyOf(list));
    }

    static DecisionList of(List<DecisionTree> trees) {
        return trees instanceof DecisionList indexed ? indexed : new DecisionList(Lists.copy(trees));
    }

    /** The trees that can gate the phase, in plan order. */
    List<DecisionTree> about(String phaseId) {
        return aboutPhase.getOrDefault(phaseId, List.of());
    }

    @Override
    public DecisionTree get(int index) {
        return trees.get(index);
    }

    @Override
    public int size() {
        return trees.size();
    }
}
