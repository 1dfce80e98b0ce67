import io.incidentconsole.metrics.CoalescingBuffer;
import io.incidentconsole.metrics.M4Reducer;
import io.incidentconsole.metrics.MetricSeries;
import io.incidentconsole.metrics.ReducedSeries;
import io.incidentconsole.metrics.SampleBatch;
import io.incidentconsole.metrics.SeriesStore;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Reproducible harness for the live-metrics figures in bench/metrics/README.md.
 * Run from the repository root after `mvn -q compile`:
 *   java -Xms1g -Xmx1g -cp target/classes bench/metrics/MetricsBench.java
 */
public final class MetricsBench {

    static final int POINTS = 1_000_000;
    static final int WIDTH = 1600;
    static long sink;

    public static void main(String[] args) throws Exception {
        System.out.printf("java %s, %d cores, max heap %d MB%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        heapPerPoint();
        ingestion();
        reduction();
        System.out.println("(checksum " + sink + ")");
    }

    static MetricSeries series(int n) {
        MetricSeries s = new MetricSeries("convex_calls");
        SplittableRandom random = new SplittableRandom(42);
        double v = 3_200_000;
        for (int i = 0; i < n; i++) {
            v += random.nextGaussian() * 1000;
            s.append(1_772_359_200_000L + i * 1000L, v);
        }
        return s;
    }

    static void heapPerPoint() {
        Runtime rt = Runtime.getRuntime();
        gc();
        long before = rt.totalMemory() - rt.freeMemory();
        MetricSeries s = series(POINTS);
        gc();
        long after = rt.totalMemory() - rt.freeMemory();
        System.out.printf("heap per stored point, %,d points: %.2f bytes by array sizes, %.2f bytes by GC'd heap delta%n",
                s.size(), (double) s.storageBytes() / s.size(), (double) (after - before) / s.size());
        sink += s.size();
    }

    static void ingestion() throws Exception {
        MetricSeries warm = series(POINTS);
        sink += warm.size();
        long t0 = System.nanoTime();
        MetricSeries direct = series(10 * POINTS);
        double directSeconds = (System.nanoTime() - t0) / 1e9;
        sink += direct.size();
        System.out.printf("store append, 1 thread: %,.0f samples/s (%,d samples)%n", direct.size() / directSeconds,
                direct.size());

        // Source thread -> CoalescingBuffer -> per-frame drain into the store, as the console runs it.
        String[] ids = {"convex_calls", "adapter_calls", "db_bandwidth", "error_rate"};
        int total = 10 * POINTS;
        CoalescingBuffer buffer = new CoalescingBuffer(total);
        SeriesStore store = new SeriesStore();
        long[] producerNanos = new long[1];
        Thread producer = new Thread(() -> {
            long p0 = System.nanoTime();
            for (int i = 0; i < total; i++) {
                buffer.sample(ids[i & 3], 1_772_359_200_000L + (i >> 2), i);
            }
            producerNanos[0] = System.nanoTime() - p0;
        });
        long start = System.nanoTime();
        producer.start();
        long drained = 0;
        int frames = 0;
        while (producer.isAlive() || buffer.hasPending()) {
            SampleBatch batch = buffer.drain().samples();
            for (int i = 0; i < batch.size(); i++) {
                store.append(batch.metricId(i), batch.time(i), batch.value(i));
            }
            drained += batch.size();
            frames++;
            Thread.sleep(16);
        }
        producer.join();
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("source thread -> buffer: %,.0f samples/s; end to end into the store (drained every 16 ms):"
                + " %,.0f samples/s (%,d samples, %d frames)%n", total / (producerNanos[0] / 1e9), drained / seconds,
                drained, frames);
    }

    static void reduction() {
        MetricSeries s = series(POINTS);
        M4Reducer reducer = new M4Reducer();
        long from = s.firstTime();
        long to = s.lastTime() + 1;
        for (int i = 0; i < 100; i++) {
            sink += reducer.reduce(s, from, to, WIDTH).size();
        }
        double[] full = new double[200];
        ReducedSeries last = null;
        for (int i = 0; i < full.length; i++) {
            long t0 = System.nanoTime();
            last = reducer.reduce(s, from, to, WIDTH);
            full[i] = (System.nanoTime() - t0) / 1e6;
            sink += last.size();
        }
        System.out.printf("reduce %,d points -> %d columns (%d points drawn): %s%n", POINTS, WIDTH, last.size(),
                stats(full));

        SplittableRandom random = new SplittableRandom(7);
        double[] ranges = new double[1000];
        for (int i = 0; i < ranges.length; i++) {
            long a = from + random.nextLong(to - from);
            long b = from + random.nextLong(to - from);
            long lo = Math.min(a, b);
            long hi = Math.max(a, b) + 1;
            long t0 = System.nanoTime();
            sink += reducer.reduce(s, lo, hi, WIDTH).size();
            ranges[i] = (System.nanoTime() - t0) / 1e6;
        }
        System.out.printf("reduce a random range of the %,d-point series -> %d columns, 1000 ranges: %s%n", POINTS,
                WIDTH, stats(ranges));
    }

    static String stats(double[] millis) {
        double[] sorted = millis.clone();
        Arrays.sort(sorted);
        return String.format("median %.2f ms, p99 %.2f ms, max %.2f ms", sorted[sorted.length / 2],
                sorted[(int) (sorted.length * 0.99)], sorted[sorted.length - 1]);
    }

    static void gc() {
        for (int i = 0; i < 4; i++) {
            System.gc();
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
