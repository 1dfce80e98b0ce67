package io.incidentconsole.incident;

import io.incidentconsole.incident.EventPayload.CriterionTicked;
import io.incidentconsole.incident.EventPayload.TestResultSet;
import io.incidentconsole.incident.EventPayload.TestStepTicked;

import java.util.Set;
import java.util.TreeSet;

/** The fold of verification: test results, ticked test steps, confirmed criteria and what they rest on. */
final class TestFold {

    private TestFold() {
    }

    static void register(FoldHandlers.Table table) {
        table.on(TestResultSet.class, (f, e, p) -> f.resultsToChange(new TestKey(p.phaseId(), p.suiteId(), p.testId()))
                .add(new TestResult(p.outcome(), p.note(), e.operator(), e.at(), e.seq())));
        table.on(TestStepTicked.class, TestFold::testStepTicked);
        table.on(CriterionTicked.class, TestFold::criterionTicked);
    }

    private static void testStepTicked(Fold f, Event event, TestStepTicked p) {
        Set<Integer> steps = f.testSteps.computeIfAbsent(new StepKey(p.suiteId(), p.caseId()), k -> new TreeSet<>());
        if (p.ticked()) {
            steps.add(p.step());
        } else {
            steps.remove(p.step());
        }
    }

    private static void criterionTicked(Fold f, Event event, CriterionTicked p) {
        Set<String> ticked = f.criteria.computeIfAbsent(p.ownerId(), k -> new TreeSet<>());
        if (p.ticked()) {
            ticked.add(p.criterionId());
            if (p.observed() != null) {
                f.observations.put(p.ownerId() + "/" + p.criterionId(), p.observed());
            }
        } else {
            ticked.remove(p.criterionId());
            f.observations.remove(p.ownerId() + "/" + p.criterionId());
        }
    }
}
