package io.incidentconsole.plan;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class StepTimeoutValidationTest {

    private static String stepPlan() throws IOException {
        try (InputStream in = StepTimeoutValidationTest.class.getResourceAsStream("/steps/step-plan.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void aStepTimeoutIsADurationAndAbsentMeansTheDefault() throws IOException {
        PlanLoadResult result = new PlanLoader().load("step-plan.yaml", stepPlan());
        assertThat(result.problems()).isEmpty();
        var steps = result.plan().runbooks().get(0).procedures().get(0).steps();
        assertThat(steps.get(1).timeout()).isEqualTo(Duration.ofSeconds(90));
        assertThat(steps.get(0).timeout()).isNull();
        assertThat(steps.get(0).effectiveTimeout()).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void aTimeoutThatIsNotPositiveIsRefusedWhereItIsWritten() throws IOException {
        PlanLoadResult result = new PlanLoader().load("step-plan.yaml", stepPlan().replace("timeout: 90s", "timeout: 0s"));
        assertThat(result.ok()).isFalse();
        assertThat(result.problems()).singleElement().asString()
                .contains("step-plan.yaml:", "runbooks[0].procedures[0].steps[1].timeout",
                        "a step's timeout must be positive");
    }
}
