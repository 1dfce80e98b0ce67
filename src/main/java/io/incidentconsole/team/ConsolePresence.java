package io.incidentconsole.team;

import io.incidentconsole.incident.Journal.Subscription;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Which consoles have a shared incident open, as this console last heard it, and who wants to know when that
 * changes. This console says it is there with {@link #beat}; the list is read with {@link #read} and shown with
 * {@link #show} (the journal decides, under its lock, whether it is online enough to show it).
 */
final class ConsolePresence {

    private final EventStore store;
    private final Clock clock;
    private final String incidentId;
    private final String consoleId;
    private final String operator;
    private final String host;
    private final Duration timeout;
    private final List<Consumer<List<ConnectedConsole>>> listeners = new CopyOnWriteArrayList<>();
    /** Read without a lock: the header shows it without waiting behind a network call. */
    private volatile List<ConnectedConsole> consoles = List.of();

    ConsolePresence(EventStore store, Clock clock, String incidentId, String consoleId, String operator, String host,
                    Duration timeout) {
        this.store = store;
        this.clock = clock;
        this.incidentId = incidentId;
        this.consoleId = consoleId;
        this.operator = operator;
        this.host = host;
        this.timeout = timeout;
    }

    List<ConnectedConsole> current() {
        return consoles;
    }

    Subscription subscribe(Consumer<List<ConnectedConsole>> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** Says this console has the incident open (now). */
    void beat(Connection connection) throws SQLException {
        store.heartbeat(connection, incidentId, consoleId, operator, host);
    }

    /** The consoles heard of within the presence timeout, in the order they joined. */
    List<ConnectedConsole> read(Connection connection) throws SQLException {
        return store.consoles(connection, incidentId, consoleId, timeout);
    }

    /** Shows {@code fresh}, telling the listeners when someone came or went. */
    void show(List<ConnectedConsole> fresh) {
        boolean changed = !ids(fresh).equals(ids(consoles));
        consoles = List.copyOf(fresh);
        if (changed) {
            List<ConnectedConsole> now = consoles;
            listeners.forEach(l -> TeamEventLog.tell(() -> l.accept(now)));
        }
    }

    /** Offline or read-only: only this console is known to be there. */
    void onlySelf() {
        Instant now = clock.instant();
        show(List.of(new ConnectedConsole(consoleId, operator, host, now, now, true)));
    }

    private static List<String> ids(List<ConnectedConsole> list) {
        return list.stream().map(c -> c.consoleId() + "/" + c.operator()).toList();
    }
}
