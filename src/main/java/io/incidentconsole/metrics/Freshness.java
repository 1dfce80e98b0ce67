package io.incidentconsole.metrics;

import java.time.Instant;
import java.util.Objects;

/**
 * Whether a metric's numbers are current. When {@link State#STALE} the chart must say since when and why, and
 * must not show the last value as current. {@code lastSampleAt} is when the newest sample arrived (null if
 * none ever did).
 */
public record Freshness(State state, Instant since, String reason, Instant lastSampleAt) {

    public Freshness {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(since, "since");
        reason = reason == null ? "" : reason;
    }

    public boolean isCurrent() {
        return state == State.LIVE;
    }

    public enum State {
        /** Samples arrive as expected. */
        LIVE,
        /** The source was just started and has not delivered yet (within its grace period). */
        WAITING,
        /** No current numbers: the source stopped answering, failed, or was stopped. */
        STALE
    }
}
