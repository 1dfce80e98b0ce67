package io.incidentconsole.plan.outline;

import io.incidentconsole.plan.AuditGate;
import io.incidentconsole.plan.Communication;
import io.incidentconsole.plan.Criterion;
import io.incidentconsole.plan.DecisionTree;
import io.incidentconsole.plan.DependencySet;
import io.incidentconsole.plan.Direction;
import io.incidentconsole.plan.FieldExpectation;
import io.incidentconsole.plan.GuidedStep;
import io.incidentconsole.plan.Metric;
import io.incidentconsole.plan.Milestone;
import io.incidentconsole.plan.Note;
import io.incidentconsole.plan.NoteKind;
import io.incidentconsole.plan.Parameter;
import io.incidentconsole.plan.Phase;
import io.incidentconsole.plan.Plan;
import io.incidentconsole.plan.PlanInfo;
import io.incidentconsole.plan.PlanIssue;
import io.incidentconsole.plan.Procedure;
import io.incidentconsole.plan.ProcedureStep;
import io.incidentconsole.plan.QuantityFormat;
import io.incidentconsole.plan.Runbook;
import io.incidentconsole.plan.SignOff;
import io.incidentconsole.plan.Task;
import io.incidentconsole.plan.TestCase;
import io.incidentconsole.plan.TestSuite;
import io.incidentconsole.plan.Threshold;
import io.incidentconsole.plan.outline.Block.Bullets;
import io.incidentconsole.plan.outline.Block.Checklist;
import io.incidentconsole.plan.outline.Block.Code;
import io.incidentconsole.plan.outline.Block.Fact;
import io.incidentconsole.plan.outline.Block.Facts;
import io.incidentconsole.plan.outline.Block.Heading;
import io.incidentconsole.plan.outline.Block.Markdown;
import io.incidentconsole.plan.outline.Block.Numbered;
import io.incidentconsole.plan.outline.Block.Paragraph;
import io.incidentconsole.plan.outline.Block.Table;
import io.incidentconsole.plan.outline.OutlineSection.Area;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The whole plan as readable sections, in the order an operator reads a coordination plan. Nothing the
 * plan holds is left out: the overview shows every section, each console area the sections it owns.
 */
public final class PlanOutline {

    private PlanOutline() {
    }

    public static List<OutlineSection> of(Plan plan) {
        List<OutlineSection> sections = new ArrayList<>();
        sections.add(summary(plan));
        if (!plan.issues().isEmpty()) {
            sections.add(issueComparison(plan));
        }
        if (!plan.phases().isEmpty()) {
            sections.add(statusTable(plan));
        }
        for (Phase phase : plan.phases()) {
            sections.add(phase(plan, phase));
        }
        for (TestSuite suite : plan.testSuites()) {
            sections.add(testSuite(plan, suite));
        }
        for (Runbook runbook : plan.runbooks()) {
            sections.add(runbook(plan, runbook));
        }
        if (!plan.metrics().isEmpty() || !plan.alerts().isEmpty()) {
            sections.add(metrics(plan));
        }
        for (DecisionTree tree : plan.decisions()) {
            sections.add(decision(plan, tree));
        }
        if (!plan.communication().cadences().isEmpty()) {
            sections.add(communication(plan));
        }
        if (!plan.dependencies().isEmpty()) {
            sections.add(dependencies(plan));
        }
        if (!plan.phases().isEmpty()) {
            sections.add(plannedTimeline(plan));
        }
        sections.add(signOff(plan.signOff()));
        Map<NoteKind, List<Note>> byKind = new EnumMap<>(NoteKind.class);
        plan.notes().stream().filter(n -> n.phase() == null)
                .forEach(n -> byKind.computeIfAbsent(n.kind(), k -> new ArrayList<>()).add(n));
        byKind.forEach((kind, notes) -> sections.add(notes(kind, notes)));
        return sections;
    }

    public static List<OutlineSection> of(Plan plan, Area area) {
        return of(plan).stream().filter(s -> s.area() == area).toList();
    }

    private static OutlineSection summary(Plan plan) {
        PlanInfo info = plan.plan();
        List<Block> blocks = new ArrayList<>();
        blocks.add(facts(
                fact("Date", info.date()),
                fact("Owner", info.owner()),
                fact("Status", info.status()),
                fact("Last updated", info.lastUpdated())));
        if (info.summary() != null) {
            blocks.add(new Markdown(info.summary()));
        }
        if (info.keyDecision() != null) {
            blocks.add(new Facts(List.of(new Fact("Key decision", info.keyDecision()))));
        }
        return new OutlineSection("summary", "Summary", Area.OVERVIEW, blocks);
    }

    private static OutlineSection issueComparison(Plan plan) {
        List<String> headers = new ArrayList<>();
        headers.add("Aspect");
        plan.issues().forEach(i -> headers.add("Issue " + i.label()));
        List<List<String>> rows = new ArrayList<>();
        row(rows, plan, "Title", PlanIssue::title);
        row(rows, plan, "Created", PlanIssue::created);
        row(rows, plan, "Priority", i -> join(i.priority() == null ? null : i.priority().name(), i.priorityNote()));
        row(rows, plan, "Severity", PlanIssue::severity);
        row(rows, plan, "Impact", PlanIssue::impact);
        row(rows, plan, "Files", PlanIssue::filesSummary);
        row(rows, plan, "Urgency", PlanIssue::urgency);
        row(rows, plan, "Risk level", PlanIssue::risk);
        row(rows, plan, "Dependencies", PlanIssue::dependencyNote);
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Table(headers, rows, -1));
        for (PlanIssue issue : plan.issues()) {
            if (issue.description() != null || !issue.affectedFiles().isEmpty()) {
                blocks.add(new Heading("Issue " + issue.label() + ": " + issue.title()));
                if (issue.description() != null) {
                    blocks.add(new Markdown(issue.description()));
                }
                if (!issue.affectedFiles().isEmpty()) {
                    blocks.add(new Facts(List.of(new Fact("Affected files", String.join(", ", issue.affectedFiles())))));
                }
            }
            notesBlocks(plan.notes().stream()
                    .filter(n -> issue.id().equals(n.issue()) && n.phase() == null).toList(), blocks);
        }
        return new OutlineSection("issues", "Issue comparison", Area.OVERVIEW, blocks);
    }

    private static void row(List<List<String>> rows, Plan plan, String label, Function<PlanIssue, String> value) {
        if (plan.issues().stream().map(value).allMatch(Objects::isNull)) {
            return;
        }
        List<String> row = new ArrayList<>();
        row.add(label);
        plan.issues().forEach(i -> row.add(Objects.requireNonNullElse(value.apply(i), "—")));
        rows.add(row);
    }

    private static OutlineSection statusTable(Plan plan) {
        return new OutlineSection("status", "Status tracking", Area.PHASES, List.of(statusTableOf(plan)));
    }

    /** The status tracking table as the plan states it (before any incident). */
    public static Table statusTableOf(Plan plan) {
        List<List<String>> rows = plan.phases().stream().map(p -> List.of(
                p.label(),
                issues(p.issues()),
                p.status().label(),
                p.dependsOn().isEmpty() ? "—" : p.dependsOn().stream().map(id -> phaseLabel(plan, id))
                        .collect(Collectors.joining(", ")),
                Objects.requireNonNullElse(p.timeline(), "—"),
                (p.optional() ? "Optional. " : "") + Objects.requireNonNullElse(p.statusNote(), ""))).toList();
        return new Table(List.of("Phase", "Issue", "Status", "Depends on", "Timeline", "Notes"), rows, 2);
    }

    private static OutlineSection phase(Plan plan, Phase phase) {
        List<Block> blocks = new ArrayList<>();
        blocks.add(facts(
                fact("Issue", issues(phase.issues())),
                fact("Status", phase.status().label()),
                fact("Timeline", phase.timeline()),
                fact("Planned", phase.planned() == null ? null : Quantities.window(phase.planned())),
                fact("Depends on", phase.dependsOn().isEmpty() ? null
                        : phase.dependsOn().stream().map(id -> phaseLabel(plan, id)).collect(Collectors.joining(", "))),
                fact("Optional", phase.optional() ? "yes" : null),
                fact("Notes", phase.statusNote())));
        if (phase.description() != null) {
            blocks.add(new Markdown(phase.description()));
        }
        if (!phase.tasks().isEmpty()) {
            blocks.add(new Heading("Tasks"));
            blocks.add(new Numbered(phase.tasks().stream().map(PlanOutline::task).toList()));
        }
        if (!phase.successCriteria().isEmpty()) {
            blocks.add(new Heading("Success criteria"));
            blocks.add(new Bullets(phase.successCriteria().stream().map(PlanOutline::criterion).toList()));
        }
        if (phase.audit() != null) {
            audit(phase.audit(), blocks);
        }
        if (!phase.guidedSteps().isEmpty()) {
            blocks.add(new Heading("Guided steps"));
            int n = 1;
            for (GuidedStep step : phase.guidedSteps()) {
                blocks.add(new Paragraph(n++ + ". " + step.title()
                        + (step.waitFor() == null ? "" : " (wait " + Quantities.duration(step.waitFor()) + ")")
                        + (step.detail() == null ? "" : " — " + step.detail())));
                if (step.command() != null) {
                    blocks.add(new Code(step.command()));
                }
                if (!step.checks().isEmpty()) {
                    blocks.add(new Checklist(step.checks()));
                }
                if (!step.records().isEmpty()) {
                    blocks.add(new Facts(List.of(new Fact("Records", step.records().stream()
                            .map(p -> p.name() + " (" + p.type() + ")").collect(Collectors.joining(", "))))));
                }
            }
        }
        List<TestSuite> suites = plan.testSuitesOf(phase.id());
        List<Runbook> runbooks = plan.runbooksOf(phase.id());
        if (!suites.isEmpty() || !runbooks.isEmpty()) {
            blocks.add(facts(
                    fact("Tests", suites.isEmpty() ? null
                            : suites.stream().map(TestSuite::title).collect(Collectors.joining(", "))),
                    fact("Rollback", runbooks.isEmpty() ? null
                            : runbooks.stream().map(Runbook::title).collect(Collectors.joining(", ")))));
        }
        notesBlocks(plan.notes().stream().filter(n -> phase.id().equals(n.phase())).toList(), blocks);
        return new OutlineSection("phase:" + phase.id(), "Phase " + phase.label() + " (" + issues(phase.issues()) + ")",
                Area.PHASES, blocks);
    }

    private static void audit(AuditGate audit, List<Block> blocks) {
        blocks.add(new Heading(audit.title() == null ? "Audit gate" : audit.title()));
        blocks.add(new Code(audit.command()));
        blocks.add(new Bullets(audit.expect().stream().map(PlanOutline::expectation).toList()));
        if (audit.sampleOutput() != null) {
            blocks.add(new Paragraph("Expected output:"));
            blocks.add(new Code(audit.sampleOutput().strip()));
        }
    }

    private static String expectation(FieldExpectation e) {
        return e.field() + " must be " + e.equals();
    }

    private static OutlineSection testSuite(Plan plan, TestSuite suite) {
        List<Block> blocks = new ArrayList<>();
        blocks.add(facts(
                fact("Issue", suite.issue() == null ? null : "#" + suite.issue()),
                fact("Phases", suite.phases().isEmpty() ? null
                        : suite.phases().stream().map(id -> phaseLabel(plan, id)).collect(Collectors.joining(", "))),
                fact("When", suite.when())));
        if (!suite.checks().isEmpty()) {
            blocks.add(new Checklist(suite.checks().stream().map(c -> c.text()).toList()));
        }
        for (TestCase testCase : suite.cases()) {
            blocks.add(new Heading(testCase.name()));
            blocks.add(new Numbered(testCase.steps()));
            if (testCase.expected() != null) {
                blocks.add(new Facts(List.of(new Fact("Expected", testCase.expected()))));
            }
        }
        return new OutlineSection("tests:" + suite.id(), suite.title(), Area.TESTS, blocks);
    }

    private static OutlineSection runbook(Plan plan, Runbook runbook) {
        List<Block> blocks = new ArrayList<>();
        blocks.add(facts(fact("Issue", runbook.issue() == null ? null : "#" + runbook.issue())));
        if (!runbook.criteria().isEmpty()) {
            blocks.add(new Heading("Rollback decision criteria"));
            blocks.add(new Checklist(runbook.criteria().stream().map(PlanOutline::criterion).toList()));
        }
        if (!runbook.parameters().isEmpty()) {
            blocks.add(new Heading("Parameters"));
            blocks.add(new Table(List.of("Name", "Type", "Default", "Description"),
                    runbook.parameters().stream().map(PlanOutline::parameterRow).toList(), -1));
        }
        for (Procedure procedure : runbook.procedures()) {
            String phases = procedure.phases().stream().map(id -> phaseLabel(plan, id))
                    .collect(Collectors.joining(", "));
            blocks.add(new Heading((procedure.title() == null ? procedure.id() : procedure.title())
                    + (phases.isEmpty() ? "" : " — phase " + phases)));
            blocks.add(new Code(procedureScript(procedure)));
        }
        return new OutlineSection("runbook:" + runbook.id(), runbook.title(), Area.ROLLBACK, blocks);
    }

    /** The procedure as the plan writes it: comments and command templates, alternatives marked. */
    static String procedureScript(Procedure procedure) {
        StringBuilder out = new StringBuilder();
        for (ProcedureStep step : procedure.steps()) {
            if (out.length() > 0 && (step.title() != null || step.alternative())) {
                out.append('\n');
            }
            if (step.title() != null) {
                out.append("# ").append(step.alternative() ? "Alternative: " : "").append(step.title()).append('\n');
            } else if (step.alternative()) {
                out.append("# Alternative:\n");
            }
            if (step.command() != null) {
                out.append(step.command()).append('\n');
            }
        }
        return out.toString().strip();
    }

    private static List<String> parameterRow(Parameter p) {
        return List.of(p.name(), p.type().name(), Objects.requireNonNullElse(p.defaultValue(), "—"),
                Objects.requireNonNullElse(p.description(), ""));
    }

    private static OutlineSection metrics(Plan plan) {
        List<Block> blocks = new ArrayList<>();
        if (!plan.metrics().isEmpty()) {
            List<List<String>> rows = plan.metrics().stream().map(m -> List.of(
                    m.name(),
                    m.issue() == null ? "—" : "#" + m.issue(),
                    QuantityFormat.compact(m.baseline()) + " → " + QuantityFormat.compact(m.target())
                            + (m.unit() == null ? "" : " " + m.unit()),
                    m.direction() == Direction.DOWN ? "lower is better" : "higher is better",
                    thresholds(m),
                    milestones(plan, m),
                    Objects.requireNonNullElse(m.targetNote(), ""))).toList();
            blocks.add(new Table(List.of("Metric", "Issue", "Baseline → target", "Direction", "Alert thresholds",
                    "Expected after", "Note"), rows, -1));
        }
        if (!plan.alerts().isEmpty()) {
            blocks.add(new Heading("Alert rules"));
            blocks.add(new Table(List.of("Alert", "Condition", "Severity", "Runbook"), plan.alerts().stream()
                    .map(a -> List.of(Objects.requireNonNullElse(a.name(), a.id()), a.when().describe(),
                            a.severity().name(), Objects.requireNonNullElse(a.runbook(), "—"))).toList(), -1));
        }
        return new OutlineSection("metrics", "Success metrics", Area.METRICS, blocks);
    }

    private static String thresholds(Metric m) {
        if (m.thresholds().isEmpty()) {
            return "—";
        }
        return m.thresholds().stream().map(Threshold::value).map(QuantityFormat::exact)
                .collect(Collectors.joining(", "));
    }

    private static String milestones(Plan plan, Metric m) {
        if (m.milestones().isEmpty()) {
            return "—";
        }
        List<String> parts = new ArrayList<>();
        for (Milestone milestone : m.milestones()) {
            parts.add(phaseLabel(plan, milestone.afterPhase()) + ": " + QuantityFormat.compact(milestone.expected()));
        }
        return String.join("; ", parts);
    }

    private static OutlineSection decision(Plan plan, DecisionTree tree) {
        List<Block> blocks = new ArrayList<>();
        blocks.add(facts(fact("Phase", tree.phase() == null ? null : phaseLabel(plan, tree.phase()))));
        for (DecisionTree.DecisionNode node : tree.nodes()) {
            blocks.add(new Heading(node.question()));
            blocks.add(new Bullets(node.answers().stream().map(a -> a.label() + " → " + (a.next() != null
                    ? tree.node(a.next()).map(DecisionTree.DecisionNode::question).orElse(a.next())
                    : tree.outcome(a.outcome()).map(DecisionTree.Outcome::title).orElse(a.outcome()))).toList()));
        }
        if (!tree.outcomes().isEmpty()) {
            blocks.add(new Heading("Outcomes"));
            for (DecisionTree.Outcome outcome : tree.outcomes()) {
                blocks.add(new Paragraph(outcome.title()));
                if (!outcome.actions().isEmpty()) {
                    blocks.add(new Bullets(outcome.actions()));
                }
            }
        }
        return new OutlineSection("decision:" + tree.id(), "Decision: " + tree.title(), Area.PHASES, blocks);
    }

    private static OutlineSection communication(Plan plan) {
        List<Block> blocks = new ArrayList<>();
        for (Communication.Cadence cadence : plan.communication().cadences()) {
            blocks.add(new Heading(cadence.title() == null ? cadence.id() : cadence.title()));
            String how = cadence.every() != null ? "every " + Quantities.duration(cadence.every()) : null;
            if (cadence.atMilestones()) {
                how = how == null ? "at milestones" : how + " and at milestones";
            }
            blocks.add(facts(
                    fact("Audience", cadence.audience()),
                    fact("When", how),
                    fact("During", cadence.phases().isEmpty() ? null
                            : cadence.phases().stream().map(id -> phaseLabel(plan, id)).collect(Collectors.joining(", ")))));
            if (!cadence.contents().isEmpty()) {
                blocks.add(new Bullets(cadence.contents()));
            }
        }
        return new OutlineSection("communication", "Communication plan", Area.OVERVIEW, blocks);
    }

    private static OutlineSection dependencies(Plan plan) {
        List<Block> blocks = new ArrayList<>();
        for (DependencySet set : plan.dependencies()) {
            blocks.add(new Heading("#" + set.issue()));
            list(blocks, "External", set.external());
            list(blocks, "Internal", set.internal());
            list(blocks, "Blockers", set.blockers());
        }
        return new OutlineSection("dependencies", "Dependencies & blockers", Area.OVERVIEW, blocks);
    }

    private static void list(List<Block> blocks, String title, List<String> items) {
        blocks.add(new Paragraph(title + ":"));
        blocks.add(new Bullets(items.isEmpty() ? List.of("None") : items));
    }

    private static OutlineSection plannedTimeline(Plan plan) {
        List<List<String>> rows = plan.phases().stream().map(p -> List.of(
                p.label(), issues(p.issues()), p.status().label(),
                Quantities.window(p.planned()), Objects.requireNonNullElse(p.timeline(), "—"))).toList();
        return new OutlineSection("timeline", "Planned timeline", Area.TIMELINE, List.of(
                new Table(List.of("Phase", "Issue", "Status", "Planned window", "Timeline"), rows, 2)));
    }

    private static OutlineSection signOff(SignOff signOff) {
        List<Block> blocks = new ArrayList<>();
        blocks.add(facts(
                fact("Plan status", signOff.status()),
                fact("Next action", signOff.nextAction()),
                fact("Document owner", signOff.owner())));
        if (!signOff.approvals().isEmpty()) {
            blocks.add(new Checklist(signOff.approvals().stream()
                    .map(a -> a.title() + (a.role() == null ? "" : " (" + a.role() + ")")).toList()));
        }
        return new OutlineSection("signoff", "Approval & sign-off", Area.OVERVIEW, blocks);
    }

    private static OutlineSection notes(NoteKind kind, List<Note> notes) {
        List<Block> blocks = new ArrayList<>();
        notesBlocks(notes, blocks);
        String title = switch (kind) {
            case ANALYSIS -> "Analysis";
            case RATIONALE -> "Rationale";
            case LESSONS -> "Lessons learned";
            case REFERENCE -> "References";
            case OTHER -> "Notes";
        };
        return new OutlineSection("notes:" + kind.name().toLowerCase(Locale.ROOT), title, Area.OVERVIEW,
                blocks);
    }

    private static void notesBlocks(List<Note> notes, List<Block> blocks) {
        for (Note note : notes) {
            blocks.add(new Heading(note.title()));
            if (note.body() != null) {
                blocks.add(new Markdown(note.body()));
            }
        }
    }

    private static String task(Task task) {
        String text = (task.issue() == null ? "" : "#" + task.issue() + ": ") + task.text();
        return task.details().isEmpty() ? text : text + "\n  – " + String.join("\n  – ", task.details());
    }

    private static String criterion(Criterion c) {
        return c.when() == null ? c.text() : c.text() + "  [" + c.when().describe() + "]";
    }

    private static String phaseLabel(Plan plan, String id) {
        return plan.phase(id).map(p -> p.label() + " (" + issues(p.issues()) + ")").orElse(id);
    }

    private static String issues(List<String> ids) {
        return ids.isEmpty() ? "—" : ids.stream().map(i -> "#" + i).collect(Collectors.joining(", "));
    }

    private static String join(String a, String b) {
        if (a == null) {
            return b;
        }
        return b == null ? a : a + " — " + b;
    }

    private static Fact fact(String label, Object value) {
        return value == null ? null : new Fact(label, value.toString());
    }

    private static Facts facts(Fact... facts) {
        List<Fact> present = new ArrayList<>();
        for (Fact f : facts) {
            if (f != null) {
                present.add(f);
            }
        }
        return new Facts(present);
    }
}
