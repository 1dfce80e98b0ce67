package io.incidentconsole.metrics;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Follows a metrics file as it grows, like {@code tail -f}: CSV ({@code timestamp,metric,value}, header
 * optional) or JSON Lines, see {@link SampleLineParser}. Only whole lines are read; a last line without its
 * newline waits for it. When the file shrinks (truncated) or is replaced (rotated: a different file at the
 * path) reading starts over from the top. A malformed line is reported as {@code file:line: why} and skipped.
 *
 * <p>{@code seriesToMetric} maps the file's metric names to plan metric ids (the plan's
 * {@code source.series}); names not in it are read under their own name when {@code acceptUnknownSeries},
 * otherwise reported once and skipped.
 */
public final class FileSource implements MetricSource {

    public static final String ID = "file";
    static final int MAX_READ_PER_POLL = 8 * 1024 * 1024;

    private final Path path;
    private final Map<String, String> seriesToMetric;
    private final boolean acceptUnknownSeries;
    private final Clock clock;
    private final TaskScheduler scheduler;
    private final Duration pollInterval;
    private final Duration expectedInterval;
    private final SampleLineParser parser = new SampleLineParser();
    private final Set<String> reportedUnknown = new HashSet<>();

    private SampleSink sink;
    private TaskScheduler.Cancellable task;
    private long offset;
    private long lineNumber;
    private Object fileKey;
    private String lastFailure;
    private boolean live;

    public FileSource(Path path, Map<String, String> seriesToMetric, boolean acceptUnknownSeries, Clock clock,
                      TaskScheduler scheduler, Duration pollInterval, Duration expectedInterval) {
        this.path = Objects.requireNonNull(path, "path");
        this.seriesToMetric = Map.copyOf(seriesToMetric);
        this.acceptUnknownSeries = acceptUnknownSeries;
        this.clock = clock;
        this.scheduler = scheduler;
        this.pollInterval = pollInterval;
        this.expectedInterval = expectedInterval;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Set<String> metricIds() {
        return new LinkedHashSet<>(seriesToMetric.values());
    }

    @Override
    public Duration expectedInterval() {
        return expectedInterval;
    }

    public Path path() {
        return path;
    }

    @Override
    public synchronized void start(SampleSink sink) {
        if (this.sink != null) {
            throw new IllegalStateException("the file source for " + path + " is already running");
        }
        this.sink = sink;
        task = scheduler.everyPeriod(this::poll, Duration.ZERO, pollInterval);
    }

    @Override
    public synchronized void stop() {
        if (sink == null) {
            return;
        }
        task.cancel();
        sink.status(StatusUpdate.ofSource(ID, new SourceStatus.Stopped(clock.instant())));
        sink = null;
    }

    /** Reads whatever was appended since the last poll. Called by the scheduler; public for tests. */
    public synchronized void poll() {
        if (sink == null) {
            return;
        }
        try {
            BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
            Object key = attributes.fileKey();
            if (fileKey != null && key != null && !key.equals(fileKey)) {
                startOver("was replaced (rotated)");
            } else if (attributes.size() < offset) {
                startOver("was truncated");
            }
            fileKey = key;
            readNewLines(attributes.size());
            if (!live) {
                live = true;
                lastFailure = null;
                sink.status(StatusUpdate.ofSource(ID, new SourceStatus.Live(clock.instant())));
            }
        } catch (NoSuchFileException e) {
            failed("cannot read " + path + ": the file does not exist");
        } catch (IOException e) {
            failed("cannot read " + path + ": " + e.getMessage());
        }
    }

    private void startOver(String why) {
        sink.problem(new SourceProblem(ID, clock.instant(), path.toString(), "the file " + why
                + "; reading it again from the start"));
        offset = 0;
        lineNumber = 0;
    }

    private void failed(String reason) {
        live = false;
        if (!reason.equals(lastFailure)) {
            lastFailure = reason;
            sink.status(StatusUpdate.ofSource(ID, new SourceStatus.Stale(clock.instant(), reason)));
        }
    }

    private void readNewLines(long size) throws IOException {
        if (size <= offset) {
            return;
        }
        int length = (int) Math.min(size - offset, MAX_READ_PER_POLL);
        ByteBuffer buffer = ByteBuffer.allocate(length);
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            channel.position(offset);
            while (buffer.hasRemaining() && channel.read(buffer) > 0) {
                // keep reading until the requested bytes are in
            }
        }
        byte[] bytes = buffer.array();
        int filled = buffer.position();
        int lineStart = 0;
        for (int i = 0; i < filled; i++) {
            if (bytes[i] == '\n') {
                handleLine(new String(bytes, lineStart, i - lineStart, StandardCharsets.UTF_8));
                lineStart = i + 1;
            }
        }
        if (lineStart == 0 && filled == MAX_READ_PER_POLL) {
            // No newline in the largest read: not a line being written but garbage; skip it whole.
            lineNumber++;
            sink.problem(new SourceProblem(ID, clock.instant(), path + ":" + lineNumber, "line longer than "
                    + (MAX_READ_PER_POLL >> 20) + " MB without a newline (skipped)"));
            lineStart = filled;
        }
        // Bytes after the last newline are a line still being written: they are read again next time.
        offset += lineStart;
    }

    private void handleLine(String raw) {
        lineNumber++;
        String line = lineNumber == 1 && raw.startsWith("\uFEFF") ? raw.substring(1) : raw;
        SampleLineParser.ParsedLine parsed;
        try {
            parsed = parser.parse(line);
        } catch (IllegalArgumentException e) {
            sink.problem(new SourceProblem(ID, clock.instant(), path + ":" + lineNumber,
                    e.getMessage() + " (line skipped)"));
            return;
        }
        if (parsed == null) {
            return;
        }
        String metricId = seriesToMetric.get(parsed.series());
        if (metricId == null) {
            if (!acceptUnknownSeries) {
                if (reportedUnknown.add(parsed.series())) {
                    sink.problem(new SourceProblem(ID, clock.instant(), path + ":" + lineNumber, "series '"
                            + parsed.series() + "' is not bound to a plan metric; its lines are skipped"));
                }
                return;
            }
            metricId = parsed.series();
        }
        sink.sample(metricId, parsed.epochMillis(), parsed.value());
    }
}
