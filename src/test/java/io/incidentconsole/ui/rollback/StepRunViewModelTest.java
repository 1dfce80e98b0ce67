package io.incidentconsole.ui.rollback;

import io.incidentconsole.incident.EventPayload;
import io.incidentconsole.incident.Incident;
import io.incidentconsole.incident.storage.IncidentStore;
import io.incidentconsole.plan.Plan;
import io.incidentconsole.plan.PlanLoadResult;
import io.incidentconsole.plan.PlanLoader;
import io.incidentconsole.rollback.RollbackJournalEntries;
import io.incidentconsole.rollback.ScriptFiles;
import io.incidentconsole.rollback.ScriptGenerator;
import io.incidentconsole.rollback.ScriptRunner;
import io.incidentconsole.rollback.StepCommand;
import io.incidentconsole.rollback.StepExecution;
import io.incidentconsole.rollback.StepExecutor;
import io.incidentconsole.rollback.StepResult;
import io.incidentconsole.rollback.StepStatus;
import io.incidentconsole.ui.common.BackgroundTasks;
import io.incidentconsole.ui.incident.IncidentSession;
import io.incidentconsole.ui.rollback.StepRunViewModel.Prompt;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/** The step-by-step view model without a window, over a fake step executor the test finishes by hand. */
class StepRunViewModelTest {

    private static final Instant T0 = Instant.parse("2026-12-07T03:00:00Z");

    @TempDir
    Path home;

    private final IncidentSession session = new IncidentSession(BackgroundTasks.direct());
    private final SimpleObjectProperty<Plan> plan = new SimpleObjectProperty<>();
    private final List<CompletableFuture<StepResult>> pending = new ArrayList<>();
    private final List<StepCommand> started = new ArrayList<>();
    private final StepExecutor executor = new StepExecutor() {
        @Override
        public StepExecution start(StepCommand step, Path workingDirectory, Path logFile, Consumer<String> onLine) {
            started.add(step);
            CompletableFuture<StepResult> result = new CompletableFuture<>();
            pending.add(result);
            return new StepExecution() {
                @Override
                public long pid() {
                    return 7;
                }

                @Override
                public CompletableFuture<StepResult> result() {
                    return result;
                }

                @Override
                public void cancel() {
                }
            };
        }
    };

    private RollbackViewModel rollback;

    @AfterEach
    void close() {
        session.close();
    }

    private StepRunViewModel model() throws Exception {
        String text = Files.readString(Path.of(getClass().getResource("/plans/step-drill.yaml").toURI()));
        PlanLoadResult loaded = new PlanLoader().load("step-drill.yaml", text);
        Incident incident = new IncidentStore(home.resolve("data"), Clock.fixed(T0, ZoneOffset.UTC))
                .create(loaded.plan(), "step-drill.yaml", text, "ana");
        session.attach(incident);
        plan.set(incident.plan());
        RollbackJournalEntries entries = new RollbackJournalEntries();
        rollback = new RollbackViewModel(session, plan, event -> entries.of(event)
                .forEach(session::record), new ScriptGenerator(), new ScriptFiles(), ScriptRunner.withDefaults(),
                BackgroundTasks.direct(), Runnable::run, Clock.fixed(T0, ZoneOffset.UTC), home);
        rollback.activate();
        StepRunViewModel model = new StepRunViewModel(session, rollback, executor, BackgroundTasks.direct(),
                Runnable::run, Clock.fixed(T0, ZoneOffset.UTC));
        model.activate();
        return model;
    }

    private void finish(int exitCode) {
        pending.get(pending.size() - 1).complete(new StepResult(exitCode, false, false, List.of("out"), T0,
                T0.plusMillis(400), null));
    }

    @Test
    void skipNeedsAReasonAbortEndsTheRunAndTheNextRunStartsAfresh() throws Exception {
        StepRunViewModel model = model();
        assertThat(model.promptProperty().get()).isEqualTo(Prompt.READY);
        assertThat(model.summaryProperty().get()).isEqualTo("Not started: 3 steps, each its own process.");

        model.runStep();
        assertThat(model.promptProperty().get()).isEqualTo(Prompt.RUNNING);
        assertThat(model.rowsProperty().get().get(0).statusWords()).isEqualTo("running");
        finish(2);
        assertThat(model.promptProperty().get()).isEqualTo(Prompt.FAILED);
        assertThat(model.rowsProperty().get().get(0).detail()).isEqualTo("exit 2 after 0.4 s; by ana");
        assertThat(model.messageProperty().get()).contains("Step 1 failed: exit code 2", "retry, edit a value");

        model.skip(" ");
        assertThat(model.messageProperty().get()).isEqualTo("Say why the step is skipped: the reason is recorded.");
        assertThat(model.promptProperty().get()).isEqualTo(Prompt.FAILED);
        model.skip("announced on the bridge");
        assertThat(model.rowsProperty().get().get(0).state().status()).isEqualTo(StepStatus.SKIPPED);
        assertThat(model.currentProperty().get().step().number()).isEqualTo(2);
        assertThat(model.promptProperty().get()).isEqualTo(Prompt.READY);

        model.abort("wrong release");
        assertThat(model.promptProperty().get()).isEqualTo(Prompt.ABORTED);
        assertThat(model.summaryProperty().get()).isEqualTo("Aborted by ana: wrong release (1 of 3 done). Run step 1"
                + " to start a new run.");
        assertThat(session.stateProperty().get().rollbacks()).singleElement()
                .satisfies(r -> assertThat(r.succeeded()).isFalse());

        model.runStep();
        assertThat(started).extracting(StepCommand::number).containsExactly(1, 1);
        assertThat(model.rowsProperty().get().get(0).state().attempts()).as("a new run").isEqualTo(1);
        assertThat(session.stateProperty().get().events().stream().map(e -> e.payload())
                .filter(p -> p instanceof EventPayload.RollbackStarted).count()).isEqualTo(2);
    }

    @Test
    void theWholeScriptCannotRunWhileAStepRuns() throws Exception {
        StepRunViewModel model = model();
        rollback.generate();
        assertThat(rollback.canRunProperty().get()).isTrue();

        model.runStep();
        assertThat(rollback.canRunProperty().get()).as("a step is running").isFalse();
        rollback.run();
        assertThat(rollback.runningProperty().get()).as("run() refuses too, not only the button").isFalse();

        finish(0);
        assertThat(rollback.canRunProperty().get()).as("the step ended").isTrue();
    }

    @Test
    void anInvalidValueStopsTheRetryBeforeAnythingRuns() throws Exception {
        StepRunViewModel model = model();
        model.runStep();
        finish(1);
        model.retryWith("release", "");
        assertThat(model.messageProperty().get()).contains("is not a valid value for release", "Nothing ran");
        assertThat(model.promptProperty().get()).isEqualTo(Prompt.FIX_VALUES);
        assertThat(started).hasSize(1);
    }
}
