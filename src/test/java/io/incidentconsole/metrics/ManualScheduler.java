package io.incidentconsole.metrics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** For tests of the metrics and of their views. A clock and scheduler driven by hand: {@link #advance} moves time and runs what falls due. No sleeping. */
public final class ManualScheduler extends Clock implements TaskScheduler {

    private long now;
    private final List<Job> jobs = new ArrayList<>();

    public ManualScheduler(Instant start) {
        this.now = start.toEpochMilli();
    }

    public void advance(Duration by) {
        long end = now + by.toMillis();
        while (true) {
            Job next = jobs.stream().filter(j -> !j.cancelled && j.due <= end)
                    .min(Comparator.comparingLong(j -> j.due)).orElse(null);
            if (next == null) {
                break;
            }
            now = Math.max(now, next.due);
            if (next.period > 0) {
                next.due += next.period;
            } else {
                next.cancelled = true;
            }
            next.task.run();
        }
        now = end;
    }

    public int activeJobs() {
        return (int) jobs.stream().filter(j -> !j.cancelled).count();
    }

    @Override
    public Cancellable everyPeriod(Runnable task, Duration initialDelay, Duration period) {
        Job job = new Job(task, now + initialDelay.toMillis(), period.toMillis());
        jobs.add(job);
        return () -> job.cancelled = true;
    }

    @Override
    public Cancellable once(Runnable task, Duration delay) {
        Job job = new Job(task, now + delay.toMillis(), 0);
        jobs.add(job);
        return () -> job.cancelled = true;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(now);
    }

    private static final class Job {
        final Runnable task;
        long due;
        final long period;
        boolean cancelled;

        Job(Runnable task, long due, long period) {
            this.task = task;
            this.due = due;
            this.period = period;
        }
    }
}
