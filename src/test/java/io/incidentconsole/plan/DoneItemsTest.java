package io.incidentconsole.plan;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The optional {@code done} flag of tasks and checks: read, defaulted, checked and written back. */
class DoneItemsTest {

    private static final String PLAN = """
            plan:
              title: Done items
            phases:
              - id: p1
                name: Fix
                tasks:
                  - text: Snapshot taken
                    done: true
                  - Open thing
                  - text: Explicitly open
                    done: false
                successCriteria:
                  - text: Platform back online
                    done: true
                  - Calls below 2.8M
            testSuites:
              - id: smoke
                title: Smoke
                phases: [p1]
                checks:
                  - text: Login works
                    done: true
                  - Logout works
            """;

    private final PlanLoader loader = new PlanLoader();

    private Plan load(String text) {
        PlanLoadResult result = loader.load("done.yaml", text);
        assertThat(result.problems()).isEmpty();
        return result.plan();
    }

    @Test
    void doneIsReadAndDefaultsToFalse() {
        Plan plan = load(PLAN);
        assertThat(plan.phase("p1").orElseThrow().tasks()).extracting(Task::id, Task::done).containsExactly(
                Tuple.tuple("p1.task-1", true),
                Tuple.tuple("p1.task-2", false),
                Tuple.tuple("p1.task-3", false));
        assertThat(plan.phase("p1").orElseThrow().successCriteria()).extracting(Criterion::id, Criterion::done)
                .containsExactly(Tuple.tuple("p1.success-1", true),
                        Tuple.tuple("p1.success-2", false));
        assertThat(plan.testSuites().get(0).checks()).extracting(CheckItem::id, CheckItem::done).containsExactly(
                Tuple.tuple("smoke.check-1", true),
                Tuple.tuple("smoke.check-2", false));
    }

    @Test
    void aPlanWrittenBackLoadsIntoTheSamePlan() throws Exception {
        Plan plan = load(PLAN);
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory()).registerModule(new JavaTimeModule());
        String written = yaml.writeValueAsString(plan);
        assertThat(written).contains("done: true");
        assertThat(load(written)).isEqualTo(plan);
    }

    @Test
    void aDoneThatIsNotTrueOrFalseIsReportedWhereItStands() {
        PlanLoadResult result = loader.load("done.yaml", PLAN.replace("done: true\n      - Open",
                "done: yes please\n      - Open"));
        assertThat(result.ok()).isFalse();
        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(8);
            assertThat(p.path()).isEqualTo("phases[0].tasks[0].done");
            assertThat(p.message()).contains("expected true or false", "yes please");
        });
    }

    @Test
    void aMisspeltDoneIsSuggested() {
        PlanLoadResult result = loader.load("done.yaml", PLAN.replace("done: true\n      - Open",
                "dnoe: true\n      - Open"));
        assertThat(result.problems()).singleElement().satisfies(p ->
                assertThat(p.message()).contains("unknown field 'dnoe' in a task", "did you mean 'done'?"));
    }

    @Test
    void codeBuildingTasksAndChecksWithoutTheFlagGetsNotDone() {
        assertThat(new Task("t", "Text", null, null).done()).isFalse();
        assertThat(new CheckItem("c", "Text").done()).isFalse();
        assertThat(new Criterion("c", "Text", null).done()).isFalse();
    }
}
