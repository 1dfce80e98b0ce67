package io.incidentconsole.importer;

import io.incidentconsole.importer.Drafts.PhaseDraft;
import io.incidentconsole.importer.Drafts.RunbookDraft;
import io.incidentconsole.importer.Drafts.SuiteDraft;
import io.incidentconsole.importer.Drafts.TaskDraft;
import io.incidentconsole.importer.MdText.Item;
import io.incidentconsole.importer.Outline.Section;
import io.incidentconsole.importer.ReadContext.Unit;
import io.incidentconsole.plan.Procedure;
import io.incidentconsole.plan.ProcedureStep;
import org.commonmark.node.ListBlock;
import org.commonmark.node.Node;

import java.util.ArrayList;
import java.util.List;

/**
 * The operator's choices ({@link ImportChoices}) applied before any recogniser runs: a section chosen as a phase,
 * runbook or test suite becomes one from its lists and shell blocks; one chosen as notes is kept from the
 * recognisers and ends in the notes; one chosen to be ignored is left out of the plan. Each is reported.
 */
final class ChoiceRecogniser {

    private final ReadContext ctx;
    private final ImportChoices choices;

    ChoiceRecogniser(ReadContext ctx, ImportChoices choices) {
        this.ctx = ctx;
        this.choices = choices;
    }

    void apply() {
        if (choices.isEmpty()) {
            return;
        }
        for (Section section : ctx.outline.sections) {
            SectionChoice choice = section.level == 0 ? null : choices.of(section.title);
            if (choice == null || ctx.phases.inPhase(section) != null || ctx.isChosen(section.parent)) {
                continue;
            }
            ctx.log.decided(section.line, "section '" + section.title + "' read as " + choice.label() + " (the operator's choice)");
            switch (choice) {
                case PHASE -> phase(section);
                case RUNBOOK -> runbook(section);
                case TEST_SUITE -> suite(section);
                case NOTES -> section.tree().forEach(s -> ctx.units(s).forEach(ctx::reserve));
                case IGNORE -> section.tree().forEach(s -> {
                    ctx.units(s).forEach(ctx::ignore);
                    ctx.ignoreSection(s);
                });
            }
            ctx.choose(section);
        }
    }

    private void phase(Section section) {
        PhaseDraft phase = ctx.newPhase(null, ctx.phases.all().size() + 1, ctx.phases.all().size() + 1,
                ChecklistPhaseRecogniser.title(section.title), List.of(), section.line);
        phase.hasSection = true;
        for (Section s : section.tree()) {
            ctx.phases.sectionOf(s, phase);
            for (Item item : items(s)) {
                phase.tasks.add(new TaskDraft(item.text(), null, item.details(), item.ticked(), item.line()));
            }
        }
    }

    private void runbook(Section section) {
        RunbookDraft runbook = new RunbookDraft(ctx.ids.unique("runbook", "rb-" + slug(section), section.line, ctx.log),
                ReadContext.clean(section.title), null, section.line);
        runbook.titled = true;
        ctx.runbooks.put("choice:" + section.line, runbook);
        for (Section s : section.tree()) {
            List<ProcedureStep> steps = new ArrayList<>();
            for (Unit unit : ctx.units(s)) {
                for (Node block : unit.blocks()) {
                    String code = ReadContext.code(block);
                    if (code != null) {
                        steps.addAll(Commands.steps(code));
                        ctx.use(block);
                    } else if (block instanceof ListBlock list) {
                        MdText.items(list).stream().filter(i -> !i.text().isBlank()).forEach(i ->
                                steps.add(new ProcedureStep(null, i.text(), InlineCommands.of(i.node()), false)));
                        ctx.use(list);
                    }
                }
                ctx.markLabel(unit);
            }
            if (!steps.isEmpty()) {
                String id = ctx.ids.unique("procedure", runbook.id + "-" + slug(s), s.line, ctx.log);
                runbook.procedures.add(new Procedure(id, ChecklistPhaseRecogniser.title(s.title), List.of(), steps));
                ctx.log.recognised("rollback procedure", id, s.title, s.line, steps.size() + " steps (the operator's choice)");
            }
        }
    }

    private void suite(Section section) {
        SuiteDraft suite = ctx.suite("t-" + slug(section), ReadContext.clean(section.title), null, section.line);
        suite.phasesGiven = true;
        for (Section s : section.tree()) {
            ReadContext.addChecks(suite, items(s));
        }
    }

    /** Every list item of the section's own units, its lists marked used. */
    private List<Item> items(Section s) {
        List<Item> items = new ArrayList<>();
        for (Unit unit : ctx.units(s)) {
            for (Node block : unit.blocks()) {
                if (block instanceof ListBlock list) {
                    MdText.items(list).stream().filter(i -> !i.text().isBlank()).forEach(items::add);
                    ctx.use(list);
                }
            }
            ctx.markLabel(unit);
        }
        return items;
    }

    private static String slug(Section s) {
        String slug = Refs.slug(ReadContext.clean(s.title), 2);
        return slug.isEmpty() ? "section" : slug;
    }
}
