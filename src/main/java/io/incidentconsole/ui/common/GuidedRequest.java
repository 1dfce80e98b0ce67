package io.incidentconsole.ui.common;

import javafx.event.Event;
import javafx.event.EventType;

/**
 * Asks the console to show guided mode for a phase. Fired by a phase card; it bubbles up to the console frame,
 * which switches areas, so the board needs no reference to guided mode.
 */
public final class GuidedRequest extends Event {

    private static final long serialVersionUID = 1L;

    public static final EventType<GuidedRequest> OPEN = new EventType<>(Event.ANY, "GUIDED_OPEN");

    private final String phaseId;

    public GuidedRequest(String phaseId) {
        super(OPEN);
        this.phaseId = phaseId;
    }

    public String phaseId() {
        return phaseId;
    }
}
