-- Cheaper appends (ADR 0018, docs/performance.md "Round 3: team throughput"):
-- 1. append_event returns what came first by two index scans. V1's one OR over both made PL/pgSQL keep, per connection,
--    the plan it chose while the table was small: a scan of every event of the incident, filtered. Each append then
--    cost O(events), under the incident's row lock: 0.9 ms at 2,000 events, 5 ms at 20,000 (one console, no load).
-- 2. At most one notification per incident per 20 ms from append_event, and the last append of a burst notified by
--    its own console. Every notification is delivered by every listening console's backend (a signal, a wake-up, a
--    read of the queue, a message): with 50 consoles and 500 events/s that was 25,000 deliveries a second and half
--    of the server's CPU. append_event notifies unless the incident's last notification from append_event is under
--    20 ms old (decided under the incident's row lock it already holds: one clock per incident) and says whether it
--    did (column notified). The console whose append was not notified calls notify_if_last a little later: it
--    notifies when that event is still the incident's last, so the last event of every burst is notified and every
--    earlier one is covered by a later notification (a console reads back everything up to the seq it hears of).
-- Ordering, seqs, idempotence and the returned events are as in V1; append_events (V2, the offline queue's batches)
-- still notifies every event with the event itself. Consoles of schema 2 are refused once a database is at 3.
ALTER TABLE incidents ADD COLUMN last_notified timestamptz NOT NULL DEFAULT '-infinity';

DROP FUNCTION append_event(text, text, text, text, text, jsonb, bigint);

CREATE FUNCTION append_event(p_incident text, p_event_id text, p_at text, p_operator text, p_kind text,
                             p_payload jsonb, p_known_seq bigint)
    RETURNS TABLE (seq bigint, event_id text, at text, operator text, kind text, payload text, notified boolean)
    LANGUAGE plpgsql AS $$
#variable_conflict use_column
DECLARE
    v_last     bigint;
    v_window   timestamptz;
    v_inserted integer;
    v_notified boolean := false;
BEGIN
    SELECT i.last_seq, i.last_notified INTO v_last, v_window FROM incidents i WHERE i.id = p_incident FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'no incident %', p_incident USING ERRCODE = 'no_data_found';
    END IF;
    INSERT INTO events (incident_id, seq, event_id, at, operator, kind, payload)
    VALUES (p_incident, v_last + 1, p_event_id, p_at, p_operator, p_kind, p_payload)
    ON CONFLICT (event_id) DO NOTHING;
    GET DIAGNOSTICS v_inserted = ROW_COUNT;
    IF v_inserted = 1 THEN
        v_notified := v_window <= clock_timestamp() - interval '20 milliseconds';
        IF v_notified THEN
            UPDATE incidents SET last_seq = v_last + 1, last_activity = now(), last_notified = clock_timestamp()
            WHERE id = p_incident;
            PERFORM pg_notify('incident_events', p_incident || ':' || (v_last + 1));
        ELSE
            UPDATE incidents SET last_seq = v_last + 1, last_activity = now() WHERE id = p_incident;
        END IF;
    END IF;
    -- A re-sent event (stored already) says not notified too: its first sending's reply, and with it the console's
    -- notify_if_last, may have been lost.
    -- A new statement, so a new snapshot: it sees every event committed before this one got the lock. Two index
    -- scans (see 1. above), as append_events (V2) does.
    RETURN QUERY
        SELECT e.seq, e.event_id, e.at, e.operator, e.kind, e.payload::text, v_notified
        FROM events e
        WHERE e.incident_id = p_incident AND e.seq > p_known_seq
        UNION ALL
        SELECT e.seq, e.event_id, e.at, e.operator, e.kind, e.payload::text, v_notified
        FROM events e
        WHERE e.event_id = p_event_id AND e.incident_id = p_incident AND e.seq <= p_known_seq
        ORDER BY 1;
END
$$;

-- Notifies p_seq when it is still the incident's last event (nothing appended after it could have covered it);
-- true when it did. Takes no lock: an append racing with it is notified or covered on its own account.
CREATE FUNCTION notify_if_last(p_incident text, p_seq bigint) RETURNS boolean
    LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM incidents i WHERE i.id = p_incident AND i.last_seq = p_seq) THEN
        PERFORM pg_notify('incident_events', p_incident || ':' || p_seq);
        RETURN true;
    END IF;
    RETURN false;
END
$$;
