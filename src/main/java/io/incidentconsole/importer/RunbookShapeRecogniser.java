package io.incidentconsole.importer;

import io.incidentconsole.importer.Drafts.RunbookDraft;
import io.incidentconsole.importer.MdText.Item;
import io.incidentconsole.importer.Outline.Section;
import io.incidentconsole.importer.ReadContext.Unit;
import io.incidentconsole.plan.Procedure;
import io.incidentconsole.plan.ProcedureStep;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.ListBlock;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Runbooks as teams write them: a document titled as a runbook, playbook, failover or DR plan, or a section
 * titled "Rollback", "Backout", "Emergency procedures", "If the migration fails": its sections with
 * numbered steps or shell blocks are procedures (one runbook per titled document or section), list items
 * with inline code get that code as their command. Only sections no other recogniser used any of are read.
 */
final class RunbookShapeRecogniser {

    private static final Pattern RUNBOOK_SECTION = Pattern.compile("(?i)\\b(roll ?back|revert|back ?out|emergency procedures?|"
            + "alert responses?|contingency)\\b|^if\\b.*\\b(fails?|failed|causes? issues|goes wrong|breaks)\\b");
    /** Sections that describe rather than instruct, even in a runbook. */
    private static final Pattern DESCRIPTIVE = Pattern.compile("(?i)\\b(signals?|symptoms?|severity|levels?|objective|purpose|overview|"
            + "summary|contacts?|escalation|references?|related|history|artifacts?|prerequisites?|required|targets?|"
            + "metrics|triggers?|criteria|lessons|prevention|communication|troubleshooting|common issues)\\b");
    private static final Pattern PROCEDURE_WORDS = Pattern.compile("(?i)\\b(steps?|procedures?|actions?|containment|mitigation|"
            + "remediation|recovery|restore|failover|rollback|commands?|response)\\b");

    private final ReadContext ctx;
    private final Map<String, RunbookDraft> runbooks = new LinkedHashMap<>();

    RunbookShapeRecogniser(ReadContext ctx) {
        this.ctx = ctx;
    }

    void read() {
        Section top = ctx.titleSection;
        boolean runbookDocument = ctx.runbookDocument();
        for (Section section : ctx.outline.sections) {
            if (section.level == 0 || ctx.phases.inPhase(section) != null || anyUsed(section)) {
                continue;
            }
            Section owner = runbookSection(section);
            if (owner == null && !runbookDocument) {
                continue;
            }
            if (owner != section && chainMatches(section, DESCRIPTIVE)) {
                continue;
            }
            if (owner == null && chainMatches(section, ChecklistPhaseRecogniser.STAGE)) {
                continue; // "Failover Execution" in a failover runbook is a stage: a phase, not a procedure
            }
            for (Unit unit : ctx.units(section)) {
                procedure(owner != null ? owner : top, unit);
            }
        }
    }

    /** Whether a title from the section up to (not including) the document title matches. */
    private boolean chainMatches(Section section, Pattern pattern) {
        for (Section s = section; s != null && s.level > 0 && s != ctx.titleSection; s = s.parent) {
            if (pattern.matcher(s.title).find()) {
                return true;
            }
        }
        return false;
    }

    private Section runbookSection(Section section) {
        for (Section s = section; s != null && s.level > 0; s = s.parent) {
            if (s != ctx.titleSection && RUNBOOK_SECTION.matcher(ReadContext.clean(s.title)).find()) {
                return s;
            }
        }
        return null;
    }

    private boolean anyUsed(Section section) {
        for (Unit unit : ctx.units(section)) {
            if (unit.labelNode() != null && ctx.isUsed(unit.labelNode())) {
                return true;
            }
            for (Node block : unit.blocks()) {
                if (ctx.isUsed(block)) {
                    return true;
                }
            }
        }
        return false;
    }

    private void procedure(Section owner, Unit unit) {
        boolean stepsTitle = PROCEDURE_WORDS.matcher(unit.label()).find();
        List<ProcedureStep> steps = new ArrayList<>();
        List<Node> usedBlocks = new ArrayList<>();
        for (Node block : unit.blocks()) {
            String code = ReadContext.code(block);
            if (code != null && (!(block instanceof FencedCodeBlock f) || Commands.isShell(f.getInfo()))) {
                steps.addAll(Commands.steps(code));
                usedBlocks.add(block);
            } else if (block instanceof ListBlock list && (list instanceof OrderedList || stepsTitle)) {
                for (Item item : MdText.items(list)) {
                    if (!item.text().isBlank()) {
                        steps.add(new ProcedureStep(null, item.text(), InlineCommands.of(item.node()), false));
                    }
                }
                usedBlocks.add(block);
            }
        }
        if (steps.isEmpty()) {
            return;
        }
        steps.replaceAll(step -> Commands.runnableOrManual(step, reason -> ctx.log.decided(unit.line(), reason)));
        RunbookDraft runbook = runbook(owner, unit.line());
        String title = ChecklistPhaseRecogniser.title(unit.label());
        String slug = Refs.slug(title, 2);
        String id = ctx.ids.unique("procedure", runbook.id + "-" + (slug.isEmpty() ? "procedure" : slug), unit.line(), ctx.log);
        runbook.procedures.add(new Procedure(id, title, List.of(), steps));
        ctx.useAll(usedBlocks);
        ctx.markLabel(unit);
        ctx.log.recognised("rollback procedure", id, title, unit.line(), steps.size() + " steps, from a "
                + (owner == ctx.titleSection ? "runbook document" : "'" + owner.title + "' section"));
        for (ProcedureStep step : steps) {
            if (step.command() != null) {
                ctx.log.recognised("command", id, step.command(), unit.line(), step.alternative() ? "alternative" : null);
            }
        }
    }

    private RunbookDraft runbook(Section owner, int line) {
        String key = "shape:" + owner.line;
        RunbookDraft existing = runbooks.get(key);
        if (existing != null) {
            return existing;
        }
        String title = ReadContext.clean(owner.title);
        String slug = Refs.slug(title.toLowerCase(Locale.ROOT).replaceAll("\\brun ?book\\b", ""), 2);
        String id = ctx.ids.unique("runbook", "rb-" + (slug.isEmpty() ? "runbook" : slug), line, ctx.log);
        RunbookDraft draft = new RunbookDraft(id, title.isBlank() ? "Runbook" : title, null, owner.line);
        draft.titled = true;
        runbooks.put(key, draft);
        ctx.runbooks.put(key, draft);
        return draft;
    }
}
