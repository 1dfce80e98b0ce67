package io.incidentconsole.importer;

import io.incidentconsole.plan.Criterion;
import io.incidentconsole.plan.Direction;
import io.incidentconsole.plan.Milestone;
import io.incidentconsole.plan.Parameter;
import io.incidentconsole.plan.PhaseStatus;
import io.incidentconsole.plan.Priority;
import io.incidentconsole.plan.Procedure;
import io.incidentconsole.plan.TestCase;
import io.incidentconsole.plan.Threshold;
import io.incidentconsole.plan.AuditGate;
import io.incidentconsole.plan.GuidedStep;
import io.incidentconsole.plan.PlannedWindow;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Plan elements while the document is read: several recognisers may add to the same one (a phase gets its
 * tasks from its section, its timeline from a schedule list, its dependencies once all phases are known).
 * {@link PlanReader} freezes them into {@link PlanDraft} when reading is done.
 */
final class Drafts {

    private Drafts() {
    }

    static final class IssueDraft {
        final String id;
        final int line;
        String title;
        Priority priority;
        String priorityNote;
        String severity;
        String impact;
        String urgency;
        String risk;
        String created;
        String dependencyNote;
        String filesSummary;
        final List<String> affectedFiles = new ArrayList<>();
        String description;

        IssueDraft(String id, String title, int line) {
            this.id = id;
            this.title = title;
            this.line = line;
        }

        PlanDraft.Issue freeze() {
            return new PlanDraft.Issue(id, title, priority, priorityNote, severity, impact, urgency, risk, created,
                    dependencyNote, filesSummary, affectedFiles, description);
        }
    }

    static final class TaskDraft {
        final String text;
        final String issue;
        final List<String> details;
        final Boolean ticked;
        final int line;

        TaskDraft(String text, String issue, List<String> details, Boolean ticked, int line) {
            this.text = text;
            this.issue = issue;
            this.details = details;
            this.ticked = ticked;
            this.line = line;
        }

        PlanDraft.Task freeze() {
            return new PlanDraft.Task(text, issue, details, ticked, line);
        }
    }

    static final class PhaseDraft {
        String id;
        final String number;
        final int from;
        final int to;
        String name;
        final List<String> issues = new ArrayList<>();
        String timeline;
        final Set<String> dependsOn = new LinkedHashSet<>();
        boolean optional;
        PhaseStatus status;
        String statusNote;
        final List<String> description = new ArrayList<>();
        final List<TaskDraft> tasks = new ArrayList<>();
        final List<Criterion> successCriteria = new ArrayList<>();
        final List<Integer> criteriaLines = new ArrayList<>();
        AuditGate audit;
        /** When the document plans the phase ("Week 2", "First 30 minutes"); null when it does not say. */
        PlannedWindow planned;
        /** Steps with a command or a wait, from the shape recognisers; the seed's shape gives none. */
        final List<GuidedStep> guidedSteps = new ArrayList<>();
        final int line;
        boolean hasSection;
        boolean fromTable;
        /** Where the phase stands in the plan's list of phases. */
        int position;

        PhaseDraft(String number, int from, int to, String name, int line) {
            this.number = number;
            this.from = from;
            this.to = to;
            this.name = name;
            this.line = line;
        }

        boolean covers(int n) {
            return from <= n && n <= to;
        }

        private String wordsOf;
        private Set<String> nameWords;

        /** The words of the name ({@link Refs#words}), kept until the name changes: matching by name asks often. */
        Set<String> nameWords() {
            if (nameWords == null || !name.equals(wordsOf)) {
                nameWords = Refs.words(name);
                wordsOf = name;
            }
            return nameWords;
        }

        String issue() {
            return issues.isEmpty() ? null : issues.get(0);
        }

        PlanDraft.Phase freeze() {
            return new PlanDraft.Phase(id, number, name, issues, timeline, List.copyOf(dependsOn), optional, status,
                    statusNote, description, tasks.stream().map(TaskDraft::freeze).toList(), successCriteria, audit, planned,
                    guidedSteps);
        }
    }

    static final class SuiteDraft {
        String id;
        final String title;
        final String issue;
        final List<String> phases = new ArrayList<>();
        String when;
        final List<TaskDraft> checks = new ArrayList<>();
        final List<TestCase> cases = new ArrayList<>();
        final int line;
        boolean phasesGiven;

        SuiteDraft(String id, String title, String issue, int line) {
            this.id = id;
            this.title = title;
            this.issue = issue;
            this.line = line;
        }

        PlanDraft.Suite freeze() {
            return new PlanDraft.Suite(id, title, issue, phases, when, checks.stream().map(TaskDraft::freeze).toList(),
                    cases, line);
        }
    }

    static final class RunbookDraft {
        String id;
        String title;
        boolean titled;
        final String issue;
        final List<Criterion> criteria = new ArrayList<>();
        final List<Parameter> parameters = new ArrayList<>();
        final List<Procedure> procedures = new ArrayList<>();
        final int line;

        RunbookDraft(String id, String title, String issue, int line) {
            this.id = id;
            this.title = title;
            this.issue = issue;
            this.line = line;
        }

        PlanDraft.Runbook freeze() {
            return new PlanDraft.Runbook(id, title, issue, criteria, procedures, line);
        }
    }

    static final class MetricDraft {
        String id;
        final String name;
        final String issue;
        String unit;
        Double baseline;
        Double target;
        Direction direction;
        String targetNote;
        final List<Threshold> thresholds = new ArrayList<>();
        final List<Milestone> milestones = new ArrayList<>();
        final int line;
        private Set<String> words;

        /** The words of the name and unit, for matching prose that mentions the metric. */
        Set<String> words() {
            if (words == null) {
                words = Refs.words(name + " " + (unit == null ? "" : unit));
            }
            return words;
        }

        MetricDraft(String id, String name, String issue, int line) {
            this.id = id;
            this.name = name;
            this.issue = issue;
            this.line = line;
        }

        PlanDraft.Metric freeze() {
            return new PlanDraft.Metric(id, name, issue, unit, baseline, target, direction, targetNote, thresholds,
                    milestones);
        }
    }
}
