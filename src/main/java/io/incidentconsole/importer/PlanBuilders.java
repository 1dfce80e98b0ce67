package io.incidentconsole.importer;

import io.incidentconsole.plan.AlertRule;
import io.incidentconsole.plan.AuditGate;
import io.incidentconsole.plan.Communication;
import io.incidentconsole.plan.Criterion;
import io.incidentconsole.plan.DecisionTree;
import io.incidentconsole.plan.DependencySet;
import io.incidentconsole.plan.Direction;
import io.incidentconsole.plan.GuidedStep;
import io.incidentconsole.plan.Metric;
import io.incidentconsole.plan.MetricBinding;
import io.incidentconsole.plan.Milestone;
import io.incidentconsole.plan.Note;
import io.incidentconsole.plan.Phase;
import io.incidentconsole.plan.PhaseStatus;
import io.incidentconsole.plan.Plan;
import io.incidentconsole.plan.PlanInfo;
import io.incidentconsole.plan.PlanIssue;
import io.incidentconsole.plan.PlannedWindow;
import io.incidentconsole.plan.Priority;
import io.incidentconsole.plan.Runbook;
import io.incidentconsole.plan.SignOff;
import io.incidentconsole.plan.Task;
import io.incidentconsole.plan.TestSuite;
import io.incidentconsole.plan.Threshold;

import java.time.LocalDate;
import java.util.List;

/**
 * Named builders for the plan records with many components, so the assembler says which value is which
 * instead of passing thirteen positional arguments; a component not set stays null (empty for lists).
 */
final class PlanBuilders {

    private PlanBuilders() {
    }

    static final class PlanBuilder {
        private PlanInfo info;
        private List<PlanIssue> issues;
        private List<Phase> phases;
        private List<TestSuite> testSuites;
        private List<Runbook> runbooks;
        private List<Metric> metrics;
        private List<AlertRule> alerts;
        private List<DecisionTree> decisions;
        private Communication communication;
        private List<DependencySet> dependencies;
        private SignOff signOff;
        private List<Note> notes;

        PlanBuilder info(PlanInfo v) { info = v; return this; }
        PlanBuilder issues(List<PlanIssue> v) { issues = v; return this; }
        PlanBuilder phases(List<Phase> v) { phases = v; return this; }
        PlanBuilder testSuites(List<TestSuite> v) { testSuites = v; return this; }
        PlanBuilder runbooks(List<Runbook> v) { runbooks = v; return this; }
        PlanBuilder metrics(List<Metric> v) { metrics = v; return this; }
        PlanBuilder alerts(List<AlertRule> v) { alerts = v; return this; }
        PlanBuilder decisions(List<DecisionTree> v) { decisions = v; return this; }
        PlanBuilder communication(Communication v) { communication = v; return this; }
        PlanBuilder dependencies(List<DependencySet> v) { dependencies = v; return this; }
        PlanBuilder signOff(SignOff v) { signOff = v; return this; }
        PlanBuilder notes(List<Note> v) { notes = v; return this; }

        /** A builder holding every component of the plan, to change some of them. */
        static PlanBuilder from(Plan p) {
            return new PlanBuilder().info(p.plan()).issues(p.issues()).phases(p.phases()).testSuites(p.testSuites())
                    .runbooks(p.runbooks()).metrics(p.metrics()).alerts(p.alerts()).decisions(p.decisions())
                    .communication(p.communication()).dependencies(p.dependencies()).signOff(p.signOff()).notes(p.notes());
        }

        Plan build() {
            return new Plan(info, issues, phases, testSuites, runbooks, metrics, alerts, decisions, communication,
                    dependencies, signOff, notes);
        }
    }

    static final class InfoBuilder {
        private String title;
        private LocalDate date;
        private String owner;
        private String status;
        private String summary;
        private String keyDecision;
        private LocalDate lastUpdated;

        InfoBuilder title(String v) { title = v; return this; }
        InfoBuilder date(LocalDate v) { date = v; return this; }
        InfoBuilder owner(String v) { owner = v; return this; }
        InfoBuilder status(String v) { status = v; return this; }
        InfoBuilder summary(String v) { summary = v; return this; }
        InfoBuilder keyDecision(String v) { keyDecision = v; return this; }
        InfoBuilder lastUpdated(LocalDate v) { lastUpdated = v; return this; }

        PlanInfo build() {
            return new PlanInfo(title, date, owner, status, summary, keyDecision, lastUpdated);
        }
    }

    static final class IssueBuilder {
        private String id;
        private String title;
        private Priority priority;
        private String priorityNote;
        private String severity;
        private String impact;
        private String urgency;
        private String risk;
        private String created;
        private String dependencyNote;
        private String filesSummary;
        private List<String> affectedFiles;
        private String description;

        IssueBuilder id(String v) { id = v; return this; }
        IssueBuilder title(String v) { title = v; return this; }
        IssueBuilder priority(Priority v) { priority = v; return this; }
        IssueBuilder priorityNote(String v) { priorityNote = v; return this; }
        IssueBuilder severity(String v) { severity = v; return this; }
        IssueBuilder impact(String v) { impact = v; return this; }
        IssueBuilder urgency(String v) { urgency = v; return this; }
        IssueBuilder risk(String v) { risk = v; return this; }
        IssueBuilder created(String v) { created = v; return this; }
        IssueBuilder dependencyNote(String v) { dependencyNote = v; return this; }
        IssueBuilder filesSummary(String v) { filesSummary = v; return this; }
        IssueBuilder affectedFiles(List<String> v) { affectedFiles = v; return this; }
        IssueBuilder description(String v) { description = v; return this; }

        PlanIssue build() {
            return new PlanIssue(id, title, priority, priorityNote, severity, impact, urgency, risk, created,
                    dependencyNote, filesSummary, affectedFiles, description);
        }
    }

    static final class PhaseBuilder {
        private String id;
        private String number;
        private String name;
        private List<String> issues;
        private String timeline;
        private PlannedWindow planned;
        private List<String> dependsOn;
        private boolean optional;
        private PhaseStatus status;
        private String statusNote;
        private String description;
        private List<Task> tasks;
        private List<Criterion> successCriteria;
        private List<GuidedStep> guidedSteps;
        private AuditGate audit;

        PhaseBuilder id(String v) { id = v; return this; }
        PhaseBuilder number(String v) { number = v; return this; }
        PhaseBuilder name(String v) { name = v; return this; }
        PhaseBuilder issues(List<String> v) { issues = v; return this; }
        PhaseBuilder timeline(String v) { timeline = v; return this; }
        PhaseBuilder planned(PlannedWindow v) { planned = v; return this; }
        PhaseBuilder dependsOn(List<String> v) { dependsOn = v; return this; }
        PhaseBuilder optional(boolean v) { optional = v; return this; }
        PhaseBuilder status(PhaseStatus v) { status = v; return this; }
        PhaseBuilder statusNote(String v) { statusNote = v; return this; }
        PhaseBuilder description(String v) { description = v; return this; }
        PhaseBuilder tasks(List<Task> v) { tasks = v; return this; }
        PhaseBuilder successCriteria(List<Criterion> v) { successCriteria = v; return this; }
        PhaseBuilder guidedSteps(List<GuidedStep> v) { guidedSteps = v; return this; }
        PhaseBuilder audit(AuditGate v) { audit = v; return this; }

        Phase build() {
            return new Phase(id, number, name, issues, timeline, planned, dependsOn, optional, status, statusNote,
                    description, tasks, successCriteria, guidedSteps, audit);
        }
    }

    static final class MetricBuilder {
        private String id;
        private String name;
        private String issue;
        private String unit;
        private Double baseline;
        private Double target;
        private Direction direction;
        private String targetNote;
        private List<Threshold> thresholds;
        private List<Milestone> milestones;
        private MetricBinding source;

        MetricBuilder id(String v) { id = v; return this; }
        MetricBuilder name(String v) { name = v; return this; }
        MetricBuilder issue(String v) { issue = v; return this; }
        MetricBuilder unit(String v) { unit = v; return this; }
        MetricBuilder baseline(Double v) { baseline = v; return this; }
        MetricBuilder target(Double v) { target = v; return this; }
        MetricBuilder direction(Direction v) { direction = v; return this; }
        MetricBuilder targetNote(String v) { targetNote = v; return this; }
        MetricBuilder thresholds(List<Threshold> v) { thresholds = v; return this; }
        MetricBuilder milestones(List<Milestone> v) { milestones = v; return this; }
        MetricBuilder source(MetricBinding v) { source = v; return this; }

        Metric build() {
            return new Metric(id, name, issue, unit, baseline, target, direction, targetNote, thresholds, milestones, source);
        }
    }
}
