package io.incidentconsole.guided;

import io.incidentconsole.metrics.Freshness;
import io.incidentconsole.metrics.LatestValues;
import io.incidentconsole.plan.Plan;
import io.incidentconsole.plan.PlanLoader;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;
import java.util.function.DoublePredicate;

import static org.assertj.core.api.Assertions.assertThat;

class WatchReadingTest {

    private static final Instant AT = Instant.parse("2026-12-07T10:42:05Z");
    private static final Plan PLAN = new PlanLoader().loadBundledSeed().plan();

    private static LatestValues one(String metricId, double value, Freshness freshness) {
        return new LatestValues() {
            @Override
            public Optional<Reading> latest(String id) {
                return id.equals(metricId) ? Optional.of(new Reading(id, value, AT, freshness)) : Optional.empty();
            }

            @Override
            public Optional<Instant> holdingSince(String id, DoublePredicate condition) {
                return Optional.empty();
            }
        };
    }

    @Test
    void aCurrentValueShowsWithItsChangeAgainstTheBaseline() {
        WatchReading reading = WatchReading.of(PLAN, "convex_calls", one("convex_calls", 2_720_000,
                new Freshness(Freshness.State.LIVE, AT, "", AT)));

        assertThat(reading.state()).isEqualTo(WatchReading.State.LIVE);
        assertThat(reading.says()).isEqualTo("now 2.72M calls/day (\u221215% vs baseline) at 10:42:05 UTC");
    }

    @Test
    void aStaleValueIsMarkedAndNeverCalledNow() {
        WatchReading reading = WatchReading.of(PLAN, "convex_calls", one("convex_calls", 2_720_000,
                new Freshness(Freshness.State.STALE, AT, "source prometheus: connection refused", AT)));

        assertThat(reading.state()).isEqualTo(WatchReading.State.STALE);
        assertThat(reading.says()).startsWith("STALE — last 2.72M").contains("10:42:05 UTC",
                "connection refused").doesNotContain("now");
    }

    @Test
    void aMetricWithoutValueOrBaselineSaysWhatItHas() {
        assertThat(WatchReading.of(PLAN, "convex_calls", LatestValues.NONE).says()).isEqualTo("no value yet");
        WatchReading unknown = WatchReading.of(PLAN, "not_in_plan", one("not_in_plan", 12,
                new Freshness(Freshness.State.LIVE, AT, "", AT)));
        assertThat(unknown.says()).isEqualTo("now 12 at 10:42:05 UTC");
    }
}
