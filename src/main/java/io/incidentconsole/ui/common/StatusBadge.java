package io.incidentconsole.ui.common;

import io.incidentconsole.plan.PhaseStatus;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;

import java.util.Locale;

/** A phase status drawn as a coloured pill; the colour comes from CSS via a pseudo-class per status. */
public final class StatusBadge {

    private StatusBadge() {
    }

    public static PseudoClass pseudoClassOf(PhaseStatus status) {
        return PseudoClass.getPseudoClass(status.name().toLowerCase(Locale.ROOT).replace('_', '-'));
    }

    public static boolean isStatus(String text) {
        try {
            PhaseStatus.parse(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static final PseudoClass UNVERIFIED = PseudoClass.getPseudoClass("unverified");

    /**
     * A badge saying {@code text} in the colour of {@code status}; a completion that was not verified ("COMPLETE
     * (unverified)") is drawn as an outline, so it never passes for a verified one at a glance.
     */
    public static Label of(PhaseStatus status, String text) {
        Label badge = new Label(text);
        badge.getStyleClass().add("status-badge");
        badge.pseudoClassStateChanged(pseudoClassOf(status), true);
        badge.pseudoClassStateChanged(UNVERIFIED, status == PhaseStatus.COMPLETE && !text.equals(status.label()));
        badge.setAccessibleText("Status " + text + ": " + status.meaning());
        return badge;
    }

    public static Label of(String statusText) {
        Label badge = new Label(statusText);
        badge.getStyleClass().add("status-badge");
        try {
            PhaseStatus status = PhaseStatus.parse(statusText);
            badge.pseudoClassStateChanged(pseudoClassOf(status), true);
            badge.setAccessibleText("Status " + status.label() + ": " + status.meaning());
        } catch (IllegalArgumentException e) {
            // text that is not a known status keeps the neutral badge colour
        }
        return badge;
    }
}
