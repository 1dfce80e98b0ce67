package io.incidentconsole.ui.handoff;

import io.incidentconsole.ui.main.MainWindowView;
import io.incidentconsole.ui.main.MainWindowViewModel;

import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

/**
 * Wires shift change into the console frame: File → Handoff… (Ctrl+Shift+H) after Compose update, and who has
 * the incident, and since when, in the header.
 */
public final class HandoffView {

    private final HandoffViewModel model;
    private final MainWindowView frame;
    private final MainWindowViewModel frameModel;

    public HandoffView(HandoffViewModel model, MainWindowView frame, MainWindowViewModel frameModel) {
        this.model = model;
        this.frame = frame;
        this.frameModel = frameModel;
        MenuItem item = new MenuItem("_Handoff (Shift Change)…");
        item.setId("menu-handoff");
        item.setAccelerator(new KeyCodeCombination(KeyCode.H, KeyCombination.SHORTCUT_DOWN,
                KeyCombination.SHIFT_DOWN));
        item.setOnAction(e -> open());
        MenuItem compose = frame.composeUpdateItem();
        var items = compose.getParentMenu().getItems();
        items.add(items.indexOf(compose) + 1, item);

        Label holder = new Label();
        holder.setId("incident-holder");
        holder.getStyleClass().add("incident-holder");
        holder.textProperty().bind(model.holderProperty());
        holder.visibleProperty().bind(model.holderProperty().isNotEmpty());
        holder.managedProperty().bind(holder.visibleProperty());
        frame.addHeaderItem(holder);
    }

    /** Opens the handoff screen (nothing happens without an incident). */
    public void open() {
        if (!model.available()) {
            return;
        }
        new HandoffDialog(model, frame.root().getScene().getWindow(), frameModel.themeProperty().get()).show();
    }
}
