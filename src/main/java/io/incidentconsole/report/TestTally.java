package io.incidentconsole.report;

import io.incidentconsole.incident.IncidentState;
import io.incidentconsole.incident.TestRecord;
import io.incidentconsole.incident.TestResult;
import io.incidentconsole.incident.TestOutcome;
import io.incidentconsole.plan.CheckItem;
import io.incidentconsole.plan.Phase;
import io.incidentconsole.plan.TestCase;
import io.incidentconsole.plan.TestSuite;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The plan's tests of one phase and where each stands: the latest recorded result counts. */
record TestTally(Phase phase, Map<TestOutcome, Integer> counts, int planned, List<Result> results) {

    /** One planned test and its latest result ({@code outcome} null: not run). */
    record Result(TestSuite suite, String testId, String name, TestOutcome outcome, String note, Instant at) {
    }

    static TestTally of(IncidentState state, Phase phase) {
        Map<TestOutcome, Integer> counts = new EnumMap<>(TestOutcome.class);
        List<Result> results = new ArrayList<>();
        Map<String, TestRecord> recorded = new java.util.HashMap<>();
        for (TestRecord record : state.testsOf(phase.id())) {
            recorded.put(record.key().suiteId() + "/" + record.key().testId(), record);
        }
        for (TestSuite suite : state.plan().testSuitesOf(phase.id())) {
            for (CheckItem check : suite.checks()) {
                results.add(result(suite, check.id(), check.text(), recorded));
            }
            for (TestCase testCase : suite.cases()) {
                results.add(result(suite, testCase.id(), testCase.name(), recorded));
            }
        }
        results.forEach(r -> {
            if (r.outcome() != null) {
                counts.merge(r.outcome(), 1, Integer::sum);
            }
        });
        return new TestTally(phase, counts, results.size(), List.copyOf(results));
    }

    private static Result result(TestSuite suite, String id, String name,
                                 Map<String, TestRecord> recorded) {
        TestRecord record = recorded.get(suite.id() + "/" + id);
        if (record == null) {
            return new Result(suite, id, name, null, null, null);
        }
        TestResult latest = record.latest();
        return new Result(suite, id, name, latest.outcome(), latest.note(), latest.at());
    }

    int count(TestOutcome outcome) {
        return counts.getOrDefault(outcome, 0);
    }

    int notRun() {
        return planned - counts.values().stream().mapToInt(Integer::intValue).sum();
    }

    boolean anyRecorded() {
        return planned > notRun();
    }

    /** "4 passed, 1 failed, 1 not run (of 6)". */
    String summary() {
        List<String> parts = new ArrayList<>();
        parts.add(count(TestOutcome.PASS) + " passed");
        parts.add(count(TestOutcome.FAIL) + " failed");
        if (count(TestOutcome.BLOCKED) > 0) {
            parts.add(count(TestOutcome.BLOCKED) + " blocked");
        }
        if (count(TestOutcome.SKIPPED) > 0) {
            parts.add(count(TestOutcome.SKIPPED) + " skipped");
        }
        parts.add(notRun() + " not run");
        return String.join(", ", parts) + " (of " + planned + ")";
    }
}
