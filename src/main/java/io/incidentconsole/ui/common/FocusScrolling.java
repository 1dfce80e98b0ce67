package io.incidentconsole.ui.common;

import javafx.beans.value.ChangeListener;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ScrollPane;

/**
 * Keeps the focused control of a scroll pane in view. JavaFX does not scroll to a control that gets focus by
 * Tab, which would leave a keyboard-only operator ticking items they cannot see.
 */
public final class FocusScrolling {

    private FocusScrolling() {
    }

    public static void follow(ScrollPane scroller) {
        ChangeListener<Node> focusChanged = (obs, old, focused) -> reveal(scroller, focused);
        scroller.sceneProperty().addListener((obs, old, scene) -> {
            if (old != null) {
                old.focusOwnerProperty().removeListener(focusChanged);
            }
            if (scene != null) {
                scene.focusOwnerProperty().addListener(focusChanged);
            }
        });
        Scene scene = scroller.getScene();
        if (scene != null) {
            scene.focusOwnerProperty().addListener(focusChanged);
        }
    }

    public static void reveal(ScrollPane scroller, Node node) {
        Node content = scroller.getContent();
        if (node == null || content == null || !isInside(node, content)) {
            return;
        }
        // An area's first control gets the focus before the area has been laid out (a shortcut shows it, then
        // focuses): its bounds would be stale, and the phase board's first open task stayed below the fold.
        Parent root = scroller.getScene() == null ? null : scroller.getScene().getRoot();
        if (root != null && root.isNeedsLayout()) {
            root.applyCss();
            root.layout();
        }
        Bounds inContent = content.sceneToLocal(node.localToScene(node.getBoundsInLocal()));
        double contentHeight = content.getBoundsInLocal().getHeight();
        double viewport = scroller.getViewportBounds().getHeight();
        if (contentHeight <= viewport || inContent == null) {
            return;
        }
        double top = scroller.getVvalue() * (contentHeight - viewport);
        double margin = 24;
        if (inContent.getMinY() - margin < top) {
            scroller.setVvalue(Math.max(0, (inContent.getMinY() - margin) / (contentHeight - viewport)));
        } else if (inContent.getMaxY() + margin > top + viewport) {
            scroller.setVvalue(Math.min(1, (inContent.getMaxY() + margin - viewport) / (contentHeight - viewport)));
        }
    }

    private static boolean isInside(Node node, Node ancestor) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n == ancestor) {
                return true;
            }
        }
        return false;
    }
}
