package io.incidentconsole.importer;

import io.incidentconsole.importer.MdText.Item;
import io.incidentconsole.importer.Outline.Section;
import io.incidentconsole.importer.ReadContext.Unit;
import io.incidentconsole.plan.SignOff;
import org.commonmark.node.ListBlock;
import org.commonmark.node.Node;

import java.util.ArrayList;
import java.util.List;

/**
 * A "Sign-off" or "Approvals" section's list: each item ("Technical lead: ___", "- [ ] DBA approval") is an
 * approval the incident needs, for the whole plan. The section's fields (plan status, next action, owner)
 * are read with the header.
 */
final class SignOffRecogniser {

    private final ReadContext ctx;
    private final List<SignOff.Approval> approvals = new ArrayList<>();

    SignOffRecogniser(ReadContext ctx) {
        this.ctx = ctx;
    }

    List<SignOff.Approval> approvals() {
        return List.copyOf(approvals);
    }

    void section(Section section) {
        for (Unit unit : ctx.units(section)) {
            for (Node block : unit.blocks()) {
                if (block instanceof ListBlock list && !ctx.isUsed(list)) {
                    for (Item item : MdText.items(list)) {
                        String title = item.text().replaceAll("[_\\s]{3,}$", "").strip();
                        if (!title.isBlank()) {
                            approvals.add(new SignOff.Approval(null, Outline.stripColon(title), null, null));
                            ctx.log.recognised("approval", null, title, item.line(), null);
                        }
                    }
                    ctx.use(list);
                    ctx.markLabel(unit);
                }
            }
        }
    }
}
