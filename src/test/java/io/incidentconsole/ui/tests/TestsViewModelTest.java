package io.incidentconsole.ui.tests;

import io.incidentconsole.ui.common.BackgroundTasks;
import io.incidentconsole.ui.incident.IncidentSession;

import io.incidentconsole.incident.Incident;
import io.incidentconsole.incident.IncidentState;
import io.incidentconsole.incident.IncidentStore;
import io.incidentconsole.incident.TestOutcome;
import io.incidentconsole.plan.Plan;
import io.incidentconsole.plan.PlanLoader;
import io.incidentconsole.testing.TestRow;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static io.incidentconsole.incident.TestOutcome.FAIL;
import static io.incidentconsole.incident.TestOutcome.PASS;
import static org.assertj.core.api.Assertions.assertThat;

/** The tests view model on a real incident journal, without a screen (background work runs directly). */
class TestsViewModelTest {

    @TempDir
    Path home;

    private final PlanLoader loader = new PlanLoader();
    private final Plan plan = loader.loadBundledSeed().plan();
    private final IncidentSession session = new IncidentSession(BackgroundTasks.direct());
    private final List<String> rollbackRequests = new ArrayList<>();
    private TestsViewModel model;

    @BeforeEach
    void open() {
        Incident incident = new IncidentStore(home).create(plan, PlanLoader.BUNDLED_SEED_SOURCE,
                loader.bundledSeedText(), "ana");
        session.attach(incident);
        // The console shows the incident's own copy of the plan; results only count against that one.
        model = new TestsViewModel(session, new SimpleObjectProperty<>(incident.plan()), BackgroundTasks.direct(),
                rollbackRequests::add);
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

    private TestRow row(String testId) {
        return model.rows().stream().filter(r -> r.item().id().equals(testId)).findFirst().orElseThrow();
    }

    private String selectedId() {
        return model.selectedRow() == null ? null : model.selectedRow().item().id();
    }

    @Test
    void aNoteOnAnItemNotRunIsADraftRecordedWithItsResult() {
        model.selectPhase("p330-1");
        model.saveNote(row("t330-p1.check-2"), "  org list truncated at 50  ");
        assertThat(state().testsOf("p330-1")).isEmpty();
        assertThat(model.draft(row("t330-p1.check-2"))).isEqualTo("org list truncated at 50");
        assertThat(model.messageProperty().get()).contains("draft");

        model.record(row("t330-p1.check-2"), FAIL);
        assertThat(state().testsOf("p330-1")).singleElement().satisfies(r -> {
            assertThat(r.latest().outcome()).isEqualTo(FAIL);
            assertThat(r.latest().note()).isEqualTo("org list truncated at 50");
        });
        assertThat(model.draft(row("t330-p1.check-2"))).isEmpty();

        // A note on an item with a result records that outcome again, with the note; the history keeps both.
        model.saveNote(row("t330-p1.check-2"), "fixed in 4f2a: pagination");
        assertThat(row("t330-p1.check-2").history()).extracting(h -> h.result().outcome() + ":" + h.result().note())
                .containsExactly("FAIL:org list truncated at 50", "FAIL:fixed in 4f2a: pagination");
    }

    @Test
    void recordingSelectsTheNextItemNotRunWrappingRound() {
        model.selectPhase("p330-1");
        assertThat(selectedId()).isEqualTo("t330-p1.check-1");
        model.record(row("t330-p1.check-6"), PASS);
        assertThat(selectedId()).as("wraps round to the first not run").isEqualTo("t330-p1.check-1");
        model.record(row("t330-p1.check-1"), PASS);
        assertThat(selectedId()).isEqualTo("t330-p1.check-2");
        for (String id : List.of("t330-p1.check-2", "t330-p1.check-3", "t330-p1.check-4", "t330-p1.check-5")) {
            model.record(row(id), PASS);
        }
        assertThat(model.progressProperty().get().phrase()).isEqualTo("Phase 1: 6/6 passed");
        assertThat(selectedId()).as("nothing left to run: the selection stays").isEqualTo("t330-p1.check-5");
    }

    @Test
    void aResultForAllPhasesCountsForEveryPhaseOfTheSuite() {
        model.selectPhase(null);
        assertThat(model.scopeProperty().get()).isEqualTo(TestsViewModel.ALL_PHASES);
        model.record(row("t330-p3-6.check-1"), PASS);
        assertThat(state().tests().keySet()).singleElement()
                .isEqualTo(new IncidentState.TestKey(null, "t330-p3-6", "t330-p3-6.check-1"));
        for (String phase : List.of("p330-3", "p330-4", "p330-5-6")) {
            assertThat(state().latestOutcome(phase, "t330-p3-6", "t330-p3-6.check-1")).contains(PASS);
        }
        assertThat(row("t330-p3-6.check-1").coverage()).isEqualTo("3 of 3 phases run");
    }

    @Test
    void filtersAndSearchNarrowTheList() {
        model.selectPhase("p330-2");
        model.record(row("t330-p2.check-2"), FAIL);
        model.filterProperty().set(TestsViewModel.Filter.FAILED);
        assertThat(model.rows()).extracting(r -> r.item().title()).containsExactly("Google OAuth works");
        assertThat(model.rollbackHintProperty().get()).contains("Success at risk: 1 test failed", "#330 Rollback Strategy");
        model.showRollbackCriteria();
        assertThat(rollbackRequests).containsExactly("p330-2");

        model.filterProperty().set(TestsViewModel.Filter.NOT_RUN);
        assertThat(model.rows()).hasSize(6);
        model.searchProperty().set("oauth");
        assertThat(model.rows()).extracting(r -> r.item().title()).containsExactly("Microsoft Azure OAuth works");
        model.filterProperty().set(TestsViewModel.Filter.ALL);
        assertThat(model.rows()).extracting(r -> r.item().title())
                .containsExactly("Google OAuth works", "Microsoft Azure OAuth works");
    }

    @Test
    void stepsTickAndUntickForARerun() {
        model.selectPhase("p324-3");
        TestRow testCase = row("t324-functional.case-2");
        model.toggleStep(testCase, 1);
        model.toggleStep(row("t324-functional.case-2"), 3);
        assertThat(state().tickedSteps("t324-functional", "t324-functional.case-2")).containsExactly(1, 3);
        model.toggleStep(row("t324-functional.case-2"), 3);
        assertThat(state().tickedSteps("t324-functional", "t324-functional.case-2")).containsExactly(1);
        model.toggleStep(row("t324-functional.case-2"), 99);
        model.resetSteps(row("t324-functional.case-2"));
        assertThat(state().tickedSteps("t324-functional", "t324-functional.case-2")).isEmpty();
    }

    @Test
    void withoutAnIncidentNothingIsRecordedAndTheOperatorIsToldWhy() {
        session.close();
        assertThat(model.liveProperty().get()).isFalse();
        model.selectPhase("p330-1");
        model.record(row("t330-p1.check-1"), TestOutcome.PASS);
        assertThat(model.messageProperty().get()).contains("No incident is open", "Ctrl+I");
        assertThat(row("t330-p1.check-1").notRun()).isTrue();
        model.export(home.resolve("x.md"), io.incidentconsole.testing.ExportFormat.MARKDOWN);
        assertThat(home.resolve("x.md")).doesNotExist();
    }
}
