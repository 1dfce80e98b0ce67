package io.incidentconsole.plan;

import io.incidentconsole.rollback.RollbackForm;
import io.incidentconsole.rollback.RollbackTarget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17, findings 1 to 3: {@code validate} makes the same template and default checks as {@code rollback}, so
 * it never says "valid" for a plan whose script the rollback command then refuses.
 */
class TemplateValidationTest {

    private static String plan(String command, String parameter, String stepExtra) {
        return """
                plan: {title: T}
                issues: [{id: "1", title: I}]
                phases: [{id: p1, name: P}]
                runbooks:
                  - id: rb
                    title: R
                    parameters:
                      - %s
                    procedures:
                      - id: proc
                        steps:
                          - {title: Step, command: "%s"%s}
                """.formatted(parameter, command, stepExtra);
    }

    private static PlanLoadResult load(String text) {
        return new PlanLoader().load("plan.yaml", text);
    }

    @Test
    void aDefaultThatIsAnOptionIsRefusedAtValidateWithItsLocation() {
        PlanLoadResult result = load(plan("git fetch {{remote}}",
                "{name: remote, defaultValue: '--upload-pack=touch pwned; git-upload-pack'}", ""));

        assertThat(result.ok()).isFalse();
        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("runbooks[0].parameters[0].defaultValue");
            assertThat(p.line()).isEqualTo(8);
            assertThat(p.message()).contains("starts with '-'").contains("allowOptions: true");
        });
    }

    @Test
    void aDefaultOptionIsAcceptedWhenTheParameterAllowsOptions() {
        assertThat(load(plan("git log {{flags}}", "{name: flags, defaultValue: --oneline, allowOptions: true}", ""))
                .problems()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"eval {{v}}", "bash -c {{v}}", "ssh host {{v}}", "echo x | xargs {{v}}",
            "find . -exec {{v}} ;"})
    void anEvaluatingTemplateIsRefusedAtValidateUnlessMarkedUnsafe(String command) {
        PlanLoadResult refused = load(plan(command, "{name: v}", ""));

        assertThat(refused.problems()).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("runbooks[0].procedures[0].steps[0].command");
            assertThat(p.line()).isEqualTo(12);
            assertThat(p.message()).contains("runs its value as code").contains("unsafe: true");
        });
        assertThat(load(plan(command, "{name: v}", ", unsafe: true")).problems()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"echo `git show {{v}}`", "echo ${X:-{{v}}}", "echo $(( {{v}} + 1 ))"})
    void whatRollbackRefusesValidateRefusesToo(String command) {
        PlanLoadResult result = load(plan(command, "{name: v, defaultValue: abc}", ""));

        assertThat(result.problems()).singleElement().satisfies(p ->
                assertThat(p.message()).contains("cannot be quoted safely"));
    }

    @Test
    void aPlanThatValidatesGeneratesAndAnUnsafeStepNeedsItsMarkerInBoth() {
        PlanLoadResult result = load(plan("bash -c {{v}}", "{name: v, defaultValue: uptime}", ", unsafe: true"));
        assertThat(result.ok()).isTrue();

        RollbackTarget target = RollbackTarget.resolve(result.plan(), "proc").target().orElseThrow();
        RollbackForm form = RollbackForm.open(target.runbook(), target.procedure(), Map.of());

        assertThat(form.problems()).isEmpty();
        assertThat(form.canGenerate()).isTrue();
    }
}
