package io.incidentconsole.plan;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IdDefaultsTest {

    @Test
    void shorthandItemsGetDerivedIdsLikeFullOnes() {
        PlanLoadResult result = new PlanLoader().load("plan.yaml", """
                phases:
                  - id: p1
                    name: One
                    tasks: [First task, {text: Second task}, {id: custom, text: Third}]
                    successCriteria: [Calls drop]
                testSuites:
                  - id: s1
                    title: Suite
                    checks: [Login works]
                runbooks:
                  - id: rb
                    title: Runbook
                    criteria: [Errors spike]
                    procedures: [{id: rb-1, steps: [{command: "echo hi"}]}]
                """);
        assertThat(result.problems()).isEmpty();
        Plan plan = result.plan();
        assertThat(plan.phases().get(0).tasks()).extracting(Task::id)
                .containsExactly("p1.task-1", "p1.task-2", "custom");
        assertThat(plan.phases().get(0).tasks().get(0).text()).isEqualTo("First task");
        assertThat(plan.phases().get(0).successCriteria().get(0).id()).isEqualTo("p1.success-1");
        assertThat(plan.testSuites().get(0).checks().get(0).id()).isEqualTo("s1.check-1");
        assertThat(plan.runbooks().get(0).criteria().get(0).id()).isEqualTo("rb.criterion-1");
        assertThat(plan.runbooks().get(0).procedures().get(0).steps().get(0).id()).isEqualTo("rb-1.step-1");
    }
}
