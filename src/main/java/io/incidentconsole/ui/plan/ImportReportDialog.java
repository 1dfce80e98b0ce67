package io.incidentconsole.ui.plan;

import java.util.Locale;
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

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * What the importer understood, line by line, and what each section was read as; the operator can read a
 * section as a phase, runbook, test suite, notes, or ignore it, and import again (the choice is remembered for
 * the file by whoever the re-import is handed to).
 */
public final class ImportReportDialog {

    static final String NAME = "import-report";
    /** Entries of each report list shown: a text area of megabytes (a document of thousands of sections) froze it. */
    static final int REPORT_LINES_PER_LIST = 500;
    /** Sections offered for another reading; the others keep the importer's. */
    static final int SECTIONS_OFFERED = 300;

    private final ImportNotice notice;
    private final Consumer<ImportChoices> reimport;
    private final List<ChoiceBox<SectionChoice>> boxes = new ArrayList<>();
    private final Alert alert = new Alert(Alert.AlertType.INFORMATION);

    /** {@code importAgain} imports the notice's file again with the choices made here. */
    public ImportReportDialog(ImportNotice notice, Theme theme, Consumer<ImportChoices> importAgain, Window owner) {
        this.notice = notice;
        this.reimport = importAgain;
        TextArea text = new TextArea(notice.report().render(REPORT_LINES_PER_LIST,
                "incident-console import " + notice.file().getFileName() + " --report FILE writes them all"));
        text.setEditable(false);
        text.getStyleClass().add("code-block");
        text.setPrefSize(900, 300);

        GridPane sections = new GridPane();
        sections.getStyleClass().add("import-sections");
        sections.setHgap(12);
        sections.setVgap(4);
        int row = 0;
        List<ImportReport.SectionReading> readings = notice.report().sections();
        for (ImportReport.SectionReading reading : readings.subList(0, Math.min(SECTIONS_OFFERED, readings.size()))) {
            Label heading = new Label(reading.heading() + "  (line " + reading.line() + ")");
            ChoiceBox<SectionChoice> box = new ChoiceBox<>(FXCollections.observableArrayList(SectionChoice.values()));
            box.setValue(reading.readAs());
            box.setUserData(reading);
            box.setId("section-choice-" + row);
            heading.setLabelFor(box);
            boxes.add(box);
            sections.addRow(row++, heading, box);
        }
        if (readings.size() > SECTIONS_OFFERED) {
            Label more = new Label(String.format(Locale.ROOT, "… and %,d more sections, read as the importer "
                    + "chose", readings.size() - SECTIONS_OFFERED));
            more.setId("more-sections");
            sections.addRow(row, more);
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
        reimport.accept(choices);
    }
}
