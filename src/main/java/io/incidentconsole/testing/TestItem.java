package io.incidentconsole.testing;

import io.incidentconsole.plan.CheckItem;
import io.incidentconsole.plan.Plan;
import io.incidentconsole.plan.TestCase;
import io.incidentconsole.plan.TestSuite;

import java.util.ArrayList;
import java.util.List;

/**
 * One thing an operator records a result for: a checklist line or a step-by-step test case of a suite.
 * {@code steps} and {@code expected} are empty/null for checks.
 */
public record TestItem(TestSuite suite, Kind kind, String id, String title, List<String> steps, String expected) {

    public enum Kind { CHECK, CASE }

    public TestItem {
        steps = List.copyOf(steps);
    }

    static TestItem of(TestSuite suite, CheckItem check) {
        return new TestItem(suite, Kind.CHECK, check.id(), check.text(), List.of(), null);
    }

    static TestItem of(TestSuite suite, TestCase testCase) {
        return new TestItem(suite, Kind.CASE, testCase.id(), testCase.name(), testCase.steps(), testCase.expected());
    }

    /** The checks, then the cases, of a suite, in plan order. */
    public static List<TestItem> of(TestSuite suite) {
        List<TestItem> items = new ArrayList<>();
        suite.checks().forEach(c -> items.add(of(suite, c)));
        suite.cases().forEach(c -> items.add(of(suite, c)));
        return items;
    }

    /** Every item of every suite of the plan, suite by suite. */
    public static List<TestItem> of(Plan plan) {
        return plan.testSuites().stream().flatMap(s -> of(s).stream()).toList();
    }

    public String suiteId() {
        return suite.id();
    }

    public boolean isCase() {
        return kind == Kind.CASE;
    }

    /** "Phase 2 Testing › Login/logout works". */
    public String label() {
        return suite.title() + " › " + title;
    }
}
