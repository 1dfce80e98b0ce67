package io.incidentconsole.importer;

import io.incidentconsole.importer.Drafts.PhaseDraft;
import io.incidentconsole.importer.MdText.Item;
import io.incidentconsole.importer.Outline.Section;
import io.incidentconsole.importer.ReadContext.Unit;
import org.commonmark.node.ListBlock;
import org.commonmark.node.Node;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Timeline lists such as "Week 2: Type safety and consistency (Phase 3-4)" give the phases they name a
 * timeline when their own section gave none; failing that, a status note such as "Week 2" does.
 */
final class TimelineRecogniser {

    private static final Pattern WHEN = Pattern.compile("(?i)^((?:week|day|hour|month)s?\\s+\\d+(?:\\s*[-–]\\s*\\d+)?\\+?)\\s*:\\s*(.*)$");

    private final ReadContext ctx;

    TimelineRecogniser(ReadContext ctx) {
        this.ctx = ctx;
    }

    void read() {
        for (Section section : ctx.outline.sections) {
            for (Unit unit : ctx.units(section)) {
                String issue = ctx.issueContext(section, unit.labelNode() == null ? null : unit.label());
                for (Node block : unit.blocks()) {
                    if (block instanceof ListBlock list) {
                        list(list, issue);
                    }
                }
            }
        }
        for (PhaseDraft p : ctx.phases) {
            if (p.timeline == null && p.statusNote != null && WHEN.matcher(p.statusNote + ":").matches()) {
                p.timeline = p.statusNote;
                ctx.log.decided(p.line, p.id + " has no timeline of its own; took its status note '" + p.statusNote + "'");
            }
        }
    }

    private void list(ListBlock list, String issue) {
        for (Item item : MdText.items(list)) {
            Matcher m = WHEN.matcher(item.text());
            if (!m.matches()) {
                continue;
            }
            for (PhaseDraft p : ctx.phases.refsIn(m.group(2), issue)) {
                if (p.timeline == null) {
                    p.timeline = m.group(1);
                    ctx.log.recognised("timeline", p.id, m.group(1), item.line(), "from: " + item.text());
                }
            }
        }
    }
}
