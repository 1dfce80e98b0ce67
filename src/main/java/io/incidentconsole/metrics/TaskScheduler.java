package io.incidentconsole.metrics;

import java.time.Duration;

/**
 * Runs source work in the background. Injected so tests drive time by hand instead of sleeping; production
 * code uses {@link ExecutorTaskScheduler}.
 */
public interface TaskScheduler {

    /** Runs {@code task} after {@code initialDelay}, then every {@code period} until cancelled. */
    Cancellable everyPeriod(Runnable task, Duration initialDelay, Duration period);

    /** Runs {@code task} once after {@code delay}. */
    Cancellable once(Runnable task, Duration delay);

    @FunctionalInterface
    interface Cancellable {
        void cancel();
    }
}
