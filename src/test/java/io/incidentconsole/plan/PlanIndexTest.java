package io.incidentconsole.plan;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The plan's lookups by id and by phase answer what a scan of its lists answers, and the plan stays a value. */
class PlanIndexTest {

    private final Plan seed = new PlanLoader().loadBundledSeed().plan();

    @Test
    void aPhaseByIdIsTheFirstPhaseWithThatIdAsAScanFindsIt() {
        for (Phase phase : seed.phases()) {
            assertThat(seed.phase(phase.id())).contains(phase);
        }
        assertThat(seed.phase("no-such-phase")).isEmpty();

        Phase first = seed.phases().get(0);
        Phase twin = new Phase(first.id(), "9", "A duplicate", first.issues(), null, null, List.of(), false, null,
                null, null, List.of(), List.of(), List.of(), null);
        List<Phase> phases = new ArrayList<>(seed.phases());
        phases.add(twin);
        Plan duplicated = withPhases(seed, phases);
        assertThat(duplicated.phase(first.id())).contains(first);
        assertThat(duplicated.phases()).endsWith(twin);
    }

    @Test
    void theDecisionsAboutAPhaseAreTheTreesThatNameItOrCanBlockIt() {
        assertThat(seed.decisions()).isNotEmpty();
        boolean anyGated = false;
        for (Phase phase : seed.phases()) {
            List<DecisionTree> scanned = seed.decisions().stream()
                    .filter(tree -> tree.gates().contains(phase.id())
                            || tree.outcomes().stream().anyMatch(o -> o.blocks().contains(phase.id())))
                    .toList();
            assertThat(seed.decisionsAbout(phase.id())).as(phase.id()).containsExactlyElementsOf(scanned);
            anyGated |= !scanned.isEmpty();
        }
        assertThat(anyGated).as("the seed has a phase a decision gates").isTrue();
        assertThat(seed.decisionsAbout("no-such-phase")).isEmpty();
    }

    @Test
    void aPlanIsEqualToThePlanOfTheSameListsHoweverTheyWereMade() {
        Plan copy = withPhases(seed, List.copyOf(seed.phases()));
        assertThat(copy).isEqualTo(seed);
        assertThat(copy.hashCode()).isEqualTo(seed.hashCode());
        assertThat(seed.phases()).isEqualTo(List.copyOf(seed.phases()));
        assertThat(seed.decisions()).isEqualTo(List.copyOf(seed.decisions()));
    }

    private static Plan withPhases(Plan plan, List<Phase> phases) {
        return new Plan(plan.plan(), plan.issues(), phases, plan.testSuites(), plan.runbooks(), plan.metrics(),
                plan.alerts(), List.copyOf(plan.decisions()), plan.communication(), plan.dependencies(),
                plan.signOff(), plan.notes());
    }
}
