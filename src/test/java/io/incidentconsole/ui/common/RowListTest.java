package io.incidentconsole.ui.common;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When one row of a table changes, only that row's cells are asked again and the others keep their nodes (nothing to
 * style or lay out again); a plain list's replacement rebuilds every visible cell. Another set of rows replaces all.
 */
@ExtendWith(ApplicationExtension.class)
class RowListTest {

    /** Rows keyed by their first word. */
    private final RowList<String> rows = new RowList<>(text -> text.split(" ")[0]);
    private TableView<String> table;
    private int asked;

    @Start
    void start(Stage stage) {
        rows.show(List.of("first `row`", "second row", "third row"));
        table = new TableView<>(rows);
        TableColumn<String, String> column = new TableColumn<>("Text");
        column.setCellValueFactory(data -> new ReadOnlyObjectWrapper<>(data.getValue()));
        column.setCellFactory(c -> new InlineTextCell<>(c, text -> {
            asked++;
            return text;
        }));
        column.setPrefWidth(300);
        table.getColumns().add(column);
        stage.setScene(new Scene(table, 400, 300));
        stage.show();
    }

    private List<Text> texts() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> table.lookupAll(".cell-text").stream()
                .map(Text.class::cast).filter(Node::isVisible).toList()).get();
    }

    private Text shown(String text) throws Exception {
        return texts().stream().filter(t -> t.getText().equals(text)).findFirst().orElseThrow();
    }

    private void fx(Runnable change) throws Exception {
        asked = 0;
        WaitForAsyncUtils.asyncFx(change).get();
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void aChangedRowIsAskedAgainAndTheOthersKeepTheirNodes() throws Exception {
        Text second = shown("second row");

        fx(() -> rows.show(List.of("first row, `changed`", "second row", "third row")));

        assertThat(asked).as("cells asked for their text").isEqualTo(1);
        assertThat(shown("second row")).isSameAs(second);
        assertThat(texts()).extracting(Text::getText).contains("changed", "second row", "third row")
                .doesNotContain("row");
        assertThat(rows).containsExactly("first row, `changed`", "second row", "third row");
    }

    @Test
    void otherRowsReplaceThemAll() throws Exception {
        fx(() -> rows.show(List.of("fourth row", "second row")));

        assertThat(rows).containsExactly("fourth row", "second row");
        assertThat(texts()).extracting(Text::getText).containsExactlyInAnyOrder("fourth row", "second row");
    }

    @Test
    void aPlainListsReplacementRebuildsEveryCellWhichIsWhyRowListExists() throws Exception {
        ObservableList<String> plain = FXCollections.observableArrayList("first row", "second row", "third row");
        fx(() -> table.setItems(plain));
        Text second = shown("second row");

        fx(() -> plain.set(0, "first row, changed"));

        assertThat(asked).isGreaterThan(1);
        assertThat(shown("second row")).isNotSameAs(second);
    }
}
