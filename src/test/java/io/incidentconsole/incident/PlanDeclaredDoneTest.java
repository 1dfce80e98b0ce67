package io.incidentconsole.incident;

import io.incidentconsole.incident.EventPayload.TaskTicked;
import io.incidentconsole.incident.EventPayload.TaskUnticked;
import io.incidentconsole.incident.EventPayload.TestResultSet;
import io.incidentconsole.incident.EventPayload.Undo;
import io.incidentconsole.plan.Plan;
import io.incidentconsole.plan.PlanLoadResult;
import io.incidentconsole.plan.PlanLoader;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Tasks and checks a plan marks {@code done: true} start ticked and passed, until an event changes them. */
class PlanDeclaredDoneTest {

    private final Plan plan = planWithDoneItems();
    private final List<Event> events = new ArrayList<>();

    private static Plan planWithDoneItems() {
        String text = Fixtures.planText()
                .replace("        text: Take a snapshot of the orders database\n",
                        "        text: Take a snapshot of the orders database\n        done: true\n")
                .replace("        text: Login works\n", "        text: Login works\n        done: true\n");
        PlanLoadResult result = new PlanLoader().load("small-plan-done.yaml", text);
        assertThat(result.problems()).isEmpty();
        return result.plan();
    }

    private IncidentState replay(EventPayload... payloads) {
        for (EventPayload payload : payloads) {
            events.add(new Event("e" + (events.size() + 1), events.size() + 1,
                    Instant.parse("2026-11-27T08:00:00Z").plusSeconds(60L * events.size()), "ana", payload));
        }
        return IncidentState.replay(plan, events);
    }

    @Test
    void doneTaskStartsTickedAndOthersDoNot() {
        IncidentState state = IncidentState.initial(plan);
        assertThat(state.phase("backup").tickedTasks()).containsExactly("backup.task-1");
        assertThat(state.phase("migrate").tickedTasks()).isEmpty();
        assertThat(IncidentState.initial(Fixtures.plan()).phase("backup").tickedTasks()).isEmpty();
    }

    @Test
    void doneCheckStartsPassedForEveryPhaseOfItsSuite() {
        IncidentState state = IncidentState.initial(plan);
        assertThat(state.latestOutcome("migrate", "smoke", "smoke.check-1")).contains(TestOutcome.PASS);
        assertThat(state.latestOutcome("cleanup", "smoke", "smoke.check-1")).contains(TestOutcome.PASS);
        assertThat(state.latestOutcome("migrate", "smoke", "smoke.check-2")).isEmpty();
        assertThat(state.tests().get(new TestKey(null, "smoke", "smoke.check-1")).latest().operator())
                .isEqualTo(IncidentState.PLAN_OPERATOR);
    }

    @Test
    void anUntickEventUnticksADoneTaskAndAnUndoOfItTicksItAgain() {
        IncidentState unticked = replay(new TaskUnticked("backup", "backup.task-1"));
        assertThat(unticked.phase("backup").tickedTasks()).isEmpty();
        IncidentState undone = replay(new Undo("e1"));
        assertThat(undone.phase("backup").tickedTasks()).containsExactly("backup.task-1");
        IncidentState ticked = replay(new TaskTicked("backup", "backup.task-2"));
        assertThat(ticked.phase("backup").tickedTasks()).containsExactlyInAnyOrder("backup.task-1", "backup.task-2");
    }

    @Test
    void aLaterResultForADoneCheckCountsAndTheDeclaredPassStaysInItsHistory() {
        IncidentState failed = replay(new TestResultSet("smoke", "smoke.check-1", null, TestOutcome.FAIL, "500 error"));
        TestRecord record = failed.tests().get(new TestKey(null, "smoke", "smoke.check-1"));
        assertThat(record.latest().outcome()).isEqualTo(TestOutcome.FAIL);
        assertThat(record.history()).extracting(TestResult::outcome)
                .containsExactly(TestOutcome.PASS, TestOutcome.FAIL);
        assertThat(failed.latestOutcome("migrate", "smoke", "smoke.check-1")).contains(TestOutcome.FAIL);
    }

    @Test
    void applyingEventsOneByOneGivesTheSameStateAsReplaying() {
        IncidentState stepwise = IncidentState.initial(plan);
        replay(new TaskUnticked("backup", "backup.task-1"),
                new TestResultSet("smoke", "smoke.check-1", "migrate", TestOutcome.SKIPPED, null));
        for (Event event : events) {
            stepwise = stepwise.apply(event);
        }
        assertThat(stepwise).isEqualTo(IncidentState.replay(plan, events));
    }

    @Test
    void theDeclaredPassCountsFromTheStartOfTheIncidentAndDisputesNobody() {
        IncidentState state = replay(new EventPayload.IncidentStarted("i1", "Small", "sha"),
                new TestResultSet("smoke", "smoke.check-1", null, TestOutcome.FAIL, "500 error"));
        TestRecord record = state.tests().get(new TestKey(null, "smoke", "smoke.check-1"));

        assertThat(record.history().get(0).operator()).isEqualTo(IncidentState.PLAN_OPERATOR);
        assertThat(record.history().get(0).at()).isEqualTo(Instant.parse("2026-11-27T08:00:00Z"));
        assertThat(record.disagreement()).isEmpty();
    }
}
