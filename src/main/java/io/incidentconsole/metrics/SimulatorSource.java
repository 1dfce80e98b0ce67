package io.incidentconsole.metrics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * The embedded default source: plays the {@link SimulatorModel} in real time so the console is alive out of
 * the box. On start it backfills {@code history} so charts are not empty, then emits one sample per metric
 * per {@code interval}. Sample times are multiples of the interval, and each run catches up on every tick up
 * to the clock, so a late timer changes nothing in the data.
 */
public final class SimulatorSource implements MetricSource {

    public static final String ID = "simulator";

    private final SimulatorModel model;
    private final Clock clock;
    private final TaskScheduler scheduler;
    private final Duration interval;
    private final Duration history;
    private final Object lock = new Object();
    private TaskScheduler.Cancellable task;
    private SampleSink sink;
    private long nextTick;

    public SimulatorSource(SimulatorModel model, Clock clock, TaskScheduler scheduler, Duration interval,
                           Duration history) {
        if (interval.toMillis() <= 0) {
            throw new IllegalArgumentException("interval must be at least 1 ms");
        }
        this.model = model;
        this.clock = clock;
        this.scheduler = scheduler;
        this.interval = interval;
        this.history = history;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Set<String> metricIds() {
        return model.metricIds();
    }

    @Override
    public Duration expectedInterval() {
        return interval;
    }

    public SimulatorModel model() {
        return model;
    }

    /** Feeds a phase completion from the journal into the simulated story. */
    public void phaseCompleted(String phaseId, Instant at) {
        model.phaseCompleted(phaseId, at);
    }

    public void phaseReopened(String phaseId, Instant at) {
        model.phaseReopened(phaseId, at);
    }

    @Override
    public void start(SampleSink sink) {
        synchronized (lock) {
            if (this.sink != null) {
                throw new IllegalStateException("the simulator is already running");
            }
            this.sink = sink;
            long step = interval.toMillis();
            long now = clock.millis();
            nextTick = Math.floorDiv(now - history.toMillis(), step) * step;
            emitUpTo(now);
            sink.status(StatusUpdate.ofSource(ID, new SourceStatus.Live(clock.instant())));
            task = scheduler.everyPeriod(this::tick, interval, interval);
        }
    }

    /** Emits every tick up to the clock's now. Called by the scheduler; public for deterministic driving. */
    public void tick() {
        synchronized (lock) {
            if (sink != null) {
                emitUpTo(clock.millis());
            }
        }
    }

    private void emitUpTo(long now) {
        long step = interval.toMillis();
        for (; nextTick <= now; nextTick += step) {
            for (String metricId : model.metricIds()) {
                sink.sample(metricId, nextTick, model.value(metricId, nextTick));
            }
        }
    }

    @Override
    public void stop() {
        synchronized (lock) {
            if (sink == null) {
                return;
            }
            task.cancel();
            sink.status(StatusUpdate.ofSource(ID, new SourceStatus.Stopped(clock.instant())));
            sink = null;
        }
    }
}
