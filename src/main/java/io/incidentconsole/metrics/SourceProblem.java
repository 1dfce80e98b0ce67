package io.incidentconsole.metrics;

import java.time.Instant;
import java.util.Objects;

/** Input a source skipped and why, with where it was ({@code metrics.csv:12}) when there is a place. */
public record SourceProblem(String sourceId, Instant at, String location, String message) {
    public SourceProblem {
        Objects.requireNonNull(sourceId, "sourceId");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return (location == null ? sourceId : location) + ": " + message;
    }
}
