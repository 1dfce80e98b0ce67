package io.incidentconsole.ui.reports;

import io.incidentconsole.plan.outline.Block;
import io.incidentconsole.report.ReportDocument;
import io.incidentconsole.ui.common.Glyphs;
import io.incidentconsole.ui.plan.OutlineRenderer;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

import java.io.ByteArrayInputStream;

/**
 * A report drawn as the console draws a plan: headings, paragraphs, lists, tables, scripts and charts as nodes,
 * from the same blocks the Markdown and the HTML come from. Text is shown as text (never read as markup).
 */
final class ReportNodes {

    /** Wider charts are scaled down to this, keeping their proportions. */
    static final double MAX_IMAGE_WIDTH = 900;

    private ReportNodes() {
    }

    static VBox render(ReportDocument document) {
        VBox body = new VBox(8);
        body.getStyleClass().add("report-body");
        for (ReportDocument.Block block : document.blocks()) {
            body.getChildren().add(render(block));
        }
        return body;
    }

    private static Node render(ReportDocument.Block block) {
        if (block instanceof ReportDocument.Heading heading) {
            // The overview's heading styles: the report reads like the plan it reports on.
            Label label = label(heading.text(), heading.level() == 1 ? "section-title" : "block-heading");
            label.getStyleClass().add("report-h" + heading.level());
            if (heading.anchor() != null) {
                label.setId("report-" + heading.anchor());
            }
            return label;
        }
        if (block instanceof ReportDocument.Paragraph paragraph) {
            return paragraph(paragraph);
        }
        if (block instanceof ReportDocument.BulletList list) {
            VBox items = new VBox(3);
            items.getStyleClass().add("report-list");
            list.items().forEach(item -> items.getChildren().add(label("•  " + item, "block-text")));
            return items;
        }
        if (block instanceof ReportDocument.Table table) {
            return OutlineRenderer.table(new Block.Table(table.headers(),
                    table.rows(), -1));
        }
        if (block instanceof ReportDocument.Code code) {
            return OutlineRenderer.code(code.text());
        }
        if (block instanceof ReportDocument.Image image) {
            ImageView view = new ImageView(new Image(new ByteArrayInputStream(image.png())));
            view.setPreserveRatio(true);
            view.setFitWidth(Math.min(image.width(), MAX_IMAGE_WIDTH));
            view.setAccessibleText(image.alt());
            return view;
        }
        throw new IllegalStateException("unhandled report block " + block);
    }

    private static Node paragraph(ReportDocument.Paragraph paragraph) {
        TextFlow flow = new TextFlow();
        flow.getStyleClass().add("report-paragraph");
        if (paragraph.lead() != null && !paragraph.lead().isBlank()) {
            Text lead = new Text(Glyphs.displayable(paragraph.lead()) + " ");
            lead.getStyleClass().add("report-lead");
            flow.getChildren().add(lead);
        }
        Text text = new Text(Glyphs.displayable(paragraph.text()));
        text.getStyleClass().add(paragraph.italic() ? "report-italic" : "report-plain");
        flow.getChildren().add(text);
        return flow;
    }

    private static Label label(String text, String style) {
        Label label = new Label(Glyphs.displayable(text));
        label.setWrapText(true);
        label.setMnemonicParsing(false);
        label.getStyleClass().add(style);
        return label;
    }
}
