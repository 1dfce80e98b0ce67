package io.incidentconsole.ui.guided;

import io.incidentconsole.guided.DecisionWalk;
import io.incidentconsole.incident.DecisionRecord;
import io.incidentconsole.incident.EventPayload;
import io.incidentconsole.plan.DecisionTree;
import io.incidentconsole.ui.incident.IncidentSession;

import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The plan's decision trees in guided mode: each walked one answer at a time here, and recorded with its path of
 * answers when it reaches an outcome.
 */
public final class GuidedDecisionModel {

    private final Supplier<GuidedViewModel.Page> page;
    private final IncidentSession session;
    private final Runnable refresh;
    private final Map<String, DecisionWalk> walks = new HashMap<>();
    private final Set<String> reasking = new HashSet<>();

    GuidedDecisionModel(Supplier<GuidedViewModel.Page> page, IncidentSession session, Runnable refresh) {
        this.page = page;
        this.session = session;
        this.refresh = refresh;
    }

    /** Every decision tree of the plan: this phase's first, then those of the whole plan and other phases. */
    public List<DecisionTree> trees() {
        GuidedViewModel.Page current = page.get();
        if (current == null) {
            return List.of();
        }
        // A decision is asked in the phase it belongs to (or in every phase when it names none), not elsewhere.
        String phaseId = current.phase().id();
        return current.plan().decisions().stream()
                .filter(t -> t.phase() == null || phaseId.equals(t.phase()))
                .sorted(Comparator.comparing(t -> phaseId.equals(t.phase()) ? 0 : 1))
                .toList();
    }

    public DecisionWalk walk(DecisionTree tree) {
        return walks.computeIfAbsent(tree.id(), id -> DecisionWalk.start(tree));
    }

    /** Answers the current question; reaching an outcome records the decision with its path of answers. */
    public Optional<String> answer(DecisionTree tree, int index) {
        DecisionWalk walk = walk(tree);
        if (walk.finished() || index < 0 || index >= walk.current().orElseThrow().answers().size()) {
            return Optional.of("There is no answer " + (index + 1) + " to this question.");
        }
        Optional<String> blocked = GuidedViewModel.writableProblem(page.get());
        if (blocked.isPresent()) {
            return blocked;
        }
        DecisionWalk next = walk.answer(index);
        walks.put(tree.id(), next);
        if (next.outcome().isPresent()) {
            reasking.remove(tree.id());
            session.record(new EventPayload.DecisionTaken(tree.id(), next.path(), next.outcome().get().id()));
        }
        refresh.run();
        return next.problem();
    }

    /** Asks the tree's questions again although a decision is recorded; a new outcome is recorded as the latest. */
    public void restart(DecisionTree tree) {
        walks.put(tree.id(), DecisionWalk.start(tree));
        reasking.add(tree.id());
        refresh.run();
    }

    public void back(DecisionTree tree) {
        walks.put(tree.id(), walk(tree).back());
        refresh.run();
    }

    /** Whether the tree's questions are to be asked: not decided yet, or asked again. */
    public boolean asking(DecisionTree tree) {
        return decided(tree.id()).isEmpty() || reasking.contains(tree.id());
    }

    /** The latest recorded decision of a tree. */
    public Optional<DecisionRecord> decided(String treeId) {
        GuidedViewModel.Page current = page.get();
        if (current == null || !current.live()) {
            return Optional.empty();
        }
        List<DecisionRecord> all = current.state().decisions().stream()
                .filter(d -> d.treeId().equals(treeId)).toList();
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }
}
