package io.incidentconsole.drill;

import io.incidentconsole.incident.DrillEvents;
import io.incidentconsole.incident.storage.IncidentStore;
import io.incidentconsole.incident.EventPayload;
import io.incidentconsole.incident.Incident;
import io.incidentconsole.plan.Plan;
import io.incidentconsole.plan.PlanLoader;
import io.incidentconsole.plan.Procedure;
import io.incidentconsole.plan.Runbook;
import io.incidentconsole.rollback.ProcessStepExecutor;
import io.incidentconsole.rollback.ScriptRunner;
import io.incidentconsole.rollback.StepCommand;
import io.incidentconsole.rollback.StepResult;
import io.incidentconsole.rollback.StepRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Step-by-step runs in a drill go through stubs and are journalled as stubbed; the scenario's failing step fails
 * once with its scripted output, its retry passes; after "run for real" nothing is stubbed, and a real incident
 * never is.
 */
class DrillRunsTest {

    @TempDir
    Path data;

    private final Clock clock = Clock.systemUTC();

    private StepResult runStep(Incident incident, DrillRuns runs, String stepId) throws Exception {
        Plan plan = incident.plan();
        Runbook runbook = plan.runbook("rb330").orElseThrow();
        Procedure procedure = runbook.procedures().stream().filter(p -> p.id().equals("rb330-phase2")).findFirst()
                .orElseThrow();
        List<StepCommand> steps = List.of(
                new StepCommand("rb330-phase2.step-1", 1, "Revert", "git checkout HEAD~1 package.json package-lock.json",
                        Duration.ofMinutes(1)),
                new StepCommand("rb330-phase2.step-2", 2, null, "npm install", Duration.ofMinutes(1)));
        StepRun run = new StepRun(runbook, procedure, incident::state, incident::record, runs.steps(),
                incident.directory().resolve("steps"), clock);
        StepCommand step = steps.stream().filter(s -> s.stepId().equals(stepId)).findFirst().orElseThrow();
        List<String> lines = new ArrayList<>();
        return run.run(steps, step, data, line -> {
            synchronized (lines) {
                lines.add(line);
            }
        }).result().get(30, TimeUnit.SECONDS);
    }

    private static List<EventPayload.StepStarted> starts(Incident incident) {
        return incident.state().events().stream().map(e -> e.payload())
                .filter(EventPayload.StepStarted.class::isInstance).map(EventPayload.StepStarted.class::cast).toList();
    }

    @Test
    void aDrillsStepsGoThroughStubsWithTheScriptedFailureOnceUntilRunForRealIsChosen() throws Exception {
        PlanLoader loader = new PlanLoader();
        Plan plan = loader.loadBundledSeed().plan();
        try (Incident incident = Drills.start(new IncidentStore(data, clock), plan, "bundled",
                loader.bundledSeedText(), "ana", Optional.of(Scenarios.load("package-update-regresses-auth", plan)))) {
            DrillSession session = DrillSession.of(incident, clock);
            DrillRuns runs = new DrillRuns(() -> Optional.of(session), ScriptRunner.withDefaults(),
                    ProcessStepExecutor.daemonTimer(), clock);
            incident.record(new DrillEvents.ScenarioEventPlayed(5, "step rb330-phase2.step-2 fails"));

            StepResult failed = runStep(incident, runs, "rb330-phase2.step-2");
            assertThat(failed.exitCode()).isEqualTo(1);
            assertThat(failed.outputTail()).containsExactly("[drill] would run: npm install", "npm ERR! code ECONNRESET",
                    "npm ERR! network aborted while fetching better-auth-1.3.34.tgz");
            StepResult retried = runStep(incident, runs, "rb330-phase2.step-2");
            assertThat(retried.exitCode()).isZero();
            assertThat(retried.outputTail()).containsExactly("[drill] would run: npm install");
            assertThat(starts(incident)).extracting(EventPayload.StepStarted::wasStubbed).containsExactly(true, true);

            session.chooseRunMode(true, "sandbox checkout");
            assertThat(runs.stubbed()).isFalse();
            assertThat(runs.steps().stubbed()).isFalse();
            try (DrillRuns.Prepared prepared = runs.prepare(List.of())) {
                assertThat(prepared.stubbed()).isFalse();
                assertThat(prepared.runner().stubbed()).isFalse();
            }
        }
    }

    @Test
    void aRealIncidentIsNeverStubbed() throws Exception {
        DrillRuns never = DrillRuns.never(ScriptRunner.withDefaults(), ProcessStepExecutor.daemonTimer(), clock);
        assertThat(never.drill()).isFalse();
        assertThat(never.steps().stubbed()).isFalse();
        try (DrillRuns.Prepared prepared = never.prepare(List.of(new StepCommand("s", 1, null, "git push",
                Duration.ofMinutes(1))))) {
            assertThat(prepared.stubbed()).isFalse();
        }
    }
}
