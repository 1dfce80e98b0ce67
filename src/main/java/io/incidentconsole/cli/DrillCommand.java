package io.incidentconsole.cli;

import io.incidentconsole.drill.DrillClock;
import io.incidentconsole.drill.DrillDurations;
import io.incidentconsole.drill.DrillSession;
import io.incidentconsole.drill.ScenarioLoader;
import io.incidentconsole.drill.Scenarios;
import io.incidentconsole.incident.Event;
import io.incidentconsole.incident.EventDescriber;
import io.incidentconsole.incident.Incident;
import io.incidentconsole.plan.PlanLoadResult;
import io.incidentconsole.plan.Problem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "drill", mixinStandardHelpOptions = true,
        description = {"Drive a drill (a rehearsal started with `new PLAN --drill [--scenario NAME|FILE]`): play its "
                + "scenario's due events, fast-forward its clock, or check a scenario file against a plan.",
                "A real incident refuses every drill action (exit 3)."})
final class DrillCommand implements Callable<Integer> {

    private final Clock clock;

    @Spec
    CommandSpec spec;

    DrillCommand(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.BAD_VALUE;
    }

    @Command(name = "play", mixinStandardHelpOptions = true,
            description = {"Record the scenario events that are due now (each once), and say what they did.",
                    "Exit 0 (also when none is due); 3 not a drill; 1 unreadable incident; 4 a console holds it."})
    int play(@Parameters(paramLabel = "INCIDENT_DIR", description = "The drill's folder.") Path folder,
             @Mixin RecorderOptions recorder) {
        return IncidentRecorder.run(folder, recorder.operator(), clock, err(), incident -> {
            DrillSession session = drillSession(incident);
            if (session == null) {
                return ExitCodes.REFUSED;
            }
            List<Event> played = session.playDue();
            report(incident, played, session);
            return ExitCodes.DONE;
        });
    }

    @Command(name = "fast-forward", mixinStandardHelpOptions = true,
            description = {"Move the drill's clock forward (recorded, labelled \"fast-forwarded in drill\"): the "
                    + "waits running count it as waited, scenario events it makes due are played.",
                    "Without --by: to the end of the waits running now, else to the scenario's next event.",
                    "Exit 0 moved; 2 bad or no duration; 3 not a drill (a real incident's waits are real); "
                            + "1 unreadable incident; 4 a console holds it."})
    int fastForward(@Parameters(paramLabel = "INCIDENT_DIR", description = "The drill's folder.") Path folder,
                    @Option(names = "--by", paramLabel = "DURATION", description = "How far, e.g. 24h, 5m, 1h30m.")
                    String by,
                    @Option(names = "--reason", paramLabel = "TEXT", description = "Why (recorded).") String reason,
                    @Mixin RecorderOptions recorder) {
        return IncidentRecorder.run(folder, recorder.operator(), clock, err(), incident -> {
            DrillSession session = drillSession(incident);
            if (session == null) {
                return ExitCodes.REFUSED;
            }
            Duration amount;
            if (by != null) {
                try {
                    amount = DrillDurations.parse(by);
                } catch (IllegalArgumentException e) {
                    throw new IncidentRecorder.BadValueException("--by " + e.getMessage());
                }
                if (amount.isZero()) {
                    throw new IncidentRecorder.BadValueException("--by must be more than 0s");
                }
            } else {
                Optional<Duration> suggested = session.suggestedFastForward();
                if (suggested.isEmpty()) {
                    throw new IncidentRecorder.BadValueException("no wait is running and no scenario event is "
                            + "waiting for its time: say how far with --by DURATION");
                }
                amount = suggested.get();
            }
            List<Event> recorded = session.fastForward(amount, reason == null || reason.isBlank() ? null : reason.strip());
            report(incident, recorded, session);
            return ExitCodes.DONE;
        });
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = {"Check a scenario (a file or a bundled name) against a plan: exit 0 and a summary, or "
                    + "exit 1 with every problem as file:line:column: path: message on stderr."})
    int check(@Parameters(index = "0", paramLabel = "PLAN", description = "The plan file.") Path planFile,
              @Parameters(index = "1", paramLabel = "SCENARIO", description = "A scenario file or bundled name.")
              String scenario) {
        PrintWriter err = err();
        Optional<PlanFiles.Loaded> loaded = PlanFiles.load(planFile, err);
        if (loaded.isEmpty()) {
            return ExitCodes.UNREADABLE;
        }
        PlanLoadResult plan = loaded.get().result();
        Scenarios.Source source;
        try {
            source = Scenarios.read(scenario);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return ExitCodes.UNREADABLE;
        }
        ScenarioLoader.Result result = new ScenarioLoader().load(source.source(), source.text(), plan.plan());
        if (!result.ok()) {
            for (Problem problem : result.problems()) {
                err.println(problem);
            }
            return ExitCodes.UNREADABLE;
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println(result.scenario().name() + ": " + result.scenario().events().size() + " events, fits "
                + plan.plan().plan().title());
        result.scenario().events().forEach(e -> out.println("  " + e.describe()));
        return ExitCodes.DONE;
    }

    /** The drill's session, or null after saying why a real incident refuses. */
    private DrillSession drillSession(Incident incident) {
        if (!incident.metadata().drill()) {
            err().println("refused: " + new DrillClock.NotADrillException(incident.id()).getMessage()
                    + ". Nothing was recorded.");
            return null;
        }
        return DrillSession.of(incident, clock);
    }

    private void report(Incident incident, List<Event> recorded, DrillSession session) {
        PrintWriter out = spec.commandLine().getOut();
        EventDescriber describer = new EventDescriber(incident.plan(), incident.state().events());
        if (recorded.isEmpty()) {
            out.println("No scenario event is due.");
        }
        for (Event event : recorded) {
            out.println(describer.describe(event.payload()));
        }
        session.nextEvent().ifPresent(next -> out.println("Next: " + next.event().describe() + ", due in "
                + DrillDurations.format(Duration.between(clock.instant(), next.at()))
                + " (fast-forward: `drill fast-forward " + incident.directory() + "`)"));
    }

    private PrintWriter err() {
        return spec.commandLine().getErr();
    }
}
