package io.incidentconsole.incident.storage;

import io.incidentconsole.incident.Event;
import io.incidentconsole.incident.EventPayload;
import io.incidentconsole.incident.RecoveryReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kills a process that is appending to the journal with SIGKILL at a random moment, again and again, and checks
 * after each kill that replaying the journal yields every event the process had acknowledged and no partial one.
 */
class JournalCrashTest {

    private static final int KILLS = 50;
    private static final int LANES = 2;

    @TempDir
    Path dir;

    @Test
    void everyAcknowledgedEventSurvivesSigkillAndNoPartialOneAppears() throws Exception {
        long seed = System.nanoTime();
        // Two journals killed side by side: the same 50 kills in about half the time on two cores.
        ExecutorService lanes = Executors.newFixedThreadPool(LANES);
        try {
            List<Future<long[]>> results = new ArrayList<>();
            for (int lane = 0; lane < LANES; lane++) {
                Path laneDir = Files.createDirectory(dir.resolve("lane-" + lane));
                Random random = new Random(seed + lane);
                results.add(lanes.submit(() -> killRepeatedly(laneDir, KILLS / LANES, random, seed)));
            }
            long acknowledged = 0;
            long tornTails = 0;
            for (Future<long[]> result : results) {
                // Generous: about half a minute on an idle two-core machine, far more when it is shared with other builds.
                long[] counts = result.get(15, TimeUnit.MINUTES);
                acknowledged += counts[0];
                tornTails += counts[1];
            }
            assertThat(acknowledged).isGreaterThan(KILLS);
            System.out.printf("crash test: %d kills, %d events acknowledged, %d torn tails recovered (seed %d)%n",
                    KILLS, acknowledged, tornTails, seed);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof AssertionError failure) {
                throw failure;
            }
            throw e;
        } finally {
            lanes.shutdownNow();
        }
    }

    /** Returns {events acknowledged, torn tails recovered}. */
    private static long[] killRepeatedly(Path dir, int kills, Random random, long seed) throws Exception {
        long acknowledgedTotal = 0;
        long tornTails = 0;
        Path errors = dir.resolveSibling(dir.getFileName() + ".err");
        for (int kill = 1; kill <= kills; kill++) {
            Child child = Child.start(dir, errors);
            try {
                int k = kill;
                boolean started = child.firstAcknowledgement.await(120, TimeUnit.SECONDS);
                assertThat(started).as(() -> dir + ": child " + k + " started appending; its stderr: " + read(errors))
                        .isTrue();
                // A real process killed at a random moment of its appending: real time is the point of this test.
                Thread.sleep(50 + random.nextInt(351));
            } finally {
                child.process.destroyForcibly(); // SIGKILL on Linux
            }
            assertThat(child.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            child.reader.join(10_000);
            long acknowledged = child.lastAcknowledged();

            try (FileJournal journal = FileJournal.open(dir)) {
                String where = dir.getFileName() + ", kill " + kill + " (seed " + seed + ")";
                List<Event> notes = journal.events().stream()
                        .filter(e -> e.payload() instanceof EventPayload.NoteAdded).toList();
                assertThat(notes).as(where).isNotEmpty();
                long last = notes.get(notes.size() - 1).seq();
                assertThat(last).as(where + ": last event vs last acknowledged").isGreaterThanOrEqualTo(acknowledged);
                for (Event event : notes) {
                    assertThat(((EventPayload.NoteAdded) event.payload()).text())
                            .as("event %d, %s", event.seq(), where)
                            .isEqualTo(CrashingAppender.textOf(event.seq()));
                }
                assertThat(journal.recovery().unresolvedDamage()).as(where).isEmpty();
                tornTails += journal.recovery().warnings().stream()
                        .filter(f -> f.kind() == RecoveryReport.Kind.TORN_TAIL).count();
            }
            acknowledgedTotal = acknowledged;
        }
        return new long[] {acknowledgedTotal, tornTails};
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    /** A child JVM running {@link CrashingAppender} on the same classpath, with its stdout collected. */
    private static final class Child {
        final Process process;
        final Thread reader;
        final CountDownLatch firstAcknowledgement = new CountDownLatch(1);
        final ByteArrayOutputStream stdout = new ByteArrayOutputStream();

        private Child(Process process) {
            this.process = process;
            this.reader = new Thread(this::collect, "crash-child-stdout");
            reader.setDaemon(true);
            reader.start();
        }

        static Child start(Path dir, Path errors) throws IOException {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            // Flags for a quick start: the child's whole life is a fraction of a second.
            ProcessBuilder builder = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                    "-Xshare:auto", "-XX:-UsePerfData", "-cp", System.getProperty("java.class.path"),
                    CrashingAppender.class.getName(), dir.toString());
            builder.redirectError(errors.toFile());
            return new Child(builder.start());
        }

        private void collect() {
            byte[] buffer = new byte[8192];
            try (InputStream in = process.getInputStream()) {
                int n;
                while ((n = in.read(buffer)) > 0) {
                    synchronized (stdout) {
                        stdout.write(buffer, 0, n);
                    }
                    if (n > 0 && contains(buffer, n, (byte) '\n')) {
                        firstAcknowledgement.countDown();
                    }
                }
            } catch (IOException e) {
                // the child was killed; what was read so far is what it acknowledged
            }
        }

        private static boolean contains(byte[] buffer, int length, byte value) {
            for (int i = 0; i < length; i++) {
                if (buffer[i] == value) {
                    return true;
                }
            }
            return false;
        }

        /** The last sequence number printed on a whole line (a line cut by the kill does not count). */
        long lastAcknowledged() {
            String text;
            synchronized (stdout) {
                text = stdout.toString(StandardCharsets.UTF_8);
            }
            int end = text.lastIndexOf('\n');
            if (end < 0) {
                return 0;
            }
            List<String> lines = new ArrayList<>(List.of(text.substring(0, end).split("\n")));
            return Long.parseLong(lines.get(lines.size() - 1).trim());
        }

    }
}
