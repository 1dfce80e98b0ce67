package io.incidentconsole.plan;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A coordination plan: everything an outage plan document says, as immutable data.
 * Lists are never null (absent lists load as empty); see docs/plan-format.md.
 */
public record Plan(
        PlanInfo plan,
        List<PlanIssue> issues,
        List<Phase> phases,
        List<TestSuite> testSuites,
        List<Runbook> runbooks,
        List<Metric> metrics,
        List<AlertRule> alerts,
        List<DecisionTree> decisions,
        Communication communication,
        List<DependencySet> dependencies,
        SignOff signOff,
        List<Note> notes) {

    public Plan {
        plan = plan == null ? PlanInfo.EMPTY : plan;
        issues = Lists.copy(issues);
        phases = PhaseList.of(phases);
        testSuites = Lists.copy(testSuites);
        runbooks = Lists.copy(runbooks);
        metrics = Lists.copy(metrics);
        alerts = Lists.copy(alerts);
        decisions = DecisionList.of(decisions);
        communication = communication == null ? Communication.NONE : communication;
        dependencies = Lists.copy(dependencies);
        signOff = signOff == null ? SignOff.NONE : signOff;
        notes = Lists.copy(notes);
    }

    public Optional<Phase> phase(String id) {
        return Optional.ofNullable(((PhaseList) phases).byId(id));
    }

    /** The decision trees that can gate the phase (named in their gates, or blocked by an outcome), in plan order. */
    public List<DecisionTree> decisionsAbout(String phaseId) {
        return ((DecisionList) decisions).about(phaseId);
    }

    public Optional<PlanIssue> issue(String id) {
        return issues.stream().filter(i -> i.id().equals(id)).findFirst();
    }

    public Optional<Metric> metric(String id) {
        return metrics.stream().filter(m -> m.id().equals(id)).findFirst();
    }

    public Optional<Runbook> runbook(String id) {
        return runbooks.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    /** Phases that belong to the issue, in plan order. */
    public List<Phase> phasesOf(String issueId) {
        return phases.stream().filter(p -> p.issues().contains(issueId)).toList();
    }

    /** The test suites that cover the phase (a suite may span several phases). */
    public List<TestSuite> testSuitesOf(String phaseId) {
        return testSuites.stream().filter(s -> s.phases().contains(phaseId)).toList();
    }

    /** Runbooks with at least one procedure for the phase, or scoped to one of its issues. */
    public List<Runbook> runbooksOf(String phaseId) {
        return runbooks.stream()
                .filter(r -> r.procedures().stream().anyMatch(p -> p.phases().contains(phaseId)))
                .toList();
    }

    public List<Note> notesOf(String issueId, String phaseId) {
        return notes.stream()
                .filter(n -> Objects.equals(n.issue(), issueId)
                        && Objects.equals(n.phase(), phaseId))
                .toList();
    }

    /** One line for the CLI and the title bar: "2 issues, 7 phases, ...". */
    public PlanSummary summary() {
        int checks = testSuites.stream().mapToInt(s -> s.checks().size()).sum();
        int cases = testSuites.stream().mapToInt(s -> s.cases().size()).sum();
        int procedures = runbooks.stream().mapToInt(r -> r.procedures().size()).sum();
        return new PlanSummary(issues.size(), phases.size(), checks, cases, runbooks.size(), procedures,
                metrics.size());
    }
}
