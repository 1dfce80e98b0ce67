package io.incidentconsole.importer;

import io.incidentconsole.plan.AuditGate;
import io.incidentconsole.plan.Communication;
import io.incidentconsole.plan.Criterion;
import io.incidentconsole.plan.DecisionTree;
import io.incidentconsole.plan.DependencySet;
import io.incidentconsole.plan.Direction;
import io.incidentconsole.plan.GuidedStep;
import io.incidentconsole.plan.PlannedWindow;
import io.incidentconsole.plan.Milestone;
import io.incidentconsole.plan.Note;
import io.incidentconsole.plan.PhaseStatus;
import io.incidentconsole.plan.Priority;
import io.incidentconsole.plan.SignOff;
import io.incidentconsole.plan.Procedure;
import io.incidentconsole.plan.TestCase;
import io.incidentconsole.plan.Threshold;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Everything the recognisers read from one document, frozen: the input of {@link PlanAssembler}. Lists are
 * unmodifiable copies; the plan elements keep the source lines the report needs.
 */
record PlanDraft(Header header, String summary, List<Issue> issues, List<Phase> phases, List<Suite> suites,
                 List<Runbook> runbooks, List<Metric> metrics, List<DecisionTree> decisions,
                 List<Communication.Cadence> cadences, List<DependencySet> dependencies, List<Note> notes,
                 List<SignOff.Approval> approvals) {

    PlanDraft {
        issues = List.copyOf(issues);
        phases = List.copyOf(phases);
        suites = List.copyOf(suites);
        runbooks = List.copyOf(runbooks);
        metrics = List.copyOf(metrics);
        decisions = List.copyOf(decisions);
        cadences = List.copyOf(cadences);
        dependencies = List.copyOf(dependencies);
        notes = List.copyOf(notes);
        approvals = List.copyOf(approvals);
    }

    Set<String> issueIds() {
        return issues.stream().map(Issue::id).collect(Collectors.toUnmodifiableSet());
    }

    /** The document's title and the fields of its header and sign-off. */
    record Header(String title, LocalDate date, String owner, String status, String keyDecision, LocalDate lastUpdated,
                  String signOffStatus, String nextAction, String signOffOwner) {
    }

    record Issue(String id, String title, Priority priority, String priorityNote, String severity, String impact,
                 String urgency, String risk, String created, String dependencyNote, String filesSummary,
                 List<String> affectedFiles, String description) {
        Issue {
            affectedFiles = List.copyOf(affectedFiles);
        }
    }

    /** A task or a check; {@code ticked} is null for a plain list item. */
    record Task(String text, String issue, List<String> details, Boolean ticked, int line) {
        Task {
            details = details == null ? null : List.copyOf(details);
        }
    }

    record Phase(String id, String number, String name, List<String> issues, String timeline, List<String> dependsOn,
                 boolean optional, PhaseStatus status, String statusNote, List<String> description, List<Task> tasks,
                 List<Criterion> successCriteria, AuditGate audit, PlannedWindow planned, List<GuidedStep> guidedSteps) {
        Phase {
            guidedSteps = List.copyOf(guidedSteps);
            issues = List.copyOf(issues);
            dependsOn = List.copyOf(dependsOn);
            description = List.copyOf(description);
            tasks = List.copyOf(tasks);
            successCriteria = List.copyOf(successCriteria);
        }
    }

    record Suite(String id, String title, String issue, List<String> phases, String when, List<Task> checks,
                 List<TestCase> cases, int line) {
        Suite {
            phases = List.copyOf(phases);
            checks = List.copyOf(checks);
            cases = List.copyOf(cases);
        }
    }

    record Runbook(String id, String title, String issue, List<Criterion> criteria, List<Procedure> procedures, int line) {
        Runbook {
            criteria = List.copyOf(criteria);
            procedures = List.copyOf(procedures);
        }
    }

    record Metric(String id, String name, String issue, String unit, Double baseline, Double target,
                  Direction direction, String targetNote, List<Threshold> thresholds, List<Milestone> milestones) {
        Metric {
            thresholds = List.copyOf(thresholds);
            milestones = List.copyOf(milestones);
        }
    }
}
