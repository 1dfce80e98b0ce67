package io.incidentconsole.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Decides, per metric, whether its numbers are current. A metric is stale when its source (or its binding)
 * reports a failure or was stopped, or when no sample arrived for {@code missedIntervals} times the source's
 * expected interval. Arrival time is used, not sample time, so old exported data that keeps arriving is live.
 * Owned by the thread that drains the {@link CoalescingBuffer}.
 */
public final class StalenessTracker {

    private final int missedIntervals;
    private final Map<String, Tracked> metrics = new HashMap<>();
    private final Map<String, SourceStatus> sourceStatuses = new HashMap<>();
    private final Map<String, SourceStatus> metricStatuses = new HashMap<>();

    public StalenessTracker(int missedIntervals) {
        if (missedIntervals < 1) {
            throw new IllegalArgumentException("missedIntervals must be at least 1");
        }
        this.missedIntervals = missedIntervals;
    }

    /** Declares that {@code sourceId} feeds {@code metricId} about every {@code expectedInterval}, from {@code now}. */
    public void register(String metricId, String sourceId, Duration expectedInterval, Instant now) {
        metrics.put(metricId, new Tracked(sourceId, expectedInterval, now));
    }

    public void sampleArrived(String metricId, Instant at) {
        Tracked tracked = metrics.get(metricId);
        if (tracked != null) {
            tracked.lastSampleAt = at;
        }
    }

    public void status(StatusUpdate update) {
        if (update.metricId() == null) {
            sourceStatuses.put(update.sourceId(), update.status());
        } else {
            metricStatuses.put(update.metricId(), update.status());
        }
    }

    public Freshness freshness(String metricId, Instant now) {
        Tracked tracked = metrics.get(metricId);
        if (tracked == null) {
            return new Freshness(Freshness.State.STALE, now, "no source feeds this metric", null);
        }
        Instant last = tracked.lastSampleAt;
        Freshness failure = failure(sourceStatuses.get(tracked.sourceId), last, "source " + tracked.sourceId);
        if (failure == null) {
            failure = failure(metricStatuses.get(metricId), last, null);
        }
        if (failure != null) {
            return failure;
        }
        Duration grace = tracked.expectedInterval.multipliedBy(missedIntervals);
        if (last == null) {
            Instant deadline = tracked.registeredAt.plus(grace);
            return now.isBefore(deadline)
                    ? new Freshness(Freshness.State.WAITING, tracked.registeredAt, "waiting for the first sample", null)
                    : new Freshness(Freshness.State.STALE, tracked.registeredAt, "no sample yet from "
                    + tracked.sourceId + " (expected every " + human(tracked.expectedInterval) + ")", null);
        }
        Duration silent = Duration.between(last, now);
        if (silent.compareTo(grace) > 0) {
            return new Freshness(Freshness.State.STALE, last, "no new sample from " + tracked.sourceId + " for "
                    + human(silent) + " (expected every " + human(tracked.expectedInterval) + ")", last);
        }
        return new Freshness(Freshness.State.LIVE, last, "", last);
    }

    private static Freshness failure(SourceStatus status, Instant last, String prefix) {
        if (status == null || status instanceof SourceStatus.Live) {
            return null;
        }
        String why;
        if (status instanceof SourceStatus.Stale stale) {
            why = stale.reason();
        } else if (status instanceof SourceStatus.Error error) {
            why = error.message();
        } else {
            why = "stopped";
        }
        Instant since = last != null && last.isBefore(status.since()) ? last : status.since();
        return new Freshness(Freshness.State.STALE, since, prefix == null ? why : prefix + ": " + why, last);
    }

    static String human(Duration d) {
        long s = d.toSeconds();
        if (s < 1) {
            return d.toMillis() + " ms";
        }
        if (s < 120) {
            return s + " s";
        }
        if (s < 7200) {
            return s / 60 + " min";
        }
        return s / 3600 + " h";
    }

    private static final class Tracked {
        final String sourceId;
        final Duration expectedInterval;
        final Instant registeredAt;
        Instant lastSampleAt;

        Tracked(String sourceId, Duration expectedInterval, Instant registeredAt) {
            this.sourceId = Objects.requireNonNull(sourceId);
            this.expectedInterval = expectedInterval;
            this.registeredAt = registeredAt;
        }
    }
}
