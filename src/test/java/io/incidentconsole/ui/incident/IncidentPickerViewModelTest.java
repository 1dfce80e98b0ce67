package io.incidentconsole.ui.incident;

import io.incidentconsole.ui.common.BackgroundTasks;

import io.incidentconsole.incident.IncidentStore;
import io.incidentconsole.incident.OperatorSettings;
import io.incidentconsole.plan.PlanLoadResult;
import io.incidentconsole.plan.PlanLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Queue;

import static org.assertj.core.api.Assertions.assertThat;

/** Listing the incidents happens on the background thread; the dialog shows "reading" until the list is in. */
class IncidentPickerViewModelTest {

    @TempDir
    Path home;

    @Test
    void listsTheIncidentsInTheBackgroundAndSaysWhenTheyAreIn() {
        IncidentStore store = new IncidentStore(home.resolve("data"));
        PlanLoader loader = new PlanLoader();
        PlanLoadResult plan = loader.loadBundledSeed();
        store.create(plan.plan(), "bundled", loader.bundledSeedText(), "ana").close();
        store.create(plan.plan(), "bundled", loader.bundledSeedText(), "bob").close();

        Queue<Runnable> background = new ArrayDeque<>();
        IncidentPickerViewModel model = new IncidentPickerViewModel(store,
                new OperatorSettings(home.resolve("config/operator.json")), Optional::empty,
                new BackgroundTasks(background::add, Runnable::run), incident -> { });
        List<String> listed = new ArrayList<>();

        model.refresh(() -> listed.add("listed"));

        assertThat(model.listingProperty().get()).as("reading, not yet listed").isTrue();
        assertThat(model.incidents()).isEmpty();
        assertThat(listed).isEmpty();

        background.poll().run();

        assertThat(model.listingProperty().get()).isFalse();
        assertThat(model.incidents()).hasSize(2);
        assertThat(model.selectedProperty().get()).isEqualTo(model.incidents().get(0));
        assertThat(listed).containsExactly("listed");
    }
}
