package io.incidentconsole.incident;

import io.incidentconsole.incident.EventPayload.*;
import io.incidentconsole.plan.PhaseStatus;
import io.incidentconsole.plan.Plan;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IncidentStateTest {

    private final Plan plan = Fixtures.plan();
    private final List<Event> events = new ArrayList<>();
    private IncidentState state = IncidentState.initial(plan);

    private Event act(String operator, EventPayload payload) {
        Event event = new Event("e" + (events.size() + 1), events.size() + 1,
                Instant.parse("2026-11-27T08:00:00Z").plusSeconds(60L * events.size()), operator, payload);
        events.add(event);
        state = state.apply(event);
        return event;
    }

    private Event act(EventPayload payload) {
        return act("ana", payload);
    }

    @Test
    void phasesStartAtThePlansStatusInPlanOrder() {
        assertThat(state.phases().keySet()).containsExactly("backup", "migrate", "cleanup");
        assertThat(state.phases().values()).extracting(PhaseState::status).containsOnly(PhaseStatus.PENDING);
        assertThat(state.lastEvent()).isEmpty();
    }

    @Test
    void phaseLifecycleRecordsTimesReasonsAndConfirmedOpenItems() {
        act(new IncidentStarted("inc", "Database migration drill", "00"));
        Event start = act(new PhaseStarted("backup"));
        act(new PhaseStatusChanged("backup", PhaseStatus.BLOCKED, "disk full"));
        assertThat(state.phase("backup").status()).isEqualTo(PhaseStatus.BLOCKED);
        assertThat(state.phase("backup").statusReason()).isEqualTo("disk full");
        Event done = act(new PhaseCompleted("backup", List.of("off-site copy")));
        PhaseState backup = state.phase("backup");
        assertThat(backup.status()).isEqualTo(PhaseStatus.COMPLETE);
        assertThat(backup.startedAt()).isEqualTo(start.at());
        assertThat(backup.completedAt()).isEqualTo(done.at());
        assertThat(backup.confirmedOpenItems()).containsExactly("off-site copy");
        act(new GateOverridden("migrate", "dependencies", "checked by hand"));
        assertThat(state.phase("migrate").gateOverrides()).singleElement()
                .satisfies(o -> assertThat(o.reason()).isEqualTo("checked by hand"));
        assertThat(state.started().orElseThrow().operator()).isEqualTo("ana");
    }

    @Test
    void tasksTickAndUntick() {
        act(new TaskTicked("migrate", "migrate.verify"));
        act(new TaskTicked("migrate", "migrate.run"));
        act(new TaskTicked("backup", "backup.task-2"));
        act(new TaskTicked("backup", "backup.task-1"));
        act(new TaskUnticked("migrate", "migrate.verify"));
        assertThat(state.phase("migrate").tickedTasks()).containsExactly("migrate.run");
        assertThat(state.phase("backup").tickedTasks()).as("in tick order").containsExactly("backup.task-2", "backup.task-1");
        assertThat(IncidentState.replay(plan, events).phase("backup").tickedTasks())
                .containsExactly("backup.task-2", "backup.task-1");
    }

    @Test
    void theLatestTestResultWinsAndTheHistoryIsKept() {
        act(new TestResultSet("smoke", "smoke.check-1", "migrate", TestOutcome.FAIL, "500"));
        act("bo", new TestResultSet("smoke", "smoke.check-1", "migrate", TestOutcome.PASS, "fixed"));
        assertThat(state.latestOutcome("migrate", "smoke", "smoke.check-1")).contains(TestOutcome.PASS);
        TestRecord record = state.testsOf("migrate").get(0);
        assertThat(record.history()).extracting(TestResult::outcome)
                .containsExactly(TestOutcome.FAIL, TestOutcome.PASS);
        assertThat(record.latest().operator()).isEqualTo("bo");
        assertThat(state.testsOf("cleanup")).isEmpty();
    }

    @Test
    void aResultWithoutAPhaseCountsForEveryPhaseOfItsSuiteUnlessThePhaseHasItsOwn() {
        act(new TestResultSet("smoke", "smoke.check-2", null, TestOutcome.BLOCKED, "no test account"));
        assertThat(state.latestOutcome("migrate", "smoke", "smoke.check-2")).contains(TestOutcome.BLOCKED);
        assertThat(state.latestOutcome("cleanup", "smoke", "smoke.check-2")).contains(TestOutcome.BLOCKED);
        assertThat(state.testsOf("backup")).isEmpty();
        act(new TestResultSet("smoke", "smoke.check-2", "cleanup", TestOutcome.SKIPPED, null));
        assertThat(state.latestOutcome("cleanup", "smoke", "smoke.check-2")).contains(TestOutcome.SKIPPED);
        assertThat(state.latestOutcome("migrate", "smoke", "smoke.check-2")).contains(TestOutcome.BLOCKED);
    }

    @Test
    void undoCancelsAnEventAndUndoingTheUndoRestoresIt() {
        act(new TestResultSet("smoke", "smoke.check-1", "migrate", TestOutcome.FAIL, "500"));
        Event pass = act(new TestResultSet("smoke", "smoke.check-1", "migrate", TestOutcome.PASS, null));
        Event undo = act(new Undo(pass.id()));
        assertThat(state.latestOutcome("migrate", "smoke", "smoke.check-1")).contains(TestOutcome.FAIL);
        assertThat(state.isUndone(pass.id())).isTrue();
        assertThat(state.events()).hasSize(3);
        assertThat(state.canUndo(pass.id())).isFalse();
        act(new Undo(undo.id()));
        assertThat(state.latestOutcome("migrate", "smoke", "smoke.check-1")).contains(TestOutcome.PASS);
        assertThat(state.isUndone(pass.id())).isFalse();
        assertThat(state.isUndone(undo.id())).isTrue();
    }

    @Test
    void theStartOfTheIncidentAndUnknownEventsCannotBeUndone() {
        Event started = act(new IncidentStarted("inc", "t", "00"));
        act(new Undo(started.id()));
        act(new Undo("no-such-event"));
        assertThat(state.started()).isPresent();
        assertThat(state.canUndo(started.id())).isFalse();
        assertThat(state.canUndo("no-such-event")).isFalse();
    }

    @Test
    void alertsAreOpenUntilAcknowledgedAndReopenWhenTheyFireAgain() {
        act(new AlertFired("error-rate-high", "error-rate", 3.0, "above 2%"));
        assertThat(state.openAlerts()).extracting(AlertState::alertId).containsExactly("error-rate-high");
        act("bo", new AlertAcknowledged("error-rate-high", "looking"));
        assertThat(state.openAlerts()).isEmpty();
        assertThat(state.alerts().get("error-rate-high").acknowledgedBy()).isEqualTo("bo");
        act(new AlertFired("error-rate-high", "error-rate", 4.0, "above 2%"));
        assertThat(state.openAlerts()).singleElement().satisfies(a -> {
            assertThat(a.timesFired()).isEqualTo(2);
            assertThat(a.value()).isEqualTo(4.0);
        });
        act(new AlertAcknowledged("never-fired", null));
        assertThat(state.alerts()).doesNotContainKey("never-fired");
    }

    @Test
    void anAlertThatClearsUnacknowledgedStaysOpenUntilAcknowledgedAndTheFirstClearingStands() {
        act(new AlertFired("error-rate-high", "error-rate", 3.0, "above 2%"));
        act(new EventPayload.AlertCleared("error-rate-high", "error-rate", 1.5, "back within 2%"));
        AlertState cleared = state.alerts().get("error-rate-high");
        assertThat(cleared.firing()).isFalse();
        assertThat(cleared.clearedValue()).isEqualTo(1.5);
        assertThat(cleared.value()).as("the value it fired at is kept").isEqualTo(3.0);
        assertThat(state.openAlerts()).containsExactly(cleared);

        // A second console's clearing of the same firing changes nothing.
        act(new EventPayload.AlertCleared("error-rate-high", "error-rate", 1.2, "back within 2%"));
        assertThat(state.alerts().get("error-rate-high")).isEqualTo(cleared);

        act("bo", new AlertAcknowledged("error-rate-high", "seen"));
        assertThat(state.openAlerts()).isEmpty();
        assertThat(state.alerts().get("error-rate-high").firing()).isFalse();

        // Firing again: open and firing, the clearing belongs to the last life.
        act(new AlertFired("error-rate-high", "error-rate", 5.0, "above 2%"));
        assertThat(state.openAlerts()).singleElement().satisfies(a -> {
            assertThat(a.firing()).isTrue();
            assertThat(a.clearedAt()).isNull();
            assertThat(a.timesFired()).isEqualTo(2);
        });
        // Acknowledged while firing: not open, still firing.
        act(new AlertAcknowledged("error-rate-high", null));
        assertThat(state.openAlerts()).isEmpty();
        assertThat(state.alerts().get("error-rate-high").firing()).isTrue();
        act(new EventPayload.AlertCleared("never-fired", "x", 1.0, null));
        assertThat(state.alerts()).doesNotContainKey("never-fired");
    }

    @Test
    void rollbacksParametersDecisionsCommandsAndTheRest() {
        act(new ParameterEntered("commit", "abc123", "backup.snapshot"));
        act(new ParameterEntered("commit", "def456", null));
        act(new DecisionTaken("go-no-go", List.of(new Answer("q1", "No")), "stop"));
        act(new CriterionTicked("rollback-db", "rollback-db.criterion-2", true));
        act(new RollbackStarted("rollback-db", "rollback-db.restore", "orders failing"));
        assertThat(state.rollbacks()).singleElement().satisfies(r -> assertThat(r.running()).isTrue());
        act(new RollbackFinished("rollback-db", "rollback-db.restore", false, "restore failed"));
        act(new CommandGenerated("rollback-db.restore.step-1", "aa", "git checkout def456 && deploy"));
        act(new CommandCopied("rollback-db.restore.step-1", "aa"));
        act(new ScriptRun("rollback-db.restore.step-1", "aa", 1, "boom"));
        act(new NoteAdded(null, "called the DBA"));
        act(new SignOffGiven("signoff.lead", "Lead", null));
        act(new UpdatePublished("stakeholders", "#incident", "rolling back"));
        act(new TestStepTicked("smoke", "smoke.checkout", 2, true));
        act(new TestStepTicked("smoke", "smoke.checkout", 1, true));
        act(new GuidedStepDone("backup", "backup.snapshot"));
        Event wait = act(new WaitStarted("backup", "backup.snapshot", Duration.ofMinutes(10)));
        Event cut = act(new WaitCutShort("backup", "backup.snapshot", "done early"));

        assertThat(state.parameters().get("commit").value()).isEqualTo("def456");
        assertThat(state.decision("go-no-go").orElseThrow().outcomeId()).isEqualTo("stop");
        assertThat(state.tickedCriteria("rollback-db")).containsExactly("rollback-db.criterion-2");
        assertThat(state.rollbacks()).singleElement().satisfies(r -> {
            assertThat(r.running()).isFalse();
            assertThat(r.succeeded()).isFalse();
            assertThat(r.reason()).isEqualTo("orders failing");
        });
        assertThat(state.commands()).extracting(CommandRecord::action).containsExactly(
                CommandAction.GENERATED, CommandAction.COPIED, CommandAction.RUN);
        assertThat(state.commands().get(2).exitCode()).isEqualTo(1);
        assertThat(state.notes()).extracting(NoteRecord::text).containsExactly("called the DBA");
        assertThat(state.signOffs()).extracting(SignOffRecord::approvalId).containsExactly("signoff.lead");
        assertThat(state.updates()).hasSize(1);
        assertThat(state.tickedSteps("smoke", "smoke.checkout")).containsExactly(1, 2);
        PhaseState backup = state.phase("backup");
        assertThat(backup.guidedStepsDone()).containsExactly("backup.snapshot");
        PhaseState.Wait w = backup.waits().get("backup.snapshot");
        assertThat(w.startedAt()).isEqualTo(wait.at());
        assertThat(w.endsAt()).isEqualTo(cut.at());
        assertThat(w.cutShortReason()).isEqualTo("done early");
        assertThat(state.lastEvent()).contains(cut);
    }

    @Test
    void replayingTheEventsGivesTheStateBuiltOneByOne() {
        for (EventPayload payload : Fixtures.everyKind()) {
            act(payload);
        }
        assertThat(IncidentState.replay(plan, events)).isEqualTo(state);
    }

    @Test
    void aPhaseThePlanDoesNotHaveIsStillTrackedNotLost() {
        act(new TaskTicked("retired-phase", "t1"));
        assertThat(state.phase("retired-phase").tickedTasks()).containsExactly("t1");
        assertThatThrownBy(() -> state.phase("nowhere")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void applyLeavesTheEarlierStateUnchanged() {
        IncidentState before = state;
        act(new TaskTicked("migrate", "migrate.run"));
        assertThat(before.phase("migrate").tickedTasks()).isEmpty();
        assertThat(before.events()).isEmpty();
    }
}
