package io.incidentconsole.testing;

import io.incidentconsole.incident.IncidentState;
import io.incidentconsole.incident.TestKey;
import io.incidentconsole.incident.TestRecord;
import io.incidentconsole.incident.TestResult;
import io.incidentconsole.incident.TestOutcome;
import io.incidentconsole.plan.Plan;
import io.incidentconsole.plan.TestSuite;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The test items of a scope with their results: for a phase, the items of the suites covering it; for the whole
 * plan ({@code phaseId} null), every item once. A whole-plan row of a suite that covers several phases combines
 * their outcomes: a failure anywhere is a failure, then blocked, then not run (some phase still open), then
 * skipped; it passes only when it passed for every phase.
 */
public final class TestSheet {

    private final Plan plan;
    private final IncidentState state;
    private final Map<String, Map<String, TestRecord>> byPhase = new HashMap<>();
    private Map<String, List<TestRecord>> recordsByTest;
    private final Map<String, List<TestRow>> rowsByScope = new HashMap<>();

    /** {@code state} null: no incident is open, every item is not run. */
    public TestSheet(Plan plan, IncidentState state) {
        this.plan = Objects.requireNonNull(plan, "plan");
        this.state = state;
    }

    public Plan plan() {
        return plan;
    }

    public IncidentState state() {
        return state;
    }

    /** The rows of a scope (null: the whole plan), made once per sheet: a refresh asks for a scope more than once. */
    public List<TestRow> rows(String phaseId) {
        List<TestRow> known = rowsByScope.get(phaseId);
        if (known == null) {
            known = Collections.unmodifiableList(rowsOf(phaseId));
            rowsByScope.put(phaseId, known);
        }
        return known;
    }

    private List<TestRow> rowsOf(String phaseId) {
        List<TestRow> rows = new ArrayList<>();
        if (phaseId == null) {
            for (TestItem item : TestItem.of(plan)) {
                rows.add(wholePlanRow(item));
            }
        } else {
            if (plan.phase(phaseId).isEmpty()) {
                throw new IllegalArgumentException("no phase '" + phaseId + "' in the plan");
            }
            for (TestSuite suite : plan.testSuitesOf(phaseId)) {
                for (TestItem item : TestItem.of(suite)) {
                    rows.add(phaseRow(item, phaseId));
                }
            }
        }
        return rows;
    }

    private TestRow phaseRow(TestItem item, String phaseId) {
        TestRecord record = recordsOf(phaseId).get(item.suiteId() + "/" + item.id());
        TestResult latest = record == null ? null : record.latest();
        List<TestRow.HistoryEntry> history = history(item,
                key -> key.phaseId() == null || key.phaseId().equals(phaseId));
        return new TestRow(item, phaseId, latest == null ? null : latest.outcome(), latest, history, ticked(item), "");
    }

    private TestRow wholePlanRow(TestItem item) {
        List<String> phases = item.suite().phases();
        List<TestOutcome> outcomes = new ArrayList<>();
        if (phases.isEmpty()) {
            TestRecord record = state == null ? null
                    : state.tests().get(new TestKey(null, item.suiteId(), item.id()));
            outcomes.add(record == null ? null : record.latest().outcome());
        } else {
            for (String phaseId : phases) {
                TestRecord record = recordsOf(phaseId).get(item.suiteId() + "/" + item.id());
                outcomes.add(record == null ? null : record.latest().outcome());
            }
        }
        List<TestRow.HistoryEntry> history = history(item, key -> true);
        TestResult latest = history.isEmpty() ? null : history.get(history.size() - 1).result();
        long run = outcomes.stream().filter(Objects::nonNull).count();
        String coverage = outcomes.size() > 1 ? run + " of " + outcomes.size() + " phases run" : "";
        return new TestRow(item, null, combine(outcomes), latest, history, ticked(item), coverage);
    }

    /** Worst first: fail, blocked, not run, skipped, pass. */
    static TestOutcome combine(List<TestOutcome> outcomes) {
        if (outcomes.contains(TestOutcome.FAIL)) {
            return TestOutcome.FAIL;
        }
        if (outcomes.contains(TestOutcome.BLOCKED)) {
            return TestOutcome.BLOCKED;
        }
        if (outcomes.isEmpty() || outcomes.stream().anyMatch(Objects::isNull)) {
            return null;
        }
        return outcomes.contains(TestOutcome.SKIPPED) ? TestOutcome.SKIPPED : TestOutcome.PASS;
    }

    private Map<String, TestRecord> recordsOf(String phaseId) {
        if (state == null) {
            return Map.of();
        }
        return byPhase.computeIfAbsent(phaseId, id -> {
            Map<String, TestRecord> records = new HashMap<>();
            for (TestRecord record : state.testsOf(id)) {
                records.put(record.key().suiteId() + "/" + record.key().testId(), record);
            }
            return records;
        });
    }

    private List<TestRow.HistoryEntry> history(TestItem item, Predicate<TestKey> keep) {
        List<TestRecord> kept = new ArrayList<>(1);
        for (TestRecord record : recordsByTest().getOrDefault(item.suiteId() + "/" + item.id(), List.of())) {
            if (keep.test(record.key())) {
                kept.add(record);
            }
        }
        return new RecordsHistory(kept);
    }

    /** Every record of the state by "suite/test", read once per sheet (each row asked all records before). */
    private Map<String, List<TestRecord>> recordsByTest() {
        if (recordsByTest == null) {
            recordsByTest = new HashMap<>();
            if (state != null) {
                for (TestRecord record : state.tests().values()) {
                    recordsByTest.computeIfAbsent(record.key().suiteId() + "/" + record.key().testId(),
                            k -> new ArrayList<>()).add(record);
                }
            }
        }
        return recordsByTest;
    }

    private Set<Integer> ticked(TestItem item) {
        return state == null || !item.isCase() ? Set.of() : state.tickedSteps(item.suiteId(), item.id());
    }
}
