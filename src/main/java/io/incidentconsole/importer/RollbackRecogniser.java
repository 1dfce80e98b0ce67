package io.incidentconsole.importer;

import io.incidentconsole.importer.Drafts.PhaseDraft;
import io.incidentconsole.importer.Drafts.RunbookDraft;
import io.incidentconsole.importer.MdText.Item;
import io.incidentconsole.importer.Outline.Section;
import io.incidentconsole.importer.ReadContext.Unit;
import io.incidentconsole.plan.Criterion;
import io.incidentconsole.plan.Procedure;
import io.incidentconsole.plan.ProcedureStep;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.ListBlock;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Rollback sections: one runbook per issue, its decision criteria ("Rollback if…", "Triggers"), and a
 * procedure per labelled list or shell block, with the phases it undoes.
 */
final class RollbackRecogniser {

    static final Pattern ROLLBACK = Pattern.compile("\\b(roll ?back|revert|back ?out)\\b");
    private static final Pattern CRITERIA = Pattern.compile("\\b(criteria|triggers?|when to roll ?back|roll ?back if|signals?)\\b");
    private static final Pattern SLUG_NOISE = Pattern.compile("(?i)\\b(if|the|a|an|when|our)\\b");
    private static final Pattern NAME_NOISE = Pattern.compile("(?i)\\b(if|cause|causes|issues?|problems?|fails?|changes?)\\b");

    private final ReadContext ctx;

    RollbackRecogniser(ReadContext ctx) {
        this.ctx = ctx;
    }

    void section(Section section) {
        for (Unit unit : ctx.units(section)) {
            String issue = ctx.issueContext(section, unit.labelNode() == null ? null : unit.label());
            String l = unit.label().toLowerCase(Locale.ROOT);
            boolean hasCode = unit.blocks().stream().anyMatch(b -> ReadContext.code(b) != null);
            if (CRITERIA.matcher(l).find()) {
                criteria(runbookFor(issue, unit), unit);
            } else if (hasCode || unit.labelNode() != null && unit.blocks().stream().anyMatch(b -> b instanceof OrderedList)) {
                procedure(runbookFor(issue, unit), unit, null, null);
            }
        }
    }

    private void criteria(RunbookDraft runbook, Unit unit) {
        for (Node block : unit.blocks()) {
            if (block instanceof ListBlock list) {
                for (Item item : MdText.items(list)) {
                    if (!item.text().isBlank()) {
                        runbook.criteria.add(new Criterion(null, item.text(), null));
                        ctx.log.recognised("rollback criterion", runbook.id, item.text(), item.line(), null);
                    }
                }
                ctx.use(list);
                ctx.markLabel(unit);
            }
        }
    }

    /** The issue's runbook, made on first use and titled by the nearest rollback heading. */
    RunbookDraft runbookFor(String issue, Unit unit) {
        String key = issue == null ? "" : issue;
        String rbTitle = null;
        for (Section s = unit.section(); s != null && s.level > 0; s = s.parent) {
            if (ROLLBACK.matcher(s.title.toLowerCase(Locale.ROOT)).find()) {
                rbTitle = s.title;
                break;
            }
        }
        RunbookDraft existing = ctx.runbooks.get(key);
        if (existing != null) {
            if (!existing.titled && rbTitle != null) {
                existing.title = rbTitle;
                existing.titled = true;
            }
            return existing;
        }
        String id = ctx.ids.unique("runbook", "rb" + key.toLowerCase(Locale.ROOT), unit.line(), ctx.log);
        RunbookDraft draft = new RunbookDraft(id, rbTitle != null ? rbTitle : issue != null ? "#" + issue + " Rollback"
                : "Rollback", issue, unit.line());
        draft.titled = rbTitle != null;
        ctx.runbooks.put(key, draft);
        return draft;
    }

    /** A procedure from the unit's shell blocks and list items; nothing when it has neither. */
    void procedure(RunbookDraft runbook, Unit unit, List<String> phaseIds, String phaseNumber) {
        List<ProcedureStep> steps = new ArrayList<>();
        List<Node> usedBlocks = new ArrayList<>();
        for (Node block : unit.blocks()) {
            String code = ReadContext.code(block);
            if (code != null && (!(block instanceof FencedCodeBlock f) || Commands.isShell(f.getInfo()))) {
                steps.addAll(Commands.steps(code));
                usedBlocks.add(block);
            } else if (block instanceof ListBlock list && code == null) {
                for (Item item : MdText.items(list)) {
                    if (!item.text().isBlank()) {
                        steps.add(new ProcedureStep(null, item.text(), null, false));
                    }
                }
                usedBlocks.add(block);
            }
        }
        if (steps.isEmpty()) {
            return;
        }
        steps.replaceAll(step -> Commands.runnableOrManual(step, reason -> ctx.log.decided(unit.line(), reason)));
        String context = unit.labelNode() == null ? unit.label() : unit.label() + " / " + unit.section().title;
        List<String> phaseList = phaseIds != null ? phaseIds : procedurePhases(context, runbook.issue, unit.line());
        String id = ctx.ids.unique("procedure", procedureId(runbook, unit, context, phaseNumber), unit.line(), ctx.log);
        runbook.procedures.add(new Procedure(id, unit.label(), phaseList, steps));
        ctx.useAll(usedBlocks);
        ctx.markLabel(unit);
        ctx.log.recognised("rollback procedure", id, unit.label(), unit.line(), steps.size() + " steps"
                + (phaseList.isEmpty() ? "" : ", phases " + phaseList));
        for (ProcedureStep step : steps) {
            if (step.command() != null) {
                ctx.log.recognised("command", id, step.command(), unit.line(), step.alternative() ? "alternative" : null);
            }
        }
    }

    private static String procedureId(RunbookDraft runbook, Unit unit, String context, String phaseNumber) {
        List<Refs.PhaseRef> refs = Refs.phases(context);
        if (!refs.isEmpty()) {
            Refs.PhaseRef r = refs.get(0);
            return runbook.id + "-phase" + r.from() + (r.to() != r.from() ? "-" + r.to() : "");
        }
        if (phaseNumber != null) {
            return runbook.id + "-phase" + phaseNumber;
        }
        String words = SLUG_NOISE.matcher(unit.label()).replaceAll(" ").replaceAll("\\([^)]*\\)", "");
        String slug = Refs.slug(words, 1);
        return runbook.id + "-" + (slug.isEmpty() ? "procedure" : slug);
    }

    private List<String> procedurePhases(String label, String issue, int line) {
        List<String> found = new ArrayList<>();
        for (PhaseDraft p : ctx.phases.refsIn(label, issue)) {
            found.add(p.id);
        }
        if (found.isEmpty()) {
            Set<String> words = Refs.words(NAME_NOISE.matcher(label).replaceAll(""));
            PhaseDraft best = null;
            int bestScore = 0;
            for (PhaseDraft p : ctx.phases.ofOrAll(issue)) {
                int score = ReadContext.overlap(p.nameWords(), words);
                if (score > bestScore) {
                    best = p;
                    bestScore = score;
                }
            }
            if (best != null) {
                found.add(best.id);
                ctx.log.decided(line, "rollback '" + label + "' names no phase; matched it to " + best.id + " '" + best.name + "' by name");
            }
        }
        return found;
    }
}
