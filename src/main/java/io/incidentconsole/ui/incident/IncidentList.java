package io.incidentconsole.ui.incident;

import io.incidentconsole.incident.IncidentSummary;
import javafx.beans.property.ObjectProperty;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;

/**
 * A list of incidents to pick from, the same in the start-or-resume dialog and the team join dialog: each incident
 * described in full (wrapped, never cut), the selection kept in step with the view model, Enter opens the selected.
 */
public final class IncidentList {

    private IncidentList() {
    }

    public static void wire(ListView<IncidentSummary> incidents, ObjectProperty<IncidentSummary> selected,
                            Runnable onEnter) {
        incidents.setCellFactory(list -> new ListCell<>() {
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
        incidents.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> selected.set(now));
        selected.addListener((obs, old, now) -> incidents.getSelectionModel().select(now));
        incidents.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                e.consume();
                onEnter.run();
            }
        });
    }
}
