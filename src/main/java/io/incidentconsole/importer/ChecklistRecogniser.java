package io.incidentconsole.importer;

import io.incidentconsole.importer.Drafts.SuiteDraft;
import io.incidentconsole.importer.MdText.Item;
import io.incidentconsole.importer.Outline.Section;
import io.incidentconsole.importer.ReadContext.Unit;
import org.commonmark.node.ListBlock;
import org.commonmark.node.Node;

import java.util.List;

/** A checklist ({@code - [ ]} items only) outside any phase or testing section is a suite covering no phase. */
final class ChecklistRecogniser {

    private final ReadContext ctx;

    ChecklistRecogniser(ReadContext ctx) {
        this.ctx = ctx;
    }

    void read() {
        for (Section section : ctx.outline.sections) {
            if (ctx.phases.inPhase(section) != null) {
                continue;
            }
            for (Unit unit : ctx.units(section)) {
                for (Node block : unit.blocks()) {
                    if (block instanceof ListBlock list && !ctx.isUsed(list)) {
                        checklist(section, unit, list);
                    }
                }
            }
        }
    }

    private void checklist(Section section, Unit unit, ListBlock list) {
        List<Item> items = MdText.items(list);
        if (items.isEmpty() || !items.stream().allMatch(i -> i.ticked() != null)) {
            return;
        }
        String issue = ctx.issueContext(section, unit.labelNode() == null ? null : unit.label());
        String slug = Refs.slug(unit.label(), 3);
        SuiteDraft suite = ctx.suite("t" + (issue == null ? "" : issue) + "-" + (slug.isEmpty() ? "checklist" : slug),
                unit.label(), issue, unit.line());
        suite.phasesGiven = true;
        ReadContext.addChecks(suite, items);
        ctx.log.decided(unit.line(), "checklist '" + unit.label() + "' is outside any phase or testing section; "
                + "made it test suite " + suite.id + " covering no phase");
        ctx.use(list);
        ctx.markLabel(unit);
    }
}
