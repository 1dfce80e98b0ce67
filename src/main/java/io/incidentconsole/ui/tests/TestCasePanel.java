package io.incidentconsole.ui.tests;

import io.incidentconsole.incident.TestOutcome;
import io.incidentconsole.incident.TestResult;
import io.incidentconsole.testing.TestRow;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.VBox;

import java.util.function.Consumer;
import java.util.stream.IntStream;

/**
 * The open test case beside the list: its steps ticked one by one from the keyboard (J/K, Space, R), its result
 * (P/F/S/B), and every result recorded for it.
 */
final class TestCasePanel {

    private static final PseudoClass TICKED = PseudoClass.getPseudoClass("ticked");

    private final TestsViewModel model;
    private final VBox casePanel;
    private final Label caseTitle;
    private final Label caseMeta;
    private final Label caseExpected;
    private final ListView<Integer> steps;
    private final ListView<TestRow.HistoryEntry> history;
    private final Consumer<TestRow> openNote;
    private final Runnable focusTable;

    /** The nodes come from the tests area's layout; {@code openNote} and {@code focusTable} are the area's. */
    TestCasePanel(TestsViewModel model, VBox casePanel, Label caseTitle, Label caseMeta, Label caseExpected,
                  ListView<Integer> steps, ListView<TestRow.HistoryEntry> history, Consumer<TestRow> openNote,
                  Runnable focusTable) {
        this.model = model;
        this.casePanel = casePanel;
        this.caseTitle = caseTitle;
        this.caseMeta = caseMeta;
        this.caseExpected = caseExpected;
        this.steps = steps;
        this.history = history;
        this.openNote = openNote;
        this.focusTable = focusTable;
        hide(casePanel);
        steps.setPlaceholder(new Label("A checklist item: no steps. P / F / S / B record it."));
        history.setPlaceholder(new Label("No result recorded yet."));
        steps.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(Integer step, boolean empty) {
                super.updateItem(step, empty);
                TestRow row = model.openRowProperty().get();
                if (empty || step == null || row == null) {
                    setText(null);
                    pseudoClassStateChanged(TICKED, false);
                    return;
                }
                boolean ticked = row.tickedSteps().contains(step);
                setText((ticked ? "☑ " : "☐ ") + step + ". " + row.item().steps().get(step - 1));
                setWrapText(true);
                setPrefWidth(0);
                pseudoClassStateChanged(TICKED, ticked);
            }
        });
        history.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(TestRow.HistoryEntry entry, boolean empty) {
                super.updateItem(entry, empty);
                if (empty || entry == null) {
                    setText(null);
                    setGraphic(null);
                    return;
                }
                TestResult result = entry.result();
                Label badge = TestCells.badge(result.outcome(), "");
                setGraphic(badge);
                setText(result.operator() + " · " + TestCells.TIME.format(result.at())
                        + (entry.phaseId() == null ? " · all phases" : "")
                        + (result.note() == null || result.note().isBlank() ? "" : "\n" + result.note()));
                setWrapText(true);
                setPrefWidth(0);
            }
        });
        steps.addEventFilter(KeyEvent.KEY_PRESSED, this::onCaseKey);
    }

    private void onCaseKey(KeyEvent e) {
        if (e.isControlDown() || e.isAltDown() || e.isMetaDown() || e.isShortcutDown()) {
            return;
        }
        TestRow row = model.openRowProperty().get();
        switch (e.getCode()) {
            case J -> steps.getSelectionModel().selectNext();
            case K -> steps.getSelectionModel().selectPrevious();
            case SPACE -> {
                Integer step = steps.getSelectionModel().getSelectedItem();
                if (step != null) {
                    model.toggleStep(row, step);
                }
            }
            case P -> model.record(row, TestOutcome.PASS, false);
            case F -> model.record(row, TestOutcome.FAIL, false);
            case S -> model.record(row, TestOutcome.SKIPPED, false);
            case B -> model.record(row, TestOutcome.BLOCKED, false);
            case N -> openNote.accept(row);
            case R -> model.resetSteps(row);
            case ESCAPE -> model.close();
            default -> {
                return;
            }
        }
        e.consume();
    }

    /** Shows the case the operator opened ({@code row}; null: none), keeping the step selected when it stays. */
    void show(TestRow old, TestRow row) {
        if (row == null) {
            boolean hadFocus = casePanel.isVisible() && isInside(casePanel.getScene() == null ? null
                    : casePanel.getScene().getFocusOwner(), casePanel);
            hide(casePanel);
            if (hadFocus || old != null) {
                focusTable.run();
            }
            return;
        }
        boolean same = old != null && old.key().equals(row.key());
        caseTitle.setText(row.item().label());
        caseMeta.setText((row.item().isCase() ? row.tickedSteps().size() + "/" + row.item().steps().size()
                + " steps ticked · " : "") + "Result: " + TestCells.outcomeLabel(row.outcome())
                + (row.coverage().isEmpty() ? "" : " · " + row.coverage())
                + row.disagreement().map(d -> " by " + d.latest().operator() + " · " + TestCells.dissent(d)).orElse(""));
        caseMeta.pseudoClassStateChanged(TestCells.AT_RISK, row.failed());
        caseExpected.setText(row.item().expected() == null ? "" : "Expected: " + row.item().expected());
        caseExpected.setManaged(row.item().expected() != null);
        int selected = steps.getSelectionModel().getSelectedIndex();
        steps.getItems().setAll(IntStream.rangeClosed(1, row.item().steps().size()).boxed().toList());
        steps.refresh();
        history.getItems().setAll(row.history());
        if (!history.getItems().isEmpty()) {
            history.scrollTo(history.getItems().size() - 1);
        }
        if (!casePanel.isVisible()) {
            casePanel.setVisible(true);
            casePanel.setManaged(true);
        }
        if (!same) {
            steps.getSelectionModel().clearAndSelect(firstUnticked(row));
            steps.requestFocus();
        } else if (selected >= 0) {
            steps.getSelectionModel().clearAndSelect(selected);
        }
    }

    private static int firstUnticked(TestRow row) {
        for (int step = 1; step <= row.item().steps().size(); step++) {
            if (!row.tickedSteps().contains(step)) {
                return step - 1;
            }
        }
        return 0;
    }

    private static boolean isInside(Node node, Node ancestor) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n == ancestor) {
                return true;
            }
        }
        return false;
    }

    /** Puts the focus on the steps (a note for the open case was closed). */
    void focusSteps() {
        steps.requestFocus();
    }

    private static void hide(Node node) {
        node.setVisible(false);
        node.setManaged(false);
    }
}
