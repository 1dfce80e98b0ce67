package io.incidentconsole.guided;

import io.incidentconsole.incident.PhaseState;
import io.incidentconsole.plan.GuidedStep;
import io.incidentconsole.plan.Phase;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** How far a phase's guided steps are done; the step to do now is the first one not done. */
public record GuidedProgress(Phase phase, Set<String> done) {

    public GuidedProgress {
        done = Set.copyOf(done);
    }

    /** {@code state} null: nothing is done (no incident is open). */
    public static GuidedProgress of(Phase phase, PhaseState state) {
        return new GuidedProgress(phase, state == null ? Set.of() : state.guidedStepsDone());
    }

    public List<GuidedStep> steps() {
        return phase.guidedSteps();
    }

    /** 0-based position of the current step; the number of steps when all are done. */
    public int currentIndex() {
        List<GuidedStep> steps = steps();
        for (int i = 0; i < steps.size(); i++) {
            if (!done.contains(steps.get(i).id())) {
                return i;
            }
        }
        return steps.size();
    }

    public Optional<GuidedStep> current() {
        int index = currentIndex();
        return index < steps().size() ? Optional.of(steps().get(index)) : Optional.empty();
    }

    public boolean isDone(String stepId) {
        return done.contains(stepId);
    }

    public long doneCount() {
        return steps().stream().filter(s -> done.contains(s.id())).count();
    }

    public boolean allDone() {
        return currentIndex() == steps().size();
    }
}
