package io.incidentconsole.importer;

import io.incidentconsole.importer.Drafts.PhaseDraft;
import io.incidentconsole.importer.Drafts.TaskDraft;
import io.incidentconsole.importer.MdText.Item;
import io.incidentconsole.importer.Outline.Section;
import io.incidentconsole.importer.ReadContext.PendingDependency;
import io.incidentconsole.importer.ReadContext.Unit;
import io.incidentconsole.plan.GuidedStep;
import io.incidentconsole.plan.PlannedWindow;
import io.incidentconsole.plan.ProcedureStep;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.ListBlock;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Plans without phase headings or a status table: a section holding a checklist (or numbered steps) is a
 * phase, in document order ("Pre-Deployment", "Deployment Execution", "Post-Deployment"); when a section's
 * sub-sections are named as stages ("Pre-Failover Assessment", "Failover Execution", "Post-Failover
 * Validation") they are the phases. Titles lose emoji and numbering; time in a title plans the window;
 * inline commands and waits in items become guided steps. Runs only when no other recogniser found a phase.
 */
final class ChecklistPhaseRecogniser {

    static final Pattern STAGE = Pattern.compile("(?i)\\b(pre|post)[- ]|\\b(execution|preparation|assessment|cutover|rollout|go-live|deployment|validation|monitoring)\\b");
    private static final Pattern NOT_A_PHASE = Pattern.compile("(?i)\\b(roll ?back|revert|back ?out|emergency|test(s|ing)?|verification|"
            + "communications?|contacts?|escalation|references?|related|appendix|history|sign-?off|approvals?|metrics?|"
            + "lessons|glossary|prerequisites?|requirements|overview|summary|purpose|objective|scope|risks?|criteria|troubleshooting)\\b");
    private static final Pattern NUMBERING = Pattern.compile("^\\s*(?:(?:phase|stage|step)\\s+)?(?:\\d+(?:\\.\\d+)*[.):]?|[ivx]+\\.)\\s+", Pattern.CASE_INSENSITIVE);

    private final ReadContext ctx;

    ChecklistPhaseRecogniser(ReadContext ctx) {
        this.ctx = ctx;
    }

    void read() {
        if (!ctx.phases.isEmpty()) {
            return;
        }
        Section top = ctx.titleSection != null ? ctx.titleSection : ctx.outline.sections.get(0);
        List<Section> candidates = top.children.isEmpty() ? List.of(top) : top.children;
        for (Section section : candidates) {
            if (NOT_A_PHASE.matcher(section.title).find() && section != top) {
                continue;
            }
            long stages = section.children.stream().filter(c -> STAGE.matcher(c.title).find() && hasSteps(c)).count();
            if (stages >= 2 && !STAGE.matcher(section.title).find()) {
                for (Section child : section.children) {
                    if (!NOT_A_PHASE.matcher(child.title).find() && hasSteps(child)) {
                        phase(child);
                    }
                }
            } else if (hasSteps(section)) {
                phase(section);
            }
        }
    }

    /** Whether the section (or one below it) holds an unused checklist or numbered list outside excluded sections. */
    private boolean hasSteps(Section section) {
        for (Section s : section.tree()) {
            if (s != section && NOT_A_PHASE.matcher(s.title).find()) {
                continue;
            }
            for (Unit unit : ctx.units(s)) {
                for (Node block : unit.blocks()) {
                    if (block instanceof ListBlock list && !ctx.isUsed(list) && isSteps(list)
                            || shellBlock(block) && !ctx.isUsed(block) && STAGE.matcher(section.title).find()
                            || block instanceof TableBlock t && !ctx.isUsed(t) && TaskTable.of(MdText.table(t)) != null) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static boolean isSteps(ListBlock list) {
        List<Item> items = MdText.items(list);
        return !items.isEmpty() && (list instanceof OrderedList || items.stream().anyMatch(i -> i.ticked() != null));
    }

    private void phase(Section section) {
        String name = title(section.title);
        PhaseDraft phase = ctx.newPhase(null, ctx.phases.all().size() + 1, ctx.phases.all().size() + 1,
                name.isBlank() ? section.title : name, List.of(), section.line);
        phase.hasSection = true;
        PlannedWindow window = TimePhrases.window(section.title);
        if (window != null && !window.duration().isZero()) {
            phase.planned = window;
            ctx.log.recognised("planned window", phase.id, section.title, section.line,
                    "from " + window.start() + " for " + window.duration());
        }
        ctx.log.decided(section.line, "section '" + section.title + "' holds a checklist or steps; read it as phase " + phase.id);
        for (Section s : section.tree()) {
            if (s != section && NOT_A_PHASE.matcher(s.title).find()) {
                continue;
            }
            ctx.phases.sectionOf(s, phase);
            for (Unit unit : ctx.units(s)) {
                for (Node block : unit.blocks()) {
                    if (block instanceof ListBlock list && !ctx.isUsed(list) && isSteps(list)) {
                        tasks(phase, list);
                        ctx.use(list);
                        ctx.markLabel(unit);
                    } else if (shellBlock(block) && !ctx.isUsed(block)) {
                        commands(phase, unit, ReadContext.code(block));
                        ctx.use(block);
                    } else if (block instanceof TableBlock t && !ctx.isUsed(t)) {
                        TaskTable table = TaskTable.of(MdText.table(t));
                        if (table != null) {
                            phase.tasks.addAll(table.tasks());
                            ctx.log.decided(Outline.firstLine(t), "a table with task and owner/status columns: read its "
                                    + table.tasks().size() + " rows as tasks of " + phase.id);
                            ctx.use(t);
                        }
                    }
                }
            }
        }
    }

    private static boolean shellBlock(Node block) {
        return ReadContext.code(block) != null
                && (!(block instanceof FencedCodeBlock f) || Commands.isShell(f.getInfo()));
    }

    /** A shell block in a phase: one guided step per command, titled by its comment or by the section. */
    private void commands(PhaseDraft phase, Unit unit, String code) {
        for (ProcedureStep step : Commands.steps(code)) {
            if (step.command() == null) {
                continue;
            }
            String title = step.title() != null && !step.title().isBlank() ? step.title()
                    : unit.label().isBlank() ? step.command() : unit.label();
            phase.guidedSteps.add(guidedStep(title, step.command(), null, unit.line()));
            ctx.log.recognised("command", phase.id, step.command(), unit.line(), "guided step");
        }
    }

    /** A guided step; a command that cannot be generated safely is kept as text to run by hand. */
    private GuidedStep guidedStep(String title, String command, Duration wait, int line) {
        String problem = Commands.ungeneratable(command);
        if (problem != null) {
            ctx.log.decided(line, "command '" + command + "' kept as text (not generated): " + problem);
            return new GuidedStep(null, title, "Command (run by hand, not generated: " + problem + "): " + command,
                    null, List.of(), wait, null, null, null, null, null);
        }
        return new GuidedStep(null, title, null, command,
                command == null ? List.of() : Commands.parameters(List.of(command)), wait, null, null, null, null, null);
    }

    private void tasks(PhaseDraft phase, ListBlock list) {
        for (Item item : MdText.items(list)) {
            if (item.text().isBlank()) {
                continue;
            }
            phase.tasks.add(new TaskDraft(item.text(), null, item.details(), item.ticked(), item.line()));
            ctx.pendingDependencies.add(new PendingDependency(phase, null, item.text(), item.line()));
            String command = InlineCommands.of(item.node());
            Duration wait = TimePhrases.waitFor(item.text());
            if (command != null || wait != null) {
                phase.guidedSteps.add(guidedStep(item.text(), command, wait, item.line()));
                if (command != null) {
                    ctx.log.recognised("command", phase.id, command, item.line(), "guided step");
                }
                if (wait != null) {
                    ctx.log.recognised("wait", phase.id, item.text(), item.line(), "for " + wait);
                }
            }
        }
    }

    /** A title without emoji, numbering ("1.", "2)", "Step 3:") or trailing colon. */
    static String title(String raw) {
        String t = ReadContext.clean(raw);
        t = NUMBERING.matcher(t).replaceFirst("");
        return Outline.stripColon(t).strip().toLowerCase(Locale.ROOT).isEmpty() ? raw.strip() : Outline.stripColon(t).strip();
    }
}
