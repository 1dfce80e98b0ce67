package io.incidentconsole.plan;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/** The whole-plan checks the broken-plan fixtures do not cover, on small inline plans. */
class PlanValidatorTest {

    private final PlanLoader loader = new PlanLoader();

    private PlanLoadResult load(String yaml) {
        return loader.load("plan.yaml", yaml);
    }

    @Test
    void aCadenceNeedsAnIntervalOrMilestonesAndAPositiveInterval() {
        PlanLoadResult result = load("""
                communication:
                  cadences:
                    - {title: Stakeholders}
                    - {title: Team, every: PT-1H}
                """);

        assertThat(result.problems()).extracting(Problem::path, Problem::message).containsExactly(
                tuple("communication.cadences[0]", "a cadence needs 'every' (e.g. 1h) or 'atMilestones: true', found neither"),
                tuple("communication.cadences[1].every", "the interval must be positive, found PT-1H"));
    }

    @Test
    void runbookShapeIsChecked() {
        PlanLoadResult result = load("""
                runbooks:
                  - id: empty
                    title: No procedures
                  - id: rb
                    title: Roll back
                    procedures:
                      - id: empty
                        steps: [{alternative: true}]
                """);

        assertThat(result.problems()).extracting(Problem::line, Problem::path, Problem::message).containsExactly(
                tuple(2, "runbooks[0].procedures", "a runbook needs at least one procedure, found none"),
                tuple(7, "runbooks[1].procedures[0].id", "duplicate procedure id 'empty' (it is also a runbook id)"),
                tuple(8, "runbooks[1].procedures[0].steps[0]", "a step needs a title or a command, found neither"));
    }

    @Test
    void procedureIdsAreUniqueAcrossRunbooks() {
        PlanLoadResult result = load("""
                runbooks:
                  - {id: a, title: A, procedures: [{id: undo, steps: [{title: x}]}]}
                  - {id: b, title: B, procedures: [{id: undo, steps: [{title: y}]}]}
                """);

        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("runbooks[1].procedures[0].id");
            assertThat(p.message()).isEqualTo("duplicate procedure id 'undo' (first at runbooks[0].procedures[0], line 2)");
        });
    }

    @Test
    void aParameterDeclaredTwiceIsReported() {
        PlanLoadResult result = load("""
                runbooks:
                  - id: rb
                    title: R
                    parameters: [{name: c, type: GIT_COMMIT}, {name: c, type: TEXT}]
                    procedures: [{id: u, steps: [{command: git revert <c>}]}]
                """);

        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("runbooks[0].parameters[1].name");
            assertThat(p.message()).startsWith("parameter 'c' is declared twice (first at runbooks[0].parameters[0]");
        });
    }

    @Test
    void itemIdsAreUniqueAcrossThePlan() {
        PlanLoadResult result = load("""
                phases:
                  - {id: p1, name: One, tasks: [{id: login, text: Log in}]}
                testSuites:
                  - {id: t1, title: Smoke, checks: [{id: login, text: Login works}]}
                """);

        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("testSuites[0].checks[0].id");
            assertThat(p.message()).startsWith("duplicate id 'login' (first at phases[0].tasks[0], line 2)");
        });
    }

    @Test
    void anAnswerWithNeitherNextNorOutcomeAndUnknownTargetsAreReported() {
        PlanLoadResult result = load("""
                decisions:
                  - id: d
                    title: Go?
                    start: q0
                    nodes:
                      - id: q1
                        question: Ready?
                        answers: [{label: "yes"}, {label: "no", next: q9}, {label: maybe, outcome: wait}]
                      - {id: q2, question: "Sure?"}
                """);

        assertThat(result.problems()).extracting(Problem::path, Problem::message).containsExactly(
                tuple("decisions[0].start", "unknown decision node 'q0'; the plan defines: q1, q2"),
                tuple("decisions[0].nodes[0].answers[0]",
                        "an answer must lead to exactly one of 'next' (another question) or 'outcome', but answer "
                                + "'yes' has neither"),
                tuple("decisions[0].nodes[0].answers[1].next", "unknown decision node 'q9'; the plan defines: q1, q2"),
                tuple("decisions[0].nodes[0].answers[2].outcome", "unknown outcome 'wait'; the plan defines no outcome at all"),
                tuple("decisions[0].nodes[1].answers", "a question needs at least one answer, found none"));
    }

    @Test
    void guidedStepParametersAreCheckedPerStep() {
        PlanLoadResult result = load("""
                phases:
                  - id: p1
                    name: Deploy
                    guidedSteps:
                      - title: Deploy
                        command: ./deploy {{version}}
                        parameters: [{name: version, type: SEMVER, defaultValue: "1.4"}]
                      - title: Wait
                        parameters: [{name: version, type: SEMVER}]
                        records: [{name: commit, type: GIT_COMMIT, defaultValue: nothex}]
                """);

        assertThat(result.problems()).extracting(Problem::path, Problem::message).containsExactly(
                tuple("phases[0].guidedSteps[0].parameters[0].defaultValue",
                        "invalid default value for parameter 'version': '1.4' is not a semantic version such as 1.4.18"),
                tuple("phases[0].guidedSteps[1].parameters[0]",
                        "parameter 'version' is declared but no command uses it; use it as {{version}} in a command or remove it"),
                tuple("phases[0].guidedSteps[1].records[0].defaultValue",
                        "invalid default value for parameter 'commit': 'nothex' is not a git commit hash: 7 to 40 hexadecimal digits"));
    }

    @Test
    void aMetricWithTheTargetOnTheRightSideIsFine() {
        assertThat(load("metrics: [{id: m, name: M, baseline: 3.2M, target: 900K, direction: down}]").ok()).isTrue();
        assertThat(load("metrics: [{id: m, name: M, baseline: 50%, target: 99%, direction: up}]").ok()).isTrue();
        assertThat(load("metrics: [{id: m, name: M, baseline: 5, target: 5, direction: up}]").ok()).isTrue();
    }

    @Test
    void aLongListOfKnownIdsIsCut() {
        StringBuilder yaml = new StringBuilder("phases:\n");
        for (int i = 0; i < 20; i++) {
            yaml.append("  - {id: phase").append(i).append(", name: P}\n");
        }
        yaml.append("  - {id: last, name: L, dependsOn: [xyz]}\n");

        assertThat(load(yaml.toString()).problems()).singleElement()
                .satisfies(p -> assertThat(p.message()).endsWith("phase10, phase11, ..."));
    }
}
