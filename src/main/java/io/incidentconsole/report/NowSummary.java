package io.incidentconsole.report;

import io.incidentconsole.incident.IncidentState;
import io.incidentconsole.incident.PhaseLifecycle;
import io.incidentconsole.incident.PhaseState;
import io.incidentconsole.incident.TestOutcome;
import io.incidentconsole.plan.GuidedStep;
import io.incidentconsole.plan.Phase;
import io.incidentconsole.plan.PhaseStatus;
import io.incidentconsole.plan.Plan;
import io.incidentconsole.plan.PlanItems;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What is happening now, in one line for the header: the phases running and their current step, how long each has
 * run against its planned window, the failing tests, open alerts, the gates the next moves wait for, and when the
 * next stakeholder update is due. Each part names the phase where it is worked, so the view can link to it.
 */
public record NowSummary(List<Running> running, List<Failing> failing, int openAlerts, List<Pending> pending,
                         Optional<CadenceClock.Due> nextUpdate, Instant now) {

    public NowSummary {
        running = List.copyOf(running);
        failing = List.copyOf(failing);
        pending = List.copyOf(pending);
    }

    /** A phase in progress (or rolling back): its current step (empty when all are done) and its time. */
    public record Running(Phase phase, PhaseStatus status, Optional<GuidedStep> step, int stepNumber, Duration elapsed,
                          Optional<Duration> planned) {
        public boolean late() {
            return planned.isPresent() && elapsed.compareTo(planned.get()) > 0;
        }
    }

    /** A test item whose latest result for the phase is a failure. */
    public record Failing(String phaseId, PlanItems.TestItemRef item) {
    }

    /** A gate holding the next move of a phase (its start, once its dependencies are done; or its completion). */
    public record Pending(String phaseId, PhaseLifecycle.Gate gate) {
    }

    public static NowSummary of(IncidentState state, CadenceClock cadences) {
        Plan plan = state.plan();
        Instant now = cadences.now();
        List<Running> running = new ArrayList<>();
        List<Failing> failing = new ArrayList<>();
        List<Pending> pending = new ArrayList<>();
        Set<String> failingIds = new LinkedHashSet<>();
        for (Phase phase : plan.phases()) {
            PhaseState ps = state.phase(phase.id());
            if (ps.status() == PhaseStatus.IN_PROGRESS || ps.status() == PhaseStatus.ROLLING_BACK) {
                running.add(running(state, phase, ps, now));
                PhaseLifecycle.completionGates(state, phase.id()).stream()
                        .filter(g -> g.kind() == PhaseLifecycle.GateKind.AUDIT && g.holds())
                        .forEach(g -> pending.add(new Pending(phase.id(), g)));
            } else if (ps.status() != PhaseStatus.COMPLETE) {
                List<PhaseLifecycle.Gate> gates = PhaseLifecycle.startGates(state, phase.id());
                boolean dependenciesDone = gates.stream()
                        .filter(g -> g.kind() == PhaseLifecycle.GateKind.DEPENDENCIES).noneMatch(PhaseLifecycle.Gate::holds);
                if (dependenciesDone) {
                    gates.stream().filter(PhaseLifecycle.Gate::holds)
                            .forEach(g -> pending.add(new Pending(phase.id(), g)));
                }
            }
            for (PlanItems.TestItemRef item : PlanItems.testItemsOf(plan, phase.id())) {
                boolean failed = state.latestOutcome(phase.id(), item.suiteId(), item.testId())
                        .filter(o -> o == TestOutcome.FAIL).isPresent();
                if (failed && failingIds.add(item.testId())) {
                    failing.add(new Failing(phase.id(), item));
                }
            }
        }
        return new NowSummary(running, failing, state.openAlerts().size(), pending, cadences.next(state), now);
    }

    private static Running running(IncidentState state, Phase phase, PhaseState ps, Instant now) {
        Optional<GuidedStep> step = Optional.empty();
        int number = 0;
        for (int i = 0; i < phase.guidedSteps().size(); i++) {
            if (!PhaseLifecycle.isStepDone(state, phase.id(), phase.guidedSteps().get(i))) {
                step = Optional.of(phase.guidedSteps().get(i));
                number = i + 1;
                break;
            }
        }
        Duration elapsed = ps.startedAt() == null ? Duration.ZERO : Duration.between(ps.startedAt(), now);
        Optional<Duration> planned = phase.planned() == null ? Optional.empty()
                : Optional.of(phase.planned().duration());
        return new Running(phase, ps.status(), step, number, elapsed.isNegative() ? Duration.ZERO : elapsed, planned);
    }

    /** "1:05" or "2d 03:10" for a running phase's elapsed or planned time. */
    public static String duration(Duration duration) {
        long minutes = duration.toMinutes();
        long days = minutes / (24 * 60);
        long hours = (minutes / 60) % 24;
        long minute = minutes % 60;
        String clock = hours + (minute < 10 ? ":0" : ":") + minute; // String.format was a hot spot of every tick
        return days > 0 ? days + "d " + clock : clock;
    }
}
