package io.incidentconsole.importer;

import io.incidentconsole.importer.Drafts.PhaseDraft;
import io.incidentconsole.importer.Drafts.SuiteDraft;
import io.incidentconsole.importer.Drafts.TaskDraft;
import io.incidentconsole.importer.MdText.Field;
import io.incidentconsole.importer.MdText.Item;
import io.incidentconsole.importer.Outline.Section;
import io.incidentconsole.importer.ReadContext.PendingDependency;
import io.incidentconsole.importer.ReadContext.Unit;
import io.incidentconsole.plan.Criterion;
import io.incidentconsole.plan.DecisionTree;
import io.incidentconsole.plan.PhaseStatus;
import org.commonmark.node.ListBlock;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Phase headings ("PHASE 2: Fix the fallback (#330 Only)", "Week 3 - Cleanup") and what their sections hold:
 * timeline, status and dependency fields, tasks, success criteria, per-phase checklists, rollback steps and
 * decision trees. A heading with the number of a status-table row fills that row's phase.
 */
final class PhaseRecogniser {

    private static final Pattern PHASE_HEADING = Pattern.compile(
            "(?i)^(?:[#\\d.]*\\s*)?(phase|stage|step|week|wave|milestone)\\s+(\\d{1,4})(?:\\s*[-–]\\s*(\\d{1,4}))?"
                    + "\\s*(?:[:.)—–-]+\\s*(.*))?$");
    private static final Pattern HEADING_ASIDE = Pattern.compile("\\([^)]*(#|\\b(?i:only|optional|begins|parallel)\\b)[^)]*\\)");
    private static final Pattern TIMELINE_KEY = Pattern.compile("timeline|when|duration|eta|schedule|window|timing");
    private static final Pattern STATUS_KEY = Pattern.compile("status|state");
    private static final Pattern DEPENDENCY_KEY = Pattern.compile("depends on|dependencies|prerequisites?|after|requires|blocked by");
    private static final Pattern DECISION = Pattern.compile("\\bdecision\\b");
    private static final Pattern TESTING_LABEL = Pattern.compile("\\b(tests?|testing|verification|validation|checks)\\b");
    private static final Pattern TASK_LABEL = Pattern.compile("\\b(tasks?|steps?|actions?|to ?do|checklist|procedure|runbook|work items?|deployment|cutover|rollout|plan)\\b");
    private static final Pattern CRITERIA_LABEL = Pattern.compile("\\b(success criteria|exit criteria|acceptance|done when|go[ /-]*no[ -]*go|go criteria|criteria|definition of done)\\b");

    private final ReadContext ctx;
    private final RollbackRecogniser rollback;

    PhaseRecogniser(ReadContext ctx, RollbackRecogniser rollback) {
        this.ctx = ctx;
        this.rollback = rollback;
    }

    /** The decision trees found in phase sections, in document order. */
    private final List<DecisionTree> decisions = new ArrayList<>();

    List<DecisionTree> decisions() {
        return List.copyOf(decisions);
    }

    void headings() {
        for (Section section : ctx.outline.sections) {
            Matcher m = PHASE_HEADING.matcher(section.title);
            if (!m.matches() || ctx.phases.inPhase(section.parent) != null || ctx.isChosen(section)) {
                continue;
            }
            if (m.group(1).equalsIgnoreCase("step") && ctx.runbookDocument()) {
                continue; // "Step 2" of a runbook is a step of its procedure or phase, not a phase of its own
            }
            int from = Integer.parseInt(m.group(2));
            int to = m.group(3) == null ? from : Integer.parseInt(m.group(3));
            String number = m.group(3) == null ? m.group(2) : m.group(2) + "-" + m.group(3);
            String rest = m.group(4) == null ? "" : m.group(4);
            List<String> headingIssues = Refs.issues(section.title, ctx.issues.keySet());
            headingIssues.removeIf(id -> !ctx.issues.containsKey(id));
            String name = ReadContext.clean(HEADING_ASIDE.matcher(rest).replaceAll(""));
            PhaseDraft phase = matchPhase(headingIssues, from, to, name, section.line);
            if (phase == null) {
                List<String> phaseIssues = new ArrayList<>(headingIssues);
                if (phaseIssues.isEmpty() && ctx.issues.size() == 1) {
                    phaseIssues.add(ctx.issues.keySet().iterator().next());
                }
                phase = ctx.newPhase(number, from, to, name.isBlank() ? section.title : name, phaseIssues, section.line);
            } else if (!name.isBlank() && !Refs.words(name).equals(Refs.words(phase.name))) {
                ctx.log.decided(section.line, "heading '" + section.title + "' is " + phase.id + " '" + phase.name
                        + "' of the status table; kept the table's name");
            }
            if (section.title.toLowerCase(Locale.ROOT).contains("optional")) {
                phase.optional = true;
            }
            phase.hasSection = true;
            ctx.phases.sectionOf(section, phase);
            content(phase, section);
        }
    }

    private PhaseDraft matchPhase(List<String> headingIssues, int from, int to, String name, int line) {
        List<PhaseDraft> candidates = new ArrayList<>();
        List<PhaseDraft> pool = ctx.phases.covering(from);
        if (!headingIssues.isEmpty()) {
            // Only phases of the heading's issues qualify: look among those rather than every phase numbered alike.
            pool = new ArrayList<>();
            for (String issue : headingIssues) {
                pool.addAll(ctx.phases.of(issue));
            }
            pool.sort(Comparator.comparingInt(p -> p.position));
        }
        for (PhaseDraft p : pool) {
            if (p.from == from && p.to == to && !p.hasSection
                    && (headingIssues.isEmpty() || headingIssues.contains(p.issue()))) {
                candidates.add(p);
            }
        }
        if (candidates.size() > 1) {
            Set<String> nameWords = Refs.words(name);
            PhaseDraft best = candidates.get(0);
            int bestScore = ReadContext.overlap(best.nameWords(), nameWords);
            for (PhaseDraft candidate : candidates.subList(1, candidates.size())) {
                int score = ReadContext.overlap(candidate.nameWords(), nameWords);
                if (score > bestScore) {
                    best = candidate;
                    bestScore = score;
                }
            }
            ctx.log.decided(line, "phase heading " + from + " fits " + ReportLog.listed(candidates.stream().map(p -> p.id)
                    .toList()) + "; took " + best.id + " (closest name)");
            return best;
        }
        return candidates.isEmpty() ? null : candidates.get(0);
    }

    private void content(PhaseDraft phase, Section section) {
        for (Section sub : section.tree()) {
            for (Unit unit : ctx.units(sub)) {
                boolean heading = unit.labelNode() == null;
                String label = heading && sub == section ? null : unit.label();
                unit(phase, label, unit);
            }
        }
    }

    private void unit(PhaseDraft phase, String label, Unit unit) {
        String l = label == null ? "" : label.toLowerCase(Locale.ROOT);
        List<String> labelIssues = label == null ? List.of() : Refs.issues(label, ctx.issues.keySet());
        PhaseDraft target = phase;
        String taskIssue = null;
        if (!labelIssues.isEmpty() && !phase.issues.contains(labelIssues.get(0))) {
            PhaseDraft sibling = ctx.phases.of(labelIssues.get(0)).stream()
                    .filter(p -> p.from == phase.from).findFirst().orElse(null);
            if (sibling != null) {
                target = sibling;
                ctx.log.decided(unit.line(), "'" + label + "' under " + phase.id + " belongs to " + sibling.id);
            } else {
                taskIssue = labelIssues.get(0);
            }
        }
        fields(target, unit);
        if (RollbackRecogniser.ROLLBACK.matcher(l).find()) {
            rollback.procedure(rollback.runbookFor(target.issue(), unit), unit, List.of(target.id), target.number);
            return;
        }
        if (DECISION.matcher(l).find()) {
            decisionTrees(target, unit);
            return;
        }
        boolean criteria = CRITERIA_LABEL.matcher(l).find();
        boolean tasks = label == null || TASK_LABEL.matcher(l).find();
        boolean tests = TESTING_LABEL.matcher(l).find();
        for (Node block : unit.blocks()) {
            if (!(block instanceof ListBlock list)) {
                continue;
            }
            List<Item> items = MdText.items(list);
            if (criteria) {
                for (Item item : items) {
                    if (!item.text().isBlank()) {
                        target.successCriteria.add(new Criterion(null, item.text(), null,
                                Boolean.TRUE.equals(item.ticked())));
                        target.criteriaLines.add(item.line());
                        ctx.log.recognised("success criterion", target.id, item.text(), item.line(),
                                ReadContext.tickDetail(item.ticked()));
                    }
                }
            } else if (tests && items.stream().anyMatch(i -> i.ticked() != null)) {
                SuiteDraft suite = ctx.suite("t-" + target.id, label, target.issue(), unit.line());
                suite.phases.add(target.id);
                suite.phasesGiven = true;
                ReadContext.addChecks(suite, items);
            } else if (tasks || items.stream().anyMatch(i -> i.ticked() != null)) {
                if (items.size() == 1 && items.get(0).text().toLowerCase(Locale.ROOT).startsWith("none")) {
                    ctx.log.decided(items.get(0).line(), "'" + label + "' says " + items.get(0).text() + "; no tasks");
                    ctx.pendingDependencies.add(new PendingDependency(null, taskIssue, items.get(0).text(), items.get(0).line()));
                } else {
                    tasks(target, taskIssue, items);
                }
            } else {
                continue;
            }
            ctx.use(list);
            ctx.markLabel(unit);
        }
    }

    private void tasks(PhaseDraft target, String taskIssue, List<Item> items) {
        for (Item item : items) {
            if (item.text().isBlank()) {
                continue;
            }
            target.tasks.add(new TaskDraft(item.text(), taskIssue, item.details(), item.ticked(), item.line()));
            ctx.pendingDependencies.add(new PendingDependency(target, target.issue(), item.text(), item.line()));
        }
    }

    /** "Timeline: Day 1", "Status: …", "Depends on: Phase 2" and other fields; the rest goes to the description. */
    private void fields(PhaseDraft target, Unit unit) {
        for (Node block : unit.blocks()) {
            if (!(block instanceof Paragraph p)) {
                continue;
            }
            for (Field field : MdText.fields(p)) {
                String k = field.key().toLowerCase(Locale.ROOT);
                if (TIMELINE_KEY.matcher(k).matches()) {
                    target.timeline = field.value();
                    ctx.log.recognised("timeline", target.id, field.value(), field.line(), null);
                    continue;
                }
                if (STATUS_KEY.matcher(k).matches() && target.status == null && !target.fromTable) {
                    PhaseStatus s = Statuses.parse(field.value());
                    if (s != null) {
                        target.status = s;
                    }
                } else if (DEPENDENCY_KEY.matcher(k).matches()) {
                    ctx.pendingDependencies.add(new PendingDependency(target, target.issue(), "after " + field.value(), field.line()));
                }
                target.description.add(field.key() + ": " + field.value());
            }
            if (MdText.isFieldParagraph(p)) {
                ctx.use(p);
            }
        }
    }

    private void decisionTrees(PhaseDraft target, Unit unit) {
        for (Node block : unit.blocks()) {
            String code = ReadContext.code(block);
            if (code == null) {
                continue;
            }
            String id = ctx.ids.unique("decision", "d-" + target.id, unit.line(), ctx.log);
            DecisionTree tree = DecisionTreeReader.read(id, "Decision: " + target.name, target.id, code);
            if (tree != null) {
                decisions.add(tree);
                ctx.use(block);
                ctx.markLabel(unit);
                ctx.log.recognised("decision tree", id, tree.nodes().size() + " questions, "
                        + tree.outcomes().size() + " outcomes", Outline.firstLine(block), null);
            } else {
                ctx.log.decided(Outline.firstLine(block), "decision tree text not in IF/ELSE/→ form; kept as a note");
            }
        }
    }
}
