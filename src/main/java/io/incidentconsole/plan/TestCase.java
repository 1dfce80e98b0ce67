package io.incidentconsole.plan;

import java.util.List;

/** A step-by-step test case; {@code expected} is the overall expected result when the plan states one. */
public record TestCase(String id, @Required String name, @Required List<String> steps, String expected) {
    public TestCase {
        steps = Lists.copy(steps);
    }
}
