package io.incidentconsole.rollback;

import io.incidentconsole.incident.Event;
import io.incidentconsole.incident.EventPayload;
import io.incidentconsole.incident.EventPayload.RollbackFinished;
import io.incidentconsole.incident.EventPayload.RollbackStarted;
import io.incidentconsole.incident.EventPayload.StepDecision;
import io.incidentconsole.incident.EventPayload.StepFinished;
import io.incidentconsole.incident.EventPayload.StepOutcomeDecided;
import io.incidentconsole.incident.EventPayload.StepRunAborted;
import io.incidentconsole.incident.EventPayload.StepSkipped;
import io.incidentconsole.incident.EventPayload.StepStarted;
import io.incidentconsole.incident.IncidentState;
import io.incidentconsole.plan.Plan;
import io.incidentconsole.plan.PlanLoadResult;
import io.incidentconsole.plan.PlanLoader;
import io.incidentconsole.plan.ProcedureStep;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StepRunTest {

    private static final Instant T0 = Instant.parse("2026-12-07T03:00:00Z");

    private final List<Event> journal = new ArrayList<>();
    private final FakeExecutor executor = new FakeExecutor();
    private Plan plan;
    private RollbackTarget target;
    private StepRun run;
    private List<StepCommand> commands;

    static Plan stepPlan() {
        try {
            PlanLoadResult result = new PlanLoader().load(Path.of(StepRunTest.class.getResource("/steps/step-plan.yaml")
                    .toURI()));
            if (!result.ok()) {
                throw new AssertionError(result.problems());
            }
            return result.plan();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @BeforeEach
    void setUp() throws ScriptRefusedException {
        plan = stepPlan();
        target = RollbackTarget.resolve(plan, "rb.undo").target().orElseThrow();
        run = newRun("ana");
        commands = StepCommand.of(RollbackForm.open(target.runbook(), target.procedure(), Map.of()));
    }

    private StepRun newRun(String operator) {
        int[] runs = {0};
        return new StepRun(target.runbook(), target.procedure(), this::state, p -> record(operator, p), executor,
                Path.of("/incident/steps"), Clock.fixed(T0, ZoneOffset.UTC), () -> "run" + (++runs[0]));
    }

    private IncidentState state() {
        synchronized (journal) {
            return IncidentState.replay(plan, List.copyOf(journal));
        }
    }

    private void record(String operator, EventPayload payload) {
        synchronized (journal) {
            journal.add(new Event("e" + (journal.size() + 1), journal.size() + 1, T0.plusSeconds(journal.size()),
                    operator, payload));
        }
    }

    private List<EventPayload> payloads() {
        return journal.stream().map(Event::payload).toList();
    }

    @Test
    void theStepsCarryTheirExactCommandsAndTimeouts() {
        assertThat(commands).extracting(StepCommand::number).containsExactly(1, 2, 3);
        assertThat(commands.get(0).command()).isEqualTo("echo preparing 'first'");
        assertThat(commands.get(0).timeout()).isEqualTo(ProcedureStep.DEFAULT_TIMEOUT);
        assertThat(commands.get(1).timeout()).isEqualTo(Duration.ofSeconds(90));
        assertThat(commands.get(2).manual()).isTrue();
    }

    @Test
    void aStepThatFailsStopsTheRunAndARetryThatSucceedsGoesOn() throws IOException {
        StepCommand first = commands.get(0);
        StepExecution attempt1 = run.run(commands, first, Path.of("/repo"), line -> { });
        executor.finish(1, List.of("error: not yet"));
        assertThat(attempt1.result().join().succeeded()).isFalse();

        StepProgress failed = run.progress();
        assertThat(failed.state(first.stepId()).status()).isEqualTo(StepStatus.FAILED);
        assertThat(failed.state(first.stepId()).exitCode()).isEqualTo(1);
        assertThat(failed.state(first.stepId()).outputTail()).isEqualTo("error: not yet");
        assertThat(failed.firstNotDone(commands)).contains(first);

        StepExecution attempt2 = run.run(commands, first, Path.of("/repo"), line -> { });
        executor.finish(0, List.of("ok"));
        assertThat(attempt2.result().join().succeeded()).isTrue();

        StepProgress after = run.progress();
        assertThat(after.state(first.stepId()).status()).isEqualTo(StepStatus.SUCCEEDED);
        assertThat(after.state(first.stepId()).attempts()).isEqualTo(2);
        assertThat(after.firstNotDone(commands)).contains(commands.get(1));
        assertThat(executor.logFiles).containsExactly(
                Path.of("/incident/steps/rb.undo/run1/step-01-attempt-1.log"),
                Path.of("/incident/steps/rb.undo/run1/step-01-attempt-2.log"));

        assertThat(payloads()).hasSize(5);
        assertThat(payloads().get(0)).isInstanceOf(RollbackStarted.class);
        assertThat(payloads().get(1)).isEqualTo(new StepStarted("run1", "rb", "rb.undo", "rb.undo.prepare", 1,
                "Prepare", "echo preparing 'first'", 1, ProcedureStep.DEFAULT_TIMEOUT));
        assertThat(payloads().get(2)).isEqualTo(new StepFinished("run1", "rb.undo", "rb.undo.prepare", 1, 1, false,
                false, Duration.ofSeconds(3), "error: not yet", "/incident/steps/rb.undo/run1/step-01-attempt-1.log"));
        assertThat(((StepStarted) payloads().get(3)).attempt()).isEqualTo(2);
    }

    @Test
    void editingAValueBeforeTheRetryRunsTheNewCommand() throws Exception {
        run.run(commands, commands.get(0), Path.of("/repo"), line -> { });
        executor.finish(1, List.of());
        List<StepCommand> edited = StepCommand.of(RollbackForm.open(target.runbook(), target.procedure(), Map.of())
                .with("marker", "second"));
        run.run(edited, edited.get(0), Path.of("/repo"), line -> { });
        assertThat(executor.started.get(1).command()).isEqualTo("echo preparing 'second'");
    }

    @Test
    void skippingNeedsAReasonAndTheLastStepDoneFinishesTheRollback() throws IOException {
        assertThatThrownBy(() -> run.skip(commands, commands.get(0), " "))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("why");
        run.skip(commands, commands.get(0), "prepared by hand");
        run.run(commands, commands.get(1), Path.of("/repo"), line -> { });
        executor.finish(0, List.of());
        assertThatThrownBy(() -> run.run(commands, commands.get(2), Path.of("/repo"), line -> { }))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("manual");
        run.decide(commands, commands.get(2), StepDecision.RAN, "login works");

        StepProgress done = run.progress();
        assertThat(done.complete(commands)).isTrue();
        assertThat(done.state(commands.get(0).stepId()).note()).isEqualTo("prepared by hand");
        assertThat(payloads()).filteredOn(RollbackFinished.class::isInstance).singleElement()
                .isEqualTo(new RollbackFinished("rb", "rb.undo", true, "all 3 steps done step by step (1 skipped)"));
        assertThat(payloads()).filteredOn(StepSkipped.class::isInstance).hasSize(1);
    }

    @Test
    void aStepStartedAndNeverFinishedHasAnUnknownOutcomeUntilTheOperatorDecides() throws IOException {
        run.run(commands, commands.get(0), Path.of("/repo"), line -> { });
        // The console dies here: its step never reports. A new console reads the same journal.
        StepRun restarted = newRun("ben");
        StepProgress progress = restarted.progress();
        assertThat(progress.state(commands.get(0).stepId()).status()).isEqualTo(StepStatus.STARTED);
        assertThat(restarted.outcomeUnknown(progress, commands.get(0))).isTrue();
        assertThat(run.outcomeUnknown(progress, commands.get(0))).isFalse();
        assertThatThrownBy(() -> restarted.run(commands, commands.get(0), Path.of("/repo"), line -> { }))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("outcome unknown");

        restarted.decide(commands, commands.get(0), StepDecision.RAN, "saw it in the deploy log");
        assertThat(restarted.progress().state(commands.get(0).stepId()).status()).isEqualTo(StepStatus.MARKED_RAN);
        assertThat(restarted.progress().firstNotDone(commands)).contains(commands.get(1));
        assertThat(payloads()).filteredOn(StepOutcomeDecided.class::isInstance).singleElement()
                .isEqualTo(new StepOutcomeDecided("run1", "rb.undo", "rb.undo.prepare", StepDecision.RAN,
                        "saw it in the deploy log"));
    }

    @Test
    void abortEndsTheRunAndTheNextStepStartsANewOne() throws IOException {
        run.run(commands, commands.get(0), Path.of("/repo"), line -> { });
        executor.finish(2, List.of());
        run.abort("wrong commit");
        assertThat(run.progress().aborted()).isTrue();
        assertThat(payloads()).contains(new StepRunAborted("run1", "rb", "rb.undo", "wrong commit"),
                new RollbackFinished("rb", "rb.undo", false, "step-by-step run aborted: wrong commit"));

        run.run(commands, commands.get(0), Path.of("/repo"), line -> { });
        StepProgress fresh = run.progress();
        assertThat(fresh.runId()).isEqualTo("run2");
        assertThat(fresh.aborted()).isFalse();
        assertThat(fresh.state(commands.get(0).stepId()).attempts()).isEqualTo(1);
        assertThat(fresh.state(commands.get(1).stepId()).status()).isEqualTo(StepStatus.NOT_RUN);
    }

    @Test
    void anUndoneSkipCountsAsNotDone() throws IOException {
        run.skip(commands, commands.get(0), "by hand");
        Event skip = journal.get(journal.size() - 1);
        record("ana", new EventPayload.Undo(skip.id()));
        assertThat(run.progress().state(commands.get(0).stepId()).status()).isEqualTo(StepStatus.NOT_RUN);
    }

    /** Each start returns an execution the test finishes by hand; the result takes 3 s on the step's clock. */
    private static final class FakeExecutor implements StepExecutor {
        final List<StepCommand> started = new ArrayList<>();
        final List<Path> logFiles = new ArrayList<>();
        CompletableFuture<StepResult> pending;
        Path pendingLog;

        @Override
        public StepExecution start(StepCommand step, Path workingDirectory, Path logFile,
                                   Consumer<String> onLine) {
            started.add(step);
            logFiles.add(logFile);
            CompletableFuture<StepResult> result = new CompletableFuture<>();
            pending = result;
            pendingLog = logFile;
            return new StepExecution() {
                @Override
                public long pid() {
                    return 4242;
                }

                @Override
                public CompletableFuture<StepResult> result() {
                    return result;
                }

                @Override
                public void cancel() {
                    result.complete(new StepResult(143, true, false, List.of(), T0, T0.plusSeconds(3), logFile));
                }
            };
        }

        void finish(int exitCode, List<String> tail) {
            pending.complete(new StepResult(exitCode, false, false, tail, T0, T0.plusSeconds(3), pendingLog));
        }
    }
}
