package io.incidentconsole.ui.common;

import javafx.collections.ObservableListBase;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * A table's rows, immutable values identified by a key. When the same keys are shown again in the same order, the
 * rows that changed are announced as updates, not replacements: a TableView throws away and rebuilds every visible
 * cell when an item is replaced (30 ms of styling and layout per key press in the Tests area), but for an update only
 * asks each cell again, and a cell whose text did not change keeps its nodes ({@link InlineTextCell}). Any other
 * set of rows (another scope, a filter) replaces them all.
 */
public final class RowList<T> extends ObservableListBase<T> {

    private final Function<T, ?> key;
    private List<T> rows = List.of();

    public RowList(Function<T, ?> key) {
        this.key = key;
    }

    @Override
    public T get(int index) {
        return rows.get(index);
    }

    @Override
    public int size() {
        return rows.size();
    }

    /** Shows {@code next}: as updates of the rows that changed when it has the same keys in the same order. */
    public void show(List<T> next) {
        boolean sameKeys = rows.size() == next.size() && IntStream.range(0, next.size())
                .allMatch(i -> Objects.equals(key.apply(rows.get(i)), key.apply(next.get(i))));
        if (!sameKeys) {
            List<T> removed = rows;
            rows = List.copyOf(next);
            beginChange();
            nextReplace(0, rows.size(), removed);
            endChange();
            return;
        }
        List<Integer> changed = IntStream.range(0, next.size()).filter(i -> !rows.get(i).equals(next.get(i)))
                .boxed().toList();
        if (changed.isEmpty()) {
            return;
        }
        List<T> updated = new ArrayList<>(rows);
        changed.forEach(i -> updated.set(i, next.get(i)));
        rows = List.copyOf(updated);
        beginChange();
        changed.forEach(this::nextUpdate);
        endChange();
    }
}
