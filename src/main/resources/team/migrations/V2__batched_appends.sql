-- Appends a batch of events in one transaction (one commit, one row lock, one round trip for all of them) and
-- notifies each new event with the event itself, so the listening consoles take it in without reading it back.
-- Otherwise as append_event (V1): locks the incident's row; an event whose id is stored already is not stored again
-- (a re-sent event is not duplicated); returns every event after p_known_seq and the stored form of each event of the
-- batch, in order.
-- The notification is 'incident:seq:["event_id","at","operator","kind",payload]'; an event too big for a
-- notification (PostgreSQL's limit is 8000 bytes) is notified as 'incident:seq' and read back by the consoles.
-- append_event stays as it was.
CREATE FUNCTION append_events(p_incident text, p_event_ids text[], p_ats text[], p_operators text[],
                              p_kinds text[], p_payloads jsonb[], p_known_seq bigint)
    RETURNS TABLE (seq bigint, event_id text, at text, operator text, kind text, payload text)
    LANGUAGE plpgsql AS $$
#variable_conflict use_column
DECLARE
    v_last     bigint;
    v_before   bigint;
    v_inserted integer;
    v_note     text;
BEGIN
    SELECT i.last_seq INTO v_last FROM incidents i WHERE i.id = p_incident FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'no incident %', p_incident USING ERRCODE = 'no_data_found';
    END IF;
    v_before := v_last;
    FOR n IN 1 .. coalesce(array_length(p_event_ids, 1), 0) LOOP
        INSERT INTO events (incident_id, seq, event_id, at, operator, kind, payload)
        VALUES (p_incident, v_last + 1, p_event_ids[n], p_ats[n], p_operators[n], p_kinds[n], p_payloads[n])
        ON CONFLICT (event_id) DO NOTHING;
        GET DIAGNOSTICS v_inserted = ROW_COUNT;
        IF v_inserted = 1 THEN
            v_last := v_last + 1;
            v_note := p_incident || ':' || v_last || ':'
                || json_build_array(p_event_ids[n], p_ats[n], p_operators[n], p_kinds[n], p_payloads[n])::text;
            IF octet_length(v_note) >= 7900 THEN
                v_note := p_incident || ':' || v_last;
            END IF;
            PERFORM pg_notify('incident_events', v_note);
        END IF;
    END LOOP;
    IF v_last <> v_before THEN
        UPDATE incidents SET last_seq = v_last, last_activity = now() WHERE id = p_incident;
    END IF;
    -- A new statement, so a new snapshot: it sees every event committed before this one got the lock. Two index
    -- scans (the primary key, then event_id for a re-sent event stored before p_known_seq), not one OR over both.
    RETURN QUERY
        SELECT e.seq, e.event_id, e.at, e.operator, e.kind, e.payload::text
        FROM events e
        WHERE e.incident_id = p_incident AND e.seq > p_known_seq
        UNION ALL
        SELECT e.seq, e.event_id, e.at, e.operator, e.kind, e.payload::text
        FROM events e
        WHERE e.event_id = ANY (p_event_ids) AND e.incident_id = p_incident AND e.seq <= p_known_seq
        ORDER BY 1;
END
$$;
