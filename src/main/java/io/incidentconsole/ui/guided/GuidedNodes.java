package io.incidentconsole.ui.guided;

import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** What the guided panes share: their state pseudo-classes, the time they show, and small node helpers. */
final class GuidedNodes {

    static final PseudoClass WAITING = PseudoClass.getPseudoClass("waiting");
    static final PseudoClass PASSED = PseudoClass.getPseudoClass("passed");
    static final PseudoClass FAILED = PseudoClass.getPseudoClass("failed");
    static final PseudoClass DONE = PseudoClass.getPseudoClass("done");
    static final PseudoClass CURRENT = PseudoClass.getPseudoClass("current");
    static final PseudoClass STALE = PseudoClass.getPseudoClass("stale");
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MMM d HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private GuidedNodes() {
    }

    /** A wrapping label that shows its text as written (no mnemonics). */
    static Label text(String value, String styleClass) {
        Label label = new Label(value);
        label.getStyleClass().add(styleClass);
        label.setWrapText(true);
        label.setMnemonicParsing(false);
        return label;
    }

    static void show(Node node, boolean visible) {
        node.setVisible(visible);
        node.setManaged(visible);
    }

    static boolean isInside(Node node, Node ancestor) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n == ancestor) {
                return true;
            }
        }
        return false;
    }

    static void toClipboard(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }

    /** "1 hour", "6 hours", "90 minutes". */
    static String hours(Duration duration) {
        long minutes = duration.toMinutes();
        if (minutes % 60 == 0) {
            return minutes / 60 + (minutes == 60 ? " hour" : " hours");
        }
        return minutes + " minutes";
    }
}
