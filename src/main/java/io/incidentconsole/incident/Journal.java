package io.incidentconsole.incident;

import java.util.List;
import java.util.Optional;

/**
 * The record of everything operators did during an incident: an append-only sequence of events. The console
 * does not care whether it is a local file ({@code storage.FileJournal}) or a shared, server-backed one.
 */
public interface Journal extends AutoCloseable {

    /**
     * Records an action. When this returns the event is durable (on disk, or acknowledged by the server or
     * its offline queue); throws {@link JournalException} when it is not, and then nothing was recorded.
     */
    Event append(String operator, EventPayload payload);

    /** Every event in order. A snapshot: later appends do not change the returned list. */
    List<Event> events();

    /** What opening the journal found: torn lines dropped, damage, unknown kinds. */
    RecoveryReport recovery();

    /**
     * After damage ({@link RecoveryReport#unresolvedDamage()}): continues the incident from the last good event,
     * keeping the damaged data for inspection. Returns the event that marks the continuation.
     */
    Event continueFromLastGoodEvent(String operator);

    /** Why this journal cannot be written, e.g. another console has the incident open; empty when writable. */
    Optional<String> readOnlyReason();

    default boolean isReadOnly() {
        return readOnlyReason().isPresent();
    }

    /**
     * Picks up events added elsewhere since the last look (e.g. by the console that holds a read-only view's
     * incident), telling the listeners; returns how many. Journals that are told of such events as they happen
     * need not do anything here.
     */
    default int refresh() {
        return 0;
    }

    /** Calls the listener for each later event; closing the returned handle stops that. */
    Subscription subscribe(JournalListener listener);

    /** Releases files and connections; appends are refused after. Never throws. */
    @Override
    void close();

    /** A listener registration. */
    interface Subscription extends AutoCloseable {
        @Override
        void close();
    }
}
