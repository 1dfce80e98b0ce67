package io.incidentconsole.report;

import io.incidentconsole.metrics.SeriesStore;
import io.incidentconsole.plan.Plan;
import io.incidentconsole.plan.PlanLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MetricHistoryTest {

    private final Plan plan = new PlanLoader().loadBundledSeed().plan();
    private final Clock clock = Clock.fixed(Instant.parse("2026-01-29T12:00:00Z"), ZoneOffset.UTC);

    @Test
    void aJsonLinesFileIsReadInTimeOrderAndUnknownSeriesAreReportedOnce(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("m.jsonl");
        Files.writeString(file, """
                {"timestamp":"2026-01-29T10:00:00Z","metric":"convex_calls","value":2900000}
                {"timestamp":"2026-01-29T09:00:00Z","metric":"convex_calls","value":3200000}
                {"timestamp":"2026-01-29T09:00:00Z","metric":"cpu","value":1}
                {"timestamp":"2026-01-29T09:05:00Z","metric":"cpu","value":2}
                {"timestamp":"2026-01-29T09:00:00Z","metric":"adapter_calls"
                """);
        FileMetricHistory history = FileMetricHistory.read(file, plan, clock);

        MetricHistory.Series convex = history.series("convex_calls").orElseThrow();
        assertThat(convex.times()).containsExactly(Instant.parse("2026-01-29T09:00:00Z").toEpochMilli(),
                Instant.parse("2026-01-29T10:00:00Z").toEpochMilli());
        assertThat(convex.values()).containsExactly(3.2e6, 2.9e6);
        assertThat(history.series("cpu")).isEmpty();
        assertThat(history.problems()).hasSize(2);
        assertThat(history.problems().get(0)).startsWith(file + ":3: series 'cpu' is not bound to a plan metric");
        assertThat(history.problems().get(1)).startsWith(file + ":5: not valid JSON");
        assertThat(history.description()).isEqualTo("metrics file m.jsonl");
        assertThat(history.simulated()).isFalse();
    }

    @Test
    void aMissingFileIsAClearError(@TempDir Path dir) {
        assertThatThrownBy(() -> FileMetricHistory.read(dir.resolve("gone.csv"), plan, clock))
                .isInstanceOf(IllegalArgumentException.class).hasMessageEndingWith("gone.csv: no such metrics file");
    }

    @Test
    void theLiveStoreIsCopiedAsItIsNow() {
        SeriesStore store = new SeriesStore();
        store.append("convex_calls", 1_000, 3.0e6);
        store.append("convex_calls", 2_000, 2.5e6);
        MetricHistory history = new StoreMetricHistory(store, "live: Prometheus", false);
        store.append("convex_calls", 3_000, 2.0e6);

        MetricHistory.Series series = history.series("convex_calls").orElseThrow();
        assertThat(series.values()).containsExactly(3.0e6, 2.5e6, 2.0e6);
        assertThat(series.valueAt(2_500)).contains(2.5e6);
        assertThat(series.valueAt(500)).isEmpty();
        assertThat(series.upTo(2_000).values()).containsExactly(3.0e6, 2.5e6);
        assertThat(history.series("page_load")).isEmpty();
    }
}
