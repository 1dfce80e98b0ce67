package io.incidentconsole.ui;

import javafx.scene.Node;

/**
 * A view shown in the console's content area. Only the visible one listens to its model: the frame calls
 * {@link #activate()} when it is shown and {@link #deactivate()} when it is hidden.
 */
public interface AreaView {

    Node root();

    void activate();

    void deactivate();
}
