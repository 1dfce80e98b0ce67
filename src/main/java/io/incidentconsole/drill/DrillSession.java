package io.incidentconsole.drill;

import io.incidentconsole.incident.DrillEvents;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;
import io.incidentconsole.guided.WaitClock;
import io.incidentconsole.incident.Event;
import io.incidentconsole.incident.EventPayload;
import io.incidentconsole.incident.Incident;
import io.incidentconsole.incident.IncidentState;
import io.incidentconsole.rollback.StepCommand;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One open drill (or a real incident, where every drill action is refused and runs are never stubbed): plays its
 * scenario's due events on the injected clock, fast-forwards its clock, says whether runs go through stubs and
 * prepares the stubs of a run with the scenario's failures armed. The console and the command line share it.
 */
public final class DrillSession {

    private final Incident incident;
    private final Optional<ScenarioDirector> director;
    private final Clock clock;

    public DrillSession(Incident incident, Optional<Scenario> scenario, Clock clock) {
        this.incident = incident;
        this.director = scenario.map(ScenarioDirector::new);
        this.clock = clock;
    }

    /** The session of an incident, with the scenario kept in its folder. */
    public static DrillSession of(Incident incident, Clock clock) {
        return new DrillSession(incident, Scenarios.ofIncident(incident), clock);
    }

    public boolean drill() {
        return incident.metadata().drill();
    }

    public Optional<Scenario> scenario() {
        return director.map(ScenarioDirector::scenario);
    }

    public DrillState state() {
        return DrillState.of(drill(), incident.state());
    }

    /** Commands run through the stubs now: in a drill, unless run-for-real was chosen. */
    public boolean stubbed() {
        return state().stubbed();
    }

    /** The drill's waits (fast-forwards count); a real incident's waits are wall-clock only. */
    public WaitClock waitClock() {
        return DrillClock.waitClock(clock, drill(), this::state);
    }

    /** Records every scenario event due now, in order; returns what was recorded. Nothing in a real incident. */
    public synchronized List<Event> playDue() {
        List<Event> recorded = new ArrayList<>();
        if (!drill() || director.isEmpty() || incident.isReadOnly()) {
            return recorded;
        }
        IncidentState state = incident.state();
        for (ScenarioEvent event : director.get().due(state, DrillState.of(true, state), clock.instant())) {
            for (EventPayload payload : ScenarioDirector.payloads(event)) {
                recorded.add(incident.record(payload));
            }
        }
        return recorded;
    }

    /** The next scenario event not played yet, and when (wall clock) it is due. */
    public Optional<ScenarioDirector.Next> nextEvent() {
        return director.flatMap(d -> d.next(incident.state(), state()));
    }

    /**
     * What "fast-forward" moves by when no amount is given: to the end of the waits running now, else to the
     * scenario's next event; empty when there is neither.
     */
    public Optional<Duration> suggestedFastForward() {
        IncidentState state = incident.state();
        DrillState drill = state();
        Optional<Duration> waits = DrillClock.toEndOfWaits(state, drill, clock.instant());
        if (waits.isPresent()) {
            return waits.map(DrillSession::wholeSeconds);
        }
        return director.flatMap(d -> DrillClock.toNextScenarioEvent(d, state, drill, clock.instant()))
                .filter(d -> !d.isZero()).map(DrillSession::wholeSeconds);
    }

    /** The argv of the last stub call in a run's output tail; empty when there is none. */
    private static String lastCall(String outputTail) {
        String last = "";
        for (String line : outputTail.split("\n")) {
            if (line.startsWith(DrillStubs.WOULD_RUN)) {
                last = line.substring(DrillStubs.WOULD_RUN.length());
            }
        }
        return last;
    }

    /** Rounded up to a whole second, so what was aimed at is due and the journal reads "4m 40s". */
    private static Duration wholeSeconds(Duration duration) {
        Duration seconds = Duration.ofSeconds(duration.getSeconds());
        return seconds.equals(duration) ? duration : seconds.plusSeconds(1);
    }

    /**
     * Fast-forwards the drill clock, then plays what became due.
     *
     * @throws DrillClock.NotADrillException in a real incident (nothing recorded)
     */
    public synchronized List<Event> fastForward(Duration by, String reason) {
        List<Event> recorded = new ArrayList<>();
        recorded.add(DrillClock.advance(incident, by, reason));
        recorded.addAll(playDue());
        return recorded;
    }

    /**
     * Chooses how this drill runs commands: for real ({@code real}, with the operator's reason, after a
     * confirmation) or through the stubs again.
     *
     * @throws DrillClock.NotADrillException in a real incident: it always runs for real
     */
    public Event chooseRunMode(boolean real, String reason) {
        if (!drill()) {
            throw new DrillClock.NotADrillException(incident.id());
        }
        return incident.record(new DrillEvents.DrillRunModeChosen(real, reason));
    }

    /**
     * The stubs for a run of {@code steps} (the procedure's steps with their values): every program the plan names,
     * and the failures the scenario has armed for these steps that have not been played out yet.
     *
     * @throws IOException when the stubs cannot be written
     */
    public DrillStubs stubsFor(List<StepCommand> steps) throws IOException {
        List<DrillStubs.Failure> failures = new ArrayList<>();
        DrillState drill = state();
        for (ScenarioEvent event : scenario().map(Scenario::events).orElse(List.of())) {
            if (!(event.action() instanceof ScenarioAction.StepFails fails) || !drill.played().containsKey(event.number())) {
                continue;
            }
            for (StepCommand step : steps) {
                if (step.stepId().equals(fails.stepId()) && !step.manual()) {
                    String argv = DrillStubs.firstArgv(step.command());
                    int left = fails.times() - failuresPlayed(fails, argv);
                    if (left > 0) {
                        failures.add(new DrillStubs.Failure(argv, fails.exitCode(), fails.output(), left));
                    }
                }
            }
        }
        Set<String> programs = new LinkedHashSet<>(DrillStubs.programsOf(incident.plan()));
        steps.stream().filter(s -> !s.manual()).forEach(s -> programs.addAll(DrillStubs.programsOf(s.command())));
        return DrillStubs.create(programs, failures);
    }

    /**
     * How often a scripted step failure already happened: stubbed attempts of the step that ended with its code, and
     * stubbed whole-script runs that ended with it right after calling the step's command ({@code argv}).
     */
    private int failuresPlayed(ScenarioAction.StepFails fails, String argv) {
        int count = 0;
        Set<String> stubbedRuns = new HashSet<>();
        for (Event event : incident.state().events()) {
            if (event.payload() instanceof EventPayload.StepStarted started && started.wasStubbed()
                    && started.stepId().equals(fails.stepId())) {
                stubbedRuns.add(started.runId() + "/" + started.attempt());
            } else if (event.payload() instanceof EventPayload.StepFinished finished
                    && finished.stepId().equals(fails.stepId()) && finished.exitCode() == fails.exitCode()
                    && stubbedRuns.contains(finished.runId() + "/" + finished.attempt())) {
                count++;
            } else if (event.payload() instanceof EventPayload.ScriptRun run && run.wasStubbed()
                    && run.exitCode() == fails.exitCode() && run.outputTail() != null
                    && lastCall(run.outputTail()).equals(argv)) {
                count++;
            }
        }
        return count;
    }
}
