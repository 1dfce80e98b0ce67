package io.incidentconsole.ui.common;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * Keys every console dialog answers besides Enter (default button) and Esc (cancel button): in a dialog whose
 * first field is a multi-line text, Enter makes a new line, so Ctrl+Enter presses the default button.
 */
public final class DialogKeys {

    private DialogKeys() {
    }

    public static void ctrlEnterPressesDefault(Scene scene) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER && e.isShortcutDown()) {
                for (Node node : scene.getRoot().lookupAll(".button")) {
                    if (node instanceof Button button && button.isDefaultButton() && !button.isDisabled()
                            && button.isVisible()) {
                        e.consume();
                        button.fire();
                        return;
                    }
                }
            }
        });
    }
}
