package io.incidentconsole.ui.common;

import javafx.scene.Node;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A flow refilled with text of the same shape (a table cell on every event) keeps its runs and changes their text: new
 * nodes make JavaFX style the scene again and paint the next frame whole.
 */
@ExtendWith(ApplicationExtension.class)
class InlineTextFillTest {

    @Start
    void start(Stage stage) {
        // Text nodes need the toolkit; nothing to show.
    }

    private static String shown(TextFlow flow) {
        StringBuilder all = new StringBuilder();
        flow.getChildren().forEach(n -> all.append(((Text) n).getText()));
        return all.toString();
    }

    @Test
    void theSameShapeKeepsTheRuns() {
        TextFlow flow = new TextFlow();
        InlineText.fill(flow, "Fix `getMembers` N+1 · 1540×", "cell-text");
        List<Node> before = List.copyOf(flow.getChildren());

        InlineText.fill(flow, "Fix `getMembersForAll` N+1 · 1541×", "cell-text");

        assertThat(flow.getChildren()).containsExactlyElementsOf(before);
        assertThat(shown(flow)).isEqualTo("Fix getMembersForAll N+1 · 1541×");
        assertThat(flow.getChildren()).extracting(n -> n.getStyleClass().toString())
                .containsExactly("inline-prose cell-text", "inline-code cell-text", "inline-prose cell-text");
    }

    @Test
    void anotherShapeOrOtherClassesMakeNewRuns() {
        TextFlow flow = new TextFlow();
        InlineText.fill(flow, "plain words", "cell-text");
        Node first = flow.getChildren().get(0);

        InlineText.fill(flow, "now `code`", "cell-text");
        assertThat(flow.getChildren()).hasSize(2).doesNotContain(first);
        assertThat(flow.getChildren().get(1).getStyleClass()).containsExactly("inline-code", "cell-text");

        Node code = flow.getChildren().get(1);
        InlineText.fill(flow, "now `code`", "other");
        assertThat(flow.getChildren()).doesNotContain(code);
        assertThat(flow.getChildren().get(1).getStyleClass()).containsExactly("inline-code", "other");
    }

    @Test
    void whateverCameBeforeTheFlowShowsTheLastText() {
        List<String> texts = List.of("a", "`b`", "a `b` c", "", "x `y`", "`p` q", "a `b` c", "🔥 hot `x`", "plain");
        TextFlow flow = new TextFlow();
        for (String first : texts) {
            for (String second : texts) {
                InlineText.fill(flow, first, "cell-text");
                InlineText.fill(flow, second, "cell-text");
                assertThat(shown(flow)).as(first + " then " + second).isEqualTo(InlineText.plain(second));
                assertThat(flow.getAccessibleText()).isEqualTo(InlineText.plain(second));
            }
        }
    }
}
