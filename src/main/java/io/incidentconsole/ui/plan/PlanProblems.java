package io.incidentconsole.ui.plan;

import io.incidentconsole.plan.Problem;

import java.util.List;

/** A plan that could not be opened and why; each failed attempt is a new instance. */
public record PlanProblems(String source, List<Problem> problems) {
    public PlanProblems {
        problems = List.copyOf(problems);
    }

    public String headline() {
        String file = source.substring(Math.max(source.lastIndexOf('/'), source.lastIndexOf('\\')) + 1);
        return "Cannot open " + file + ": " + problems.size() + (problems.size() == 1 ? " problem" : " problems");
    }
}
