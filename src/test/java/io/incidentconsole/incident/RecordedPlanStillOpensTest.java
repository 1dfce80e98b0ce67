package io.incidentconsole.incident;

import io.incidentconsole.incident.storage.IncidentStore;
import io.incidentconsole.plan.Plan;
import io.incidentconsole.plan.PlanLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An incident started from a plan that 0.1 accepted keeps opening, even when that plan has a command the template
 * checks added since refuse ({@code bash -c {{v}}}, a default starting with '-'): the rollback form says why it
 * will not generate that step instead.
 */
class RecordedPlanStillOpensTest {

    private static final String OLD_PLAN = """
            plan: {title: Older plan}
            issues: [{id: "1", title: I}]
            phases: [{id: p1, name: P}]
            runbooks:
              - id: rb
                title: R
                parameters: [{name: v, defaultValue: --all}]
                procedures:
                  - id: proc
                    steps: [{title: Run, command: "bash -c {{v}}"}]
            """;

    @Test
    void anIncidentWhosePlanCopyPredatesTheTemplateChecksStillOpens(@TempDir Path data) {
        assertThat(new PlanLoader().load("old.yaml", OLD_PLAN).ok()).as("refused as a new plan").isFalse();
        Plan plan = PlanLoader.forRecordedPlans().load("old.yaml", OLD_PLAN).plan();
        Path folder;
        try (Incident incident = new IncidentStore(data).create(plan, "old.yaml", OLD_PLAN, "ana")) {
            folder = incident.directory();
        }

        try (Incident reopened = IncidentStore.inspect(folder)) {
            assertThat(reopened.plan().runbooks()).hasSize(1);
            assertThat(reopened.state().started()).isPresent();
        }
    }
}
