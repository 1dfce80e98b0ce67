package io.incidentconsole.rollback;

import io.incidentconsole.incident.EventPayload.StepDecision;
import io.incidentconsole.incident.Incident;
import io.incidentconsole.incident.storage.IncidentStore;
import io.incidentconsole.plan.Plan;
import io.incidentconsole.plan.PlanLoadResult;
import io.incidentconsole.plan.PlanLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A console killed with SIGKILL in the middle of a step: the next console shows which steps ran, marks the
 * interrupted one "outcome unknown", refuses to rerun it until the operator decides, and then goes on.
 */
class StepRunCrashTest {

    @TempDir
    Path home;

    @Test
    void aConsoleKilledMidStepLeavesAnUnknownOutcomeAndTheNextConsoleResumes() throws Exception {
        Path data = home.resolve("data");
        Path repo = Files.createDirectories(home.resolve("repo"));
        String text = Files.readString(Path.of(getClass().getResource("/steps/slow-plan.yaml").toURI()));
        PlanLoadResult loaded = new PlanLoader().load("slow-plan.yaml", text);
        assertThat(loaded.ok()).as("%s", loaded.problems()).isTrue();
        Plan plan = loaded.plan();
        String incidentId;
        try (Incident incident = new IncidentStore(data).create(plan, "slow-plan.yaml", text, "ana")) {
            incidentId = incident.id();
        }

        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process console = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-cp",
                System.getProperty("java.class.path"), StepRunHarness.class.getName(), data.toString(), incidentId,
                repo.toString()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        long stepPid;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(console.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line = out.readLine();
            assertThat(line).as("the harness reports the running step").startsWith("STARTED ");
            stepPid = Long.parseLong(line.substring("STARTED ".length()));
            console.destroyForcibly(); // SIGKILL: no shutdown hook, no finish recorded
            assertThat(console.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            console.destroyForcibly();
        }
        // The step's own process outlives the console (as a real one would); end it so it leaves nothing behind.
        ProcessHandle.of(stepPid).ifPresent(step -> {
            step.descendants().forEach(ProcessHandle::destroyForcibly);
            step.destroyForcibly();
        });
        assertThat(console.exitValue()).isEqualTo(137);

        try (Incident incident = new IncidentStore(data).open(incidentId, "ben")) {
            assertThat(incident.isReadOnly()).as("the killed console's lock went with it").isFalse();
            RollbackTarget target = RollbackTarget.resolve(plan, "rb.slow").target().orElseThrow();
            StepRun run = new StepRun(target.runbook(), target.procedure(), incident::state, incident::record,
                    ProcessStepExecutor.withDefaults(), incident.directory().resolve("steps"), Clock.systemUTC());
            RollbackForm form = RollbackForm.open(target.runbook(), target.procedure(), Map.of());
            List<StepCommand> commands = StepCommand.of(form);
            StepCommand slow = commands.get(0);

            StepProgress progress = run.progress();
            assertThat(progress.state(slow.stepId()).status()).isEqualTo(StepStatus.STARTED);
            assertThat(progress.state(slow.stepId()).command()).isEqualTo("echo draining && sleep '600' && echo drained");
            assertThat(run.outcomeUnknown(progress, slow)).isTrue();
            assertThat(progress.firstNotDone(commands)).contains(slow);
            Path log = incident.directory().resolve("steps").resolve("rb.slow").resolve(progress.runId())
                    .resolve("step-01-attempt-1.log");
            assertThat(Files.readString(log)).as("the full log was written as the step ran").contains("draining");
            assertThatThrownBy(() -> run.run(commands, slow, repo, line -> { }))
                    .hasMessageContaining("outcome unknown");

            // The operator checks, decides to run it again with a shorter wait, and the run goes on from there.
            run.decide(commands, slow, StepDecision.RETRY, "the drain did not finish");
            List<StepCommand> edited = StepCommand.of(form.with("seconds", "0"));
            StepResult retried = run.run(edited, edited.get(0), repo, line -> { }).result().get(60, TimeUnit.SECONDS);
            assertThat(retried.succeeded()).isTrue();
            assertThat(retried.outputTail()).containsExactly("draining", "drained");
            StepCommand finish = run.progress().firstNotDone(edited).orElseThrow();
            assertThat(finish.stepId()).isEqualTo("rb.slow.finish");
            assertThat(run.run(edited, finish, repo, line -> { }).result().get(60, TimeUnit.SECONDS).succeeded())
                    .isTrue();
            assertThat(repo.resolve("finished.txt")).hasContent("finished");
            StepProgress done = run.progress();
            assertThat(done.complete(edited)).isTrue();
            assertThat(done.state(slow.stepId()).attempts()).isEqualTo(2);
            assertThat(incident.state().rollbacks()).singleElement()
                    .satisfies(r -> assertThat(r.succeeded()).isTrue());
        }
    }
}
