package io.incidentconsole.ui.tests;

import io.incidentconsole.ui.board.PhaseCardNode;
import io.incidentconsole.ui.common.AreaView;
import io.incidentconsole.ui.common.FxmlViews;
import io.incidentconsole.ui.common.RowList;
import io.incidentconsole.incident.TestOutcome;
import io.incidentconsole.testing.ExportFormat;
import io.incidentconsole.testing.TestProgress;
import io.incidentconsole.testing.TestRow;
import javafx.beans.value.ChangeListener;
import javafx.collections.ListChangeListener;
import javafx.event.EventHandler;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.stage.FileChooser;

import java.io.File;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The tests area: a checklist worked from the keyboard. The list and the case panel show only what the journal
 * says; a key press records, and the row changes once the result is durable.
 */
public final class TestsView implements AreaView {

    private final TestsViewModel model;
    /** What the table shows: changed rows are announced as updates (RowList). */
    private final RowList<TestRow> rows = new RowList<>(TestRow::key);
    /** Made once the layout is loaded; the listeners below only fire after that. */
    private TestCasePanel casePane;
    private final ListChangeListener<TestRow> rowsChanged = change -> showRows();
    private final ChangeListener<TestRow> openChanged = (obs, old, row) -> casePane.show(old, row);
    private final ChangeListener<String> selectedChanged = (obs, old, key) -> selectKey(key);
    private final ChangeListener<TestProgress> progressChanged = (obs, old, p) -> showProgress();
    private TestRow noteRow;
    private boolean syncing;

    @FXML
    private BorderPane root;
    @FXML
    private Label noIncident;
    @FXML
    private ComboBox<TestsViewModel.Scope> scope;
    @FXML
    private ToggleButton filterAll;
    @FXML
    private ToggleButton filterNotRun;
    @FXML
    private ToggleButton filterFailed;
    @FXML
    private TextField search;
    @FXML
    private Button exportMarkdown;
    @FXML
    private Button exportJunit;
    @FXML
    private Label progress;
    @FXML
    private Label overall;
    @FXML
    private Label atRisk;
    @FXML
    private Button rollbackCriteria;
    @FXML
    private HBox atRiskLine;
    @FXML
    private TableView<TestRow> table;
    @FXML
    private TableColumn<TestRow, TestRow> testColumn;
    @FXML
    private TableColumn<TestRow, TestRow> resultColumn;
    @FXML
    private TableColumn<TestRow, TestRow> noteColumn;
    @FXML
    private TableColumn<TestRow, TestRow> whoColumn;
    @FXML
    private HBox noteEditor;
    @FXML
    private Label noteFor;
    @FXML
    private TextField noteField;
    @FXML
    private Label message;
    @FXML
    private Label legend;
    @FXML
    private VBox casePanel;
    @FXML
    private Label caseTitle;
    @FXML
    private Label caseMeta;
    @FXML
    private ListView<Integer> steps;
    @FXML
    private Label caseExpected;
    @FXML
    private ListView<TestRow.HistoryEntry> history;

    public TestsView(TestsViewModel model) {
        this.model = model;
        FxmlViews.load(this);
        ids();
        bind();
    }

    private void ids() {
        root.setId("tests-view");
        scope.setId("tests-scope");
        filterAll.setId("filter-all");
        filterNotRun.setId("filter-not-run");
        filterFailed.setId("filter-failed");
        search.setId("tests-search");
        exportMarkdown.setId("export-markdown");
        exportJunit.setId("export-junit");
        progress.setId("tests-progress");
        overall.setId("tests-overall");
        atRisk.setId("tests-at-risk");
        rollbackCriteria.setId("rollback-criteria");
        atRiskLine.setId("tests-at-risk-line");
        table.setId("tests-table");
        noteField.setId("note-field");
        message.setId("tests-message");
        legend.setId("tests-legend");
        casePanel.setId("case-panel");
        caseTitle.setId("case-title");
        caseMeta.setId("case-meta");
        steps.setId("case-steps");
        history.setId("case-history");
    }

    private void bind() {
        scope.setItems(model.scopes());
        scope.valueProperty().bindBidirectional(model.scopeProperty());
        scope.setVisibleRowCount(12);

        ToggleGroup filters = new ToggleGroup();
        Map<ToggleButton, TestsViewModel.Filter> byButton = Map.of(filterAll, TestsViewModel.Filter.ALL,
                filterNotRun, TestsViewModel.Filter.NOT_RUN, filterFailed, TestsViewModel.Filter.FAILED);
        byButton.keySet().forEach(b -> b.setToggleGroup(filters));
        filterAll.setSelected(true);
        filters.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) {
                old.setSelected(true); // one filter is always on
            } else {
                model.filterProperty().set(byButton.get((ToggleButton) now));
            }
        });
        search.textProperty().bindBidirectional(model.searchProperty());
        search.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER || e.getCode() == KeyCode.DOWN || e.getCode() == KeyCode.ESCAPE) {
                table.requestFocus();
                e.consume();
            }
        });

        message.textProperty().bind(model.messageProperty());
        message.managedProperty().bind(message.textProperty().isNotEmpty());
        noIncident.visibleProperty().bind(model.liveProperty().not());
        noIncident.managedProperty().bind(noIncident.visibleProperty());
        exportMarkdown.disableProperty().bind(model.liveProperty().not());
        exportJunit.disableProperty().bind(model.liveProperty().not());
        atRisk.textProperty().bind(model.rollbackHintProperty());
        rollbackCriteria.visibleProperty().bind(model.rollbackHintProperty().isNotEmpty());
        atRiskLine.visibleProperty().bind(rollbackCriteria.visibleProperty());
        atRiskLine.managedProperty().bind(atRiskLine.visibleProperty());

        buildTable();
        buildNoteEditor();
        casePane = new TestCasePanel(model, casePanel, caseTitle, caseMeta, caseExpected, steps, history,
                this::openNote, table::requestFocus);
        table.setItems(rows);
    }

    // ------------------------------------------------------------------ the list

    private void buildTable() {
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.setPlaceholder(new Label("No tests match."));
        for (TableColumn<TestRow, TestRow> column : List.of(testColumn, resultColumn, noteColumn, whoColumn)) {
            column.setCellValueFactory(data -> new ReadOnlyObjectWrapper<>(data.getValue()));
            column.setSortable(false);
        }
        testColumn.setCellFactory(c -> TestCells.wrappingCell(c, row -> row.item().label()
                + (row.item().isCase() ? "   [" + row.tickedSteps().size() + "/" + row.item().steps().size()
                + " steps · Enter]" : "")));
        resultColumn.setCellFactory(c -> new TableCell<>() {
            private final Label badge = TestCells.badge(null, "");

            @Override
            protected void updateItem(TestRow row, boolean empty) {
                super.updateItem(row, empty);
                setText(null);
                if (empty || row == null) {
                    setGraphic(null);
                    return;
                }
                TestCells.showOutcome(badge, row.outcome(), row.failed() ? " · at risk" : "");
                Node shown = row.disagreement().map(d -> (Node) TestCells.disputedMarker(row, badge)).orElse(badge);
                if (getGraphic() != shown) {
                    setGraphic(shown);
                }
            }
        });
        noteColumn.setCellFactory(c -> TestCells.wrappingCell(c, row -> {
            String draft = model.draft(row);
            return draft.isEmpty() ? row.note() : "Draft: " + draft;
        }));
        whoColumn.setCellFactory(c -> TestCells.wrappingCell(c, TestCells::who));
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(TestRow row, boolean empty) {
                super.updateItem(row, empty);
                TestCells.outcomeStates(this, empty || row == null ? null : row.outcome(), !empty && row != null);
                setId(empty || row == null ? null : "test-" + PhaseCardNode.nodeId(row.key()));
            }
        });
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> {
            if (!syncing && row != null) {
                model.selectedKeyProperty().set(row.key());
            }
        });
        table.addEventFilter(KeyEvent.KEY_PRESSED, this::onTableKey);
    }

    private void onTableKey(KeyEvent e) {
        if (e.isControlDown() || e.isAltDown() || e.isMetaDown() || e.isShortcutDown()) {
            return;
        }
        TestRow row = model.selectedRow();
        switch (e.getCode()) {
            case J -> move(1);
            case K -> move(-1);
            case P -> model.record(row, TestOutcome.PASS);
            case F -> model.record(row, TestOutcome.FAIL);
            case S -> model.record(row, TestOutcome.SKIPPED);
            case B -> model.record(row, TestOutcome.BLOCKED);
            case N -> openNote(row);
            case ENTER -> {
                if (row != null) {
                    model.open(row);
                }
            }
            case SLASH -> {
                swallowNextTyped(search);
                search.requestFocus();
            }
            case ESCAPE -> model.close();
            default -> {
                return;
            }
        }
        e.consume();
    }

    private void move(int by) {
        int size = table.getItems().size();
        if (size == 0) {
            return;
        }
        int at = table.getSelectionModel().getSelectedIndex();
        int next = Math.max(0, Math.min(size - 1, (at < 0 ? 0 : at + by)));
        table.getSelectionModel().clearAndSelect(next);
        table.getFocusModel().focus(next);
        reveal(next);
    }

    private void showRows() {
        syncing = true;
        try {
            rows.show(model.rows());
        } finally {
            syncing = false;
        }
        selectKey(model.selectedKeyProperty().get());
    }

    private void selectKey(String key) {
        List<TestRow> items = table.getItems();
        int index = key == null ? -1 : IntStream.range(0, items.size())
                .filter(i -> items.get(i).key().equals(key)).findFirst().orElse(-1);
        syncing = true;
        try {
            if (index < 0) {
                table.getSelectionModel().clearSelection();
            } else if (table.getSelectionModel().getSelectedIndex() != index) {
                table.getSelectionModel().clearAndSelect(index);
                table.getFocusModel().focus(index);
                reveal(index);
            }
        } finally {
            syncing = false;
        }
    }

    /** Scrolls just enough to show the row (TableView.scrollTo would put it at the top every time). */
    private void reveal(int index) {
        if (table.lookup(".virtual-flow") instanceof VirtualFlow<?> flow) {
            flow.scrollTo(index);
        }
    }

    private void showProgress() {
        TestProgress scoped = model.progressProperty().get();
        TestProgress all = model.overallProperty().get();
        progress.setText(scoped == null ? "" : scoped.phrase());
        progress.pseudoClassStateChanged(TestCells.AT_RISK, scoped != null && scoped.atRisk());
        overall.setText(all == null || scoped == all ? "" : "Overall " + all.summary());
    }

    // ------------------------------------------------------------------ notes

    private void buildNoteEditor() {
        hide(noteEditor);
        noteField.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                model.saveNote(noteRow, noteField.getText());
                closeNote();
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE) {
                closeNote();
                e.consume();
            }
        });
    }

    private void openNote(TestRow row) {
        if (row == null) {
            return;
        }
        noteRow = row;
        noteFor.setText("Note for " + row.item().title() + ":");
        String draft = model.draft(row);
        noteField.setText(draft.isEmpty() ? row.note() : draft);
        show(noteEditor);
        swallowNextTyped(noteField);
        noteField.requestFocus();
        noteField.selectAll();
    }

    /**
     * The key that moves focus into a text field (N, /) also produces a typed character, delivered to the new
     * focus owner; it is not meant as text.
     */
    private static void swallowNextTyped(TextField field) {
        new Object() {
            private final EventHandler<KeyEvent> typed = e -> {
                e.consume();
                remove();
            };
            private final EventHandler<KeyEvent> pressed = e -> remove();

            void install() {
                field.addEventFilter(KeyEvent.KEY_TYPED, typed);
                field.addEventFilter(KeyEvent.KEY_PRESSED, pressed);
            }

            void remove() {
                field.removeEventFilter(KeyEvent.KEY_TYPED, typed);
                field.removeEventFilter(KeyEvent.KEY_PRESSED, pressed);
            }
        }.install();
    }

    private void closeNote() {
        TestRow row = noteRow;
        noteRow = null;
        hide(noteEditor);
        table.refresh(); // the draft column
        if (model.openRowProperty().get() != null && row != null && row.key().equals(model.openRowProperty().get().key())) {
            casePane.focusSteps();
        } else {
            table.requestFocus();
        }
    }

    // ------------------------------------------------------------------ actions

    @FXML
    private void onExportMarkdown() {
        export(ExportFormat.MARKDOWN, "Markdown", "*.md");
    }

    @FXML
    private void onExportJunit() {
        export(ExportFormat.JUNIT, "JUnit XML", "*.xml");
    }

    private void export(ExportFormat format, String description, String pattern) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export test results as " + description);
        chooser.setInitialFileName(model.exportFileName(format));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(description, pattern));
        File file = chooser.showSaveDialog(root.getScene() == null ? null : root.getScene().getWindow());
        if (file != null) {
            model.export(file.toPath(), format);
        }
    }

    @FXML
    private void onRollbackCriteria() {
        model.showRollbackCriteria();
    }

    private static void show(Node node) {
        node.setVisible(true);
        node.setManaged(true);
    }

    private static void hide(Node node) {
        node.setVisible(false);
        node.setManaged(false);
    }

    @Override
    public Node root() {
        return root;
    }

    @Override
    public void activate() {
        model.rows().addListener(rowsChanged);
        model.openRowProperty().addListener(openChanged);
        model.selectedKeyProperty().addListener(selectedChanged);
        model.progressProperty().addListener(progressChanged);
        model.overallProperty().addListener(progressChanged);
        model.activate();
        showRows();
        showProgress();
        casePane.show(null, model.openRowProperty().get());
    }

    /** P, F, S, B work at once: the table, with the selected (or first) test. */
    @Override
    public void focusFirstControl() {
        if (table.getSelectionModel().isEmpty() && !table.getItems().isEmpty()) {
            table.getSelectionModel().select(0);
        }
        table.requestFocus();
    }

    @Override
    public void deactivate() {
        model.rows().removeListener(rowsChanged);
        model.openRowProperty().removeListener(openChanged);
        model.selectedKeyProperty().removeListener(selectedChanged);
        model.progressProperty().removeListener(progressChanged);
        model.overallProperty().removeListener(progressChanged);
        model.deactivate();
    }
}
