package io.incidentconsole.plan;

import java.util.List;

/**
 * A testing checklist and/or set of test cases, covering one or more phases (the seed's
 * "Phase 3-6 Testing" covers four).
 */
public record TestSuite(
        @Required String id,
        @Required String title,
        String issue,
        List<String> phases,
        String when,
        List<CheckItem> checks,
        List<TestCase> cases) {

    public TestSuite {
        phases = Lists.copy(phases);
        checks = Lists.copy(checks);
        cases = Lists.copy(cases);
    }
}
