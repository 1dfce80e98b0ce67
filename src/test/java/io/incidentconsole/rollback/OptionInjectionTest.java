package io.incidentconsole.rollback;

import org.junit.jupiter.api.io.TempDir;
import io.incidentconsole.plan.Parameter;
import io.incidentconsole.plan.ParameterRules;
import io.incidentconsole.plan.ParameterType;
import io.incidentconsole.plan.Procedure;
import io.incidentconsole.plan.ProcedureStep;
import io.incidentconsole.plan.Runbook;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 17, findings 1 and 4: a value is never an option, and an empty optional value is no word at all. */
class OptionInjectionTest {

    private static RollbackForm form(String command, Parameter parameter) {
        Procedure procedure = new Procedure("p", null, List.of(), List.of(new ProcedureStep("s", null, command, false)));
        Runbook runbook = new Runbook("rb", "Runbook", null, List.of(), List.of(parameter), List.of(procedure));
        return RollbackForm.open(runbook, procedure, Map.of());
    }

    @Test
    void aValueStartingWithADashIsRefusedNamingTheWayToAllowIt() {
        Parameter remote = new Parameter("remote", ParameterType.TEXT, null, null, null, null);

        RollbackForm form = form("git fetch {{remote}}", remote).with("remote", "--upload-pack=touch pwned");

        assertThat(form.canGenerate()).isFalse();
        assertThat(form.problems()).singleElement().satisfies(p -> {
            assertThat(p.parameter()).isEqualTo("remote");
            assertThat(p.message()).contains("starts with '-'").contains("option").contains("allowOptions: true");
        });
    }

    @Test
    void aParameterThatDeclaresOptionsMayCarryOne() throws Exception {
        Parameter flags = new Parameter("flags", ParameterType.TEXT, null, null, null, null, true);

        RollbackForm form = form("git log {{flags}}", flags).with("flags", "--oneline");

        assertThat(form.canGenerate()).isTrue();
        assertThat(new ScriptGenerator().generate(Fixtures.CONTEXT, form, ScriptMode.EXECUTE).text())
                .contains("git log '--oneline'");
    }

    @Test
    void theRuleHoldsForEveryTypeAndDefault() {
        Parameter choice = new Parameter("mode", ParameterType.CHOICE, null, null, null, List.of("-rf", "safe"));

        assertThat(ParameterRules.check(choice, "-rf")).hasValueSatisfying(r -> assertThat(r).contains("option"));
        assertThat(ParameterRules.check(choice, "safe")).isEmpty();
        assertThat(ParameterRules.check(new Parameter("x", ParameterType.TEXT, null, null, null, null), "a-b"))
                .isEmpty();
    }

    @Test
    void anOptionalParameterLeftEmptyLeavesNoWordBehind() throws Exception {
        Parameter ref = new Parameter("ref", ParameterType.TEXT, null, null, false, null);

        assertThat(CommandTemplate.parse("git log {{ref}}").fill(Map.of("ref", ""))).isEqualTo("git log");
        assertThat(CommandTemplate.parse("git log {{ref}} --oneline").fill(Map.of("ref", "")))
                .isEqualTo("git log --oneline");
        assertThat(CommandTemplate.parse("{{ref}} git log", true).fill(Map.of("ref", ""))).isEqualTo("git log");
        assertThat(CommandTemplate.parse("git log --since={{ref}}").fill(Map.of("ref", "")))
                .isEqualTo("git log --since=''");
        assertThat(CommandTemplate.parse("echo \"{{ref}}\"").fill(Map.of("ref", ""))).isEqualTo("echo \"\"''\"\"");
        RollbackForm form = form("git log {{ref}}", ref);
        assertThat(form.canGenerate()).isTrue();
    }

    @Test
    void anOptionalEmptyValueRunsTheCommandWithoutAnEmptyArgument(@TempDir Path dir)
            throws Exception {
        String command = CommandTemplate.parse("printf '<%s>' a {{ref}} b").fill(Map.of("ref", ""));

        assertThat(Bash.run(command, dir).stdout()).isEqualTo("<a><b>");
    }
}
