package io.incidentconsole.rollback;

import io.incidentconsole.incident.Incident;
import io.incidentconsole.incident.storage.IncidentStore;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * The child process of {@link StepRunCrashTest}: a headless console running the same domain code. Opens the
 * incident, starts the first step not done of procedure {@code rb.slow} as its own process, prints
 * "STARTED pid" once the start is in the journal and the step runs, then waits for the step (it is killed first).
 */
public final class StepRunHarness {

    private StepRunHarness() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        String incidentId = args[1];
        Path workingDirectory = Path.of(args[2]);
        try (Incident incident = new IncidentStore(data).open(incidentId, "ana")) {
            RollbackTarget target = RollbackTarget.resolve(incident.plan(), "rb.slow").target().orElseThrow();
            List<StepCommand> commands = StepCommand.of(RollbackForm.open(target.runbook(), target.procedure(),
                    Map.of()));
            StepRun run = new StepRun(target.runbook(), target.procedure(), incident::state, incident::record,
                    ProcessStepExecutor.withDefaults(), incident.directory().resolve("steps"), Clock.systemUTC());
            StepCommand next = run.progress().firstNotDone(commands).orElseThrow();
            StepExecution execution = run.run(commands, next, workingDirectory, line -> { });
            System.out.println("STARTED " + execution.pid());
            System.out.flush();
            execution.result().join();
            System.out.println("FINISHED");
        }
    }
}
