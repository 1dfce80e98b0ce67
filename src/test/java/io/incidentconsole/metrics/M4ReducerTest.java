package io.incidentconsole.metrics;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class M4ReducerTest {

    private final M4Reducer reducer = new M4Reducer();

    @Property(tries = 300)
    void everyColumnKeepsItsFirstMinMaxAndLast(
            @ForAll @Size(max = 400) List<@LongRange(min = -5_000, max = 5_000) Long> rawTimes,
            @ForAll @Size(max = 400) List<@DoubleRange(min = -1e6, max = 1e6) Double> rawValues,
            @ForAll @LongRange(min = -6_000, max = 6_000) long from,
            @ForAll @LongRange(min = 1, max = 12_000) long span,
            @ForAll @IntRange(min = 1, max = 50) int columns) {
        // Distinct sorted timestamps with values; the series keeps one value per timestamp.
        TreeMap<Long, Double> points = new TreeMap<>();
        for (int i = 0; i < Math.min(rawTimes.size(), rawValues.size()); i++) {
            points.put(rawTimes.get(i), rawValues.get(i));
        }
        MetricSeries series = new MetricSeries("m");
        points.forEach(series::append);
        long to = from + span;

        ReducedSeries reduced = reducer.reduce(series, from, to, columns);

        for (int c = 0; c < columns; c++) {
            List<long[]> inColumn = new ArrayList<>();
            for (var e : points.entrySet()) {
                long t = e.getKey();
                if (t >= from && t < to && Math.floorDiv((t - from) * columns, span) == c) {
                    inColumn.add(new long[] {t, Double.doubleToLongBits(e.getValue())});
                }
            }
            List<Long> outTimes = new ArrayList<>();
            List<Double> outValues = new ArrayList<>();
            for (int i = reduced.columnStart(c); i < reduced.columnEnd(c); i++) {
                outTimes.add(reduced.time(i));
                outValues.add(reduced.value(i));
            }
            if (inColumn.isEmpty()) {
                assertThat(outTimes).as("column %d is empty", c).isEmpty();
                continue;
            }
            double min = inColumn.stream().mapToDouble(p -> Double.longBitsToDouble(p[1])).min().orElseThrow();
            double max = inColumn.stream().mapToDouble(p -> Double.longBitsToDouble(p[1])).max().orElseThrow();
            assertThat(outValues).as("column %d min", c).contains(min);
            assertThat(outValues).as("column %d max", c).contains(max);
            assertThat(outTimes.get(0)).as("column %d first", c).isEqualTo(inColumn.get(0)[0]);
            assertThat(outTimes.get(outTimes.size() - 1)).as("column %d last", c)
                    .isEqualTo(inColumn.get(inColumn.size() - 1)[0]);
            assertThat(outTimes).isSorted().doesNotHaveDuplicates().hasSizeLessThanOrEqualTo(4);
            for (int k = 0; k < outTimes.size(); k++) {
                assertThat(points.get(outTimes.get(k))).as("an output point is a raw point").isEqualTo(outValues.get(k));
            }
        }
        int inWindow = points.subMap(from, to).size();
        assertThat(reduced.rawPoints()).isEqualTo(inWindow);
    }

    @Property(tries = 40)
    void columnsSpanningSeveralStorageChunksKeepTheirExtremes(
            @ForAll @IntRange(min = 0, max = 3 * MetricSeries.CHUNK) int n,
            @ForAll long seed,
            @ForAll @LongRange(min = -100, max = 3 * MetricSeries.CHUNK) long from,
            @ForAll @LongRange(min = 1, max = 4 * MetricSeries.CHUNK) long span,
            @ForAll @IntRange(min = 1, max = 7) int columns) {
        SplittableRandom random = new SplittableRandom(seed);
        MetricSeries series = new MetricSeries("m");
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = random.nextInt(10) == 0 ? Double.NaN : random.nextDouble(-1e3, 1e3);
            series.append(i, values[i]);
        }
        ReducedSeries reduced = reducer.reduce(series, from, from + span, columns);
        for (int c = 0; c < columns; c++) {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (int t = 0; t < n; t++) {
                if (t >= from && t < from + span && Math.floorDiv((t - from) * columns, span) == c
                        && !Double.isNaN(values[t])) {
                    min = Math.min(min, values[t]);
                    max = Math.max(max, values[t]);
                }
            }
            List<Double> out = new ArrayList<>();
            for (int i = reduced.columnStart(c); i < reduced.columnEnd(c); i++) {
                out.add(reduced.value(i));
            }
            if (min == Double.POSITIVE_INFINITY) {
                assertThat(out).isEmpty();
            } else {
                assertThat(out).contains(min, max);
            }
        }
    }

    @Test
    void millionPointsFitInFourPointsPerColumn() {
        MetricSeries s = new MetricSeries("m");
        for (int i = 0; i < 1_000_000; i++) {
            s.append(i, Math.sin(i / 1000.0));
        }
        ReducedSeries r = reducer.reduce(s, 0, 1_000_000, 1600);
        assertThat(r.size()).isLessThanOrEqualTo(4 * 1600).isGreaterThan(1600);
        assertThat(r.rawPoints()).isEqualTo(1_000_000);
        assertThat(r.x(0)).isZero();
    }

    @Test
    void nanIsAGapNotAValue() {
        MetricSeries s = new MetricSeries("m");
        s.append(0, 1);
        s.append(1, Double.NaN);
        s.append(2, 3);
        s.append(10, Double.NaN);
        ReducedSeries r = reducer.reduce(s, 0, 20, 2);
        assertThat(r.columnEnd(0) - r.columnStart(0)).isEqualTo(2);
        assertThat(r.value(0)).isEqualTo(1);
        assertThat(r.value(1)).isEqualTo(3);
        assertThat(r.columnEnd(1)).isEqualTo(r.columnStart(1));
    }

    @Test
    void columnBoundariesDoNotOverflowOnHugeSpans() {
        long span = Long.MAX_VALUE / 2;
        assertThat(M4Reducer.boundary(1600, span, 1600)).isEqualTo(span);
        assertThat(M4Reducer.boundary(1, 10, 3)).isEqualTo(4);
    }

    @Test
    void rejectsEmptyWindowsAndZeroColumns() {
        MetricSeries s = new MetricSeries("m");
        assertThatThrownBy(() -> reducer.reduce(s, 5, 5, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> reducer.reduce(s, 0, 5, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
