package io.incidentconsole.plan;

import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The friendly forms a plan author may write, and what they become; checked through the loader. */
class StructureCheckerTest {

    private final PlanLoader loader = new PlanLoader();

    private Plan load(String yaml) {
        PlanLoadResult result = loader.load("test.yaml", yaml);
        assertThat(result.problems()).as("problems").isEmpty();
        return result.plan();
    }

    private Problem onlyProblem(String yaml) {
        PlanLoadResult result = loader.load("test.yaml", yaml);
        assertThat(result.problems()).hasSize(1);
        return result.problems().get(0);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "3.2M    | 3200000",
            "900K    | 900000",
            "900k    | 900000",
            "1.5G    | 1500000000",
            "'42'    | 42",
            "' 2.4M '| 2400000",
            "0.02    | 0.02",
            "-5      | -5",
            "1e3     | 1000",
            "2%      | 0.02",
            "'99.5 %'| 0.995",
    })
    void numbersAcceptSuffixes(String written, double expected) {
        Plan plan = load("metrics:\n  - id: m\n    name: M\n    baseline: " + written + "\n");

        assertThat(plan.metrics().get(0).baseline()).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "24h    | PT24H",
            "90m    | PT1H30M",
            "30 min | PT30M",
            "45s    | PT45S",
            "2d     | PT48H",
            "1w     | PT168H",
            "PT6H   | PT6H",
            "P2D    | PT48H",
    })
    void durationsAcceptShortForms(String written, String expected) {
        Plan plan = load("phases:\n  - id: p\n    name: P\n    planned: {start: 0s, duration: " + written + "}\n");

        assertThat(plan.phases().get(0).planned().duration()).isEqualTo(Duration.parse(expected));
    }

    @Test
    void aBareStringStandsForARecordWithText() {
        Plan plan = load("""
                issues: [{id: "330", title: Convex call spike}]
                phases:
                  - id: p1
                    name: Revert
                    tasks: [Revert the commit, {text: Deploy, issue: "330"}]
                    successCriteria: [Calls below 900K]
                testSuites:
                  - id: t1
                    title: Smoke
                    checks: [Login works]
                runbooks:
                  - id: rb
                    title: Roll back
                    criteria: [Error rate above 5%]
                    procedures: [{id: undo, steps: [{title: Revert by hand}]}]
                """);

        Phase phase = plan.phases().get(0);
        assertThat(phase.tasks()).extracting(Task::text).containsExactly("Revert the commit", "Deploy");
        assertThat(phase.tasks()).extracting(Task::id).containsExactly("p1.task-1", "p1.task-2");
        assertThat(phase.successCriteria()).extracting(Criterion::text).containsExactly("Calls below 900K");
        assertThat(plan.testSuites().get(0).checks()).extracting(CheckItem::text, CheckItem::id)
                .containsExactly(Tuple.tuple("Login works", "t1.check-1"));
        assertThat(plan.runbooks().get(0).criteria()).extracting(Criterion::text).containsExactly("Error rate above 5%");
    }

    @ParameterizedTest
    @ValueSource(strings = {"IN PROGRESS", "in progress", "in-progress", "In_Progress", " IN PROGRESS "})
    void enumSpellingsAreForgiving(String written) {
        Plan plan = load("phases:\n  - id: p\n    name: P\n    status: \"" + written + "\"\n");

        assertThat(plan.phases().get(0).status()).isEqualTo(PhaseStatus.IN_PROGRESS);
    }

    @Test
    void otherEnumsAreForgivingToo() {
        Plan plan = load("""
                issues: [{id: "330", title: T, priority: critical}]
                runbooks:
                  - id: rb
                    title: R
                    parameters: [{name: c, type: git commit}, {name: v, type: package-spec}]
                    procedures: [{id: u, steps: [{command: "git revert <c> && npm i <v>"}]}]
                """);

        assertThat(plan.issues().get(0).priority()).isEqualTo(Priority.CRITICAL);
        assertThat(plan.runbooks().get(0).parameters()).extracting(Parameter::type)
                .containsExactly(ParameterType.GIT_COMMIT, ParameterType.PACKAGE_SPEC);
    }

    @Test
    void aScalarWhereTextIsExpectedBecomesText() {
        Plan plan = load("issues:\n  - id: 330\n    title: 2026\n");

        assertThat(plan.issues().get(0).id()).isEqualTo("330");
        assertThat(plan.issues().get(0).title()).isEqualTo("2026");
    }

    @Test
    void aMappingWhereTextIsExpectedIsAProblem() {
        Problem problem = onlyProblem("issues:\n  - id: \"330\"\n    title: {a: b}\n");

        assertThat(problem.path()).isEqualTo("issues[0].title");
        assertThat(problem.message()).isEqualTo("expected text, found a mapping");
    }

    @Test
    void aNumberWhereTrueOrFalseIsExpectedIsAProblem() {
        Problem problem = onlyProblem("phases:\n  - id: p\n    name: P\n    optional: 1\n");

        assertThat(problem.message()).isEqualTo("expected true or false, found the number 1");
    }

    @Test
    void anUnknownFieldFarFromAnyKnownOneListsTheKnownFields() {
        Problem problem = onlyProblem("plan:\n  title: T\n  colour: red\n");

        assertThat(problem.message()).isEqualTo("unknown field 'colour' in a plan info; known fields: title, date, "
                + "owner, status, summary, keyDecision, lastUpdated");
    }

    @Test
    void aSwappedLetterStillFindsTheField() {
        Problem problem = onlyProblem("plan:\n  titel: T\n");

        assertThat(problem.message()).endsWith("did you mean 'title'?");
    }

    @Test
    void anEmptyRequiredValueIsAProblem() {
        Problem problem = onlyProblem("phases:\n  - id: p\n    name: \"  \"\n");

        assertThat(problem.path()).isEqualTo("phases[0].name");
        assertThat(problem.message()).isEqualTo("'name' must not be empty");
    }

    @Test
    void didYouMeanOnlySuggestsCloseNames() {
        assertThat(StructureChecker.DidYouMean.closest("dependOn", List.of("dependsOn", "id")))
                .hasValue("dependsOn");
        assertThat(StructureChecker.DidYouMean.closest("x", List.of("id"))).isEmpty();
        assertThat(StructureChecker.DidYouMean.closest("<<", List.of("id"))).isEmpty();
        assertThat(StructureChecker.DidYouMean.closest("a".repeat(500), List.of("a"))).isEmpty();
    }

    @Test
    void longValuesAreShortenedInMessages() {
        Problem problem = onlyProblem("metrics:\n  - id: m\n    name: M\n    baseline: " + "x".repeat(200) + "\n");

        assertThat(problem.message()).hasSizeLessThan(140).contains("x".repeat(57) + "...");
    }
}
