package io.incidentconsole.metrics;

import java.util.Objects;

/**
 * A status change reported by a source. {@code metricId} is null when it concerns the whole source and set
 * when only one binding is affected (e.g. one PromQL query is invalid while the others work).
 */
public record StatusUpdate(String sourceId, String metricId, SourceStatus status) {
    public StatusUpdate {
        Objects.requireNonNull(sourceId, "sourceId");
        Objects.requireNonNull(status, "status");
    }

    public static StatusUpdate ofSource(String sourceId, SourceStatus status) {
        return new StatusUpdate(sourceId, null, status);
    }

    public static StatusUpdate ofMetric(String sourceId, String metricId, SourceStatus status) {
        return new StatusUpdate(sourceId, Objects.requireNonNull(metricId, "metricId"), status);
    }

    /** The key the latest status is kept under: the source, or source + metric. */
    public String key() {
        return metricId == null ? sourceId : sourceId + "/" + metricId;
    }
}
