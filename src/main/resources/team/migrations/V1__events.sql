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
