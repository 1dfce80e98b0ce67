package io.incidentconsole.report;

import io.incidentconsole.drill.DrillState;
import io.incidentconsole.incident.Event;
import io.incidentconsole.incident.EventPayload;
import io.incidentconsole.incident.IncidentMetadata;
import io.incidentconsole.incident.IncidentState;
import io.incidentconsole.incident.StartRecord;
import io.incidentconsole.incident.TestRecord;
import io.incidentconsole.incident.PhaseState;
import io.incidentconsole.incident.TestOutcome;
import io.incidentconsole.plan.GuidedStep;
import io.incidentconsole.plan.Phase;
import io.incidentconsole.plan.Plan;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a drill's report measures, from its journal: each phase's and guided step's time against the plan (on the
 * drill clock, so a fast-forwarded wait counts as waited), the response times from the first alert, and the runs
 * through stubs or for real. The trend table compares these across drills of one plan.
 */
public record DrillFacts(IncidentMetadata metadata, IncidentState state, DrillState drill, Instant end,
                         List<PhaseTime> phases, List<StepTime> steps, Response response, int stubbedRuns,
                         int realRuns) {

    /** A phase's planned and actual start (offsets from the drill's start) and duration. */
    public record PhaseTime(Phase phase, Duration plannedStart, Duration plannedDuration, Duration actualStart,
                            Duration actualDuration, boolean done) {

        /** Actual minus planned duration; null while either is unknown. */
        public Duration drift() {
            return plannedDuration == null || actualDuration == null ? null : actualDuration.minus(plannedDuration);
        }
    }

    /** A guided step done: how long after the previous one (or the phase's start), against its planned wait. */
    public record StepTime(Phase phase, GuidedStep step, Duration took, Duration planned) {
        public Duration drift() {
            return planned == null || took == null ? null : took.minus(planned);
        }
    }

    /** When the first alert fired, and when the rollback was decided, its script generated and run after it. */
    public record Response(Instant firstAlert, Instant rollbackDecided, Instant scriptGenerated, Instant scriptRun) {
        public Duration toDecision() {
            return between(firstAlert, rollbackDecided);
        }

        public Duration toScript() {
            return between(firstAlert, scriptGenerated);
        }

        public Duration toRun() {
            return between(firstAlert, scriptRun);
        }

        private static Duration between(Instant from, Instant to) {
            return from == null || to == null ? null : Duration.between(from, to);
        }
    }

    public static DrillFacts of(IncidentMetadata metadata, IncidentState state, Instant now) {
        DrillState drill = DrillState.of(metadata.drill(), state);
        Instant start = state.started().map(StartRecord::at).orElse(metadata.createdAt());
        Instant end = state.lastEvent().map(Event::at).orElse(now);
        Plan plan = state.plan();
        List<PhaseTime> phases = new ArrayList<>();
        List<StepTime> steps = new ArrayList<>();
        for (Phase phase : plan.phases()) {
            PhaseState ps = state.phase(phase.id());
            if (ps.startedAt() == null) {
                continue;
            }
            Instant finished = ps.completedAt();
            Duration actualStart = onDrillClock(drill, start, ps.startedAt());
            Duration actual = finished == null ? null : onDrillClock(drill, ps.startedAt(), finished);
            phases.add(new PhaseTime(phase, phase.planned() == null ? null : phase.planned().start(),
                    phase.planned() == null ? null : phase.planned().duration(), actualStart, actual,
                    finished != null));
            steps.addAll(stepTimes(state, drill, phase, ps.startedAt()));
        }
        return new DrillFacts(metadata, state, drill, end, phases, steps, response(state), runs(state, true),
                runs(state, false));
    }

    /** Wall-clock time between two instants plus the fast-forwards made between them. */
    static Duration onDrillClock(DrillState drill, Instant from, Instant to) {
        Duration fastForwarded = drill.advancedSince(from).minus(drill.advancedSince(to));
        return Duration.between(from, to).plus(fastForwarded);
    }

    private static List<StepTime> stepTimes(IncidentState state, DrillState drill, Phase phase, Instant phaseStart) {
        List<StepTime> times = new ArrayList<>();
        Instant previous = phaseStart;
        for (Event event : state.events()) {
            if (state.isUndone(event.id()) || !(event.payload() instanceof EventPayload.GuidedStepDone done)
                    || !done.phaseId().equals(phase.id()) || event.at().isBefore(phaseStart)) {
                continue;
            }
            Optional<GuidedStep> step = phase.guidedSteps().stream().filter(s -> done.stepId().equals(s.id()))
                    .findFirst();
            if (step.isPresent()) {
                times.add(new StepTime(phase, step.get(), onDrillClock(drill, previous, event.at()),
                        step.get().waitFor()));
                previous = event.at();
            }
        }
        return times;
    }

    private static Response response(IncidentState state) {
        Instant alert = null;
        Instant decided = null;
        Instant generated = null;
        Instant run = null;
        Plan plan = state.plan();
        for (Event event : state.events()) {
            if (state.isUndone(event.id())) {
                continue;
            }
            EventPayload p = event.payload();
            if (alert == null) {
                if (p instanceof EventPayload.AlertFired) {
                    alert = event.at();
                }
                continue;
            }
            boolean decision = p instanceof EventPayload.RollbackStarted
                    || p instanceof EventPayload.CriterionTicked c && c.ticked() && plan.runbook(c.ownerId()).isPresent();
            if (decided == null && decision) {
                decided = event.at();
            }
            if (generated == null && p instanceof EventPayload.CommandGenerated) {
                generated = event.at();
            }
            if (run == null && (p instanceof EventPayload.ScriptRun || p instanceof EventPayload.StepStarted)) {
                run = event.at();
            }
        }
        return new Response(alert, decided, generated, run);
    }

    private static int runs(IncidentState state, boolean stubbed) {
        int count = 0;
        for (Event event : state.events()) {
            if (event.payload() instanceof EventPayload.ScriptRun r && r.wasStubbed() == stubbed
                    || event.payload() instanceof EventPayload.StepStarted s && s.wasStubbed() == stubbed) {
                count++;
            }
        }
        return count;
    }

    /** Sum of every finished phase's drift (null when none finished with a planned duration). */
    public Duration totalDrift() {
        Duration total = null;
        for (PhaseTime phase : phases) {
            if (phase.drift() != null) {
                total = total == null ? phase.drift() : total.plus(phase.drift());
            }
        }
        return total;
    }

    /** The gates overridden, as events. */
    public List<Event> overrides() {
        return state.events().stream().filter(e -> !state.isUndone(e.id())
                && e.payload() instanceof EventPayload.GateOverridden).toList();
    }

    /** The test items whose latest result is SKIPPED. */
    public List<TestRecord> skippedTests() {
        return state.tests().values().stream().filter(r -> r.latest().outcome() == TestOutcome.SKIPPED).toList();
    }
}
