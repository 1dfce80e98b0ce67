package io.incidentconsole.guided;

import io.incidentconsole.plan.GuidedStep;
import io.incidentconsole.plan.Phase;
import io.incidentconsole.plan.Plan;
import io.incidentconsole.plan.PlanLoader;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class GuidedProgressTest {

    private static final Plan SEED = new PlanLoader().loadBundledSeed().plan();
    private static final Phase PHASE_2 = SEED.phase("p330-2").orElseThrow();

    @Test
    void theCurrentStepIsTheFirstNotDone() {
        assertThat(PHASE_2.guidedSteps()).extracting(GuidedStep::title).containsExactly("Backup package files",
                "Update Better Auth packages", "Test auth flows thoroughly", "Deploy to staging", "Monitor for 24 hours",
                "Deploy to production");
        GuidedProgress none = GuidedProgress.of(PHASE_2, null);
        assertThat(none.current()).hasValueSatisfying(s -> assertThat(s.title()).isEqualTo("Backup package files"));

        GuidedProgress some = new GuidedProgress(PHASE_2, Set.of("p330-2.step-1", "p330-2.step-3"));
        assertThat(some.currentIndex()).isEqualTo(1);
        assertThat(some.doneCount()).isEqualTo(2);
        assertThat(some.allDone()).isFalse();
    }

    @Test
    void allDoneHasNoCurrentStep() {
        Set<String> all = Set.copyOf(PHASE_2.guidedSteps().stream().map(GuidedStep::id).toList());

        GuidedProgress done = new GuidedProgress(PHASE_2, all);

        assertThat(done.allDone()).isTrue();
        assertThat(done.current()).isEmpty();
        assertThat(done.currentIndex()).isEqualTo(6);
    }

    @Test
    void aStepsCommandIsFilledWithQuotedValuesFromRecordedOrDefaults() {
        GuidedStep update = PHASE_2.guidedSteps().get(1);
        Map<String, String> values = StepCommand.initialValues(update.parameters(),
                name -> name.equals("betterAuthVersion") ? Optional.of("1.4.19") : Optional.empty());

        assertThat(values).containsExactly(Map.entry("betterAuthVersion", "1.4.19"),
                Map.entry("convexBetterAuthVersion", "0.10.10"));
        assertThat(StepCommand.of(update, values).text())
                .isEqualTo("npm install better-auth@'1.4.19' @convex-dev/better-auth@'0.10.10'");
    }

    @Test
    void anInvalidValueLeavesTheCommandUnfilledAndNamesTheParameter() {
        GuidedStep update = PHASE_2.guidedSteps().get(1);

        StepCommand command = StepCommand.of(update, Map.of("betterAuthVersion", "1.4.18; rm -rf /",
                "convexBetterAuthVersion", ""));

        assertThat(command.ready()).isFalse();
        assertThat(command.problems()).containsOnlyKeys("betterAuthVersion", "convexBetterAuthVersion");
        assertThat(command.problems().get("convexBetterAuthVersion")).isEqualTo("a value is required");
        assertThat(StepCommand.of(PHASE_2.guidedSteps().get(2), Map.of()).text()).isNull();
    }
}
