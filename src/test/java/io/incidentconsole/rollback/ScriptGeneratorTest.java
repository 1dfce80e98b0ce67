package io.incidentconsole.rollback;

import io.incidentconsole.plan.Procedure;
import io.incidentconsole.plan.ProcedureStep;
import io.incidentconsole.plan.Runbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ScriptGeneratorTest {

    private final ScriptGenerator generator = new ScriptGenerator();

    @Test
    void headerTextCannotEscapeItsComment(@TempDir Path dir) throws Exception {
        ScriptContext hostile = new ScriptContext("INC\ntouch pwned-id", "name\r\ntouch pwned-name",
                "plan\u2028touch pwned-plan", "mallory\ntouch pwned-operator\u001b[2J", Fixtures.NOW);
        RollbackForm form = Fixtures.textForm(List.of("v"), List.of("printf '%s\\n' {{v}}")).with("v", "a\ntouch pwned");

        GeneratedScript script = generator.generate(hostile, form, ScriptMode.EXECUTE);
        Bash.Result result = Bash.run(script.text(), dir);

        assertThat(result.stderr()).isEmpty();
        assertThat(result.stdout()).isEqualTo("a\ntouch pwned\n");
        assertThat(script.text()).contains("# Operator:  mallory\n# touch pwned-operator\\u001B[2J\n")
                .contains("# Value:     v = 'a\n# touch pwned'\n");
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void theScriptStopsAtTheFirstFailingStep(@TempDir Path dir) throws Exception {
        RollbackForm form = Fixtures.textForm(List.of(), List.of("echo one", "false", "echo never"));

        Bash.Result result = Bash.run(generator.generate(Fixtures.CONTEXT, form, ScriptMode.EXECUTE).text(), dir);

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stdout()).isEqualTo("one\n");
    }

    @Test
    void dryRunPrintsTheExactCommandLinesIncludingQuotedValues(@TempDir Path dir) throws Exception {
        RollbackForm form = Fixtures.textForm(List.of("v"), List.of("touch {{v}}", "touch \"x{{v}}\""))
                .with("v", "it's $(id)");

        GeneratedScript script = generator.generate(Fixtures.CONTEXT, form, ScriptMode.DRY_RUN);
        Bash.Result result = Bash.run(script.text(), dir);

        assertThat(result.stdout()).isEqualTo("+ touch 'it'\\''s $(id)'\n+ touch \"x\"'it'\\''s $(id)'\"\"\n");
        try (var files = Files.list(dir)) {
            assertThat(files).as("dry run touched nothing").isEmpty();
        }
        assertThat(script.mode()).isEqualTo(ScriptMode.DRY_RUN);
    }

    @Test
    void aProcedureOfManualStepsOnlyIsAScriptOfCommentsThatDoesNothing(@TempDir Path dir) throws Exception {
        Procedure procedure = new Procedure("rb324-schema-restore", "Rollback Plan (Phase 4 Schema Cleanup)", List.of(),
                List.of(new ProcedureStep("a", "Keep backup of schema files", null, false),
                        new ProcedureStep("b", "Be prepared to restore userId field if issues arise", null, false)));
        Runbook runbook = new Runbook("rb324-schema", "#324 Schema Cleanup Rollback Plan", null, List.of(), List.of(),
                List.of(procedure));

        GeneratedScript script = generator.generate(Fixtures.CONTEXT,
                RollbackForm.open(runbook, procedure, Map.of()), ScriptMode.EXECUTE);
        Bash.Result result = Bash.run(script.text(), dir);

        assertThat(script.text()).endsWith("\n# Manual step 1: Keep backup of schema files\n"
                + "\n# Manual step 2: Be prepared to restore userId field if issues arise\n");
        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout()).isEmpty();
    }

    @Test
    void theHashChangesWithTheValues() throws Exception {
        RollbackForm form = Fixtures.form("rb330-phase1");
        GeneratedScript one = generator.generate(Fixtures.CONTEXT, form.with("commit", "1111111"), ScriptMode.EXECUTE);
        GeneratedScript two = generator.generate(Fixtures.CONTEXT, form.with("commit", "2222222"), ScriptMode.EXECUTE);
        GeneratedScript again = generator.generate(Fixtures.CONTEXT, form.with("commit", "1111111"), ScriptMode.EXECUTE);

        assertThat(one.sha256()).isNotEqualTo(two.sha256()).isEqualTo(again.sha256()).matches("[0-9a-f]{64}");
    }
}
