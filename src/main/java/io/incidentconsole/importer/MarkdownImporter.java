package io.incidentconsole.importer;

import io.incidentconsole.importer.Drafts.IssueDraft;
import io.incidentconsole.importer.Drafts.MetricDraft;
import io.incidentconsole.importer.Drafts.PhaseDraft;
import io.incidentconsole.importer.Drafts.RunbookDraft;
import io.incidentconsole.importer.Drafts.SuiteDraft;
import io.incidentconsole.importer.Drafts.TaskDraft;
import io.incidentconsole.plan.CheckItem;
import io.incidentconsole.plan.Communication;
import io.incidentconsole.plan.Metric;
import io.incidentconsole.plan.Note;
import io.incidentconsole.plan.NoteKind;
import io.incidentconsole.plan.Phase;
import io.incidentconsole.plan.Plan;
import io.incidentconsole.plan.PlanInfo;
import io.incidentconsole.plan.PlanIssue;
import io.incidentconsole.plan.PlanLoadResult;
import io.incidentconsole.plan.PlanLoader;
import io.incidentconsole.plan.ProcedureStep;
import io.incidentconsole.plan.Runbook;
import io.incidentconsole.plan.SignOff;
import io.incidentconsole.plan.Task;
import io.incidentconsole.plan.TestSuite;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Turns a Markdown outage plan into a plan: {@link #importDocument} never throws; the result always loads
 * with {@link PlanLoader} (it is loaded from the YAML it returns) and comes with a report of what was
 * recognised, what was left as notes and what was decided.
 */
public final class MarkdownImporter {

    /**
     * No more of a Markdown document is read (the seed is about 40 KB): a bigger input is refused with one line
     * rather than parsed for minutes, and the plan built from the largest accepted one still loads.
     */
    public static final long MAX_BYTES = 2L * 1024 * 1024;

    private final PlanLoader loader;
    private final PlanYaml yamlWriter = new PlanYaml();

    public MarkdownImporter() {
        this(new PlanLoader());
    }

    public MarkdownImporter(PlanLoader loader) {
        this.loader = loader;
    }

    public ImportResult importDocument(String sourceName, String markdown) {
        String source = sourceName == null || sourceName.isBlank() ? "document.md" : sourceName;
        ReportLog log = new ReportLog();
        Plan plan;
        try {
            plan = build(source, markdown == null ? "" : markdown, log);
        } catch (RuntimeException | StackOverflowError e) {
            // A bug in a recogniser must not cost the operator the document: keep it whole as a note.
            log.decided(0, "could not read the document's structure (" + e + "); kept the whole text as a note");
            plan = wholeDocumentAsNote(source, markdown == null ? "" : markdown);
        }
        return finish(source, plan, markdown == null ? "" : markdown, log);
    }

    private ImportResult finish(String source, Plan plan, String markdown, ReportLog log) {
        String header = "# Imported from " + oneLine(source) + " by incident-console import.\n"
                + "# Check it against the import report, then edit freely.\n";
        // Fallbacks are built only when needed: the whole-document note repairs the whole text again.
        List<Supplier<Plan>> attempts = List.of(() -> plan, () -> withShortNotes(plan, source),
                () -> wholeDocumentAsNote(source, markdown), () -> emptyPlan(source));
        for (int i = 0; i < attempts.size(); i++) {
            try {
                Plan attempt = attempts.get(i).get();
                String yaml = yamlWriter.write(attempt, header);
                PlanLoadResult loaded = loader.load(source, yaml);
                if (loaded.ok()) {
                    return new ImportResult(loaded.plan(), yaml, log.build(source));
                }
                log.decided(0, "the plan built " + (i == 0 ? "from the document" : i == 1 ? "with shortened notes" : "as a fallback")
                        + " did not validate (" + loaded.problems().get(0) + (loaded.problems().size() > 1
                        ? " and " + (loaded.problems().size() - 1) + " more" : "") + "); fell back to a simpler plan");
            } catch (RuntimeException e) {
                log.decided(0, "could not write the plan as YAML (" + e.getMessage() + "); fell back to a simpler plan");
            }
        }
        throw new IllegalStateException("even an empty plan does not validate");
    }

    private static final int SHORT_NOTE = 400;

    /**
     * The plan with each long note cut to its start, for documents whose plan file would be too large to load
     * (the loader refuses YAML over a few MB); the note says where the full text is.
     */
    private static Plan withShortNotes(Plan plan, String source) {
        List<Note> notes = new ArrayList<>();
        for (Note n : plan.notes()) {
            String body = n.body();
            if (body != null && body.length() > SHORT_NOTE) {
                body = body.substring(0, SHORT_NOTE) + "…\n\n[shortened on import: the plan file would be too large to load;"
                        + " the full text is in " + oneLine(source) + "]";
            }
            notes.add(new Note(n.id(), n.title(), n.kind(), n.issue(), n.phase(), body));
        }
        return new Plan(plan.plan(), plan.issues(), plan.phases(), plan.testSuites(), plan.runbooks(), plan.metrics(),
                plan.alerts(), plan.decisions(), plan.communication(), plan.dependencies(), plan.signOff(), notes);
    }

    private static String oneLine(String s) {
        return s.replaceAll("[\\r\\n\\p{Cntrl}]", " ");
    }

    private static Plan emptyPlan(String source) {
        return new Plan(new PlanInfo(titleFrom(source), null, null, null, null, null, null),
                null, null, null, null, null, null, null, null, null, null, null);
    }

    private static Plan wholeDocumentAsNote(String source, String markdown) {
        String text = InputRepair.repair(markdown).text();
        List<Note> notes = text.isBlank() ? List.of()
                : List.of(new Note("note-1", "Imported document", NoteKind.OTHER, null, null, text));
        return new Plan(new PlanInfo(titleFrom(source), null, null, null, null, null, null),
                null, null, null, null, null, null, null, null, null, null, notes);
    }

    private static String titleFrom(String source) {
        String name = source.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceFirst("\\.(md|markdown|txt)$", "");
        name = oneLine(name).strip();
        return name.isEmpty() ? "Imported plan" : name;
    }

    private Plan build(String source, String markdown, ReportLog log) {
        InputRepair.Repaired repaired = InputRepair.repair(markdown);
        if (repaired.mojibakeSequences() > 0) {
            log.decided(0, "repaired " + repaired.mojibakeSequences() + " mojibake sequences (UTF-8 read as Mac Roman, "
                    + "e.g. '‚Üí' → '→') before parsing; the importer then reads the real characters");
        }
        if (repaired.replacedCharacters() > 0) {
            log.decided(0, "replaced " + repaired.replacedCharacters() + " control or invalid characters by U+FFFD");
        }
        Outline outline = Outline.parse(repaired.text());
        PlanReader reader = new PlanReader(outline, log);
        reader.read(titleFrom(source));
        return assemble(reader, log);
    }

    private static Plan assemble(PlanReader r, ReportLog log) {
        PlanInfo info = new PlanInfo(r.title, r.date, r.owner, r.status, r.summary, r.keyDecision, r.lastUpdated);
        List<PlanIssue> issues = new ArrayList<>();
        for (IssueDraft d : r.issues.values()) {
            issues.add(new PlanIssue(d.id, d.title, d.priority, d.priorityNote, d.severity, d.impact, d.urgency, d.risk,
                    d.created, d.dependencyNote, d.filesSummary, d.affectedFiles, d.description));
        }
        List<Phase> phases = new ArrayList<>();
        Map<String, Integer> order = new HashMap<>();
        r.phases.forEach(p -> order.putIfAbsent(p.id, order.size()));
        for (PhaseDraft d : r.phases) {
            List<String> dependsOn = new ArrayList<>(d.dependsOn);
            dependsOn.sort(java.util.Comparator.comparingInt(id -> order.getOrDefault(id, -1)));
            List<Task> tasks = new ArrayList<>();
            for (int i = 0; i < d.tasks.size(); i++) {
                TaskDraft t = d.tasks.get(i);
                String id = d.id + ".task-" + (i + 1);
                // A task may name an issue the document never defines (e.g. "#324 Tasks" in a plan without #324).
                String issue = t.issue != null && r.issues.containsKey(t.issue) ? t.issue : null;
                if (t.issue != null && issue == null) {
                    log.decided(t.line, "task '" + t.text + "' names issue #" + t.issue
                            + ", which the document does not define; kept the task without it");
                }
                tasks.add(new Task(null, t.text, issue, t.details, Boolean.TRUE.equals(t.ticked)));
                log.recognised("task", id, t.text, t.line, tick(t));
            }
            String description = d.description.isEmpty() ? null : String.join("\n", d.description);
            phases.add(new Phase(d.id, d.number, d.name, d.issues, d.timeline, null, dependsOn,
                    d.optional, d.status, d.statusNote, description, tasks, d.successCriteria, null, d.audit));
        }
        List<TestSuite> suites = new ArrayList<>();
        for (SuiteDraft d : r.suites) {
            if (d.checks.isEmpty() && d.cases.isEmpty()) {
                log.decided(d.line, "test suite '" + d.title + "' has no checks or cases; left it out");
                continue;
            }
            List<CheckItem> checks = new ArrayList<>();
            for (int i = 0; i < d.checks.size(); i++) {
                TaskDraft t = d.checks.get(i);
                checks.add(new CheckItem(null, t.text, Boolean.TRUE.equals(t.ticked)));
                log.recognised("check", d.id + ".check-" + (i + 1), t.text, t.line, tick(t));
            }
            suites.add(new TestSuite(d.id, d.title, d.issue, d.phases, d.when, checks, d.cases));
        }
        List<Runbook> runbooks = new ArrayList<>();
        for (RunbookDraft d : r.runbooks.values()) {
            if (d.procedures.isEmpty()) {
                if (!d.criteria.isEmpty()) {
                    log.decided(d.line, "rollback criteria of '" + d.title + "' have no procedure to go with; "
                            + "kept them in a note");
                    StringBuilder body = new StringBuilder();
                    d.criteria.forEach(c -> body.append("- ").append(c.text()).append('\n'));
                    r.notes.add(new Note("note-" + (r.notes.size() + 1), d.title + " (decision criteria)",
                            NoteKind.OTHER, d.issue, null, body.toString().strip()));
                }
                continue;
            }
            List<String> commands = new ArrayList<>();
            d.procedures.forEach(p -> p.steps().stream().map(ProcedureStep::command)
                    .filter(java.util.Objects::nonNull).forEach(commands::add));
            List<io.incidentconsole.plan.Parameter> parameters = Commands.parameters(commands);
            parameters.forEach(p -> log.recognised("parameter", d.id, p.name(), d.line, p.type().name()));
            runbooks.add(new Runbook(d.id, d.title, d.issue, d.criteria, parameters, d.procedures));
            log.recognised("runbook", d.id, d.title, d.line, d.procedures.size() + " procedures");
        }
        List<Metric> metrics = new ArrayList<>();
        for (MetricDraft d : r.metrics) {
            metrics.add(new Metric(d.id, d.name, d.issue, d.unit, d.baseline, d.target, d.direction, d.targetNote,
                    d.thresholds, d.milestones, null));
        }
        SignOff signOff = r.signOffStatus == null && r.nextAction == null && r.signOffOwner == null ? null
                : new SignOff(r.signOffStatus, r.nextAction, r.signOffOwner, null);
        return new Plan(info, issues, phases, suites, runbooks, metrics, null, r.decisions,
                new Communication(r.cadences), r.dependencies, signOff, r.notes);
    }

    private static String tick(TaskDraft t) {
        return t.ticked == null ? null : t.ticked ? "ticked" : "not ticked";
    }
}
