package io.incidentconsole.ui.main;

import io.incidentconsole.ui.common.BackgroundTasks;
import io.incidentconsole.ui.incident.IncidentSession;

import io.incidentconsole.plan.PlanLoader;
import io.incidentconsole.settings.RecentPlans;
import io.incidentconsole.settings.Settings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** View-model behaviour that needs no scene: plain JavaFX properties on the test thread. */
class MainWindowViewModelTest {

    @TempDir
    Path dir;

    private MainWindowViewModel model() {
        BackgroundTasks tasks = BackgroundTasks.direct();
        return new MainWindowViewModel(new PlanLoader(), new RecentPlans(dir.resolve("recent.txt"), 5),
                new Settings(dir.resolve("settings.properties")), tasks, new IncidentSession(tasks));
    }

    @Test
    void whoeverWaitsForTheLoadToFinishSeesThePlanItCanStartAnIncidentFrom() {
        MainWindowViewModel model = model();
        List<Boolean> planPresentWhenDone = new ArrayList<>();
        model.busyProperty().addListener((obs, was, busy) -> {
            if (!busy) {
                planPresentWhenDone.add(model.currentPlan().isPresent());
            }
        });
        model.openBundledPlan();
        assertThat(planPresentWhenDone).containsExactly(true);
        assertThat(model.currentPlan().orElseThrow().text()).contains("Issue #324 & #330 Coordination Plan");
    }

    @Test
    void importingTheSeedMarkdownShowsItsPlanAndWhatTheImporterUnderstood() throws Exception {
        MainWindowViewModel model = model();
        Path markdown = Path.of(getClass().getResource("/importer/seed-coordination-plan.md").toURI());
        model.openOrImport(markdown);
        assertThat(model.problemsProperty().get()).isNull();
        assertThat(model.currentPlan().orElseThrow().plan().phases()).hasSize(7);
        assertThat(model.currentPlan().orElseThrow().text()).contains("p324-3");
        assertThat(model.planSourceProperty().get()).startsWith("Imported from ").contains("seed-coordination-plan.md");
        assertThat(model.importNoticeProperty().get().report().render()).contains("phase");
        assertThat(model.recentPlans()).as("an imported document is not a plan file").isEmpty();
    }

    @Test
    void aPlanThatFailsKeepsTheOpenOneAndPublishesEveryProblem() throws Exception {
        MainWindowViewModel model = model();
        model.openBundledPlan();
        Path bad = dir.resolve("bad.yaml");
        java.nio.file.Files.writeString(bad, "phases: [{id: a}]\n");
        model.openPlan(bad);
        assertThat(model.titleProperty().get()).isEqualTo("Issue #324 & #330 Coordination Plan");
        assertThat(model.problemsProperty().get().problems()).singleElement().asString()
                .contains("bad.yaml:1:10").contains("missing required field 'name'");
        assertThat(model.statusFailedProperty().get()).isTrue();
        assertThat(model.currentPlan().orElseThrow().plan().phases()).hasSize(7);
    }

    @Test
    void importingBinaryGarbageIsRefusedWithTheCliMessageAndKeepsTheOpenPlan() throws Exception {
        MainWindowViewModel model = model();
        model.openBundledPlan();
        Path garbage = dir.resolve("garbage.md");
        java.nio.file.Files.write(garbage, new byte[] {'#', ' ', 'x', '\n', 0x01, 0x00, 0x7F, 0x02});
        model.importMarkdown(garbage);
        assertThat(model.problemsProperty().get().problems()).singleElement().asString()
                .contains("garbage.md").contains("not a text document: it holds a NUL byte at offset 5; is it a binary file?");
        assertThat(model.statusFailedProperty().get()).isTrue();
        assertThat(model.importNoticeProperty().get()).isNull();
        assertThat(model.titleProperty().get()).isEqualTo("Issue #324 & #330 Coordination Plan");
    }

    @Test
    void theStatusBarNamesOnlyTheLastTwoFoldersOfAPath() {
        assertThat(MainWindowViewModel.shortPath(java.nio.file.Path.of("/tmp/x-data/incidents/20261207-0204-9958db")))
                .isEqualTo("…/incidents/20261207-0204-9958db");
        assertThat(MainWindowViewModel.shortPath(java.nio.file.Path.of("plans/p.yaml"))).isEqualTo("plans/p.yaml");
    }
}
