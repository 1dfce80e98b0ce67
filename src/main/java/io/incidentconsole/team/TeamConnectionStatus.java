package io.incidentconsole.team;

import java.time.Instant;
import java.util.Objects;

/**
 * How a console stands with its team database, for the header and the board.
 *
 * @param state        online, offline (working on, events queued locally), or read-only (started while the
 *                     database was unreachable: showing the last synced state)
 * @param since        when this state began (for "offline since 03:12")
 * @param queuedEvents events recorded here and not yet acknowledged by the database
 * @param lastSynced   when this console last had the database's events, null if never
 * @param message      one line for the operator: why offline, what happens next; empty when online
 * @param databaseBack read-only only: the database answers again, so reopening the incident would make it live
 */
public record TeamConnectionStatus(State state, Instant since, int queuedEvents, Instant lastSynced, String message,
                                   boolean databaseBack) {

    public enum State { ONLINE, OFFLINE, READ_ONLY }

    public TeamConnectionStatus {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(message, "message");
        if (queuedEvents < 0) {
            throw new IllegalArgumentException("queuedEvents < 0: " + queuedEvents);
        }
        if (databaseBack && state != State.READ_ONLY) {
            throw new IllegalArgumentException("databaseBack is about a read-only copy, not " + state);
        }
    }

    /** A status that says nothing of the database being back (online and offline ones never do). */
    public TeamConnectionStatus(State state, Instant since, int queuedEvents, Instant lastSynced, String message) {
        this(state, since, queuedEvents, lastSynced, message, false);
    }

    public boolean isOnline() {
        return state == State.ONLINE;
    }
}
