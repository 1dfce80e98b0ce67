package io.incidentconsole.team;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.incidentconsole.incident.Event;
import io.incidentconsole.incident.EventCodec;
import io.incidentconsole.incident.EventTimestamps;
import io.incidentconsole.incident.IncidentMetadata;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The SQL of team mode, one method per statement or transaction; connections are the caller's. */
final class EventStore {

    /** The channels the schema notifies on (append_event uses the first). */
    static final String EVENTS_CHANNEL = "incident_events";
    static final String CONSOLES_CHANNEL = "incident_consoles";

    private static final String EVENT_COLUMNS = "seq, event_id, at, operator, kind, payload::text";

    /** Only parses notifications into trees; the payload inside is read by the codec. */
    private static final ObjectMapper NOTIFICATION_READER = new ObjectMapper();

    private final EventCodec codec;

    EventStore(EventCodec codec) {
        this.codec = codec;
    }

    /** An incident's row; {@code lastEvent} only where the query reads it (the list). */
    record IncidentRow(IncidentMetadata metadata, String planText, long lastSeq, Instant lastActivity,
                       Optional<Event> lastEvent) {
    }

    /**
     * What appending gave: the batch's events as stored (their database seqs, in the batch's order), every event
     * after {@code knownSeq}, and whether the other consoles were notified of the batch (V3's append_event notifies
     * at most once per 20 ms; the appending console then calls {@link #notifyIfLast} a little later).
     */
    record Appended(List<Event> stored, List<StoredEvent> after, boolean notified) {
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
                        EventTimestamps.read(rs.getString("at")), rs.getString("operator"),
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
     * Appends a batch of events in one transaction: it locks the incident's row, inserts each event with the next
     * seq unless an event with its id is stored already (then the stored one is returned: a re-sent event is not
     * duplicated), moves last_seq and notifies the other consoles; it returns every event after {@code knownSeq} so
     * the caller also learns of the others' events that came first. One round trip and one commit for the whole
     * batch, so the row lock is held only while the server works. Use a connection in auto-commit mode.
     * <p>
     * A batch of one (an operator's action) goes through the schema's {@code append_event} (V1, since V3 notifying at
     * most once per 20 ms per incident), a batch of more
     * (the offline queue) through {@code append_events} (V2), whose notifications carry the events: under the load
     * harness the V2 function held the row lock longer per event than V1 and the bigger notifications cost more
     * than the re-reads they saved (bench/team/compare.sh, docs/performance.md), so single appends keep V1.
     */
    Appended append(Connection c, String incidentId, List<Event> batch, long knownSeq) throws SQLException {
        int size = batch.size();
        String[] ids = new String[size];
        String[] ats = new String[size];
        String[] operators = new String[size];
        String[] kinds = new String[size];
        String[] payloads = new String[size];
        Map<String, Integer> positions = new HashMap<>();
        for (int i = 0; i < size; i++) {
            Event event = batch.get(i);
            ids[i] = event.id();
            ats[i] = EventTimestamps.format(event.at());
            operators[i] = event.operator();
            kinds[i] = event.kind();
            payloads[i] = codec.payloadJson(event.payload());
            positions.put(event.id(), i);
        }
        List<StoredEvent> after = new ArrayList<>();
        Event[] stored = new Event[size];
        boolean notified = true;
        try (PreparedStatement call = c.prepareStatement("SELECT " + EVENT_COLUMNS.replace("payload::text", "payload")
                + (size == 1 ? ", notified FROM append_event(?, ?, ?, ?, ?, ?::jsonb, ?)"
                : " FROM append_events(?, ?, ?, ?, ?, ?::jsonb[], ?)"))) {
            call.setString(1, incidentId);
            if (size == 1) {
                call.setString(2, ids[0]);
                call.setString(3, ats[0]);
                call.setString(4, operators[0]);
                call.setString(5, kinds[0]);
                call.setString(6, payloads[0]);
            } else {
                call.setArray(2, c.createArrayOf("text", ids));
                call.setArray(3, c.createArrayOf("text", ats));
                call.setArray(4, c.createArrayOf("text", operators));
                call.setArray(5, c.createArrayOf("text", kinds));
                call.setArray(6, c.createArrayOf("text", payloads));
            }
            call.setLong(7, knownSeq);
            try (ResultSet rs = call.executeQuery()) {
                while (rs.next()) {
                    StoredEvent row = event(rs);
                    notified = size > 1 || rs.getBoolean(7);
                    Integer position = positions.get(row.event().id());
                    if (position != null) {
                        stored[position] = row.event();
                    }
                    if (row.event().seq() > knownSeq) {
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
        for (int i = 0; i < size; i++) {
            if (stored[i] == null) {
                throw new SQLException("event " + ids[i] + " is neither new nor stored", "XX000");
            }
        }
        return new Appended(List.of(stored), after, notified);
    }

    /**
     * Notifies the other consoles of the event at {@code seq} if it is still the incident's last (an append that
     * append_event did not notify, see V3__cheaper_appends.sql); true when it did.
     */
    boolean notifyIfLast(Connection c, String incidentId, long seq) throws SQLException {
        try (PreparedStatement call = c.prepareStatement("SELECT notify_if_last(?, ?)")) {
            call.setString(1, incidentId);
            call.setLong(2, seq);
            try (ResultSet rs = call.executeQuery()) {
                boolean notified = rs.next() && rs.getBoolean(1);
                commitIfNeeded(c);
                return notified;
            }
        }
    }

    /** The events after {@code seq}, in order. */
    List<StoredEvent> fetchAfter(Connection c, String incidentId, long seq) throws SQLException {
        List<StoredEvent> events = new ArrayList<>();
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

    /**
     * What a notification on {@link #EVENTS_CHANNEL} says about {@code incidentId}'s events: the seq of a new event,
     * and the event itself when the notification carries it (see V2__batched_appends.sql); empty when it is about
     * another incident. A notification that cannot be read gives seq MAX_VALUE and no event: the caller reads the
     * events back.
     */
    Optional<Notified> notified(String incidentId, String parameter) {
        String prefix = incidentId + ":";
        if (!parameter.startsWith(prefix)) {
            return Optional.empty();
        }
        int colon = parameter.indexOf(':', prefix.length());
        long seq;
        try {
            seq = Long.parseLong(colon < 0 ? parameter.substring(prefix.length())
                    : parameter.substring(prefix.length(), colon));
        } catch (NumberFormatException e) {
            return Optional.of(new Notified(Long.MAX_VALUE, Optional.empty()));
        }
        if (colon < 0) {
            return Optional.of(new Notified(seq, Optional.empty()));
        }
        try {
            JsonNode fields = NOTIFICATION_READER.readTree(parameter.substring(colon + 1));
            if (fields.size() != 5 || !fields.get(0).isTextual() || !fields.get(1).isTextual()
                    || !fields.get(2).isTextual() || !fields.get(3).isTextual()) {
                return Optional.of(new Notified(seq, Optional.empty()));
            }
            String kind = fields.get(3).asText();
            Event event = new Event(fields.get(0).asText(), seq, EventTimestamps.read(fields.get(1).asText()),
                    fields.get(2).asText(), codec.readPayload(kind, fields.get(4)));
            return Optional.of(new Notified(seq, Optional.of(event)));
        } catch (JsonProcessingException | DateTimeParseException e) {
            return Optional.of(new Notified(seq, Optional.empty()));
        }
    }

    /** A new event's seq, with the event when its notification carried it. */
    record Notified(long seq, Optional<Event> event) {
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

    private StoredEvent event(ResultSet rs) throws SQLException {
        String payload = rs.getString(6);
        return new StoredEvent(new Event(rs.getString(2), rs.getLong(1), EventTimestamps.read(rs.getString(3)),
                rs.getString(4), codec.readPayload(rs.getString(5), payload)), payload);
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
