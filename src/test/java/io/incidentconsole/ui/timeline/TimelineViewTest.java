package io.incidentconsole.ui.timeline;

import io.incidentconsole.ui.common.ConsoleArea;
import io.incidentconsole.ui.fixture.ConsoleFixture;
import io.incidentconsole.ui.fixture.Screenshots;

import io.incidentconsole.app.ConsoleApplication.Console;
import io.incidentconsole.incident.EventPayload;
import io.incidentconsole.incident.Incident;
import io.incidentconsole.incident.TimelineEntry;
import io.incidentconsole.plan.PlanLoader;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The timeline: every event in order, filters, search, undo by a compensating event, Markdown export. */
@ExtendWith(ApplicationExtension.class)
class TimelineViewTest {

    @TempDir
    static Path home;

    private Console console;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        console = ConsoleFixture.show(stage, home);
    }

    @Test
    void filtersSearchesUndoesAndExports(FxRobot robot) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            PlanLoader loader = new PlanLoader();
            Incident incident = console.store().create(loader.loadBundledSeed().plan(), "bundled",
                    loader.bundledSeedText(), "ana");
            console.model().openIncident(incident);
            console.model().session().record(new EventPayload.TaskTicked("p330-1", "p330-1.task-1"));
            console.model().session().record(new EventPayload.SignOffGiven("approve-p330-1", "Lead", null));
            console.model().session().record(new EventPayload.PhaseStarted("p330-1"));
            console.model().session().record(new EventPayload.NoteAdded("p330-2", "Staging is slow today"));
            console.model().select(ConsoleArea.TIMELINE);
        }).get();
        WaitForAsyncUtils.waitForFxEvents();

        @SuppressWarnings("unchecked")
        TableView<TimelineEntry> events = robot.lookup("#timeline-events").queryAs(TableView.class);
        assertThat(events.getItems()).extracting(TimelineEntry::kind)
                .containsExactly("IncidentStarted", "TaskTicked", "SignOffGiven", "PhaseStarted", "NoteAdded");

        @SuppressWarnings("unchecked")
        ComboBox<TimelineViewModel.PhaseChoice> phase = robot.lookup("#timeline-phase").queryAs(ComboBox.class);
        WaitForAsyncUtils.asyncFx(() -> phase.getSelectionModel().select(
                phase.getItems().stream().filter(c -> "p330-1".equals(c.id())).findFirst().orElseThrow())).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(events.getItems()).extracting(TimelineEntry::kind).containsExactly("TaskTicked", "PhaseStarted");
        WaitForAsyncUtils.asyncFx(() -> phase.getSelectionModel().select(0)).get();

        robot.press(KeyCode.CONTROL, KeyCode.F).release(KeyCode.F, KeyCode.CONTROL);
        robot.write("staging");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#timeline-search").queryAs(TextField.class).isFocused()).isTrue();
        assertThat(events.getItems()).extracting(TimelineEntry::kind).containsExactly("NoteAdded");
        WaitForAsyncUtils.asyncFx(() -> robot.lookup("#timeline-search").queryAs(TextField.class).clear()).get();
        WaitForAsyncUtils.waitForFxEvents();

        // Undo the tick: a compensating event, nothing deleted.
        WaitForAsyncUtils.asyncFx(() -> {
            events.requestFocus();
            events.getSelectionModel().select(1);
        }).get();
        WaitForAsyncUtils.waitForFxEvents();
        Button undo = robot.lookup("#timeline-undo").queryButton();
        assertThat(undo.isDisabled()).isFalse();
        robot.clickOn(undo);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(events.getItems()).hasSize(6);
        assertThat(events.getItems().get(1).undone()).isTrue();
        assertThat(events.getItems().get(5).kind()).isEqualTo("Undo");
        assertThat(console.model().session().stateProperty().get().phase("p330-1").tickedTasks()).isEmpty();

        Path exported = home.resolve("timeline.md");
        TimelineViewModel model = new TimelineViewModel(console.model().session(), console.model().planProperty(),
                java.time.Clock.systemUTC());
        WaitForAsyncUtils.asyncFx(() -> {
            model.activate();
            assertThat(model.exportMarkdown(exported)).isEmpty();
            model.deactivate();
        }).get();
        List<String> lines = Files.readAllLines(exported);
        assertThat(lines.get(0)).isEqualTo("# Incident timeline: Issue #324 & #330 Coordination Plan");
        assertThat(String.join("\n", lines)).contains("| TaskTicked |", "(undone)", "Staging is slow today");

        WaitForAsyncUtils.asyncFx(() -> Screenshots.save(stage.getScene(), "timeline-dark")).get();
        WaitForAsyncUtils.asyncFx(() -> console.model().toggleTheme()).get();
        WaitForAsyncUtils.asyncFx(() -> Screenshots.save(stage.getScene(), "timeline-light")).get();
        WaitForAsyncUtils.asyncFx(() -> console.model().toggleTheme()).get();
    }
}
