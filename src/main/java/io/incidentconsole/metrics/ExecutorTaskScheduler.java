package io.incidentconsole.metrics;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A {@link TaskScheduler} on daemon threads (they must never keep the console from exiting). A task that
 * throws is reported to {@code onFailure} and keeps its schedule, so one bad poll does not end polling.
 */
public final class ExecutorTaskScheduler implements TaskScheduler, AutoCloseable {

    private final ScheduledExecutorService executor;
    private final Consumer<Throwable> onFailure;

    public ExecutorTaskScheduler(String threadName, int threads, Consumer<Throwable> onFailure) {
        AtomicInteger count = new AtomicInteger();
        this.executor = Executors.newScheduledThreadPool(threads, r -> {
            Thread thread = new Thread(r, threadName + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.onFailure = onFailure;
    }

    @Override
    public Cancellable everyPeriod(Runnable task, Duration initialDelay, Duration period) {
        ScheduledFuture<?> future = executor.scheduleWithFixedDelay(guarded(task), initialDelay.toMillis(),
                period.toMillis(), TimeUnit.MILLISECONDS);
        return () -> future.cancel(false);
    }

    @Override
    public Cancellable once(Runnable task, Duration delay) {
        ScheduledFuture<?> future = executor.schedule(guarded(task), delay.toMillis(), TimeUnit.MILLISECONDS);
        return () -> future.cancel(false);
    }

    private Runnable guarded(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                onFailure.accept(e);
            }
        };
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
