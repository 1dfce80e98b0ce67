package io.incidentconsole.metrics;

import java.time.Instant;
import java.util.Objects;

/** The health of a metric source: answering, stopped answering (stale), or failing for a clear reason. */
public sealed interface SourceStatus {

    /** When this status began. */
    Instant since();

    record Live(Instant since) implements SourceStatus {
        public Live {
            Objects.requireNonNull(since, "since");
        }
    }

    /** The source stopped answering (connection refused, timeout, file gone); numbers are not current. */
    record Stale(Instant since, String reason) implements SourceStatus {
        public Stale {
            Objects.requireNonNull(since, "since");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** The source answers but cannot be used as configured (bad query, wrong URL, malformed answer). */
    record Error(Instant since, String message) implements SourceStatus {
        public Error {
            Objects.requireNonNull(since, "since");
            Objects.requireNonNull(message, "message");
        }
    }

    /** The source was stopped on purpose. */
    record Stopped(Instant since) implements SourceStatus {
        public Stopped {
            Objects.requireNonNull(since, "since");
        }
    }
}
