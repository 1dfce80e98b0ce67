package io.incidentconsole.importer;

import io.incidentconsole.plan.Parameter;
import io.incidentconsole.plan.ParameterType;
import io.incidentconsole.plan.Placeholders;
import io.incidentconsole.plan.Runbook;
import io.incidentconsole.rollback.CommandTemplate;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.StringLength;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue #18 leftover: "[Insert …]" in an imported command is a typed parameter, as {@code <commit-hash>} is. */
class InsertPlaceholdersTest {

    private static final String DOCUMENT = """
            # Plan

            ## Stage 1: deploy

            - Deploy it

            ## Rollback Plan

            **Revert:**
            ```bash
            git revert [Insert commit hash]
            kubectl rollout undo deployment/[Insert the deployment name here]
            helm rollback payments [insert release version]
            [ -f /tmp/lock ] && echo locked
            ```
            """;

    @Test
    void insertPlaceholdersBecomeNamedPlaceholders() {
        assertThat(Commands.insertPlaceholders("git revert [Insert commit hash]")).isEqualTo("git revert <commit-hash>");
        assertThat(Commands.insertPlaceholders("kubectl rollout undo deployment/[Insert deployment name]"))
                .isEqualTo("kubectl rollout undo deployment/<deployment-name>");
        assertThat(Commands.insertPlaceholders("curl [Insert the 2nd URL here]")).isEqualTo("curl <value-2nd-url>");
        assertThat(Commands.insertPlaceholders("echo [Insert here]")).isEqualTo("echo <value>");
        assertThat(Commands.insertPlaceholders("[ -f x ] && [Insert] [Insert ]")).isEqualTo("[ -f x ] && [Insert] [Insert ]");
    }

    @Test
    void anImportedRunbookTypesTheParametersAndGeneratesTheCommandWithTheValue() throws Exception {
        ImportResult result = new MarkdownImporter().importDocument("rb.md", DOCUMENT);
        Runbook runbook = result.plan().runbooks().get(0);

        assertThat(runbook.parameters()).extracting(Parameter::name, Parameter::type).containsExactly(
                Tuple.tuple("commit-hash", ParameterType.GIT_COMMIT),
                Tuple.tuple("deployment-name", ParameterType.TEXT),
                Tuple.tuple("release-version", ParameterType.SEMVER));
        assertThat(result.yaml()).doesNotContain("[Insert").doesNotContain("[insert")
                .contains("command: git revert <commit-hash>").contains("[ -f /tmp/lock ] && echo locked");

        String revert = runbook.procedures().get(0).steps().get(0).command();
        assertThat(CommandTemplate.parse(revert).fill(Map.of("commit-hash", "a1b2c3d")))
                .isEqualTo("git revert 'a1b2c3d'");
    }

    @Property
    void anyInsertPhraseBecomesOnePlaceholderTheCommandTemplatesRead(
            @ForAll @AlphaChars @StringLength(min = 1, max = 12) String first,
            @ForAll @AlphaChars @StringLength(min = 1, max = 12) String second) {
        String command = "deploy [Insert " + first + " " + second + "] now";
        String converted = Commands.insertPlaceholders(command);
        assertThat(converted).doesNotContain("[Insert");
        List<String> names = List.copyOf(Placeholders.names(converted));
        assertThat(names).singleElement().asString().matches("[a-z][a-z0-9-]*");
    }
}
