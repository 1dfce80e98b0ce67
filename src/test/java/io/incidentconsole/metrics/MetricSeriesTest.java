package io.incidentconsole.metrics;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import java.util.List;

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

    @Property(tries = 200)
    void storesAnyIncreasingTimesExactlyIncludingHugeGaps(
            @ForAll @Size(max = 9000) List<@LongRange(min = 1, max = 5_000_000_000L) Long> gaps,
            @ForAll @LongRange(min = -4_000_000_000_000L, max = 4_000_000_000_000L) long start) {
        MetricSeries s = new MetricSeries("m");
        long[] expected = new long[gaps.size()];
        long t = start;
        for (int i = 0; i < gaps.size(); i++) {
            // Mostly regular steps, with the generator's occasional multi-week gaps forcing wide chunks.
            t += gaps.get(i) % 7 == 0 ? gaps.get(i) : gaps.get(i) % 60_000 + 1;
            expected[i] = t;
            s.append(t, i);
        }
        assertThat(s.size()).isEqualTo(expected.length);
        for (int i = 0; i < expected.length; i++) {
            assertThat(s.time(i)).isEqualTo(expected[i]);
            assertThat(s.value(i)).isEqualTo(i);
        }
        if (expected.length > 0) {
            assertThat(s.indexAtOrAfter(expected[expected.length / 2])).isEqualTo(expected.length / 2);
        }
    }

    @Test
    void aGapOfMonthsInsideAChunkKeepsExactTimes() {
        MetricSeries s = new MetricSeries("m");
        s.append(0, 1);
        s.append(1000, 2);
        s.append(90L * 24 * 3600 * 1000, 3);
        s.append(90L * 24 * 3600 * 1000 + 1, 4);
        assertThat(s.time(1)).isEqualTo(1000);
        assertThat(s.time(2)).isEqualTo(90L * 24 * 3600 * 1000);
        assertThat(s.time(3)).isEqualTo(90L * 24 * 3600 * 1000 + 1);
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
    void storageIsAboutTwelveBytesPerPoint() {
        MetricSeries s = new MetricSeries("m");
        int n = 1_000_000;
        for (int i = 0; i < n; i++) {
            s.append(i, i);
        }
        assertThat((double) s.storageBytes() / n).isLessThan(12.1);
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
