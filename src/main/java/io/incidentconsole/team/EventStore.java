package io.incidentconsole.team;

import io.incidentconsole.incident.Event;
import io.incidentconsole.incident.EventCodec;
import io.incidentconsole.incident.IncidentMetadata;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The SQL of team mode, one method per statement or transaction; connections are the caller's. */
final class EventStore {

    /** The channels the schema notifies on (append_event uses the first). */
    static final String EVENTS_CHANNEL = "incident_events";
    static final String CONSOLES_CHANNEL = "incident_consoles";

    private static final String EVENT_COLUMNS = "seq, event_id, at, operator, kind, payload::text";

    private final EventCodec codec;

    EventStore(EventCodec codec) {
        this.codec = codec;
    }

    /** An incident's row; {@code lastEvent} only where the query reads it (the list). */
    record IncidentRow(IncidentMetadata metadata, String planText, long lastSeq, Instant lastActivity,
                       Optional<Event> lastEvent) {
    }

    /** What appending gave: the event as stored (its database seq), and every event after {@code knownSeq}. */
    record Appended(Event stored, List<Event> after) {
    }

    void createIncident(Connection c, IncidentMetadata metadata, String planText) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO incidents (id, plan_title, plan_text, "
                + "plan_sha256, plan_source, created_at, created_by, last_activity) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, metadata.id());
            insert.setString(2, metadata.planTitle());
            insert.setString(3, planText);
            insert.setString(4, metadata.planSha256());
            insert.setString(5, metadata.planSource());
            insert.setTimestamp(6, Timestamp.from(metadata.createdAt()));
            insert.setString(7, metadata.createdBy());
            insert.setTimestamp(8, Timestamp.from(metadata.createdAt()));
            insert.executeUpdate();
        }
    }

    Optional<IncidentRow> incident(Connection c, String id) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT id, plan_title, plan_text, plan_sha256, "
                + "plan_source, created_at, created_by, last_seq, last_activity FROM incidents WHERE id = ?")) {
            select.setString(1, id);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(incidentRow(rs)) : Optional.empty();
            }
        }
    }

    /** Every incident with its last event, the most recently active first. */
    List<IncidentRow> incidents(Connection c) throws SQLException {
        List<IncidentRow> rows = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement("SELECT i.id, i.plan_title, NULL AS plan_text, "
                + "i.plan_sha256, i.plan_source, i.created_at, i.created_by, i.last_seq, i.last_activity, "
                + "e.seq, e.event_id, e.at, e.operator, e.kind, e.payload::text "
                + "FROM incidents i LEFT JOIN events e ON e.incident_id = i.id AND e.seq = i.last_seq "
                + "ORDER BY i.last_activity DESC, i.id DESC");
             ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                IncidentRow row = incidentRow(rs);
                Optional<Event> last = rs.getString("event_id") == null ? Optional.empty()
                        : Optional.of(new Event(rs.getString("event_id"), rs.getLong("seq"),
                        Instant.parse(rs.getString("at")), rs.getString("operator"),
                        codec.readPayload(rs.getString("kind"), rs.getString("payload"))));
                rows.add(new IncidentRow(row.metadata(), null, row.lastSeq(), row.lastActivity(), last));
            }
        }
        return rows;
    }

    private static IncidentRow incidentRow(ResultSet rs) throws SQLException {
        IncidentMetadata metadata = new IncidentMetadata(IncidentMetadata.FORMAT, rs.getString("id"),
                rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"), rs.getString("plan_title"),
                rs.getString("plan_source"), rs.getString("plan_sha256"));
        return new IncidentRow(metadata, rs.getString("plan_text"), rs.getLong("last_seq"),
                rs.getTimestamp("last_activity").toInstant(), Optional.empty());
    }

    /**
     * Appends one event in one transaction, by the schema's {@code append_event} function: it locks the incident's
     * row, inserts the event with the next seq unless an event with its id is stored already (then the stored one
     * is returned: a re-sent event is not duplicated), moves last_seq and notifies the other consoles; it returns
     * every event after {@code knownSeq} so the caller also learns of the others' events that came first. One
     * round trip, so the row lock is held only while the server works. Use a connection in auto-commit mode.
     */
    Appended append(Connection c, String incidentId, Event event, long knownSeq) throws SQLException {
        List<Event> after = new ArrayList<>();
        Event stored = null;
        try (PreparedStatement call = c.prepareStatement("SELECT " + EVENT_COLUMNS.replace("payload::text", "payload")
                + " FROM append_event(?, ?, ?, ?, ?, ?::jsonb, ?)")) {
            call.setString(1, incidentId);
            call.setString(2, event.id());
            call.setString(3, event.at().toString());
            call.setString(4, event.operator());
            call.setString(5, event.kind());
            call.setString(6, codec.payloadJson(event.payload()));
            call.setLong(7, knownSeq);
            try (ResultSet rs = call.executeQuery()) {
                while (rs.next()) {
                    Event row = event(rs);
                    if (row.id().equals(event.id())) {
                        stored = row;
                    }
                    if (row.seq() > knownSeq) {
                        after.add(row);
                    }
                }
            }
        } catch (SQLException e) {
            if ("P0002".equals(e.getSQLState())) {
                throw new SQLException("no incident '" + incidentId + "' in the database", "P0002", e);
            }
            throw e;
        }
        if (stored == null) {
            throw new SQLException("event " + event.id() + " is neither new nor stored", "XX000");
        }
        return new Appended(stored, after);
    }

    /** The events after {@code seq}, in order. */
    List<Event> fetchAfter(Connection c, String incidentId, long seq) throws SQLException {
        List<Event> events = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement("SELECT " + EVENT_COLUMNS
                + " FROM events WHERE incident_id = ? AND seq > ? ORDER BY seq")) {
            select.setString(1, incidentId);
            select.setLong(2, seq);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    events.add(event(rs));
                }
            }
        }
        return events;
    }

    /** The id of the event at {@code seq}, to check that a local copy belongs to this database. */
    Optional<String> eventIdAt(Connection c, String incidentId, long seq) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(
                "SELECT event_id FROM events WHERE incident_id = ? AND seq = ?")) {
            select.setString(1, incidentId);
            select.setLong(2, seq);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    private Event event(ResultSet rs) throws SQLException {
        return new Event(rs.getString(2), rs.getLong(1), Instant.parse(rs.getString(3)), rs.getString(4),
                codec.readPayload(rs.getString(5), rs.getString(6)));
    }

    /** Says this console has the incident open (now), and tells the others when it is new. */
    void heartbeat(Connection c, String incidentId, String consoleId, String operator, String host)
            throws SQLException {
        boolean inserted;
        try (PreparedStatement upsert = c.prepareStatement("INSERT INTO consoles (incident_id, console_id, operator, "
                + "host) VALUES (?, ?, ?, ?) ON CONFLICT (incident_id, console_id) DO UPDATE SET last_seen = now(), "
                + "operator = excluded.operator RETURNING (xmax = 0)")) {
            upsert.setString(1, incidentId);
            upsert.setString(2, consoleId);
            upsert.setString(3, operator);
            upsert.setString(4, host);
            try (ResultSet rs = upsert.executeQuery()) {
                inserted = rs.next() && rs.getBoolean(1);
            }
        }
        if (inserted) {
            notifyConsoles(c, incidentId);
        }
        commitIfNeeded(c);
    }

    void leave(Connection c, String incidentId, String consoleId) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement(
                "DELETE FROM consoles WHERE incident_id = ? AND console_id = ?")) {
            delete.setString(1, incidentId);
            delete.setString(2, consoleId);
            delete.executeUpdate();
        }
        notifyConsoles(c, incidentId);
        commitIfNeeded(c);
    }

    private static void notifyConsoles(Connection c, String incidentId) throws SQLException {
        try (PreparedStatement notify = c.prepareStatement("SELECT pg_notify(?, ?)")) {
            notify.setString(1, CONSOLES_CHANNEL);
            notify.setString(2, incidentId);
            notify.execute();
        }
    }

    /** The consoles heard of within {@code timeout}, in the order they joined. */
    List<ConnectedConsole> consoles(Connection c, String incidentId, String selfId, Duration timeout)
            throws SQLException {
        List<ConnectedConsole> consoles = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement("SELECT console_id, operator, host, joined_at, last_seen "
                + "FROM consoles WHERE incident_id = ? AND last_seen > now() - make_interval(secs => ?) "
                + "ORDER BY joined_at, console_id")) {
            select.setString(1, incidentId);
            select.setDouble(2, timeout.toMillis() / 1000.0);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    String id = rs.getString(1);
                    consoles.add(new ConnectedConsole(id, rs.getString(2), rs.getString(3),
                            rs.getTimestamp(4).toInstant(), rs.getTimestamp(5).toInstant(), id.equals(selfId)));
                }
            }
        }
        commitIfNeeded(c);
        return consoles;
    }

    private static void commitIfNeeded(Connection c) throws SQLException {
        if (!c.getAutoCommit()) {
            c.commit();
        }
    }

}
