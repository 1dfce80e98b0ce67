package io.incidentconsole.metrics;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SimulatorHistoryTest {

    @Test
    void readsShortAndIsoForms() {
        assertThat(SimulatorHistory.parse("24h")).isEqualTo(Duration.ofHours(24));
        assertThat(SimulatorHistory.parse(" 90m ")).isEqualTo(Duration.ofMinutes(90));
        assertThat(SimulatorHistory.parse("600s")).isEqualTo(Duration.ofSeconds(600));
        assertThat(SimulatorHistory.parse("2D")).isEqualTo(Duration.ofDays(2));
        assertThat(SimulatorHistory.parse("PT24H")).isEqualTo(Duration.ofHours(24));
        assertThat(SimulatorHistory.parse("pt1h30m")).isEqualTo(Duration.ofMinutes(90));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "24", "h", "24 hours", "-1h", "1.5h", "PT", "yesterday"})
    void refusesWhatIsNotADurationSayingWhatItExpected(String text) {
        assertThatThrownBy(() -> SimulatorHistory.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + text + "'")
                .hasMessageContaining("24h");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0s", "8d", "PT0.5S", "PT-1H", "999999999h"})
    void refusesDurationsOutOfRange(String text) {
        assertThatThrownBy(() -> SimulatorHistory.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("out of range");
    }

    @Property
    void everyWholeNumberOfMinutesInRangeReadsBack(@ForAll @IntRange(min = 1, max = 7 * 24 * 60) int minutes) {
        assertThat(SimulatorHistory.parse(minutes + "m")).isEqualTo(Duration.ofMinutes(minutes));
        assertThat(SimulatorHistory.parse(Duration.ofMinutes(minutes).toString()))
                .isEqualTo(Duration.ofMinutes(minutes));
    }

    @Test
    void theDefaultStaysWhenThePropertyIsUnsetOrBad() {
        List<String> warnings = new ArrayList<>();
        assertThat(SimulatorHistory.fromProperty(null, warnings::add)).isEqualTo(MetricSources.SIMULATOR_HISTORY);
        assertThat(SimulatorHistory.fromProperty("  ", warnings::add)).isEqualTo(MetricSources.SIMULATOR_HISTORY);
        assertThat(warnings).isEmpty();

        assertThat(SimulatorHistory.fromProperty("lots", warnings::add)).isEqualTo(MetricSources.SIMULATOR_HISTORY);
        assertThat(warnings).singleElement().asString()
                .contains("-D" + SimulatorHistory.PROPERTY + "=lots")
                .contains("backfilling the default 15 minutes");

        assertThat(SimulatorHistory.fromProperty("24h", warnings::add)).isEqualTo(Duration.ofHours(24));
    }

    @Test
    void theSimulatorBackfillsTheHistoryAskedFor() {
        Instant t0 = Instant.parse("2026-03-01T10:00:00Z");
        ManualScheduler clock = new ManualScheduler(t0);
        MetricSources factory = new MetricSources(clock, clock, name -> null, Duration.ofHours(24));
        MetricSources.Built built = factory.build(TestPlans.seedLike(), MetricsSettings.simulator(11));
        LiveMetrics live = factory.liveMetrics(TestPlans.seedLike(), built);
        live.start();
        live.onFrame();
        assertThat(live.store().series("convex_calls").orElseThrow().size()).isEqualTo(24 * 3600 + 1);
        assertThat(live.store().series("convex_calls").orElseThrow().firstTime())
                .isEqualTo(t0.minus(Duration.ofHours(24)).toEpochMilli());
    }
}
