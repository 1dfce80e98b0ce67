package io.incidentconsole.rollback;

import io.incidentconsole.plan.Parameter;
import io.incidentconsole.plan.ParameterType;
import io.incidentconsole.plan.Procedure;
import io.incidentconsole.plan.ProcedureStep;
import io.incidentconsole.plan.Runbook;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RollbackFormTest {

    @Test
    void showsOnlyTheParametersTheProcedureUses() {
        assertThat(Fixtures.form("rb330-phase1").fields()).extracting(FieldState::name).containsExactly("commit");
        assertThat(Fixtures.form("rb330-phase2").fields()).extracting(FieldState::name)
                .containsExactly("betterAuth", "convexBetterAuth");
    }

    @Test
    void anEmptyRequiredFieldIsMarkedWithTheReasonAndBlocksGeneration() {
        RollbackForm form = Fixtures.form("rb330-phase1");

        FieldState commit = form.field("commit").orElseThrow();
        assertThat(commit.source()).isEqualTo(ValueSource.NONE);
        assertThat(commit.problem()).hasValue("a value is required");
        assertThat(commit.rule()).isEqualTo("a git commit hash: 7 to 40 hexadecimal digits");
        assertThat(form.canGenerate()).isFalse();
    }

    @Test
    void theIncidentsKnownValuePrefillsAndTheOperatorsEntryWins() {
        RollbackTarget target = Fixtures.target(Fixtures.seedRunbooks(), "rb330-phase1");
        RollbackForm form = RollbackForm.open(target.runbook(), target.procedure(), Map.of("commit", "abcdef1"));

        assertThat(form.field("commit").orElseThrow()).satisfies(f -> {
            assertThat(f.value()).isEqualTo("abcdef1");
            assertThat(f.source()).isEqualTo(ValueSource.INCIDENT);
        });
        assertThat(form.canGenerate()).isTrue();

        RollbackForm entered = form.with("commit", "1234567");
        assertThat(entered.field("commit").orElseThrow().source()).isEqualTo(ValueSource.ENTERED);
        assertThat(entered.values()).containsExactly(Map.entry("commit", "1234567"));
        assertThat(form.values()).as("forms are immutable").containsExactly(Map.entry("commit", "abcdef1"));

        assertThat(entered.reset("commit").field("commit").orElseThrow().source()).isEqualTo(ValueSource.INCIDENT);
    }

    @Test
    void thePlansDefaultsPrefillWhenTheIncidentKnowsNothing() {
        FieldState betterAuth = Fixtures.form("rb330-phase2").field("betterAuth").orElseThrow();

        assertThat(betterAuth.value()).isEqualTo("better-auth@1.3.34");
        assertThat(betterAuth.source()).isEqualTo(ValueSource.DEFAULT);
        assertThat(betterAuth.valid()).isTrue();
    }

    @Test
    void anInvalidValueIsMarkedAtItsFieldWithTheRule() {
        RollbackForm form = Fixtures.form("rb330-phase2").with("betterAuth", "better-auth@latest; rm -rf /");

        assertThat(form.canGenerate()).isFalse();
        assertThat(form.problems()).singleElement().satisfies(p -> {
            assertThat(p.parameter()).isEqualTo("betterAuth");
            assertThat(p.message()).startsWith("betterAuth: 'better-auth@latest; rm -rf /' is not a package and "
                    + "exact version such as better-auth@1.3.34");
        });
        assertThat(form.with("betterAuth", "better-auth@1.3.33").canGenerate()).isTrue();
    }

    @Test
    void anEnteredEmptyValueClearsTheDefaultAndIsReported() {
        RollbackForm form = Fixtures.form("rb330-phase2").with("betterAuth", "");

        assertThat(form.field("betterAuth").orElseThrow().problem()).hasValue("a value is required");
    }

    @Test
    void textWithAControlCharacterIsRefusedAtTheField() {
        RollbackForm form = Fixtures.textForm(List.of("note"), List.of("echo {{note}}")).with("note", "a\u001b[31mb");

        assertThat(form.field("note").orElseThrow().problem()).hasValue(
                "contains control character U+001B at position 2; such values are refused");
        assertThat(form.canGenerate()).isFalse();
        assertThat(Fixtures.textForm(List.of("note"), List.of("echo {{note}}")).with("note", "x\ud800").canGenerate())
                .isFalse();
    }

    @Test
    void anOptionalParameterMayStayEmpty() {
        RollbackForm form = Fixtures.textForm(List.of("note"), List.of("echo {{note}}"));

        assertThat(form.field("note").orElseThrow().valid()).isTrue();
        assertThat(form.canGenerate()).isTrue();
    }

    @Test
    void anUnsafeTemplateBlocksGenerationWithAProcedureProblem() {
        RollbackForm form = Fixtures.textForm(List.of("v"), List.of("echo `cat {{v}}`")).with("v", "x");

        assertThat(form.canGenerate()).isFalse();
        assertThat(form.problems()).singleElement().satisfies(p -> {
            assertThat(p.parameter()).isNull();
            assertThat(p.message()).isEqualTo("step s0: placeholder 'v' is inside backticks (use $(...) instead), "
                    + "where its value cannot be quoted safely");
        });
    }

    @Test
    void anUndeclaredPlaceholderIsReportedRatherThanLeftInTheScript() {
        Procedure procedure = new Procedure("p", null, List.of(),
                List.of(new ProcedureStep("p.step-1", "Revert", "git revert <commit-hash>", false)));
        Runbook runbook = new Runbook("rb", "Runbook", null, List.of(),
                List.of(new Parameter("commit", ParameterType.GIT_COMMIT, null, null, null, null)),
                List.of(procedure));

        RollbackForm form = RollbackForm.open(runbook, procedure, Map.of());

        assertThat(form.fields()).isEmpty();
        assertThat(form.problems()).extracting(FieldProblem::message)
                .containsExactly("placeholder 'commit-hash' has no parameter declared in runbook 'rb'");
    }

    @Test
    void unknownParameterNamesAreRejected() {
        assertThatThrownBy(() -> Fixtures.form("rb330-phase1").with("comit", "abc1234"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("procedure 'rb330-phase1' has no parameter 'comit'; its parameters: [commit]");
    }
}
