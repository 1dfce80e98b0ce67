package io.incidentconsole.importer;

import io.incidentconsole.importer.Outline.Section;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;

/** The plan's summary: the first prose paragraph of the first summary or overview section. */
final class SummaryRecogniser {

    private final ReadContext ctx;
    private String summary;

    SummaryRecogniser(ReadContext ctx) {
        this.ctx = ctx;
    }

    String summary() {
        return summary;
    }

    void section(Section section) {
        if (summary != null) {
            return;
        }
        for (Node block : section.parts.get(0).blocks) {
            if (block instanceof Paragraph p && !MdText.isFieldParagraph(p)) {
                summary = MdText.plain(p);
                ctx.use(p);
                ctx.log.recognised("summary", null, summary, Outline.firstLine(p), null);
                return;
            }
        }
    }
}
