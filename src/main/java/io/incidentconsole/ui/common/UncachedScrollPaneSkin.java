package io.incidentconsole.ui.common;

import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.skin.ScrollPaneSkin;

/**
 * JavaFX's scroll pane skin with its viewport drawn directly, not through a cached image (every scroll pane gets it
 * from styles/console.css). The stock skin caches the viewport: a changed label repaints the whole viewport into
 * the cache and then the cache onto the screen, instead of only the label's dirty region; with the software
 * pipeline the cache is also a viewport-sized int[] on the heap, per scroll pane (issue 22: tick latency, memory).
 * Scrolling moves the content inside the cached node, so the cache was redrawn on every scroll step anyway.
 */
public class UncachedScrollPaneSkin extends ScrollPaneSkin {

    public UncachedScrollPaneSkin(ScrollPane control) {
        super(control);
        for (Node child : getChildren()) {
            if (child.getStyleClass().contains("viewport")) {
                child.setCache(false);
            }
        }
    }
}
