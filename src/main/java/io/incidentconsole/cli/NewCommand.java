package io.incidentconsole.cli;

import io.incidentconsole.incident.Incident;
import io.incidentconsole.incident.IncidentException;
import io.incidentconsole.incident.storage.IncidentStore;
import io.incidentconsole.incident.JournalException;
import io.incidentconsole.plan.PlanLoadResult;
import io.incidentconsole.plan.PlanLoader;
import io.incidentconsole.plan.Problem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;

@Command(name = "new", mixinStandardHelpOptions = true,
        description = {"Start an incident from a plan file and print its folder as the last line of stdout "
                + "(for the other verbs: phase, step, test, tests, signoff, answer, note, criterion, status).",
                "Exit 0 started; 1 the plan has problems (listed on stderr) or the incident cannot be created."})
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
        String text;
        try {
            text = Files.readString(planFile, StandardCharsets.UTF_8);
        } catch (IOException e) {
            err.println(planFile + ": cannot read the plan: " + e.getMessage());
            return ExitCodes.UNREADABLE;
        }
        PlanLoadResult result = new PlanLoader().load(planFile.toString(), text);
        if (!result.ok()) {
            for (Problem problem : result.problems()) {
                err.println(problem);
            }
            return ExitCodes.UNREADABLE;
        }
        IncidentStore store = new IncidentStore(dataDir != null ? dataDir
                : IncidentStore.inDataDir(null).dataDir(), clock);
        try (Incident incident = store.create(result.plan(), planFile.toAbsolutePath().toString(), text,
                operator.strip(), drill)) {
            out.println("Started incident " + incident.id() + (drill ? " (drill)" : "") + ": "
                    + result.plan().plan().title());
            out.println(incident.directory().toAbsolutePath());
            return ExitCodes.DONE;
        } catch (IncidentException | JournalException e) {
            err.println("error: " + e.getMessage());
            return ExitCodes.UNREADABLE;
        }
    }
}
