package io.incidentconsole.team;

import io.incidentconsole.incident.Event;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A journal worker's own connection, LISTENing for one incident's new events and for consoles coming and going;
 * the worker also reads events back and keeps its presence row fresh on it.
 */
final class TeamListening implements AutoCloseable {

    /** What one wait for notifications heard about the incident. */
    record Heard(List<EventStore.Notified> events, boolean consolesChanged) {

        /** The newest seq heard of after {@code known} (an unreadable notification's excepted); 0 when none. */
        long newestAfter(long known) {
            return events.stream().mapToLong(EventStore.Notified::seq)
                    .filter(seq -> seq > known && seq != Long.MAX_VALUE).max().orElse(0);
        }

        /** The events the notifications carried, after {@code known}, in seq order. */
        List<Event> carriedAfter(long known) {
            return events.stream().filter(n -> n.seq() > known).flatMap(n -> n.event().stream())
                    .sorted(Comparator.comparingLong(Event::seq)).toList();
        }
    }

    private final Connection connection;
    private final EventStore store;
    private final String incidentId;

    private TeamListening(Connection connection, EventStore store, String incidentId) {
        this.connection = connection;
        this.store = store;
        this.incidentId = incidentId;
    }

    /** Opens a connection and LISTENs on it; from the moment this returns no notification is missed. */
    static TeamListening open(ConnectionSource database, EventStore store, String incidentId) throws SQLException {
        Connection connection = database.open();
        try (Statement statement = connection.createStatement()) {
            statement.execute("LISTEN " + EventStore.EVENTS_CHANNEL);
            statement.execute("LISTEN " + EventStore.CONSOLES_CHANNEL);
        } catch (SQLException e) {
            try {
                connection.close();
            } catch (SQLException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
        return new TeamListening(connection, store, incidentId);
    }

    Connection connection() {
        return connection;
    }

    /** Waits up to {@code timeoutMillis} for notifications and sorts out those about this incident. */
    Heard poll(int timeoutMillis) throws SQLException {
        PGNotification[] notifications = connection.unwrap(PGConnection.class).getNotifications(timeoutMillis);
        List<EventStore.Notified> events = new ArrayList<>();
        boolean consolesChanged = false;
        for (PGNotification n : notifications == null ? new PGNotification[0] : notifications) {
            if (n.getName().equals(EventStore.EVENTS_CHANNEL)) {
                store.notified(incidentId, n.getParameter()).ifPresent(events::add);
            } else if (n.getName().equals(EventStore.CONSOLES_CHANNEL) && n.getParameter().equals(incidentId)) {
                consolesChanged = true;
            }
        }
        return new Heard(events, consolesChanged);
    }

    /** Closes the connection, which may already be gone. */
    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            // A connection that failed is what usually gets closed here.
        }
    }
}
