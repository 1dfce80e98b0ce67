package io.incidentconsole.cli;

import io.incidentconsole.incident.Incident;
import io.incidentconsole.incident.IncidentException;
import io.incidentconsole.incident.storage.IncidentStore;
import io.incidentconsole.incident.JournalException;
import io.incidentconsole.plan.PlanLoadResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import io.incidentconsole.drill.Drills;
import io.incidentconsole.drill.Scenario;
import io.incidentconsole.drill.Scenarios;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "new", mixinStandardHelpOptions = true,
        description = {"Start an incident from a plan file and print its folder as the last line of stdout "
                + "(for the other verbs: phase, step, test, tests, signoff, answer, note, criterion, status).",
                "Exit 0 started; 1 the plan has problems (listed on stderr) or the incident cannot be created; "
                        + "2 a bad value (a scenario that does not fit the plan: its problems on stderr)."})
final class NewCommand implements Callable<Integer> {

    private final Clock clock;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PLAN", description = "The plan file (YAML or JSON).")
    Path planFile;

    @Option(names = "--operator", paramLabel = "NAME", required = true, description = "Who starts the incident.")
    String operator;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Where incidents are kept (default: the console's data directory).")
    Path dataDir;

    @Option(names = "--drill", description = "A rehearsal, not a real outage (recorded in the incident).")
    boolean drill;

    @Option(names = "--scenario", paramLabel = "NAME|FILE",
            description = "With --drill: the scenario the drill plays (a bundled name, e.g. "
                    + "package-update-regresses-auth, or a scenario file; see docs/drill-scenarios.md).")
    String scenario;

    NewCommand(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (operator.isBlank()) {
            err.println("error: --operator must not be empty");
            return ExitCodes.BAD_VALUE;
        }
        Optional<PlanFiles.Loaded> loaded = PlanFiles.load(planFile, err);
        if (loaded.isEmpty()) {
            return ExitCodes.UNREADABLE;
        }
        PlanLoadResult result = loaded.get().result();
        String text = loaded.get().text();
        Optional<Scenario> chosen = Optional.empty();
        if (scenario != null) {
            if (!drill) {
                err.println("error: --scenario is for a drill: add --drill (a real incident plays no scenario)");
                return ExitCodes.BAD_VALUE;
            }
            try {
                chosen = Optional.of(Scenarios.load(scenario, result.plan()));
            } catch (Scenarios.ScenarioException e) {
                err.println("error: " + e.getMessage());
                e.problems().forEach(err::println);
                return ExitCodes.BAD_VALUE;
            }
        }
        IncidentStore store = new IncidentStore(dataDir != null ? dataDir
                : IncidentStore.inDataDir(null).dataDir(), clock);
        try (Incident incident = drill
                ? Drills.start(store, result.plan(), planFile.toAbsolutePath().toString(), text, operator.strip(), chosen)
                : store.create(result.plan(), planFile.toAbsolutePath().toString(), text, operator.strip())) {
            out.println("Started " + (drill ? "drill " : "incident ") + incident.id()
                    + chosen.map(s -> " (scenario " + s.name() + ")").orElse("") + ": "
                    + result.plan().plan().title());
            out.println(incident.directory().toAbsolutePath());
            return ExitCodes.DONE;
        } catch (IncidentException | JournalException e) {
            err.println("error: " + e.getMessage());
            return ExitCodes.UNREADABLE;
        }
    }
}
