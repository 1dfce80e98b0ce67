package io.incidentconsole.metrics;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class StalenessTrackerTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    @Test
    void waitingThenLiveThenStaleAfterMissedIntervals() {
        StalenessTracker tracker = new StalenessTracker(3);
        tracker.register("convex_calls", "prometheus", Duration.ofSeconds(15), T0);
        assertThat(tracker.freshness("convex_calls", T0.plusSeconds(10)).state()).isEqualTo(Freshness.State.WAITING);
        assertThat(tracker.freshness("convex_calls", T0.plusSeconds(46)))
                .satisfies(f -> {
                    assertThat(f.state()).isEqualTo(Freshness.State.STALE);
                    assertThat(f.reason()).isEqualTo("no sample yet from prometheus (expected every 15 s)");
                });
        Instant arrival = T0.plusSeconds(50);
        tracker.sampleArrived("convex_calls", arrival);
        assertThat(tracker.freshness("convex_calls", arrival.plusSeconds(45)).isCurrent()).isTrue();
        Freshness stale = tracker.freshness("convex_calls", arrival.plusSeconds(46));
        assertThat(stale.state()).isEqualTo(Freshness.State.STALE);
        assertThat(stale.since()).isEqualTo(arrival);
        assertThat(stale.reason()).isEqualTo("no new sample from prometheus for 46 s (expected every 15 s)");
    }

    @Test
    void aFailingSourceIsStaleAtOnceSinceItsLastSampleWithItsReason() {
        StalenessTracker tracker = new StalenessTracker(3);
        tracker.register("convex_calls", "prometheus", Duration.ofSeconds(15), T0);
        tracker.sampleArrived("convex_calls", T0.plusSeconds(1));
        tracker.status(StatusUpdate.ofSource("prometheus", new SourceStatus.Stale(T0.plusSeconds(20),
                "cannot connect to http://127.0.0.1:9090 (connection refused: is Prometheus running there?)")));
        Freshness f = tracker.freshness("convex_calls", T0.plusSeconds(21));
        assertThat(f.state()).isEqualTo(Freshness.State.STALE);
        assertThat(f.since()).isEqualTo(T0.plusSeconds(1));
        assertThat(f.reason()).startsWith("source prometheus: cannot connect");

        tracker.status(StatusUpdate.ofSource("prometheus", new SourceStatus.Live(T0.plusSeconds(30))));
        tracker.status(StatusUpdate.ofMetric("prometheus", "convex_calls",
                new SourceStatus.Error(T0.plusSeconds(30), "metric convex_calls: bad query")));
        tracker.sampleArrived("convex_calls", T0.plusSeconds(31));
        assertThat(tracker.freshness("convex_calls", T0.plusSeconds(32)).reason()).isEqualTo("metric convex_calls: bad query");
        assertThat(tracker.freshness("unknown", T0).reason()).isEqualTo("no source feeds this metric");
    }

    @Test
    void aStoppedSourceIsStale() {
        StalenessTracker tracker = new StalenessTracker(3);
        tracker.register("m", "simulator", Duration.ofSeconds(1), T0);
        tracker.sampleArrived("m", T0);
        tracker.status(StatusUpdate.ofSource("simulator", new SourceStatus.Stopped(T0.plusSeconds(1))));
        assertThat(tracker.freshness("m", T0.plusSeconds(1)).reason()).isEqualTo("source simulator: stopped");
    }
}
