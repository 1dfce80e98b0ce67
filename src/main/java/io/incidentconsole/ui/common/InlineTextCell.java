package io.incidentconsole.ui.common;

import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.text.TextFlow;

import java.util.function.Function;

/**
 * A table cell that shows plan text the way {@link InlineText} does (inline code as code, emoji made drawable) and
 * wraps it onto more lines of its row instead of ending in "…": a row is read in full. Each run carries the style
 * class {@code cell-text}, so a table's row states (late, undone, passed) colour it.
 */
public final class InlineTextCell<R, T> extends TableCell<R, T> {

    /** The cell's side padding, left and right together, taken off the column's width to wrap in. */
    private static final double PADDING = 14;

    private final Function<T, String> text;
    // A table cell asks its graphic for its height without a width: measure at the column's width, or the flow
    // wraps at nothing and the row grows to the height of the table.
    private final TextFlow flow = new TextFlow() {
        @Override
        protected double computePrefHeight(double width) {
            return super.computePrefHeight(width < 0 ? getPrefWidth() : width);
        }
    };

    public InlineTextCell(TableColumn<R, T> column, Function<T, String> text) {
        this.text = text;
        flow.getStyleClass().add("cell-flow");
        flow.prefWidthProperty().bind(column.widthProperty().subtract(PADDING));
        flow.maxWidthProperty().bind(flow.prefWidthProperty());
        setText(null);
    }

    @Override
    protected void updateItem(T item, boolean empty) {
        super.updateItem(item, empty);
        String shown = empty || item == null ? null : text.apply(item);
        if (shown == null) {
            setGraphic(null);
        } else {
            InlineText.fill(flow, shown, "cell-text");
            setGraphic(flow);
        }
    }
}
