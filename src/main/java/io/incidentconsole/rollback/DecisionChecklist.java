package io.incidentconsole.rollback;

import io.incidentconsole.plan.Criterion;
import io.incidentconsole.plan.Runbook;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** A runbook's decision criteria ("Auth flows broken") as a checklist; immutable. */
public record DecisionChecklist(Runbook runbook, Set<String> ticked) {

    /** A criterion and whether it is ticked. */
    public record Item(Criterion criterion, boolean ticked) {
    }

    public DecisionChecklist {
        Set<String> known = new LinkedHashSet<>();
        for (Criterion criterion : runbook.criteria()) {
            if (ticked.contains(criterion.id())) {
                known.add(criterion.id());
            }
        }
        ticked = Set.copyOf(known);
    }

    public static DecisionChecklist empty(Runbook runbook) {
        return new DecisionChecklist(runbook, Set.of());
    }

    public List<Item> items() {
        return runbook.criteria().stream().map(c -> new Item(c, ticked.contains(c.id()))).toList();
    }

    public boolean isTicked(String criterionId) {
        return ticked.contains(criterionId);
    }

    /** How many criteria hold; any one of them is a reason to roll back. */
    public int tickedCount() {
        return ticked.size();
    }

    public DecisionChecklist with(String criterionId, boolean tick) {
        Criterion criterion = criterion(criterionId);
        Set<String> next = new LinkedHashSet<>(ticked);
        if (tick) {
            next.add(criterion.id());
        } else {
            next.remove(criterion.id());
        }
        return new DecisionChecklist(runbook, next);
    }

    Criterion criterion(String criterionId) {
        return runbook.criteria().stream().filter(c -> c.id().equals(criterionId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("runbook '" + runbook.id() + "' has no criterion '"
                        + criterionId + "'"));
    }
}
