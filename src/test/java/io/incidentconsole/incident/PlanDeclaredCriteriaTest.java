package io.incidentconsole.incident;

import io.incidentconsole.incident.EventPayload.CriterionTicked;
import io.incidentconsole.plan.Plan;
import io.incidentconsole.plan.PlanLoadResult;
import io.incidentconsole.plan.PlanLoader;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Success criteria a plan marks {@code done: true} (met when it was written) start confirmed. */
class PlanDeclaredCriteriaTest {

    private static final String PLAN = """
            plan:
              title: Criteria
            phases:
              - id: p1
                name: Fix
                successCriteria:
                  - text: Platform back online
                    done: true
                  - Calls below 2.8M
              - id: p2
                name: Clean up
                successCriteria:
                  - No data loss
            """;

    private final Plan plan = load();

    private static Plan load() {
        PlanLoadResult result = new PlanLoader().load("criteria.yaml", PLAN);
        assertThat(result.problems()).isEmpty();
        return result.plan();
    }

    @Test
    void aDoneCriterionStartsConfirmedAndTheOthersDoNot() {
        IncidentState state = IncidentState.initial(plan);
        assertThat(state.tickedCriteria("p1")).containsExactly("p1.success-1");
        assertThat(state.tickedCriteria("p2")).isEmpty();
    }

    @Test
    void anOperatorCanUnconfirmItLikeAnyOther() {
        Event unconfirm = new Event("e1", 1, Instant.parse("2026-11-27T08:00:00Z"), "ana",
                new CriterionTicked("p1", "p1.success-1", false));
        IncidentState state = IncidentState.replay(plan, List.of(unconfirm));
        assertThat(state.tickedCriteria("p1")).isEmpty();
        assertThat(IncidentState.initial(plan).apply(unconfirm).tickedCriteria("p1")).isEmpty();
    }
}
