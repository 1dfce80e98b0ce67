package io.incidentconsole.rollback;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class ProcessStepExecutorTest {

    @TempDir
    Path dir;

    /** Fires a timeout only when the test says so. */
    private final List<Runnable> timeouts = new ArrayList<>();
    private final List<Duration> asked = new ArrayList<>();
    private final StepTimer manualTimer = (delay, action) -> {
        asked.add(delay);
        timeouts.add(action);
        return () -> timeouts.remove(action);
    };
    private final ProcessStepExecutor executor = new ProcessStepExecutor(ScriptRunner.withDefaults(), manualTimer,
            Clock.systemUTC());

    @Test
    void aRealStepFailsTheFirstTimeAndSucceedsOnRetryWithItsOutputLogged() throws Exception {
        StepCommand step = new StepCommand("s1", 1, "Flaky", "if [ -f tried ]; then echo second try ok; else "
                + "touch tried; echo first try failed >&2; exit 3; fi", Duration.ofMinutes(1));
        List<String> lines = new CopyOnWriteArrayList<>();
        StepResult first = executor.start(step, dir, dir.resolve("logs/a1.log"), lines::add).result()
                .get(60, TimeUnit.SECONDS);
        assertThat(first.exitCode()).isEqualTo(3);
        assertThat(first.succeeded()).isFalse();
        assertThat(first.outputTail()).containsExactly("first try failed");
        assertThat(Files.readString(dir.resolve("logs/a1.log"))).contains("# Step 1: Flaky", "# Command: if [ -f tried ]",
                "first try failed", "# Exit code 3");

        StepResult second = executor.start(step, dir, dir.resolve("logs/a2.log"), lines::add).result()
                .get(60, TimeUnit.SECONDS);
        assertThat(second.succeeded()).isTrue();
        assertThat(lines).containsExactly("first try failed", "second try ok");
        assertThat(asked).containsExactly(Duration.ofMinutes(1), Duration.ofMinutes(1));
        assertThat(timeouts).as("a finished step calls its timeout off").isEmpty();
    }

    @Test
    void theTimeoutEndsTheStepAndSaysSo() throws Exception {
        StepCommand step = new StepCommand("s1", 1, "Hangs", "echo waiting; exec sleep 600", Duration.ofSeconds(5));
        List<String> lines = new CopyOnWriteArrayList<>();
        CountDownLatch printed = new CountDownLatch(1);
        StepExecution execution = executor.start(step, dir, dir.resolve("hang.log"), line -> {
            lines.add(line);
            printed.countDown();
        });
        assertThat(printed.await(60, TimeUnit.SECONDS)).isTrue();
        assertThat(timeouts).hasSize(1);
        timeouts.get(0).run();
        StepResult result = execution.result().get(60, TimeUnit.SECONDS);
        assertThat(result.timedOut()).isTrue();
        assertThat(result.cancelled()).isFalse();
        assertThat(result.succeeded()).isFalse();
        assertThat(Files.readString(dir.resolve("hang.log"))).contains("# Timed out after PT5S");
    }
}
