-- Shared incidents, their events (one row per journal event, ordered by seq) and the consoles that have them open.
CREATE TABLE incidents (
    id            text        PRIMARY KEY,
    plan_title    text        NOT NULL,
    plan_text     text        NOT NULL,
    plan_sha256   text        NOT NULL,
    plan_source   text        NOT NULL,
    created_at    timestamptz NOT NULL,
    created_by    text        NOT NULL,
    last_seq      bigint      NOT NULL DEFAULT 0,
    last_activity timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE events (
    incident_id text        NOT NULL REFERENCES incidents (id),
    seq         bigint      NOT NULL,
    event_id    text        NOT NULL UNIQUE,
    at          text        NOT NULL,
    operator    text        NOT NULL,
    kind        text        NOT NULL,
    payload     jsonb       NOT NULL,
    stored_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (incident_id, seq),
    CHECK (seq >= 1)
);

CREATE TABLE consoles (
    incident_id text        NOT NULL REFERENCES incidents (id),
    console_id  text        NOT NULL,
    operator    text        NOT NULL,
    host        text        NOT NULL,
    joined_at   timestamptz NOT NULL DEFAULT now(),
    last_seen   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (incident_id, console_id)
);

CREATE INDEX incidents_last_activity ON incidents (last_activity DESC);

-- Appends one event in one transaction (the caller's, or the statement's own in auto-commit): locks the incident's
-- row, inserts the event with the next seq unless an event with its id is stored already (a re-sent event is not
-- duplicated), moves last_seq and notifies the consoles; returns every event after p_known_seq and the event with
-- p_event_id, in order, so the caller learns its seq and the events that came first in one round trip.
CREATE FUNCTION append_event(p_incident text, p_event_id text, p_at text, p_operator text, p_kind text,
                             p_payload jsonb, p_known_seq bigint)
    RETURNS TABLE (seq bigint, event_id text, at text, operator text, kind text, payload text)
    LANGUAGE plpgsql AS $$
#variable_conflict use_column
DECLARE
    v_last     bigint;
    v_inserted integer;
BEGIN
    SELECT i.last_seq INTO v_last FROM incidents i WHERE i.id = p_incident FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'no incident %', p_incident USING ERRCODE = 'no_data_found';
    END IF;
    INSERT INTO events (incident_id, seq, event_id, at, operator, kind, payload)
    VALUES (p_incident, v_last + 1, p_event_id, p_at, p_operator, p_kind, p_payload)
    ON CONFLICT (event_id) DO NOTHING;
    GET DIAGNOSTICS v_inserted = ROW_COUNT;
    IF v_inserted = 1 THEN
        UPDATE incidents SET last_seq = v_last + 1, last_activity = now() WHERE id = p_incident;
        PERFORM pg_notify('incident_events', p_incident || ':' || (v_last + 1));
    END IF;
    -- A new statement, so a new snapshot: it sees every event committed before this one got the lock.
    RETURN QUERY
        SELECT e.seq, e.event_id, e.at, e.operator, e.kind, e.payload::text
        FROM events e
        WHERE e.incident_id = p_incident AND (e.seq > p_known_seq OR e.event_id = p_event_id)
        ORDER BY e.seq;
END
$$;
