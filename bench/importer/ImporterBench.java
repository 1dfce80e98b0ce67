import io.incidentconsole.importer.ImportResult;
import io.incidentconsole.importer.MarkdownImporter;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reproducible timing harness for the Markdown importer (run with bench/importer/run.sh).
 * 1. The seed document, warmed up, many times: median and 90th percentile.
 * 2. Documents of growing size (1.25 to 10 MB) built from renumbered copies of the seed: time per MB shows
 *    (non-)linearity.
 * Every timed import includes parsing, recognition, YAML writing and the validating reload.
 */
public class ImporterBench {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    public static void main(String[] args) throws Exception {
        Path seedFile = Path.of(args.length > 0 ? args[0] : "src/test/resources/importer/seed-coordination-plan.md");
        String seed = Files.readString(seedFile);
        MarkdownImporter importer = new MarkdownImporter();

        for (int i = 0; i < 300; i++) {
            importer.importDocument("seed.md", seed);
        }
        long[] times = new long[300];
        long[] cpu = new long[times.length];
        for (int i = 0; i < times.length; i++) {
            long startCpu = THREADS.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            importer.importDocument("seed.md", seed);
            times[i] = System.nanoTime() - start;
            cpu[i] = THREADS.getCurrentThreadCpuTime() - startCpu;
        }
        Arrays.sort(times);
        Arrays.sort(cpu);
        System.out.printf("load average %.1f on %d cores (wall times suffer under load; CPU times much less)%n",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors());
        System.out.printf("seed (%d KB): wall median %.2f ms, p90 %.2f ms; CPU median %.2f ms, p90 %.2f ms; %d warm runs%n",
                seed.length() / 1024, times[times.length / 2] / 1e6, times[times.length * 9 / 10] / 1e6,
                cpu[cpu.length / 2] / 1e6, cpu[cpu.length * 9 / 10] / 1e6, times.length);

        System.out.println("size      wall ms   CPU ms   CPU ms per MB   phases");
        for (double megabytes : new double[] {1.25, 2.5, 5.0, 10.0}) {
            String document = large(seed, (int) (megabytes * 1024 * 1024));
            importer.importDocument("large.md", document);
            long best = Long.MAX_VALUE;
            long bestCpu = Long.MAX_VALUE;
            ImportResult result = null;
            for (int run = 0; run < 3; run++) {
                long startCpu = THREADS.getCurrentThreadCpuTime();
                long start = System.nanoTime();
                result = importer.importDocument("large.md", document);
                best = Math.min(best, System.nanoTime() - start);
                bestCpu = Math.min(bestCpu, THREADS.getCurrentThreadCpuTime() - startCpu);
            }
            double mb = document.length() / (1024.0 * 1024.0);
            String fallback = result.report().decisions().stream()
                    .filter(d -> d.message().contains("did not validate") || d.message().contains("shortened"))
                    .map(d -> d.message().length() > 160 ? d.message().substring(0, 160) + "..." : d.message())
                    .findFirst().map(m -> "  (" + m + ")").orElse("");
            System.out.printf("%.2f MB   %7.0f   %6.0f   %6.0f          %d%s%n", mb, best / 1e6, bestCpu / 1e6,
                    bestCpu / 1e6 / mb, result.plan().phases().size(), fallback);
        }
    }

    /** Copies of the seed with each copy's issues renumbered, so ids stay distinct as in a real long plan. */
    static String large(String seed, int size) {
        StringBuilder out = new StringBuilder(size + seed.length());
        int copy = 0;
        while (out.length() < size) {
            String a = Integer.toString(1000 + 2 * copy);
            String b = Integer.toString(1001 + 2 * copy);
            String body = seed.replace("#324", "#" + a).replace("#330", "#" + b);
            if (copy > 0) {
                body = body.replaceFirst("^# ", "## ");
            }
            out.append(body).append("\n\n");
            copy++;
        }
        return out.toString();
    }
}
