package io.incidentconsole.ui.common;

import javafx.scene.Node;

/**
 * A view shown in the console's content area. Only the visible one listens to its model: the frame calls
 * {@link #activate()} when it is shown and {@link #deactivate()} when it is hidden.
 */
public interface AreaView {

    Node root();

    void activate();

    void deactivate();

    /**
     * Puts the keyboard focus on the control the area's first key is meant for, so an area opened by its shortcut
     * answers that key at once (Enter in guided mode, P in tests, Space on the board). Called after
     * {@link #activate()}, only when the operator opened the area from the keyboard.
     */
    default void focusFirstControl() {
        root().requestFocus();
    }
}
