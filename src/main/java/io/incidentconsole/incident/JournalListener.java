package io.incidentconsole.incident;

import java.util.List;

/**
 * Told about events as a journal gets them: appended here, or arriving from elsewhere (another console that
 * has the same incident open, or a team server). Called on the thread that got the event; must not block.
 */
public interface JournalListener {

    void appended(Event event);

    /** The journal's events were replaced as a whole (e.g. a re-read found a continuation after damage). */
    default void reloaded(List<Event> events) {
    }
}
