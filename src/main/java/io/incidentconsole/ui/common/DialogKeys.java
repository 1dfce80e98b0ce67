package io.incidentconsole.ui.common;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

import java.util.function.Predicate;

/**
 * Keys every console dialog answers besides Enter (default button) and Esc (cancel button): in a dialog whose
 * first field is a multi-line text, Enter makes a new line, so Ctrl+Enter presses the default button; and Esc
 * presses the cancel button even where a list or a table has the keyboard.
 */
public final class DialogKeys {

    private DialogKeys() {
    }

    public static void ctrlEnterPressesDefault(Scene scene) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER && e.isShortcutDown() && press(scene, Button::isDefaultButton)) {
                e.consume();
            }
        });
    }

    /**
     * Esc presses the cancel button while a list or a table has the keyboard too: those controls take the key for
     * themselves (to cancel an edit they never start in a dialog), so the incident dialog stayed open.
     */
    static void escapeFromListsPressesCancel(Scene scene) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            Node focused = scene.getFocusOwner();
            if (e.getCode() == KeyCode.ESCAPE && (focused instanceof ListView<?> || focused instanceof TableView<?>)
                    && press(scene, Button::isCancelButton)) {
                e.consume();
            }
        });
    }

    /** Fires the first shown, enabled button of the scene that is {@code which}; false when there is none. */
    private static boolean press(Scene scene, Predicate<Button> which) {
        for (Node node : scene.getRoot().lookupAll(".button")) {
            if (node instanceof Button button && which.test(button) && !button.isDisabled() && button.isVisible()) {
                button.fire();
                return true;
            }
        }
        return false;
    }
}
