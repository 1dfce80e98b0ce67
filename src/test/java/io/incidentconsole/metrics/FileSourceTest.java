package io.incidentconsole.metrics;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;

class FileSourceTest {

    private static final Map<String, String> BINDINGS = Map.of("convex_calls", "convex_calls",
            "bandwidth_gb", "db_bandwidth");

    @TempDir
    Path dir;
    private ManualScheduler clock;
    private CoalescingBuffer buffer;

    @BeforeEach
    void setUp() {
        clock = new ManualScheduler(Instant.parse("2026-03-01T12:00:00Z"));
        buffer = new CoalescingBuffer();
    }

    private FileSource follow(Path file, boolean acceptUnknown) {
        FileSource source = new FileSource(file, BINDINGS, acceptUnknown, clock, clock, Duration.ofMillis(500),
                Duration.ofMinutes(1));
        source.start(buffer);
        return source;
    }

    @Test
    void readsTheExportFixtureReportingAndSkippingMalformedLines() throws IOException {
        Path file = dir.resolve("export.csv");
        Files.copy(Objects.requireNonNull(getClass().getResourceAsStream("/metrics/files/export.csv")), file);
        follow(file, false).poll();
        CoalescingBuffer.Drained drained = buffer.drain();
        SampleBatch s = drained.samples();
        assertThat(s.size()).isEqualTo(5);
        assertThat(s.time(0)).isEqualTo(Instant.parse("2026-03-01T10:00:00Z").toEpochMilli());
        assertThat(s.time(1)).isEqualTo(Instant.parse("2026-03-01T10:01:00Z").toEpochMilli());
        assertThat(s.time(2)).isEqualTo(Instant.parse("2026-03-01T10:02:00Z").toEpochMilli());
        assertThat(s.value(2)).isEqualTo(3180000.5);
        assertThat(s.metricId(3)).isEqualTo("db_bandwidth");
        assertThat(s.value(4)).isNaN();
        assertThat(drained.problems()).extracting(SourceProblem::toString).containsExactly(
                file + ":6: timestamp 'not-a-time' is neither epoch seconds/milliseconds nor ISO-8601 with an offset"
                        + " (2026-03-01T10:00:00Z) (line skipped)",
                file + ":7: expected 3 fields 'timestamp,metric,value', found 2 (line skipped)");
        assertThat(drained.statuses()).singleElement()
                .satisfies(u -> assertThat(u.status()).isInstanceOf(SourceStatus.Live.class));
    }

    @Test
    void picksUpAppendsAndWaitsForThePartialLastLine() throws IOException {
        Path file = dir.resolve("live.jsonl");
        append(file, "{\"timestamp\":1772359200,\"metric\":\"convex_calls\",\"value\":3200000}\n");
        FileSource source = follow(file, false);
        source.poll();
        assertThat(buffer.drain().samples().size()).isEqualTo(1);

        append(file, "{\"timestamp\":\"2026-03-01T10:01:00Z\",\"metric\":\"convex_calls\",\"val");
        source.poll();
        assertThat(buffer.drain().samples().size()).isZero();

        append(file, "ue\":\"+Inf\"}\n{\"timestamp\":1772359320,\"metric\":\"convex_calls\",\"value\":1}\n");
        source.poll();
        SampleBatch s = buffer.drain().samples();
        assertThat(s.size()).isEqualTo(2);
        assertThat(s.value(0)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(s.time(1)).isEqualTo(1772359320_000L);
    }

    @Test
    void theSchedulerDrivesPolling() throws IOException {
        Path file = dir.resolve("m.csv");
        append(file, "1772359200,convex_calls,1\n");
        follow(file, false);
        clock.advance(Duration.ofMillis(1));
        assertThat(buffer.drain().samples().size()).isEqualTo(1);
        append(file, "1772359201,convex_calls,2\n");
        clock.advance(Duration.ofMillis(600));
        assertThat(buffer.drain().samples().value(0)).isEqualTo(2);
    }

    @Test
    void truncationAndRotationStartOver() throws IOException {
        Path file = dir.resolve("m.csv");
        append(file, "1772359200,convex_calls,1\n1772359201,convex_calls,2\n");
        FileSource source = follow(file, false);
        source.poll();
        buffer.drain();

        Files.writeString(file, "1772359300,convex_calls,9\n", StandardOpenOption.TRUNCATE_EXISTING);
        source.poll();
        CoalescingBuffer.Drained afterTruncate = buffer.drain();
        assertThat(afterTruncate.samples().value(0)).isEqualTo(9);
        assertThat(afterTruncate.problems()).singleElement().asString().contains("was truncated");

        Path rotated = dir.resolve("new.csv");
        Files.writeString(rotated, "1772359400,convex_calls,7\n1772359401,convex_calls,8\n");
        Files.move(rotated, file, StandardCopyOption.REPLACE_EXISTING);
        source.poll();
        CoalescingBuffer.Drained afterRotate = buffer.drain();
        assertThat(afterRotate.samples().size()).isEqualTo(2);
        assertThat(afterRotate.problems()).singleElement().asString().contains("was replaced");
    }

    @Test
    void missingFileTurnsStaleAndRecovers() throws IOException {
        Path file = dir.resolve("later.csv");
        FileSource source = follow(file, false);
        source.poll();
        source.poll();
        List<StatusUpdate> statuses = buffer.drain().statuses();
        assertThat(statuses).singleElement().satisfies(u -> {
            assertThat(u.status()).isInstanceOf(SourceStatus.Stale.class);
            assertThat(((SourceStatus.Stale) u.status()).reason()).contains("does not exist").contains("later.csv");
        });
        append(file, "1772359200,convex_calls,1\n");
        source.poll();
        CoalescingBuffer.Drained d = buffer.drain();
        assertThat(d.samples().size()).isEqualTo(1);
        assertThat(d.statuses()).singleElement()
                .satisfies(u -> assertThat(u.status()).isInstanceOf(SourceStatus.Live.class));
        source.stop();
        assertThat(buffer.drain().statuses().get(0).status()).isInstanceOf(SourceStatus.Stopped.class);
    }

    @Test
    void aGiantLineWithoutNewlineIsSkippedInsteadOfBlockingTheFile() throws IOException {
        Path file = dir.resolve("m.csv");
        append(file, "x".repeat(FileSource.MAX_READ_PER_POLL) + "tail-of-garbage\n1772359200,convex_calls,5\n");
        FileSource source = follow(file, false);
        source.poll();
        CoalescingBuffer.Drained first = buffer.drain();
        assertThat(first.problems()).singleElement().asString().contains(":1: line longer than 8 MB");
        source.poll();
        CoalescingBuffer.Drained second = buffer.drain();
        assertThat(second.samples().size()).isEqualTo(1);
        assertThat(second.problems()).singleElement().asString().contains(":2: expected 3 fields");
    }

    @Test
    void unknownSeriesAreReportedOnceOrAcceptedUnderTheirName() throws IOException {
        Path file = dir.resolve("m.csv");
        append(file, "1772359200,mystery,1\n1772359201,mystery,2\n");
        follow(file, false).poll();
        CoalescingBuffer.Drained d = buffer.drain();
        assertThat(d.samples().size()).isZero();
        assertThat(d.problems()).singleElement().asString().contains("'mystery' is not bound");

        CoalescingBuffer other = new CoalescingBuffer();
        FileSource open = new FileSource(file, BINDINGS, true, clock, clock, Duration.ofSeconds(1),
                Duration.ofMinutes(1));
        open.start(other);
        open.poll();
        SampleBatch s = other.drain().samples();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < s.size(); i++) {
            ids.add(s.metricId(i));
        }
        assertThat(ids).containsExactly("mystery", "mystery");
    }

    private static void append(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
