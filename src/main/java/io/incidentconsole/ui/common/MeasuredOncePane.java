package io.incidentconsole.ui.common;

import javafx.scene.Node;
import javafx.scene.layout.StackPane;

import java.util.Arrays;

/**
 * A stack pane that remembers its minimum and preferred heights for the last few widths asked until something
 * inside it asks for layout again.
 *
 * <p>Why: JavaFX caches a node's sizes only for "any width" (-1). Content of wrapping text is measured for a width,
 * so whenever one card of the board changes, its column measures every other card and the status table again: with
 * hundreds of table rows that was a quarter of a second per tick. Put in this pane, a block that did not change
 * answers from memory; one that did (a descendant called {@link #requestLayout}) is measured again. A few widths,
 * because one layout pass asks for more than one (the scroll pane for its viewport, the column for its content).
 */
public class MeasuredOncePane extends StackPane {

    private static final int WIDTHS = 4;

    private final Sizes pref = new Sizes();
    private final Sizes min = new Sizes();

    public MeasuredOncePane() {
    }

    public MeasuredOncePane(Node... children) {
        super(children);
    }

    @Override
    protected double computePrefHeight(double width) {
        int at = pref.indexOf(width);
        return at >= 0 ? pref.heights[at] : pref.remember(width, super.computePrefHeight(width));
    }

    @Override
    protected double computeMinHeight(double width) {
        int at = min.indexOf(width);
        return at >= 0 ? min.heights[at] : min.remember(width, super.computeMinHeight(width));
    }

    @Override
    public void requestLayout() {
        if (pref != null) { // null while the super constructor adds the children
            pref.forget();
            min.forget();
        }
        super.requestLayout();
    }

    /** Heights by width, the oldest replaced first. */
    private static final class Sizes {
        private final double[] widths = new double[WIDTHS];
        private final double[] heights = new double[WIDTHS];
        private int next;

        Sizes() {
            forget();
        }

        int indexOf(double width) {
            for (int i = 0; i < WIDTHS; i++) {
                if (Double.compare(widths[i], width) == 0) {
                    return i;
                }
            }
            return -1;
        }

        double remember(double width, double height) {
            widths[next] = width;
            heights[next] = height;
            next = (next + 1) % WIDTHS;
            return height;
        }

        void forget() {
            Arrays.fill(widths, Double.NaN);
        }
    }
}
