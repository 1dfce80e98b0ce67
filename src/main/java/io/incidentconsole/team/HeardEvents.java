package io.incidentconsole.team;

import io.incidentconsole.incident.Event;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The events notifications carried that the journal has not taken in yet, and the newest seq notifications spoke of.
 * The worker adds to it without the journal's lock; the journal takes the events in under its lock, from the worker
 * at most once per fetch gap, and from the appender just before it sends (so the database returns only what is new).
 */
final class HeardEvents {

    private final List<Event> events = new ArrayList<>();
    private long newest;
    /** A notification could not be read: read back once (not on every pass, as a sticky "newest" would). */
    private boolean unreadable;

    /** Adds what was heard of after {@code known} (the seq the journal has synced). */
    synchronized void add(TeamListening.Heard heard, long known) {
        newest = Math.max(newest, heard.newestAfter(known));
        unreadable |= heard.events().stream().anyMatch(n -> n.seq() == Long.MAX_VALUE);
        events.addAll(heard.carriedAfter(known));
    }

    synchronized boolean waiting() {
        return !events.isEmpty();
    }

    /**
     * Whether events must be read back, the journal having synced {@code synced}: none waits to be taken in, and a
     * notification spoke of a newer event without carrying it (or could not be read; that counts once).
     */
    synchronized boolean mustReadBack(long synced) {
        if (!events.isEmpty()) {
            return false;
        }
        boolean read = unreadable || newest > synced;
        unreadable = false;
        return read;
    }

    /** The events waiting, in seq order, and none waits any more. */
    synchronized List<Event> drain() {
        List<Event> taken = new ArrayList<>(events);
        events.clear();
        taken.sort(Comparator.comparingLong(Event::seq));
        return taken;
    }
}
