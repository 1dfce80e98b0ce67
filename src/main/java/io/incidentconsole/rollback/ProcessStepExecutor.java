package io.incidentconsole.rollback;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Runs each step as its own bash process ({@code set -euo pipefail}, then the step's command) through the
 * {@link ScriptRunner}, so a step gets the same non-interactive environment, output handling and process-tree
 * cancel as a whole script. Every output line also goes to the step's log file; the step's timeout cancels it.
 */
public final class ProcessStepExecutor implements StepExecutor {

    private final ScriptRunner runner;
    private final StepTimer timer;
    private final Clock clock;

    public ProcessStepExecutor(ScriptRunner runner, StepTimer timer, Clock clock) {
        this.runner = runner;
        this.timer = timer;
        this.clock = clock;
    }

    /** The default runner, timeouts on one daemon thread, the UTC clock. */
    public static ProcessStepExecutor withDefaults() {
        return new ProcessStepExecutor(ScriptRunner.withDefaults(), daemonTimer(), Clock.systemUTC());
    }

    /** A timer on one daemon thread (it must not keep the JVM alive). */
    public static StepTimer daemonTimer() {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "step-timeouts");
            thread.setDaemon(true);
            return thread;
        });
        return (delay, action) -> {
            ScheduledFuture<?> scheduled = scheduler.schedule(action, delay.toMillis(), TimeUnit.MILLISECONDS);
            return () -> scheduled.cancel(false);
        };
    }

    /** The script a step runs: bash stops at the first failing command, as in a generated script. */
    static String scriptOf(StepCommand step) {
        return "#!/usr/bin/env bash\nset -euo pipefail\n" + step.command() + "\n";
    }

    @Override
    public StepExecution start(StepCommand step, Path workingDirectory, Path logFile, Consumer<String> onLine)
            throws IOException {
        if (step.manual()) {
            throw new IllegalArgumentException("step " + step.stepId() + " is manual: it has no command to run");
        }
        Files.createDirectories(logFile.toAbsolutePath().getParent());
        StepLog log = new StepLog(Files.newBufferedWriter(logFile, StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE));
        Instant now = clock.instant();
        log.write("# Step " + step.number() + (step.title() == null ? "" : ": " + step.title()));
        log.write("# Command: " + step.command());
        log.write("# Started: " + DateTimeFormatter.ISO_INSTANT.format(now.truncatedTo(ChronoUnit.MILLIS))
                + " in " + workingDirectory);
        String text = scriptOf(step);
        GeneratedScript script = new GeneratedScript(text, ScriptGenerator.sha256(text), Map.of(),
                "step", step.stepId(), ScriptMode.EXECUTE, new ScriptContext(null, null, null, null, now));
        RunningScript running;
        try {
            running = runner.start(script, workingDirectory, line -> {
                log.write(line);
                onLine.accept(line);
            });
        } catch (IOException | RuntimeException e) {
            log.write("# Could not start: " + e.getMessage());
            log.close();
            throw e;
        }
        AtomicBoolean timedOut = new AtomicBoolean();
        Runnable callOff = timer.after(step.timeout(), () -> {
            timedOut.set(true);
            running.cancel();
        });
        CompletableFuture<StepResult> result = running.result().thenApply(run -> {
            callOff.run();
            boolean timeout = timedOut.get();
            log.write("# " + (timeout ? "Timed out after " + step.timeout() + "; exit code "
                    : run.cancelled() ? "Cancelled; exit code " : "Exit code ") + run.exitCode());
            log.close();
            return new StepResult(run.exitCode(), run.cancelled() && !timeout, timeout, run.outputTail(),
                    run.startedAt(), run.endedAt(), logFile);
        });
        return new StepExecution() {
            @Override
            public long pid() {
                return running.pid();
            }

            @Override
            public CompletableFuture<StepResult> result() {
                return result;
            }

            @Override
            public void cancel() {
                running.cancel();
            }
        };
    }

    /** The step's full log; written from the output thread and closed from the completion. */
    private static final class StepLog {
        private final BufferedWriter writer;
        private boolean failed;

        StepLog(BufferedWriter writer) {
            this.writer = writer;
        }

        synchronized void write(String line) {
            if (failed) {
                return;
            }
            try {
                writer.write(line);
                writer.newLine();
                writer.flush();
            } catch (IOException e) {
                // A full disk must not stop the step: its tail still reaches the journal.
                failed = true;
            }
        }

        synchronized void close() {
            try {
                writer.close();
            } catch (IOException e) {
                failed = true;
            }
        }
    }
}
