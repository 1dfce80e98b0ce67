package io.incidentconsole.ui.incident;

import io.incidentconsole.incident.IncidentSummary;
import javafx.beans.property.ObjectProperty;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;

import java.util.List;

/**
 * A list of incidents to pick from, the same in the start-or-resume dialog and the team join dialog: each incident
 * described in full (wrapped, never cut), the selection kept in step with the view model, Enter opens the selected.
 * Several lists (real incidents and drills) share one selection: picking in one clears the others.
 */
public final class IncidentList {

    private IncidentList() {
    }

    public static void wire(ListView<IncidentSummary> incidents, ObjectProperty<IncidentSummary> selected,
                            Runnable onEnter) {
        wire(List.of(incidents), selected, onEnter);
    }

    public static void wire(List<ListView<IncidentSummary>> lists, ObjectProperty<IncidentSummary> selected,
                            Runnable onEnter) {
        for (ListView<IncidentSummary> list : lists) {
            list.setCellFactory(view -> new ListCell<>() {
                {
                    // Wrap to the list's width: a long description is read whole, not cut at the right edge.
                    setWrapText(true);
                    setPrefWidth(0);
                }

                @Override
                protected void updateItem(IncidentSummary item, boolean empty) {
                    super.updateItem(item, empty);
                    setText(empty || item == null ? null : IncidentPickerViewModel.describe(item));
                }
            });
            list.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
                if (now != null) {
                    selected.set(now);
                } else if (lists.stream().allMatch(l -> l.getSelectionModel().isEmpty())) {
                    selected.set(null);
                }
            });
            list.setOnKeyPressed(e -> {
                if (e.getCode() == KeyCode.ENTER) {
                    e.consume();
                    onEnter.run();
                }
            });
        }
        selected.addListener((obs, old, now) -> {
            // Select in the list that holds it first, then clear the others, so the selection is never empty between.
            for (ListView<IncidentSummary> list : lists) {
                if (now != null && list.getItems().contains(now)) {
                    list.getSelectionModel().select(now);
                }
            }
            for (ListView<IncidentSummary> list : lists) {
                if (now == null || !list.getItems().contains(now)) {
                    list.getSelectionModel().clearSelection();
                }
            }
        });
    }
}
