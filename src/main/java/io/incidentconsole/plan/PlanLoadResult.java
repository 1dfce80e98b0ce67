package io.incidentconsole.plan;

import java.util.List;
import java.util.Optional;

/** A plan, or every problem that kept it from loading. Never both. */
public record PlanLoadResult(String source, Plan plan, List<Problem> problems) {

    public PlanLoadResult {
        problems = List.copyOf(problems);
        if ((plan == null) == problems.isEmpty()) {
            throw new IllegalArgumentException("a result has either a plan or problems");
        }
    }

    public boolean ok() {
        return plan != null;
    }

    public Optional<Plan> planIfValid() {
        return Optional.ofNullable(plan);
    }
}
