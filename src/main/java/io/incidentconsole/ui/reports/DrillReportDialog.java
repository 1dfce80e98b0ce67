package io.incidentconsole.ui.reports;

import javafx.geometry.Insets;
import io.incidentconsole.report.ReportDocument;
import io.incidentconsole.report.ReportFormat;
import io.incidentconsole.report.ReportRenderer;
import io.incidentconsole.ui.common.DialogStages;
import io.incidentconsole.ui.common.Theme;
import javafx.scene.control.Button;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import io.incidentconsole.ui.common.FocusScrolling;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.io.File;

/**
 * The drill report in the console (File → Drill Report…): the report drawn to read on the bridge (its tables as
 * tables, its charts as pictures), Copy as Markdown to paste into a ticket, and Save as HTML or Markdown to share
 * after the game day.
 */
public final class DrillReportDialog {

    private final Stage stage;

    public DrillReportDialog(ReportsViewModel model, ReportDocument document, Window owner, Theme theme) {
        VBox body = ReportNodes.render(document);
        ScrollPane text = new ScrollPane(body);
        text.setId("drill-report-text");
        text.getStyleClass().add("drill-report-text");
        text.setFitToWidth(true);
        VBox.setVgrow(text, Priority.ALWAYS);
        FocusScrolling.follow(text);
        Button copy = new Button("_Copy as Markdown");
        copy.setId("drill-report-copy");
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(ReportRenderer.markdown(document, null));
            Clipboard.getSystemClipboard().setContent(content);
            copy.setText("Copied as Markdown");
        });
        Button save = new Button("_Save as…");
        save.setId("drill-report-save");
        Button close = new Button("Close");
        close.setCancelButton(true);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        VBox root = new VBox(10, text, new HBox(8, copy, save, gap, close));
        root.setId("drill-report");
        root.getStyleClass().add("drill-report");
        root.setPrefSize(980, 680);
        root.setPadding(new Insets(16));
        stage = DialogStages.create(root, owner, theme, document.title(), "drill-report");
        close.setOnAction(e -> stage.close());
        save.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Save the drill report");
            chooser.setInitialFileName("drill-report.html");
            chooser.getExtensionFilters().addAll(
                    new FileChooser.ExtensionFilter("Standalone HTML (*.html)", "*.html"),
                    new FileChooser.ExtensionFilter("Markdown (*.md)", "*.md"));
            File file = chooser.showSaveDialog(stage);
            if (file != null) {
                model.saveDrillReport(document, file.toPath(), ReportFormat.forFile(file.getName()));
            }
        });
    }

    public void show() {
        stage.show();
    }
}
