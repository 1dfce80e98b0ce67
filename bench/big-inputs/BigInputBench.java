import io.incidentconsole.importer.ImportResult;
import io.incidentconsole.importer.MarkdownImporter;
import io.incidentconsole.importer.MarkdownText;
import io.incidentconsole.input.BoundedRead;
import io.incidentconsole.plan.PlanLoadResult;
import io.incidentconsole.plan.PlanLoader;

import com.sun.management.GarbageCollectionNotificationInfo;

import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * One big input, in-process, as the console and the CLI read it: {@code plan FILE} validates a plan through
 * PlanLoader.load(Path) (BoundedRead, parse, checks); {@code markdown FILE} reads a Markdown document through
 * BoundedRead and MarkdownText and imports it (the importer's validating reload included). A warm-up run, then the
 * best of {@code RUNS} (default 3): wall time, this thread's CPU time, bytes it allocated, and over the timed runs
 * the heap's peak occupancy (the whole heap's use just before each collection, when it is highest, and at the end)
 * and its live peak (the most that stayed in use after a collection). The JVM's -Xmx is the bound the run must live
 * within. One line, for run.sh: {@code kind file outcome wall_s cpu_s alloc_mb peak_heap_mb xmx_mb live_mb}.
 *
 * <p>Round 2 summed each heap pool's own peak (eden, survivor, old), which were reached at different moments: the
 * sum could exceed -Xmx (1,120 MB in a 1,024 MB heap). The whole heap's use before each collection is the real peak.
 */
public final class BigInputBench {

    public static void main(String[] args) throws Exception {
        String kind = args[0];
        Path file = Path.of(args[1]);
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long tid = Thread.currentThread().getId();
        String outcome = once(kind, file); // warm-up
        if (outcome.startsWith("refused-too-large")) {
            System.out.printf(Locale.ROOT, "%s %s %s 0 0 0 0 %.0f 0%n", kind, file.getFileName(), outcome,
                    Runtime.getRuntime().maxMemory() / 1048576.0);
            return;
        }
        System.gc();
        HeapWatch heap = HeapWatch.start();
        double bestWall = Double.MAX_VALUE;
        double bestCpu = Double.MAX_VALUE;
        double bestAlloc = Double.MAX_VALUE;
        for (int i = 0; i < runs; i++) {
            long alloc0 = threads.getThreadAllocatedBytes(tid);
            long cpu0 = threads.getThreadCpuTime(tid);
            long wall0 = System.nanoTime();
            outcome = once(kind, file);
            bestWall = Math.min(bestWall, (System.nanoTime() - wall0) / 1e9);
            bestCpu = Math.min(bestCpu, (threads.getThreadCpuTime(tid) - cpu0) / 1e9);
            bestAlloc = Math.min(bestAlloc, (threads.getThreadAllocatedBytes(tid) - alloc0) / 1048576.0);
        }
        heap.sample();
        System.out.printf(Locale.ROOT, "%s %s %s %.3f %.3f %.0f %.0f %.0f %.0f%n", kind, file.getFileName(), outcome,
                bestWall, bestCpu, bestAlloc, heap.peak.get() / 1048576.0, Runtime.getRuntime().maxMemory() / 1048576.0,
                heap.live.get() / 1048576.0);
    }

    /** The whole heap's use: its peak (before each collection, and now) and the most left after a collection. */
    private record HeapWatch(Set<String> heapPools, AtomicLong peak, AtomicLong live) {

        static HeapWatch start() {
            Set<String> pools = ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(p -> p.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
            HeapWatch watch = new HeapWatch(pools, new AtomicLong(), new AtomicLong());
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                ((NotificationEmitter) gc).addNotificationListener((notification, handback) -> {
                    if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                        var info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData()).getGcInfo();
                        watch.peak.accumulateAndGet(watch.used(info.getMemoryUsageBeforeGc()), Math::max);
                        watch.live.accumulateAndGet(watch.used(info.getMemoryUsageAfterGc()), Math::max);
                    }
                }, null, null);
            }
            watch.sample();
            return watch;
        }

        void sample() {
            long now = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) {
                    now += pool.getUsage().getUsed();
                }
            }
            peak.accumulateAndGet(now, Math::max);
        }

        long used(Map<String, MemoryUsage> byPool) {
            return byPool.entrySet().stream().filter(e -> heapPools.contains(e.getKey()))
                    .mapToLong(e -> e.getValue().getUsed()).sum();
        }
    }

    private static String once(String kind, Path file) throws Exception {
        if (Files.size(file) > (kind.equals("plan") ? PlanLoader.MAX_BYTES : MarkdownImporter.MAX_BYTES)) {
            return "refused-too-large";
        }
        if (kind.equals("plan")) {
            PlanLoadResult result = new PlanLoader().load(file);
            return result.ok() ? "valid" : "refused(" + result.problems().size() + ")";
        }
        byte[] bytes = BoundedRead.read(file, MarkdownImporter.MAX_BYTES, "a Markdown plan");
        ImportResult result = new MarkdownImporter().importDocument(file.getFileName().toString(),
                MarkdownText.decodeDocument(bytes).text());
        return result.recognisedNothing() ? "nothing-recognised"
                : "imported(" + result.plan().phases().size() + "-phases," + result.yaml().length() / 1024 + "KB)";
    }
}
