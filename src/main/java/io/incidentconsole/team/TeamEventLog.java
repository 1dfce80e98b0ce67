package io.incidentconsole.team;

import io.incidentconsole.incident.Event;
import io.incidentconsole.incident.Journal.Subscription;
import io.incidentconsole.incident.JournalListener;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The events of a shared incident as one console holds them:
 * <ul>
 *   <li>the database's events as far as it has them ({@code synced}, also copied to the local cache),</li>
 *   <li>the events recorded here that the database has not acknowledged ({@code outbox}, forced to disk), and</li>
 *   <li>what its listeners were told ({@code view}): synced events, then queued ones with provisional seqs.</li>
 * </ul>
 * Not thread-safe by itself: {@link PostgresTeamJournal} calls it under its own lock. Only {@link #events()} takes
 * the view's lock instead, so reading the events never waits behind a network call.
 */
final class TeamEventLog {

    private final IncidentCache cache;
    private final List<JournalListener> listeners = new CopyOnWriteArrayList<>();
    private final List<Event> synced = new ArrayList<>();
    private final Set<String> syncedIds = new HashSet<>();
    private final List<Event> outbox = new ArrayList<>();
    /** Also its own lock. */
    private final List<Event> view = new ArrayList<>();
    /** How many of the first view entries are known to equal the synced ones. */
    private int confirmed;
    /** synced.size(), readable without the journal's lock. */
    private volatile long syncedCount;

    TeamEventLog(IncidentCache cache, List<Event> synced, List<Event> outbox) {
        this.cache = cache;
        this.synced.addAll(synced);
        synced.forEach(e -> syncedIds.add(e.id()));
        this.syncedCount = synced.size();
        this.outbox.addAll(outbox);
        synchronized (view) {
            view.addAll(desired());
        }
        confirmed = synced.size();
    }

    // ---- reading --------------------------------------------------------------------------------------------------

    int syncedSize() {
        return synced.size();
    }

    /** How many events the database has acknowledged so far, without the journal's lock (a hint for the worker). */
    long syncedCount() {
        return syncedCount;
    }

    /** The synced event at {@code seq} (1-based). */
    Event synced(long seq) {
        return synced.get((int) seq - 1);
    }

    List<Event> syncedCopy() {
        return List.copyOf(synced);
    }

    int queued() {
        return outbox.size();
    }

    /** The first {@code max} queued events, oldest first. */
    List<Event> firstQueued(int max) {
        return List.copyOf(outbox.subList(0, Math.min(max, outbox.size())));
    }

    /** The last event the listeners were told of. */
    Event lastViewed() {
        synchronized (view) {
            return view.get(view.size() - 1);
        }
    }

    int viewSize() {
        synchronized (view) {
            return view.size();
        }
    }

    List<Event> events() {
        synchronized (view) {
            return List.copyOf(view);
        }
    }

    Subscription subscribe(JournalListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    // ---- changing -------------------------------------------------------------------------------------------------

    /**
     * Takes in the database's events (in seq order; those already taken in are skipped, a gap ends the list) and
     * brings listeners up to date.
     */
    void absorb(List<StoredEvent> fetched) {
        List<StoredEvent> added = new ArrayList<>();
        for (StoredEvent stored : fetched) {
            Event event = stored.event();
            if (event.seq() <= synced.size()) {
                continue; // already taken in (an append, a notification and the worker may all bring it)
            }
            if (event.seq() != synced.size() + 1) {
                break; // the next fetch starts from what is synced
            }
            synced.add(event);
            syncedIds.add(event.id());
            added.add(stored);
        }
        syncedCount = synced.size();
        if (!added.isEmpty()) {
            try {
                cache.appendSynced(added);
            } catch (IOException e) {
                // The local copy only serves a later read-only view; the database keeps the events.
            }
            if (outbox.removeIf(queued -> syncedIds.contains(queued.id()))) {
                saveOutbox();
            }
        }
        reconcile();
    }

    /** Queues an event the database could not take now: on disk first, then shown with a provisional seq. */
    Event queue(Event draft) throws IOException {
        cache.appendOutbox(draft);
        outbox.add(draft);
        reconcile();
        return lastViewed();
    }

    /** Takes events the database has acknowledged (or refused for good) out of the queue. */
    void unqueue(Collection<Event> events) {
        Set<String> ids = new HashSet<>();
        events.forEach(e -> ids.add(e.id()));
        if (outbox.removeIf(queued -> ids.contains(queued.id()))) {
            saveOutbox();
        }
    }

    private void saveOutbox() {
        try {
            cache.replaceOutbox(List.copyOf(outbox));
        } catch (IOException e) {
            // The old queue file still holds these events; re-sending them later is harmless (ids are unique).
        }
    }

    /** What listeners should see now: the database's events, then queued ones numbered after them. */
    private List<Event> desired() {
        List<Event> all = new ArrayList<>(synced.size() + outbox.size());
        all.addAll(synced);
        long next = synced.size() + 1;
        for (Event queued : outbox) {
            if (!syncedIds.contains(queued.id())) {
                all.add(renumbered(queued, next++));
            }
        }
        return all;
    }

    private static Event renumbered(Event event, long seq) {
        return event.seq() == seq ? event : new Event(event.id(), seq, event.at(), event.operator(), event.payload());
    }

    /**
     * Brings listeners to {@link #desired()}: told of the new events when what they saw is a prefix of it, else given
     * the whole list (reloaded). Only the part after {@code confirmed} is compared, so this stays cheap as the
     * incident grows.
     */
    void reconcile() {
        List<Event> tail = new ArrayList<>(synced.subList(confirmed, synced.size()));
        long next = synced.size() + 1;
        for (Event queued : outbox) {
            if (!syncedIds.contains(queued.id())) {
                tail.add(renumbered(queued, next++));
            }
        }
        int seenAfter;
        synchronized (view) {
            seenAfter = view.size() - confirmed;
        }
        boolean extendsView = seenAfter <= tail.size();
        for (int i = 0; extendsView && i < seenAfter; i++) {
            Event seen = view.get(confirmed + i);
            Event wanted = tail.get(i);
            extendsView = seen.id().equals(wanted.id()) && seen.seq() == wanted.seq();
        }
        if (extendsView) {
            List<Event> fresh = List.copyOf(tail.subList(seenAfter, tail.size()));
            synchronized (view) {
                view.addAll(fresh);
            }
            confirmed = synced.size();
            for (Event event : fresh) {
                for (JournalListener listener : listeners) {
                    tell(() -> listener.appended(event));
                }
            }
        } else {
            List<Event> all;
            synchronized (view) {
                view.subList(confirmed, view.size()).clear();
                view.addAll(tail);
                all = List.copyOf(view);
            }
            confirmed = synced.size();
            for (JournalListener listener : listeners) {
                tell(() -> listener.reloaded(all));
            }
        }
    }

    static void tell(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            // The event is recorded whatever a listener does; report the listener's fault without undoing that.
            Thread current = Thread.currentThread();
            current.getUncaughtExceptionHandler().uncaughtException(current, e);
        }
    }
}
