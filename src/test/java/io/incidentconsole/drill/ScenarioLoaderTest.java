package io.incidentconsole.drill;

import org.assertj.core.api.Assertions;
import io.incidentconsole.plan.Plan;
import io.incidentconsole.plan.PlanLoader;
import io.incidentconsole.plan.Problem;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Scenario files are read like plans: every problem located as file:line:column, all of them at once. */
class ScenarioLoaderTest {

    private static Plan plan;

    @BeforeAll
    static void load() {
        plan = new PlanLoader().loadBundledSeed().plan();
    }

    private static ScenarioLoader.Result read(String text) {
        return new ScenarioLoader().load("s.yaml", text, plan);
    }

    @Test
    void theBundledScenarioFitsTheBundledPlan() {
        Scenario scenario = Scenarios.load("package-update-regresses-auth", plan);

        assertThat(scenario.name()).isEqualTo("package-update-regresses-auth");
        assertThat(scenario.displayName()).isEqualTo("The package update regresses auth");
        assertThat(scenario.events()).extracting(e -> e.at().toString()).containsExactly(
                "phase p330-2 started + 5m", "phase p330-2 started + 5m", "phase p330-2 started + 6m",
                "phase p330-2 started + 8m", "phase p330-2 started + 8m");
        assertThat(scenario.events().get(0).action())
                .isEqualTo(new ScenarioAction.MetricChange("adapter_calls", 40, Duration.ofMinutes(2)));
        assertThat(scenario.events().get(2).action()).isInstanceOfSatisfying(ScenarioAction.TestFails.class,
                t -> assertThat(t.suiteId() + "/" + t.testId()).isEqualTo("t330-p2/t330-p2.check-2"));
        assertThat(scenario.events().get(3).action()).isInstanceOfSatisfying(ScenarioAction.AlertFires.class,
                a -> assertThat(a.metricId()).isEqualTo("error_rate"));
        assertThat(scenario.events().get(4).action())
                .isEqualTo(new ScenarioAction.StepFails("rb330-phase2.step-2", 1,
                        "npm ERR! code ECONNRESET\nnpm ERR! network aborted while fetching better-auth-1.3.34.tgz", 1));
        assertThat(scenario.sha256()).hasSize(64);
    }

    @Test
    void everyProblemIsLocatedAndAllAreReported() {
        ScenarioLoader.Result result = read("""
                scenario:
                  name: Bad Name
                  colour: red
                events:
                  - at: phase p999 started + 5m
                    metric: adapter_calls
                    rise: 40%
                    over: 2m
                  - at: tomorrow
                    alert: a
                  - at: 5m
                    metric: no_such_metric
                    fall: 120%
                    over: soon
                  - at: 1m
                    failTest: nope
                  - at: 1m
                    failStep: rb330-phase2.step-9
                    exitCode: 0
                  - at: 2m
                    alert: x
                    failTest: t330-p2.check-1
                  - at: 3m
                """);

        assertThat(result.ok()).isFalse();
        assertThat(result.problems()).extracting(Problem::toString).containsExactly(
                "s.yaml:3:3: scenario.colour: unknown field; expected one of description, name, plan, title",
                "s.yaml:2:3: scenario.name: 'Bad Name' is not a scenario name: lower-case letters, digits and '-' "
                        + "(it names the file and is typed on the command line)",
                "s.yaml:5:5: events[0].at: no phase 'p999' in the plan: p330-1, p330-2, p330-3, p324-3, "
                        + "p330-4, p324-4, p330-5-6",
                "s.yaml:9:5: events[1].at: 'tomorrow': 'tomorrow' is not a duration: expected whole numbers with s, m, "
                        + "h or d, e.g. 90s, 5m, 1h30m, 2d",
                "s.yaml:12:5: events[2].metric: no metric 'no_such_metric' in the plan (nor the simulator's error_rate)",
                "s.yaml:13:5: events[2].fall: a fall is more than 0 % and at most 100 % (to zero)",
                "s.yaml:14:5: events[2].over: 'soon' is not a duration: expected whole numbers with s, m, h or d, "
                        + "e.g. 90s, 5m, 1h30m, 2d",
                "s.yaml:16:5: events[3].failTest: no test item 'nope' in the plan (a check or test case id, as "
                        + "`status --json` lists them)",
                "s.yaml:19:5: events[4].exitCode: expected a whole number from 1 to 255",
                "s.yaml:20:5: events[5]: one action per event, found alert and failTest: split it into events",
                "s.yaml:23:5: events[6]: no action: give one of 'metric' with 'rise'/'fall' and 'over', 'alert', "
                        + "'failTest', 'failStep'");
    }

    @Test
    void aScenarioForAnotherPlanSaysWhichPlan() {
        ScenarioLoader.Result result = read("""
                scenario: {name: other, plan: Some other plan}
                events:
                  - {at: start, alert: a}
                """);

        assertThat(result.problems()).extracting(Problem::toString).containsExactly(
                "s.yaml:1:25: scenario.plan: written for the plan 'Some other plan', not for "
                        + "'Issue #324 & #330 Coordination Plan'");
    }

    @Test
    void syntaxErrorsAndEmptyFilesAreLocated() {
        assertThat(read("scenario: [unclosed\n").problems()).singleElement().asString()
                .startsWith("s.yaml:2:1: YAML syntax error");
        assertThat(read("# nothing\n").problems()).extracting(Problem::toString).containsExactly(
                "s.yaml:1:1: the file is empty (it has no content other than comments); expected a drill scenario "
                        + "(a mapping with 'scenario' and 'events')");
        assertThat(read("- a\n").problems()).extracting(Problem::toString).containsExactly(
                "s.yaml:1:1: a scenario is a mapping with 'scenario' (its name) and 'events'");
    }

    @Test
    void anUnknownScenarioNamesTheBundledOnes() {
        assertThat(Assertions.catchThrowable(() -> Scenarios.load("/no/such.yaml", plan)))
                .hasMessage("no scenario '/no/such.yaml': neither a file nor a bundled scenario "
                        + "(package-update-regresses-auth)");
    }
}
