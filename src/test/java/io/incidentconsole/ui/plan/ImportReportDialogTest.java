package io.incidentconsole.ui.plan;

import javafx.scene.layout.StackPane;
import javafx.scene.Scene;
import io.incidentconsole.importer.ImportChoices;
import io.incidentconsole.importer.ImportReport;
import io.incidentconsole.importer.SectionChoice;
import io.incidentconsole.ui.common.Theme;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The report of a document of thousands of sections shows the first entries and says how many more there are. */
@ExtendWith(ApplicationExtension.class)
class ImportReportDialogTest {

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new Scene(new StackPane(), 400, 300));
        stage.show();
    }

    @Test
    void aHugeReportIsShownCutWithTheCountOfTheRest(FxRobot robot) throws Exception {
        List<ImportReport.Element> elements = IntStream.rangeClosed(1, 3_000)
                .mapToObj(i -> new ImportReport.Element("task", "t" + i, "Task " + i, i, null)).toList();
        List<ImportReport.SectionReading> sections = IntStream.rangeClosed(1, 1_000)
                .mapToObj(i -> new ImportReport.SectionReading("Section " + i, i * 3, SectionChoice.NOTES)).toList();
        ImportReport report = new ImportReport("huge.md", elements, List.of(), List.of(), sections);
        ImportNotice notice = new ImportNotice(Path.of("huge.md"), report, false, ImportChoices.NONE);

        WaitForAsyncUtils.asyncFx(() -> new ImportReportDialog(notice, Theme.DARK, choices -> { }, stage).show())
                .get();
        WaitForAsyncUtils.waitForFxEvents();
        Window dialog = robot.listTargetWindows().stream()
                .filter(w -> w.isShowing() && w.getScene() != null && w.getScene().getRoot() instanceof DialogPane)
                .findFirst().orElseThrow();

        String text = robot.from(dialog.getScene().getRoot()).lookup(".text-area").queryAs(TextArea.class).getText();
        assertThat(text).contains("Recognised (3000):", "huge.md:500: task t500", "… and 2,500 more "
                + "(incident-console import huge.md --report FILE writes them all)").doesNotContain("huge.md:501:");
        assertThat(robot.from(dialog.getScene().getRoot()).lookup(".choice-box").queryAll())
                .hasSize(ImportReportDialog.SECTIONS_OFFERED);
        assertThat(robot.from(dialog.getScene().getRoot()).lookup("#more-sections").queryAs(Label.class).getText())
                .isEqualTo("… and 700 more sections, read as the importer chose");
        WaitForAsyncUtils.asyncFx(() -> ((Stage) dialog).close()).get();
    }
}
