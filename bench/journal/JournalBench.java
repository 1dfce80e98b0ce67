import io.incidentconsole.incident.Event;
import io.incidentconsole.incident.EventCodec;
import io.incidentconsole.incident.EventPayload;
import io.incidentconsole.incident.storage.FileJournal;
import io.incidentconsole.incident.IncidentState;
import io.incidentconsole.incident.TestOutcome;
import io.incidentconsole.plan.PhaseStatus;
import io.incidentconsole.plan.Plan;
import io.incidentconsole.plan.PlanLoadResult;
import io.incidentconsole.plan.PlanLoader;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Journal benchmark (run with bench/journal/run.sh): append latency with fsync, and the time to replay 100,000
 * events (read + check + decode the file, then fold the state). Prints one line per figure.
 */
public final class JournalBench {

    public static void main(String[] args) throws IOException {
        Path work = Path.of(args.length > 0 ? args[0] : "target/bench-journal");
        int appends = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        int replayEvents = args.length > 2 ? Integer.parseInt(args[2]) : 100_000;
        PlanLoadResult loaded = new PlanLoader().load(Path.of("src/test/resources/journal/small-plan.yaml"));
        if (!loaded.ok()) {
            throw new IllegalStateException("bench plan does not load: " + loaded.problems());
        }
        Plan plan = loaded.plan();
        delete(work);
        Files.createDirectories(work);
        System.out.println("java " + System.getProperty("java.version") + ", " + Runtime.getRuntime().availableProcessors()
                + " cpus, load average " + java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                .getSystemLoadAverage() + ", dir " + work.toAbsolutePath());

        appendLatency(work.resolve("append"), appends);
        replay(work.resolve("replay"), plan, replayEvents);
        delete(work);
    }

    private static void appendLatency(Path dir, int count) {
        long[] nanos = new long[count];
        try (FileJournal journal = FileJournal.open(dir)) {
            for (int i = 0; i < 200; i++) { // warm-up
                journal.append("bench", payload(i));
            }
            for (int i = 0; i < count; i++) {
                long start = System.nanoTime();
                journal.append("bench", payload(i));
                nanos[i] = System.nanoTime() - start;
            }
        }
        Arrays.sort(nanos);
        System.out.printf("append+fsync, %d appends: p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms%n", count,
                ms(nanos[count / 2]), ms(nanos[count * 9 / 10]), ms(nanos[Math.min(count - 1, count * 99 / 100)]),
                ms(nanos[count - 1]));
    }

    private static void replay(Path dir, Plan plan, int count) throws IOException {
        Files.createDirectories(dir);
        EventCodec codec = new EventCodec();
        Instant start = Instant.parse("2026-11-27T08:00:00Z");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(dir.resolve("journal-0001.jsonl")), 1 << 16)) {
            List<String> recent = new ArrayList<>();
            for (int i = 1; i <= count; i++) {
                EventPayload payload = i % 50 == 0 && !recent.isEmpty()
                        ? new EventPayload.Undo(recent.get(recent.size() - 1)) : payload(i);
                Event event = new Event(UUID.randomUUID().toString(), i, start.plusMillis(250L * i), "ana", payload);
                if (!(payload instanceof EventPayload.Undo)) {
                    recent.add(event.id());
                }
                out.write(codec.encode(event));
            }
        }
        System.out.printf("journal of %d events: %.1f MB%n", count, Files.size(dir.resolve("journal-0001.jsonl")) / 1e6);
        List<Double> read = new ArrayList<>();
        List<Double> fold = new ArrayList<>();
        List<Double> cpuTotal = new ArrayList<>();
        // Process CPU time: decoding runs on every core, and JIT and GC threads count too.
        com.sun.management.OperatingSystemMXBean threads = (com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        for (int run = 1; run <= 6; run++) {
            long cpu0 = threads.getProcessCpuTime();
            long t0 = System.nanoTime();
            List<Event> events;
            try (FileJournal journal = FileJournal.openReadOnly(dir, "bench")) {
                events = journal.events();
            }
            long t1 = System.nanoTime();
            long cpu1 = threads.getProcessCpuTime();
            IncidentState state = IncidentState.replay(plan, events);
            long t2 = System.nanoTime();
            long cpu = threads.getProcessCpuTime() - cpu0;
            if (state.events().size() != count) {
                throw new IllegalStateException("replayed " + state.events().size() + " of " + count);
            }
            read.add(ms(t1 - t0));
            fold.add(ms(t2 - t1));
            System.out.printf("replay run %d%s: wall %.0f ms (read+check+decode %.0f, fold %.0f); "
                            + "cpu %.0f ms (read+check+decode %.0f, fold %.0f)%n",
                    run, run == 1 ? " (cold JVM, as at console start)" : "", ms(t2 - t0), ms(t1 - t0), ms(t2 - t1),
                    ms(cpu), ms(cpu1 - cpu0), ms(cpu - (cpu1 - cpu0)));
            cpuTotal.add(ms(cpu));
        }
        List<Double> warmTotal = new ArrayList<>();
        for (int i = 1; i < read.size(); i++) {
            warmTotal.add(read.get(i) + fold.get(i));
        }
        warmTotal.sort(Comparator.naturalOrder());
        List<Double> warmCpu = new ArrayList<>(cpuTotal.subList(1, cpuTotal.size()));
        warmCpu.sort(Comparator.naturalOrder());
        System.out.printf("replay %d events: cold %.0f ms wall / %.0f ms cpu, warm median %.0f ms wall / %.0f ms cpu%n",
                count, read.get(0) + fold.get(0), cpuTotal.get(0), warmTotal.get(warmTotal.size() / 2),
                warmCpu.get(warmCpu.size() / 2));
    }

    /** A realistic mix of the kinds an incident produces most. */
    private static EventPayload payload(int i) {
        return switch (i % 8) {
            case 0 -> new EventPayload.TaskTicked("migrate", i % 16 == 0 ? "migrate.run" : "migrate.verify");
            case 1 -> new EventPayload.TaskUnticked("migrate", "migrate.verify");
            case 2 -> new EventPayload.TestResultSet("smoke", "smoke.check-" + (1 + i % 2), "migrate",
                    TestOutcome.values()[i % 4], "result note " + i);
            case 3 -> new EventPayload.NoteAdded(i % 3 == 0 ? null : "backup", "operator note number " + i
                    + " with a little more text, as a real note would have");
            case 4 -> new EventPayload.ParameterEntered("commit", Integer.toHexString(i * 7919), "backup.snapshot");
            case 5 -> new EventPayload.AlertFired("error-rate-high", "error-rate", 2.0 + (i % 10) / 10.0, "above 2%");
            case 6 -> new EventPayload.AlertAcknowledged("error-rate-high", "looking into it");
            default -> i % 16 == 7 ? new EventPayload.PhaseStatusChanged("migrate", PhaseStatus.IN_PROGRESS, "resumed")
                    : new EventPayload.WaitStarted("backup", "backup.snapshot", Duration.ofMinutes(10));
        };
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
