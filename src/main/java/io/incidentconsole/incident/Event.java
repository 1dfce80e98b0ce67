package io.incidentconsole.incident;

import java.time.Instant;
import java.util.Objects;

/**
 * One operator action, as written to the journal. {@code id} is unique across machines so a team journal can
 * drop a re-sent event; {@code seq} orders events within one journal, starting at 1 with no gaps.
 */
public record Event(String id, long seq, Instant at, String operator, EventPayload payload) {

    public Event {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(payload, "payload");
        if (seq < 1) {
            throw new IllegalArgumentException("seq starts at 1, got " + seq);
        }
    }

    public String kind() {
        return payload.kind();
    }
}
