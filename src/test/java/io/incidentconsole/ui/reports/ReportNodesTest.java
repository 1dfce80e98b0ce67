package io.incidentconsole.ui.reports;

import io.incidentconsole.report.ReportDocument;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.image.ImageView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** A report drawn block by block: each kind as the node that shows it, text as text (never as markup). */
@ExtendWith(ApplicationExtension.class)
class ReportNodesTest {

    @Start
    void start(Stage stage) {
        // The toolkit only: the nodes are checked as they are made.
    }

    private static byte[] png(int width, int height) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), "png", out);
        return out.toByteArray();
    }

    @Test
    void everyKindOfBlockIsDrawnAsWhatItIs() throws Exception {
        ReportDocument document = new ReportDocument("Drill report", List.of(
                new ReportDocument.Heading(1, "top", "Drill report: **not bold**"),
                new ReportDocument.Paragraph("Clock:", "23h 59m fast-forwarded", false),
                new ReportDocument.Paragraph(null, "Times are offsets", true),
                new ReportDocument.BulletList(List.of("first <b>", "second")),
                new ReportDocument.Table(List.of("Phase", "Drift"), List.of(List.of("#330 2", "—"))),
                new ReportDocument.Code("bash", "git revert abc123"),
                new ReportDocument.Image("chart", "Convex calls over the drill", png(1200, 300), 1200, 300),
                new ReportDocument.Image("small", "A small chart", png(40, 20), 40, 20)));

        List<Node> nodes = WaitForAsyncUtils.asyncFx(() -> ReportNodes.render(document).getChildren()
                .stream().toList()).get();

        assertThat(nodes.get(0)).isInstanceOfSatisfying(Label.class, l -> {
            assertThat(l.getText()).isEqualTo("Drill report: **not bold**");
            assertThat(l.getStyleClass()).contains("report-h1");
            assertThat(l.getId()).isEqualTo("report-top");
        });
        assertThat(nodes.get(1)).isInstanceOfSatisfying(TextFlow.class, f -> assertThat(f.getChildren())
                .extracting(n -> ((Text) n).getText(), n -> n.getStyleClass().get(0))
                .containsExactly(tuple("Clock: ", "report-lead"),
                        tuple("23h 59m fast-forwarded", "report-plain")));
        assertThat(nodes.get(2)).isInstanceOfSatisfying(TextFlow.class, f -> assertThat(f.getChildren())
                .singleElement().satisfies(n -> assertThat(n.getStyleClass()).contains("report-italic")));
        assertThat(nodes.get(3)).isInstanceOfSatisfying(VBox.class, v -> assertThat(v.getChildren())
                .extracting(n -> ((Label) n).getText()).containsExactly("•  first <b>", "•  second"));
        assertThat(nodes.get(4)).isInstanceOfSatisfying(GridPane.class,
                g -> assertThat(g.getStyleClass()).contains("outline-table"));
        assertThat(nodes.get(5)).isInstanceOfSatisfying(TextArea.class, t -> {
            assertThat(t.getText()).isEqualTo("git revert abc123");
            assertThat(t.isEditable()).isFalse();
        });
        assertThat(nodes.get(6)).isInstanceOfSatisfying(ImageView.class, v -> {
            assertThat(v.getImage().isError()).isFalse();
            assertThat(v.getImage().getWidth()).isEqualTo(1200);
            assertThat(v.getFitWidth()).as("scaled down to fit").isEqualTo(ReportNodes.MAX_IMAGE_WIDTH);
            assertThat(v.isPreserveRatio()).isTrue();
            assertThat(v.getAccessibleText()).isEqualTo("Convex calls over the drill");
        });
        assertThat(nodes.get(7)).isInstanceOfSatisfying(ImageView.class,
                v -> assertThat(v.getFitWidth()).as("never enlarged").isEqualTo(40));
    }
}
