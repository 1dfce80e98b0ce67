package io.incidentconsole.plan;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which items of a plan are the same piece of work seen from two places: a guided step and the task(s) it is, a
 * guided check and the test item (check or test case) of the phase's suites with the same text. The incident
 * records one tick for both (docs/decisions/0005-phase-lifecycle.md).
 */
public final class PlanItems {

    private PlanItems() {
    }

    /** A test item: a check or a test case of a suite. */
    public record TestItemRef(String suiteId, String testId, String text) {
    }

    /**
     * The tasks a guided step is: the ids it names in {@code tasks}, else the phase's task whose text is the step's
     * title (compared without Markdown, case and spacing).
     */
    public static List<String> tasksOf(Phase phase, GuidedStep step) {
        if (!step.tasks().isEmpty()) {
            return step.tasks();
        }
        String title = normalize(step.title());
        for (Task task : phase.tasks()) {
            if (task.id() != null && normalize(task.text()).equals(title)) {
                return List.of(task.id());
            }
        }
        return List.of();
    }

    /** The guided step that is this task (the first that claims it), if any. */
    public static Optional<GuidedStep> stepOf(Phase phase, String taskId) {
        return phase.guidedSteps().stream().filter(s -> tasksOf(phase, s).contains(taskId)).findFirst();
    }

    /** The test item that a guided check is: same text, in a suite covering the step's phase. */
    public static Optional<TestItemRef> testItemOf(Plan plan, Phase phase, String checkText) {
        String wanted = normalize(checkText);
        for (TestSuite suite : plan.testSuitesOf(phase.id())) {
            for (CheckItem check : suite.checks()) {
                if (check.id() != null && normalize(check.text()).equals(wanted)) {
                    return Optional.of(new TestItemRef(suite.id(), check.id(), check.text()));
                }
            }
            for (TestCase testCase : suite.cases()) {
                if (testCase.id() != null && normalize(testCase.name()).equals(wanted)) {
                    return Optional.of(new TestItemRef(suite.id(), testCase.id(), testCase.name()));
                }
            }
        }
        return Optional.empty();
    }

    /** Every test item of the suites that cover a phase, in plan order. */
    public static List<TestItemRef> testItemsOf(Plan plan, String phaseId) {
        List<TestItemRef> items = new ArrayList<>();
        for (TestSuite suite : plan.testSuitesOf(phaseId)) {
            for (CheckItem check : suite.checks()) {
                if (check.id() != null) {
                    items.add(new TestItemRef(suite.id(), check.id(), check.text()));
                }
            }
            for (TestCase testCase : suite.cases()) {
                if (testCase.id() != null) {
                    items.add(new TestItemRef(suite.id(), testCase.id(), testCase.name()));
                }
            }
        }
        return items;
    }

    /** A test item of the plan by its id (check or case ids are plan-wide unique). */
    public static Optional<TestItemRef> testItem(Plan plan, String testId) {
        for (TestSuite suite : plan.testSuites()) {
            for (CheckItem check : suite.checks()) {
                if (testId.equals(check.id())) {
                    return Optional.of(new TestItemRef(suite.id(), check.id(), check.text()));
                }
            }
            for (TestCase testCase : suite.cases()) {
                if (testId.equals(testCase.id())) {
                    return Optional.of(new TestItemRef(suite.id(), testCase.id(), testCase.name()));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The 0-based position of the guided step where the phase's audit is run: the step the audit names, else the
     * first step whose command is the audit's command; empty when the phase has no audit or no such step.
     */
    public static Optional<Integer> auditStepIndex(Phase phase) {
        AuditGate audit = phase.audit();
        if (audit == null) {
            return Optional.empty();
        }
        List<GuidedStep> steps = phase.guidedSteps();
        for (int i = 0; i < steps.size(); i++) {
            GuidedStep step = steps.get(i);
            boolean named = audit.step() != null && audit.step().equals(step.id());
            boolean sameCommand = audit.step() == null && step.command() != null
                    && step.command().strip().equals(audit.command().strip());
            if (named || sameCommand) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    /** Whether two item texts are the same item's (Markdown marks, case and spacing aside). */
    public static boolean sameText(String a, String b) {
        return normalize(a).equals(normalize(b));
    }

    /** Text compared for sameness: Markdown code marks and emphasis dropped, case and runs of spaces folded. */
    static String normalize(String text) {
        if (text == null) {
            return "";
        }
        String plain = Normalizer.normalize(text, Normalizer.Form.NFKC).replace("`", "").replace("*", "").strip();
        // Runs of spaces, tabs and line breaks fold to one space, by hand: a regular expression compiled on each call
        // was a hot spot of every tick (the "now" strip matches each guided step's title to its task; issue #22).
        StringBuilder folded = new StringBuilder(plain.length());
        boolean inRun = false;
        for (int i = 0; i < plain.length(); i++) {
            char c = plain.charAt(i);
            boolean space = c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
            if (!space) {
                folded.append(c);
            } else if (!inRun) {
                folded.append(' ');
            }
            inRun = space;
        }
        return folded.toString().toLowerCase(Locale.ROOT);
    }
}
