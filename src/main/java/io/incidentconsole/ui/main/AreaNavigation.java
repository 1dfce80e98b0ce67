package io.incidentconsole.ui.main;

import io.incidentconsole.ui.common.ConsoleArea;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.css.PseudoClass;
import javafx.scene.AccessibleRole;
import javafx.scene.control.Label;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * The column of areas at the left: one entry per area with its shortcut, the shown one {@code :selected}. Seven
 * fixed entries need no virtual list: a ListView's flow, cells and scroll bars were a quarter of the window's nodes
 * and about 50 ms of the first frame with the plan (issue #22, goal 1). With the focus, Up and Down (Home, End) move
 * between areas as they did in the list; a click selects.
 */
public final class AreaNavigation extends VBox {

    public static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");

    private final ObjectProperty<ConsoleArea> selected = new SimpleObjectProperty<>(this, "selected");
    private final Map<ConsoleArea, HBox> entries = new EnumMap<>(ConsoleArea.class);
    private Runnable onClicked = () -> { };

    public AreaNavigation() {
        getStyleClass().add("navigation");
        setFocusTraversable(true);
        setAccessibleRole(AccessibleRole.LIST_VIEW);
        setAccessibleText("Areas");
        for (ConsoleArea area : ConsoleArea.values()) {
            HBox entry = entry(area);
            entries.put(area, entry);
            getChildren().add(entry);
        }
        selected.addListener((obs, old, now) -> {
            if (old != null) {
                entries.get(old).pseudoClassStateChanged(SELECTED, false);
            }
            if (now != null) {
                entries.get(now).pseudoClassStateChanged(SELECTED, true);
            }
        });
        addEventHandler(KeyEvent.KEY_PRESSED, this::move);
    }

    private HBox entry(ConsoleArea area) {
        Label name = new Label(area.title());
        name.getStyleClass().add("area-name");
        Label hint = new Label(area.shortcut());
        hint.getStyleClass().add("shortcut-hint");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox entry = new HBox(8, name, gap, hint);
        entry.getStyleClass().add("area-entry");
        entry.setId("nav-" + area.name().toLowerCase(Locale.ROOT));
        entry.setAccessibleRole(AccessibleRole.LIST_ITEM);
        entry.setAccessibleText(area.title() + ", " + area.shortcut());
        entry.setOnMousePressed(event -> {
            if (event.getButton() == MouseButton.PRIMARY) {
                select(area);
                onClicked.run();
            }
        });
        return entry;
    }

    private void move(KeyEvent event) {
        ConsoleArea[] areas = ConsoleArea.values();
        int at = selected.get() == null ? 0 : selected.get().ordinal();
        int to = switch (event.getCode()) {
            case UP, KP_UP -> Math.max(0, at - 1);
            case DOWN, KP_DOWN -> Math.min(areas.length - 1, at + 1);
            case HOME -> 0;
            case END -> areas.length - 1;
            default -> -1;
        };
        if (to >= 0 && !event.isShortcutDown() && !event.isAltDown()) {
            select(areas[to]);
            event.consume();
        }
    }

    /** The area shown; set by the console when an area is chosen any other way (a shortcut, a link). */
    public ObjectProperty<ConsoleArea> selectedProperty() {
        return selected;
    }

    /** Runs after an entry was clicked (the console gives the area the keyboard then). */
    public void setOnClicked(Runnable action) {
        onClicked = action;
    }

    public void select(ConsoleArea area) {
        selected.set(area);
    }
}
