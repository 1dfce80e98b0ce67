package io.incidentconsole.ui.plan;

import io.incidentconsole.ui.common.DialogStages;
import io.incidentconsole.ui.common.Theme;

import io.incidentconsole.importer.ImportChoices;
import io.incidentconsole.importer.ImportReport;
import io.incidentconsole.importer.SectionChoice;
import javafx.collections.FXCollections;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * What the importer understood, line by line, and what each section was read as; the operator can read a
 * section as a phase, runbook, test suite, notes, or ignore it, and import again (the choice is remembered for
 * the file by whoever imports again).
 */
public final class ImportReportDialog {

    static final String NAME = "import-report";

    private final BiConsumer<Path, ImportChoices> importAgain;
    private final Theme theme;
    private final ImportNotice notice;
    private final List<ChoiceBox<SectionChoice>> boxes = new ArrayList<>();
    private final Alert alert = new Alert(Alert.AlertType.INFORMATION);

    public ImportReportDialog(ImportNotice notice, BiConsumer<Path, ImportChoices> importAgain, Theme theme,
                              Window owner) {
        this.importAgain = importAgain;
        this.theme = theme;
        this.notice = notice;
        TextArea text = new TextArea(notice.report().render());
        text.setEditable(false);
        text.getStyleClass().add("code-block");
        text.setPrefSize(900, 300);

        GridPane sections = new GridPane();
        sections.getStyleClass().add("import-sections");
        sections.setHgap(12);
        sections.setVgap(4);
        int row = 0;
        for (ImportReport.SectionReading reading : notice.report().sections()) {
            Label heading = new Label(reading.heading() + "  (line " + reading.line() + ")");
            ChoiceBox<SectionChoice> box = new ChoiceBox<>(FXCollections.observableArrayList(SectionChoice.values()));
            box.setValue(reading.readAs());
            box.setUserData(reading);
            box.setId("section-choice-" + row);
            heading.setLabelFor(box);
            boxes.add(box);
            sections.addRow(row++, heading, box);
        }
        ScrollPane scroll = new ScrollPane(sections);
        scroll.setFitToWidth(true);
        scroll.setPrefViewportHeight(180);
        Button reimport = new Button("Re-import with these readings");
        reimport.setId("reimport");
        reimport.setDefaultButton(false);
        reimport.setOnAction(e -> reimport());
        VBox content = new VBox(8, text, new Label("Read each section as:"), scroll, reimport);

        alert.setTitle("Import report");
        alert.setHeaderText("Imported " + notice.file().getFileName()
                + (notice.readAsLatin1() ? " (not UTF-8: read as ISO-8859-1)" : "")
                + ". Check what was recognised and what was kept as notes.");
        alert.getDialogPane().setContent(content);
        alert.getDialogPane().getStylesheets().setAll(theme.stylesheets());
        alert.initOwner(owner);
        alert.getDialogPane().getProperties().put(DialogStages.NAME, NAME);
    }

    public void show() {
        alert.show();
    }

    /** The remembered choices with every section whose reading the operator changed (or had chosen before). */
    ImportChoices choices() {
        ImportChoices choices = notice.choices();
        for (ChoiceBox<SectionChoice> box : boxes) {
            ImportReport.SectionReading reading = (ImportReport.SectionReading) box.getUserData();
            boolean changed = box.getValue() != reading.readAs();
            if (changed || choices.of(reading.heading()) != null) {
                choices = choices.with(reading.heading(), box.getValue());
            }
        }
        return choices;
    }

    private void reimport() {
        ImportChoices choices = choices();
        alert.close();
        importAgain.accept(notice.file(), choices);
    }
}
