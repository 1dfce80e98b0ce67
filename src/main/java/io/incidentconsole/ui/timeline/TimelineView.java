package io.incidentconsole.ui.timeline;

import io.incidentconsole.ui.common.AreaView;
import io.incidentconsole.ui.common.FxmlViews;
import io.incidentconsole.ui.common.Glyphs;

import io.incidentconsole.incident.TimelineEntry;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

import java.io.File;
import java.util.function.Function;

/** Planned vs actual per phase, and every recorded action. */
public final class TimelineView implements AreaView {

    private static final PseudoClass LATE = PseudoClass.getPseudoClass("late");
    private static final PseudoClass UNDONE = PseudoClass.getPseudoClass("undone");

    private static final double SCHEDULE_ROW = 28;
    private static final double SCHEDULE_HEADER = 36;

    private final TimelineViewModel model;

    @FXML
    private VBox root;
    @FXML
    private Label noIncident;
    @FXML
    private TableView<TimelineViewModel.ScheduleRow> schedule;
    @FXML
    private TableColumn<TimelineViewModel.ScheduleRow, String> phaseColumn;
    @FXML
    private TableColumn<TimelineViewModel.ScheduleRow, String> statusColumn;
    @FXML
    private TableColumn<TimelineViewModel.ScheduleRow, String> windowColumn;
    @FXML
    private TableColumn<TimelineViewModel.ScheduleRow, String> plannedColumn;
    @FXML
    private TableColumn<TimelineViewModel.ScheduleRow, String> actualColumn;
    @FXML
    private ComboBox<String> kindFilter;
    @FXML
    private ComboBox<TimelineViewModel.PhaseChoice> phaseFilter;
    @FXML
    private TextField search;
    @FXML
    private TableView<TimelineEntry> events;
    @FXML
    private TableColumn<TimelineEntry, String> seqColumn;
    @FXML
    private TableColumn<TimelineEntry, String> timeColumn;
    @FXML
    private TableColumn<TimelineEntry, String> operatorColumn;
    @FXML
    private TableColumn<TimelineEntry, String> kindColumn;
    @FXML
    private TableColumn<TimelineEntry, String> summaryColumn;
    @FXML
    private Label count;
    @FXML
    private Button undo;
    @FXML
    private Button export;

    public TimelineView(TimelineViewModel model) {
        this.model = model;
        FxmlViews.load(this);
        root.setId("timeline-view");
        noIncident.visibleProperty().bind(model.liveProperty().not());
        noIncident.managedProperty().bind(noIncident.visibleProperty());

        schedule.setItems(model.schedule());
        column(phaseColumn, TimelineViewModel.ScheduleRow::phase);
        column(statusColumn, TimelineViewModel.ScheduleRow::status);
        column(windowColumn, TimelineViewModel.ScheduleRow::window);
        column(plannedColumn, TimelineViewModel.ScheduleRow::planned);
        column(actualColumn, TimelineViewModel.ScheduleRow::actual);
        // Every phase row shows, none half-cut behind a scroll bar: the table is as tall as its rows.
        schedule.setFixedCellSize(SCHEDULE_ROW);
        schedule.prefHeightProperty().bind(javafx.beans.binding.Bindings.size(schedule.getItems())
                .multiply(SCHEDULE_ROW).add(SCHEDULE_HEADER));
        schedule.minHeightProperty().bind(schedule.prefHeightProperty());
        schedule.setRowFactory(table -> new TableRow<>() {
            @Override
            protected void updateItem(TimelineViewModel.ScheduleRow item, boolean empty) {
                super.updateItem(item, empty);
                pseudoClassStateChanged(LATE, !empty && item != null && item.late());
            }
        });

        kindFilter.setItems(model.kinds());
        kindFilter.valueProperty().bindBidirectional(model.kindProperty());
        kindFilter.setId("timeline-kind");
        phaseFilter.setItems(model.phases());
        phaseFilter.valueProperty().bindBidirectional(model.phaseProperty());
        phaseFilter.setId("timeline-phase");
        search.textProperty().bindBidirectional(model.searchProperty());
        search.setId("timeline-search");

        events.setId("timeline-events");
        events.setItems(model.entries());
        column(seqColumn, e -> Long.toString(e.event().seq()));
        column(timeColumn, TimelineViewModel::time);
        column(operatorColumn, e -> e.event().operator());
        column(kindColumn, TimelineEntry::kind);
        column(summaryColumn, e -> e.undone() ? e.summary() + "  (undone)" : e.summary());
        wrapping(summaryColumn);
        events.setRowFactory(table -> new TableRow<>() {
            @Override
            protected void updateItem(TimelineEntry item, boolean empty) {
                super.updateItem(item, empty);
                pseudoClassStateChanged(UNDONE, !empty && item != null && item.undone());
            }
        });
        events.setPlaceholder(new Label("No events match the filter."));
        count.textProperty().bind(model.countProperty());
        undo.setId("timeline-undo");
        undo.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> !model.canUndo(events.getSelectionModel().getSelectedItem()),
                events.getSelectionModel().selectedItemProperty(), model.entries()));
        export.disableProperty().bind(model.liveProperty().not());
        root.sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN), () -> {
                    if (root.isVisible() && root.getParent() != null) {
                        search.requestFocus();
                    }
                });
            }
        });
    }

    private static <R> void column(TableColumn<R, String> column, Function<R, String> value) {
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
    }

    /** Long text wraps onto more lines of its row instead of ending in "…": an event is read in full. */
    private static <R> void wrapping(TableColumn<R, String> column) {
        column.setCellFactory(c -> new javafx.scene.control.TableCell<>() {
            // A Text wrapped to the column's width makes the row as tall as the text; a wrapping cell would not.
            private final javafx.scene.text.Text shown = new javafx.scene.text.Text();

            {
                shown.getStyleClass().add("cell-text");
                shown.wrappingWidthProperty().bind(column.widthProperty().subtract(12));
                setText(null);
            }

            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                shown.setText(empty || text == null ? "" : Glyphs.displayable(text));
                setGraphic(empty || text == null ? null : shown);
            }
        });
    }

    @FXML
    private void onUndo() {
        model.undo(events.getSelectionModel().getSelectedItem());
    }

    @FXML
    private void onExport() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export timeline as Markdown");
        chooser.setInitialFileName("incident-timeline.md");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Markdown", "*.md"));
        File file = chooser.showSaveDialog(root.getScene().getWindow());
        if (file != null) {
            model.exportMarkdown(file.toPath()).ifPresent(problem -> {
                Alert alert = new Alert(Alert.AlertType.ERROR, problem);
                alert.initOwner(root.getScene().getWindow());
                alert.show();
            });
        }
    }

    /** ↑↓ walk the events at once. */
    @Override
    public void focusFirstControl() {
        events.requestFocus();
    }

    @Override
    public Node root() {
        return root;
    }

    @Override
    public void activate() {
        model.activate();
    }

    @Override
    public void deactivate() {
        model.deactivate();
    }
}
