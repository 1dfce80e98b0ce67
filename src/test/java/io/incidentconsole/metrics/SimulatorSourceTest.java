package io.incidentconsole.metrics;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class SimulatorSourceTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private static final Duration SETTLE = Duration.ofMinutes(2);

    private SimulatorModel model(long seed) {
        return new SimulatorModel(seed, TestPlans.seedLike(), SETTLE);
    }

    @Test
    void sameSeedSameStoryDifferentSeedDifferentNoise() {
        SimulatorModel a = model(42);
        SimulatorModel b = model(42);
        SimulatorModel c = model(43);
        long t = T0.toEpochMilli();
        for (long i = 0; i < 100; i++) {
            assertThat(a.value("convex_calls", t + i * 1000)).isEqualTo(b.value("convex_calls", t + i * 1000));
        }
        assertThat(a.value("convex_calls", t)).isNotEqualTo(c.value("convex_calls", t));
    }

    @Test
    void playsTheSeedsStoryNearTheBaselines() {
        SimulatorModel m = model(7);
        long t = T0.toEpochMilli();
        assertThat(mean(m, "convex_calls", t)).isCloseTo(3_200_000, within(3_200_000 * 0.02));
        assertThat(mean(m, "adapter_calls", t)).isCloseTo(1_880_000, within(1_880_000 * 0.02));
        assertThat(mean(m, "db_bandwidth", t)).isCloseTo(2.49, within(2.49 * 0.02));
        assertThat(mean(m, SimulatorModel.ERROR_RATE, t)).isCloseTo(0.012, within(0.001));
        assertThat(m.value("as_any_casts", t)).isEqualTo(50);
        assertThat(m.metricIds()).containsExactly("convex_calls", "adapter_calls", "db_bandwidth", "as_any_casts",
                SimulatorModel.ERROR_RATE);
    }

    @Test
    void completingPhasesMovesCallsTowardsMilestonesThenTarget() {
        SimulatorModel m = model(7);
        long t = T0.toEpochMilli();
        m.phaseCompleted("p330-1", T0);
        assertThat(m.level("convex_calls", t + 1)).isGreaterThan(3_100_000);
        long settled = t + SETTLE.toMillis() * 10;
        assertThat(m.level("convex_calls", settled)).isCloseTo(2_800_000, within(50.0));
        assertThat(mean(m, "convex_calls", settled)).isCloseTo(2_800_000, within(2_800_000 * 0.02));
        assertThat(m.level(SimulatorModel.ERROR_RATE, settled)).isCloseTo(0.004, within(1e-6));

        Instant phase2 = Instant.ofEpochMilli(settled);
        m.phaseCompleted("p330-2", phase2);
        long mid = settled + SETTLE.toMillis();
        assertThat(m.level("convex_calls", mid)).isBetween(2_400_000.0, 2_800_000.0);
        assertThat(m.level("convex_calls", settled + SETTLE.toMillis() * 10)).isCloseTo(2_400_000, within(50.0));

        // Phase 3 has no milestone: halfway from 2.4M to the 1.0M target reached when phase 4 completes.
        long later = settled + SETTLE.toMillis() * 20;
        m.phaseCompleted("p3", Instant.ofEpochMilli(later));
        assertThat(m.level("convex_calls", later + SETTLE.toMillis() * 10)).isCloseTo(1_700_000, within(50.0));
        m.phaseCompleted("p4", Instant.ofEpochMilli(later + SETTLE.toMillis() * 10));
        assertThat(m.level("convex_calls", later + SETTLE.toMillis() * 30)).isCloseTo(1_000_000, within(50.0));
        assertThat(m.level("as_any_casts", later + SETTLE.toMillis() * 30)).isCloseTo(0, within(0.01));
    }

    @Test
    void reopeningAPhaseHeadsBack() {
        SimulatorModel m = model(1);
        long t = T0.toEpochMilli();
        m.phaseCompleted("p330-1", T0);
        m.phaseReopened("p330-1", Instant.ofEpochMilli(t + SETTLE.toMillis() * 10));
        assertThat(m.level("convex_calls", t + SETTLE.toMillis() * 30)).isCloseTo(3_200_000, within(50.0));
    }

    @Test
    void errorSpikeRaisesTheErrorRate() {
        SimulatorModel m = model(1);
        m.errorSpike(T0, Duration.ofMinutes(5));
        assertThat(m.value(SimulatorModel.ERROR_RATE, T0.plusSeconds(60).toEpochMilli())).isGreaterThan(0.05);
        assertThat(m.value(SimulatorModel.ERROR_RATE, T0.plusSeconds(400).toEpochMilli())).isLessThan(0.02);
    }

    @Test
    void sourceBackfillsThenEmitsEveryTickWithoutSleeping() {
        ManualScheduler clock = new ManualScheduler(T0.plusMillis(300));
        SimulatorSource source = new SimulatorSource(model(5), clock, clock, Duration.ofSeconds(1),
                Duration.ofSeconds(60));
        CoalescingBuffer buffer = new CoalescingBuffer();
        source.start(buffer);
        CoalescingBuffer.Drained first = buffer.drain();
        int metrics = source.metricIds().size();
        assertThat(first.samples().size()).isEqualTo(61 * metrics);
        assertThat(first.samples().time(0)).isEqualTo(T0.minusSeconds(60).toEpochMilli());
        assertThat(first.statuses()).singleElement()
                .satisfies(s -> assertThat(s.status()).isInstanceOf(SourceStatus.Live.class));

        source.phaseCompleted("p330-1", T0);
        clock.advance(Duration.ofMinutes(30));
        SampleBatch later = buffer.drain().samples();
        assertThat(later.size()).isEqualTo(30 * 60 * metrics);
        double lastCalls = 0;
        for (int i = 0; i < later.size(); i++) {
            if (later.metricId(i).equals("convex_calls")) {
                lastCalls = later.value(i);
            }
        }
        assertThat(lastCalls).isCloseTo(2_800_000, within(2_800_000 * 0.1));

        source.stop();
        assertThat(clock.activeJobs()).isZero();
        assertThat(buffer.drain().statuses()).singleElement()
                .satisfies(s -> assertThat(s.status()).isInstanceOf(SourceStatus.Stopped.class));
        assertThatThrownBy(() -> model(1).value("nope", 0)).hasMessageContaining("nope");
    }

    private static double mean(SimulatorModel m, String metric, long from) {
        return LongStream.range(0, 600).mapToDouble(i -> m.value(metric, from + i * 1000)).average().orElseThrow();
    }
}
