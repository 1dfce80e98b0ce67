package io.incidentconsole.app;

import io.incidentconsole.cli.StartRequest;
import io.incidentconsole.plan.PlanLoader;
import io.incidentconsole.settings.RecentPlans;
import io.incidentconsole.settings.Settings;
import io.incidentconsole.ui.common.BackgroundTasks;
import io.incidentconsole.ui.incident.IncidentSession;
import io.incidentconsole.ui.main.MainWindowViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;

/** The first plan read ahead reaches the view model exactly as its own read would have: plan, text, problems. */
class FirstPlanReadTest {

    @TempDir
    Path dir;

    private final ExecutorService background = Executors.newSingleThreadExecutor();

    @AfterEach
    void stop() {
        background.shutdownNow();
    }

    private MainWindowViewModel model() {
        return model(BackgroundTasks.direct());
    }

    private MainWindowViewModel model(BackgroundTasks tasks) {
        return new MainWindowViewModel(new PlanLoader(), new RecentPlans(dir.resolve("recent.txt"), 5),
                new Settings(dir.resolve("settings.properties")), tasks, new IncidentSession(tasks));
    }

    /** Tasks whose results never come back: only a plan shown on the calling thread can be in after openIn. */
    private static BackgroundTasks neverAnswering() {
        return new BackgroundTasks(work -> { }, result -> { });
    }

    private static StartRequest opening(Path plan) {
        return new StartRequest(plan, null, null, null, null, null, null);
    }

    @Test
    void aReadThatHasFinishedGoesInAtOnceOnTheCallingThread() throws Exception {
        MainWindowViewModel model = model(neverAnswering());
        FirstPlanRead read = FirstPlanRead.start(StartRequest.defaults(), background);
        background.submit(() -> { }).get(); // the read, queued first, has finished
        read.openIn(model);
        assertThat(model.busyProperty().get()).isFalse();
        assertThat(model.titleProperty().get()).isEqualTo("Issue #324 & #330 Coordination Plan");
    }

    @Test
    void aReadStillRunningGoesInThroughTheTasksLikeAnyOtherPlan() throws Exception {
        MainWindowViewModel model = model(neverAnswering());
        CountDownLatch hold = new CountDownLatch(1);
        background.submit(() -> {
            hold.await();
            return null;
        });
        FirstPlanRead read = FirstPlanRead.start(StartRequest.defaults(), background);
        read.openIn(model);
        hold.countDown();
        assertThat(model.busyProperty().get()).as("waiting for the read, as any plan does").isTrue();
        assertThat(model.currentPlan()).isEmpty();
    }

    @Test
    void theBundledPlanReadAheadIsTheBundledPlanWithItsText() {
        MainWindowViewModel model = model();
        FirstPlanRead.start(StartRequest.defaults(), background).openIn(model);
        assertThat(model.titleProperty().get()).isEqualTo("Issue #324 & #330 Coordination Plan");
        assertThat(model.currentPlan().orElseThrow().text()).isEqualTo(new PlanLoader().bundledSeedText());
        assertThat(model.statusMessageProperty().get()).startsWith("Opened the bundled plan");
    }

    @Test
    void aPlanFileReadAheadOpensAsThatFileAndIsRemembered() throws Exception {
        Path plan = dir.resolve("plan.yaml");
        Files.writeString(plan, new PlanLoader().bundledSeedText());
        MainWindowViewModel model = model();
        FirstPlanRead.start(opening(plan), background).openIn(model);
        assertThat(model.currentPlan().orElseThrow().source()).isEqualTo(plan.toAbsolutePath().toString());
        assertThat(model.statusMessageProperty().get()).startsWith("Opened plan.yaml");
        assertThat(model.recentPlans()).containsExactly(plan.toAbsolutePath());
    }

    @Test
    void aBadPlanReadAheadShowsItsLocatedProblemsAsOpeningItWould() throws Exception {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "phases: [{id: a}]\n");
        MainWindowViewModel model = model();
        FirstPlanRead.start(opening(bad), background).openIn(model);
        assertThat(model.currentPlan()).isEmpty();
        assertThat(model.problemsProperty().get().problems()).singleElement().asString()
                .contains("bad.yaml:1:10").contains("missing required field 'name'");
    }

    @Test
    void aMarkdownDocumentIsImportedOnceTheConsoleIsThereNotReadAhead() throws Exception {
        Path markdown = Path.of(getClass().getResource("/importer/seed-coordination-plan.md").toURI());
        MainWindowViewModel model = model();
        FirstPlanRead.start(opening(markdown), background).openIn(model);
        assertThat(model.currentPlan().orElseThrow().plan().phases()).hasSize(7);
        assertThat(model.importNoticeProperty().get()).isNotNull();
    }
}
