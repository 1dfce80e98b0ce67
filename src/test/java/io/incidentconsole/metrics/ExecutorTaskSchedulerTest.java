package io.incidentconsole.metrics;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class ExecutorTaskSchedulerTest {

    @Test
    void aFailingRunIsReportedAndThePeriodicTaskKeepsRunningOnDaemonThreads() throws Exception {
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        try (ExecutorTaskScheduler scheduler = new ExecutorTaskScheduler("metrics-test", 1, failures::add)) {
            AtomicInteger runs = new AtomicInteger();
            CountDownLatch third = new CountDownLatch(3);
            List<Boolean> daemon = new CopyOnWriteArrayList<>();
            TaskScheduler.Cancellable task = scheduler.everyPeriod(() -> {
                daemon.add(Thread.currentThread().isDaemon());
                third.countDown();
                if (runs.incrementAndGet() == 1) {
                    throw new IllegalStateException("first poll failed");
                }
            }, Duration.ZERO, Duration.ofMillis(5));
            assertThat(third.await(10, TimeUnit.SECONDS)).isTrue();
            task.cancel();
            assertThat(failures).singleElement().extracting(Throwable::getMessage).isEqualTo("first poll failed");
            assertThat(daemon).containsOnly(true);

            CountDownLatch once = new CountDownLatch(1);
            scheduler.once(once::countDown, Duration.ofMillis(1));
            assertThat(once.await(10, TimeUnit.SECONDS)).isTrue();
        }
    }
}
