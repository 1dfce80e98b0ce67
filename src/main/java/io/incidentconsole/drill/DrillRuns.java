package io.incidentconsole.drill;

import io.incidentconsole.rollback.ProcessStepExecutor;
import io.incidentconsole.rollback.ScriptRunner;
import io.incidentconsole.rollback.StepCommand;
import io.incidentconsole.rollback.StepExecution;
import io.incidentconsole.rollback.StepExecutor;
import io.incidentconsole.rollback.StepResult;
import io.incidentconsole.rollback.StepTimer;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * How the console runs a rollback: for real in a real incident, always; in a drill, through fresh stubs (with the
 * scenario's failures armed) unless the operator chose to run for real. The stubs of a run are removed when it ends.
 */
public final class DrillRuns {

    private final Supplier<Optional<DrillSession>> session;
    private final ScriptRunner runner;
    private final StepTimer timer;
    private final Clock clock;

    public DrillRuns(Supplier<Optional<DrillSession>> session, ScriptRunner runner, StepTimer timer, Clock clock) {
        this.session = session;
        this.runner = runner;
        this.timer = timer;
        this.clock = clock;
    }

    /** Real runs only: for consoles and tests without drills. */
    public static DrillRuns never(ScriptRunner runner, StepTimer timer, Clock clock) {
        return new DrillRuns(Optional::empty, runner, timer, clock);
    }

    /** The open incident is a drill (its runs are stubbed unless run-for-real was chosen). */
    public boolean drill() {
        return session.get().isPresent();
    }

    /** Runs go through stubs now. */
    public boolean stubbed() {
        return session.get().map(DrillSession::stubbed).orElse(false);
    }

    /** The runner for one whole-script run and what to close when it ended. */
    public record Prepared(ScriptRunner runner, DrillStubs stubs) implements AutoCloseable {
        public boolean stubbed() {
            return stubs != null;
        }

        @Override
        public void close() {
            if (stubs != null) {
                stubs.close();
            }
        }
    }

    /**
     * The runner for a whole-script run of {@code steps}.
     *
     * @throws IOException when the stubs cannot be written (nothing runs then)
     */
    public Prepared prepare(List<StepCommand> steps) throws IOException {
        Optional<DrillSession> drill = session.get().filter(DrillSession::stubbed);
        if (drill.isEmpty()) {
            return new Prepared(runner, null);
        }
        DrillStubs stubs = drill.get().stubsFor(steps);
        return new Prepared(runner.throughStubs(stubs.environment(System.getenv("PATH"))), stubs);
    }

    /** The executor of step-by-step runs: each step through its own stubs while the drill stubs runs. */
    public StepExecutor steps() {
        return new StepExecutor() {
            @Override
            public StepExecution start(StepCommand step, Path workingDirectory, Path logFile, Consumer<String> onLine)
                    throws IOException {
                Prepared prepared = prepare(List.of(step));
                StepExecution execution;
                try {
                    execution = new ProcessStepExecutor(prepared.runner(), timer, clock)
                            .start(step, workingDirectory, logFile, onLine);
                } catch (IOException | RuntimeException e) {
                    prepared.close();
                    throw e;
                }
                CompletableFuture<StepResult> result = execution.result().whenComplete((r, e) -> prepared.close());
                return execution.withResult(result);
            }

            @Override
            public boolean stubbed() {
                return DrillRuns.this.stubbed();
            }
        };
    }
}
