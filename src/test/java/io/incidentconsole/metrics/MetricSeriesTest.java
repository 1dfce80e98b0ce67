package io.incidentconsole.metrics;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MetricSeriesTest {

    @Test
    void appendsAcrossChunksAndReadsBack() {
        MetricSeries s = new MetricSeries("convex_calls");
        int n = MetricSeries.CHUNK * 3 + 17;
        for (int i = 0; i < n; i++) {
            assertThat(s.append(1000L * i, i * 0.5)).isEqualTo(MetricSeries.AppendResult.APPENDED);
        }
        assertThat(s.size()).isEqualTo(n);
        for (int i = 0; i < n; i += 97) {
            assertThat(s.time(i)).isEqualTo(1000L * i);
            assertThat(s.value(i)).isEqualTo(i * 0.5);
        }
        assertThat(s.lastTime()).isEqualTo(1000L * (n - 1));
    }

    @Test
    void sameTimestampReplacesAndOlderIsDroppedAndCounted() {
        MetricSeries s = new MetricSeries("m");
        s.append(10, 1);
        s.append(20, 2);
        assertThat(s.append(20, 3)).isEqualTo(MetricSeries.AppendResult.REPLACED);
        assertThat(s.append(15, 9)).isEqualTo(MetricSeries.AppendResult.DROPPED_OUT_OF_ORDER);
        assertThat(s.size()).isEqualTo(2);
        assertThat(s.lastValue()).isEqualTo(3);
        assertThat(s.droppedOutOfOrder()).isEqualTo(1);
    }

    @Test
    void binarySearchFindsFirstAtOrAfter() {
        MetricSeries s = new MetricSeries("m");
        for (int i = 0; i < 10_000; i++) {
            s.append(10L * i, i);
        }
        assertThat(s.indexAtOrAfter(Long.MIN_VALUE)).isZero();
        assertThat(s.indexAtOrAfter(0)).isZero();
        assertThat(s.indexAtOrAfter(1)).isEqualTo(1);
        assertThat(s.indexAtOrAfter(50_000)).isEqualTo(5_000);
        assertThat(s.indexAtOrAfter(50_001)).isEqualTo(5_001);
        assertThat(s.indexAtOrAfter(Long.MAX_VALUE)).isEqualTo(10_000);
    }

    @Test
    void storageStaysUnderSixteenBytesPerPointPlusOneChunk() {
        MetricSeries s = new MetricSeries("m");
        int n = 1_000_000;
        for (int i = 0; i < n; i++) {
            s.append(i, i);
        }
        assertThat((double) s.storageBytes() / n).isLessThan(16.2);
        MetricSeries small = new MetricSeries("small");
        small.append(1, 1);
        assertThat(small.storageBytes()).isLessThan(1024);
    }

    @Test
    void outOfRangeIndexSaysWhich() {
        MetricSeries s = new MetricSeries("db_bandwidth");
        assertThatThrownBy(() -> s.time(0)).isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessageContaining("db_bandwidth");
    }
}
