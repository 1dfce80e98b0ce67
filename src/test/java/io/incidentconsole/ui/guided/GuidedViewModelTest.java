package io.incidentconsole.ui.guided;

import io.incidentconsole.fixture.MovableClock;
import io.incidentconsole.incident.TestOutcome;
import io.incidentconsole.plan.PhaseStatus;
import io.incidentconsole.ui.common.BackgroundTasks;
import io.incidentconsole.ui.incident.IncidentSession;

import io.incidentconsole.guided.WaitClock;
import io.incidentconsole.incident.EventPayload;
import io.incidentconsole.incident.Incident;
import io.incidentconsole.incident.IncidentState;
import io.incidentconsole.incident.storage.IncidentStore;
import io.incidentconsole.plan.GuidedStep;
import io.incidentconsole.plan.PlanLoader;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Guided mode's rules without a window: the default phase, recorded values, waits on a clock we control. */
class GuidedViewModelTest {

    @TempDir
    Path home;

    /** The journal and the wait clock read the same clock, which the test moves. */
    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-27T09:00:00Z"));
    private final List<String> rollbacksOpened = new ArrayList<>();
    private IncidentSession session;
    private GuidedViewModel model;

    @BeforeEach
    void startIncident() {
        PlanLoader loader = new PlanLoader();
        Incident incident = new IncidentStore(home, clock)
                .create(loader.loadBundledSeed().plan(), "bundled", loader.bundledSeedText(), "ana");
        session = new IncidentSession(BackgroundTasks.direct());
        session.attach(incident);
        model = new GuidedViewModel(session, new SimpleObjectProperty<>(incident.plan()), new WaitClock(clock),
                rollbacksOpened::add);
        model.activate();
    }

    @AfterEach
    void close() {
        model.deactivate();
        session.close();
    }

    private IncidentState state() {
        return session.stateProperty().get();
    }

    private GuidedStep step() {
        return model.pageProperty().get().step().orElseThrow();
    }

    private void nextUntil(String title) {
        for (int i = 0; i < 10 && !step().title().equals(title); i++) {
            assertThat(model.next()).isEmpty();
        }
        assertThat(step().title()).isEqualTo(title);
    }

    @Test
    void showsThePhaseStartedLastThatIsStillInProgress() {
        assertThat(model.pageProperty().get().phase().id()).isEqualTo("p330-1");
        session.record(new EventPayload.SignOffGiven("approve-p330-1", "Lead", null));
        session.record(new EventPayload.PhaseStarted("p330-1"));
        clock.advance(Duration.ofMinutes(5));
        session.record(new EventPayload.GateOverridden("p330-2", "dependencies", "packages first"));
        session.record(new EventPayload.PhaseStarted("p330-2"));

        assertThat(model.pageProperty().get().phase().id()).isEqualTo("p330-2");
        model.open("p324-3");
        assertThat(model.pageProperty().get().phase().id()).isEqualTo("p324-3");
    }

    @Test
    void aDeployRecordsItsCommitAndALaterDeployDoesNotReuseIt() {
        session.record(new EventPayload.SignOffGiven("approve-p330-1", "Lead", null));
        session.record(new EventPayload.GateOverridden("p330-2", "dependencies", "packages in parallel"));
        model.open("p330-1");
        nextUntil("Deploy Phase 1 fixes");
        assertThat(model.next()).hasValueSatisfying(p -> assertThat(p).contains("commit — a value is required"));
        model.setValue(step(), "commit", "1111111");
        assertThat(model.next()).isEmpty();
        assertThat(state().parameters().get("commit").sourceStep()).isEqualTo("p330-1.step-6");
        assertThat(model.pageProperty().get().progress().allDone()).isTrue();

        model.open("p330-2");
        assertThat(model.command(step()).text()).isEqualTo(
                "cp package.json package.json.bak && cp package-lock.json package-lock.json.bak");
        nextUntil("Test auth flows thoroughly");
        for (int i = 0; i < step().checks().size(); i++) {
            model.setTicked(step(), i, true);
        }
        nextUntil("Monitor for 24 hours");
        assertThat(model.next()).isEmpty(); // starts the wait
        clock.advance(Duration.ofHours(24));
        assertThat(model.waitStatus()).hasValueSatisfying(s -> assertThat(s.state()).isEqualTo(WaitClock.State.ELAPSED));
        assertThat(model.next()).isEmpty();

        assertThat(step().title()).isEqualTo("Deploy to production");
        assertThat(model.values(step())).containsEntry("commit", "");
        assertThat(model.next()).isPresent();
        model.setValue(step(), "commit", "2222222");
        assertThat(model.next()).isEmpty();
        assertThat(state().parameters().get("commit").value()).isEqualTo("2222222");
        assertThat(state().parameters().get("commit").sourceStep()).isEqualTo("p330-2.step-6");
    }

    @Test
    void aRunningWaitHoldsTheStepUntilItEndsOrIsCutShortWithAReason() {
        session.record(new EventPayload.GateOverridden("p330-2", "dependencies", "packages in parallel"));
        model.open("p330-2");
        GuidedStep backup = step();
        model.next();
        model.next();
        for (int i = 0; i < step().checks().size(); i++) {
            model.setTicked(step(), i, true);
        }
        model.next();
        model.next();
        assertThat(step().title()).isEqualTo("Monitor for 24 hours");
        model.startWait();
        clock.advance(Duration.ofHours(3));

        assertThat(model.waitStatus().orElseThrow().remaining()).isEqualTo(Duration.ofHours(21));
        assertThat(model.next()).hasValueSatisfying(p -> assertThat(p).startsWith("Still waiting: 21:00:00 left"));
        assertThat(model.cutShort("  ")).hasValueSatisfying(p -> assertThat(p).startsWith("Say why"));
        assertThat(model.cutShort("Dashboards flat")).isEmpty();
        assertThat(model.waitStatus().orElseThrow().state()).isEqualTo(WaitClock.State.CUT_SHORT);
        assertThat(model.next()).isEmpty();
        assertThat(state().phase("p330-2").guidedStepsDone()).contains(backup.id(), "p330-2.step-5");

        model.somethingWrong();
        assertThat(rollbacksOpened).containsExactly("p330-2");
    }

    @Test
    void decisionsAndSignOffsAreRecordedWithTheOperator() {
        assertThat(model.decisionModel().trees()).as("the schema decision belongs to #324 phase 4 only").isEmpty();
        model.open("p324-4");
        var tree = model.decisionModel().trees().get(0);
        assertThat(model.decisionModel().asking(tree)).isTrue();
        model.decisionModel().answer(tree, 1);
        assertThat(model.decisionModel().decided("schema-cleanup")).hasValueSatisfying(d -> {
            assertThat(d.outcomeId()).isEqualTo("do-not-remove");
            assertThat(d.operator()).isEqualTo("ana");
        });
        assertThat(model.decisionModel().asking(tree)).isFalse();
        model.decisionModel().restart(tree);
        assertThat(model.decisionModel().asking(tree)).isTrue();

        model.open("p330-1");
        var approval = model.signOffModel().approvals().get(0);
        assertThat(model.signOffModel().signOff(approval, "", null)).isPresent();
        assertThat(model.signOffModel().signOff(approval, "Incident commander", " ")).isEmpty();
        assertThat(model.signOffModel().signOffs("approve-p330-1")).singleElement().satisfies(s -> {
            assertThat(s.operator()).isEqualTo("ana");
            assertThat(s.note()).isNull();
        });
        model.open("p330-2");
        assertThat(model.signOffModel().approvals()).isEmpty();
    }

    @Test
    void guidedModeStartsThePhaseThroughItsGatesTicksItsTasksAndEndsWithItsVerification() {
        model.open("p330-1");
        assertThat(model.next()).hasValueSatisfying(p -> assertThat(p).contains("approval gate")
                .contains("Approval to begin #330 Phase 1"));
        assertThat(state().phase("p330-1").status()).isEqualTo(PhaseStatus.PENDING);

        session.record(new EventPayload.SignOffGiven("approve-p330-1", "Lead", null));
        assertThat(model.next()).isEmpty();
        assertThat(state().phase("p330-1").status()).isEqualTo(PhaseStatus.IN_PROGRESS);
        assertThat(state().phase("p330-1").tickedTasks()).containsExactly("p330-1.task-1");
        nextUntil("Deploy Phase 1 fixes");
        model.setValue(step(), "commit", "1111111");
        assertThat(model.next()).isEmpty();
        assertThat(state().phase("p330-1").tickedTasks()).hasSize(5);

        assertThat(model.verificationGaps()).first().asString().startsWith("verification: test not run: ");
        assertThat(model.complete(" ")).hasValueSatisfying(p -> assertThat(p).contains("verification gate")
                .contains("say why"));
        assertThat(model.complete("QA runs the checks after the call")).isEmpty();
        assertThat(state().phase("p330-1").status()).isEqualTo(PhaseStatus.COMPLETE);
        assertThat(state().phase("p330-1").verified()).isFalse();
        assertThat(state().phase("p330-1").overriddenGates()).containsExactly("verification");
    }

    @Test
    void aGuidedCheckThatIsATestItemIsRecordedAsThatItemsPass() {
        session.record(new EventPayload.GateOverridden("p330-2", "dependencies", "packages in parallel"));
        model.open("p330-2");
        nextUntil("Test auth flows thoroughly");
        model.setTicked(step(), 0, true);
        assertThat(state().latestOutcome("p330-2", "t330-p2", "t330-p2.check-1"))
                .contains(TestOutcome.PASS);
        session.record(new EventPayload.TestResultSet("t330-p2", "t330-p2.check-2", null,
                TestOutcome.PASS, "from the tests view"));
        assertThat(model.isTicked(step(), 1)).as("a pass recorded elsewhere ticks the guided check").isTrue();
        assertThat(model.isTicked(step(), 2)).isFalse();
    }

    @Test
    void unreadableAuditOutputIsReportedButNotRecorded() {
        model.open("p324-3");
        model.auditModel().setText("not json");
        assertThat(model.auditModel().check()).hasValueSatisfying(r -> assertThat(r.parsed()).isFalse());
        assertThat(state().phase("p324-3").audits()).isEmpty();

        model.auditModel().setText(model.auditModel().gate().orElseThrow().sampleOutput());
        assertThat(model.auditModel().check()).hasValueSatisfying(r -> assertThat(r.passed()).isTrue());
        assertThat(state().phase("p324-3").audits()).singleElement().satisfies(a -> assertThat(a.passed()).isTrue());
    }
}
