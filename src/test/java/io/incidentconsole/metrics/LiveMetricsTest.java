package io.incidentconsole.metrics;

import io.incidentconsole.plan.Plan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LiveMetricsTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    @Test
    void theSimulatedIncidentFlowsIntoStoreStalenessAndAlerts() {
        ManualScheduler clock = new ManualScheduler(T0);
        Plan plan = TestPlans.seedLike();
        MetricSources factory = new MetricSources(clock, clock, name -> null);
        MetricSources.Built built = factory.build(plan, MetricsSettings.simulator(11));
        assertThat(built.sources()).singleElement().isInstanceOf(SimulatorSource.class);
        LiveMetrics live = factory.liveMetrics(plan, built);
        live.start();

        LiveMetrics.FrameUpdate first = live.onFrame();
        assertThat(first.changedMetrics()).contains("convex_calls", "error_rate");
        assertThat(live.store().series("convex_calls").orElseThrow().size()).isEqualTo(15 * 60 + 1);
        assertThat(live.freshness("convex_calls").isCurrent()).isTrue();
        // 3.2M calls/day is over the 900K alert rule; the threshold lines only alert when crossed.
        assertThat(first.alerts()).extracting(e -> e.rule().id()).containsExactly("calls-over-free-tier");

        built.simulator().orElseThrow().model().errorSpike(T0.plusSeconds(10), Duration.ofMinutes(10));
        clock.advance(Duration.ofMinutes(6));
        LiveMetrics.FrameUpdate later = live.onFrame();
        assertThat(later.alerts()).extracting(e -> e.rule().id()).contains("errors-high", "rb-330-errors");
        assertThat(live.acknowledge("errors-high", "ana")).isPresent();

        var reduced = live.reduce("convex_calls", T0.minus(Duration.ofMinutes(15)), T0.plusSeconds(360), 200)
                .orElseThrow();
        assertThat(reduced.rawPoints()).isEqualTo(15 * 60 + 360);
        assertThat(reduced.size()).isLessThanOrEqualTo(800);

        live.stop();
        assertThat(live.onFrame().statuses()).isNotEmpty();
        assertThat(live.freshness("convex_calls").state()).isEqualTo(Freshness.State.STALE);
        assertThatThrownBy(live::start).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void realSourcesReplaceTheSimulator(@TempDir Path dir) throws Exception {
        ManualScheduler clock = new ManualScheduler(T0);
        Path file = dir.resolve("m.csv");
        Files.writeString(file, "2026-03-01T09:59:00Z,bandwidth_gb,2.4\n2026-03-01T09:58:00Z,bandwidth_gb,2.5\n");
        MetricSources factory = new MetricSources(clock, clock, name -> null);
        MetricsSettings settings = new MetricsSettings(Optional.of("http://127.0.0.1:1"), Optional.of("PROM_TOKEN"),
                Optional.of(file), 1);
        MetricSources.Built built = factory.build(TestPlans.seedLike(), settings);
        assertThat(built.sources()).extracting(MetricSource::id).containsExactly("prometheus", "file");
        assertThat(built.sources().get(0).metricIds()).containsExactly("convex_calls");
        assertThat(built.warnings()).singleElement().asString().contains("PROM_TOKEN").contains("not set");

        LiveMetrics live = new LiveMetrics(List.of(built.sources().get(1)), new CoalescingBuffer(),
                new StalenessTracker(3), new RuleEvaluator(List.of()), clock);
        live.start();
        clock.advance(Duration.ofMillis(1));
        LiveMetrics.FrameUpdate frame = live.onFrame();
        assertThat(frame.changedMetrics()).containsExactly("db_bandwidth");
        assertThat(frame.droppedOutOfOrder()).isEqualTo(1);
        assertThatThrownBy(() -> factory.build(TestPlans.seedLike(), new MetricsSettings(Optional.of("localhost:9090"),
                Optional.empty(), Optional.empty(), 1))).hasMessageContaining("http://");
    }

    @Test
    void theNewestValueAndSinceWhenAConditionHoldsAreReadFromTheStore() {
        ManualScheduler clock = new ManualScheduler(T0);
        CoalescingBuffer buffer = new CoalescingBuffer();
        LiveMetrics live = new LiveMetrics(List.of(), buffer, new StalenessTracker(3),
                new RuleEvaluator(List.of()), clock);
        assertThat(live.latest("convex_calls")).isEmpty();

        buffer.sample("convex_calls", T0.toEpochMilli(), 3_000_000);
        buffer.sample("convex_calls", T0.plusSeconds(60).toEpochMilli(), 2_700_000);
        buffer.sample("convex_calls", T0.plusSeconds(120).toEpochMilli(), 2_600_000);
        live.onFrame();

        LatestValues.Reading reading = live.latest("convex_calls").orElseThrow();
        assertThat(reading.value()).isEqualTo(2_600_000);
        assertThat(reading.at()).isEqualTo(T0.plusSeconds(120));
        assertThat(reading.current()).as("no source feeds it: not current").isFalse();
        assertThat(live.holdingSince("convex_calls", v -> v <= 2_800_000)).contains(T0.plusSeconds(60));
        assertThat(live.holdingSince("convex_calls", v -> v <= 2_650_000)).contains(T0.plusSeconds(120));
        assertThat(live.holdingSince("convex_calls", v -> v > 2_800_000)).isEmpty();
    }
}
