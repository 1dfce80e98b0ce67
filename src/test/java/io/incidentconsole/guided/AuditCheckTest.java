package io.incidentconsole.guided;

import io.incidentconsole.plan.AuditGate;
import io.incidentconsole.plan.FieldExpectation;
import io.incidentconsole.plan.Plan;
import io.incidentconsole.plan.PlanLoader;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AuditCheckTest {

    private static final Plan SEED = new PlanLoader().loadBundledSeed().plan();
    private static final AuditGate GATE = SEED.phase("p324-3").orElseThrow().audit();

    @Test
    void theSeedsExpectedOutputPassesEveryField() {
        AuditResult result = AuditCheck.check(GATE, GATE.sampleOutput());

        assertThat(result.passed()).isTrue();
        assertThat(result.fields()).extracting(AuditResult.FieldCheck::field)
                .containsExactly("safeToRemoveUserIdFallback", "details.orphanedRecordsExist",
                        "details.coachIdFormatConsistent");
        assertThat(result.fields()).allMatch(AuditResult.FieldCheck::passed);
        assertThat(result.outputSha256()).hasSize(64).isEqualTo(AuditCheck.sha256(GATE.sampleOutput()));
        assertThat(result.summary()).startsWith("PASS");
    }

    @Test
    void aDifferentValueFailsNamingTheField() {
        String output = GATE.sampleOutput().replace("\"safeToRemoveUserIdFallback\": true",
                "\"safeToRemoveUserIdFallback\": false");

        AuditResult result = AuditCheck.check(GATE, output);

        assertThat(result.parsed()).isTrue();
        assertThat(result.passed()).isFalse();
        assertThat(result.failures()).singleElement().satisfies(f -> {
            assertThat(f.field()).isEqualTo("safeToRemoveUserIdFallback");
            assertThat(f.expected()).isEqualTo("true");
            assertThat(f.actual()).isEqualTo("false");
        });
        assertThat(result.summary()).contains("safeToRemoveUserIdFallback: expected true, got false");
        assertThat(result.verdicts()).filteredOn(v -> !v.passed()).extracting(v -> v.field())
                .containsExactly("safeToRemoveUserIdFallback");
    }

    @Test
    void aMissingFieldIsNamedAsMissing() {
        String output = "{\"safeToRemoveUserIdFallback\": true, \"details\": {\"coachIdFormatConsistent\": true}}";

        AuditResult result = AuditCheck.check(GATE, output);

        assertThat(result.passed()).isFalse();
        assertThat(result.failures()).singleElement().satisfies(f -> {
            assertThat(f.field()).isEqualTo("details.orphanedRecordsExist");
            assertThat(f.missing()).isTrue();
        });
        assertThat(result.summary()).contains("details.orphanedRecordsExist: expected false, the field is missing");
        assertThat(result.verdicts()).anyMatch(v -> v.actual().equals("(missing)"));
    }

    @Test
    void aStringIsNotTheBooleanItSpells() {
        String output = GATE.sampleOutput().replace("\"orphanedRecordsExist\": false", "\"orphanedRecordsExist\": \"false\"");

        AuditResult result = AuditCheck.check(GATE, output);

        assertThat(result.failures()).singleElement()
                .satisfies(f -> assertThat(f.actual()).isEqualTo("\"false\""));
    }

    @Test
    void malformedJsonSaysWhereWithoutThrowing() {
        String output = "{\n  \"safeToRemoveUserIdFallback\": true,\n  \"details\": {\n    \"orphanedRecordsExist\": fals\n  }\n}";

        AuditResult result = AuditCheck.check(GATE, output);

        assertThat(result.parsed()).isFalse();
        assertThat(result.passed()).isFalse();
        assertThat(result.fields()).isEmpty();
        assertThat(result.problemMessage()).hasValueSatisfying(p -> assertThat(p)
                .startsWith("The output is not valid JSON — line 4, column ").contains("fals"));
    }

    @Test
    void trailingTextAfterTheObjectIsRefused() {
        AuditResult result = AuditCheck.check(GATE, GATE.sampleOutput() + "\nDone in 2.1s");

        assertThat(result.parsed()).isFalse();
        assertThat(result.problem()).contains("line 10");
    }

    @Test
    void outputThatIsNotAnObjectIsRefused() {
        assertThat(AuditCheck.check(GATE, "[true, false]").problem())
                .contains("JSON array, not an object");
        assertThat(AuditCheck.check(GATE, "  \n").problem()).contains("Nothing to check")
                .contains("npx convex run scripts:auditSummaryReport");
        assertThat(AuditCheck.check(GATE, null).parsed()).isFalse();
    }

    @Test
    void numbersCompareByValue() {
        AuditGate gate = new AuditGate("t", "cmd", List.of(new FieldExpectation("a.count", 2)), null);

        assertThat(AuditCheck.check(gate, "{\"a\": {\"count\": 2.0}}").passed()).isTrue();
        assertThat(AuditCheck.check(gate, "{\"a\": {\"count\": 3}}").passed()).isFalse();
        assertThat(AuditCheck.check(gate, "{\"a\": 2}").failures()).singleElement()
                .satisfies(f -> assertThat(f.missing()).isTrue());
    }
}
