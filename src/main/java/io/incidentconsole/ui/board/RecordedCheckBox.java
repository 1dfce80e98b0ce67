package io.incidentconsole.ui.board;

import javafx.event.ActionEvent;
import javafx.scene.control.CheckBox;

import java.util.function.Consumer;

/**
 * A check box that shows what the journal says: a click or Space asks for the change and leaves the box as it is until
 * the event is durable (the view then sets it). A plain check box ticked itself and was set back at once, and that
 * change which drew nothing made JavaFX's software pipeline paint the whole window (12-18 ms) just before the tick
 * was drawn (issue 22, docs/performance.md round 6).
 */
final class RecordedCheckBox extends CheckBox {

    private Consumer<Boolean> onAsk = wanted -> { };

    RecordedCheckBox(String text) {
        super(text);
    }

    /** What a click or Space asks for: the opposite of what the box shows. */
    void setOnAsk(Consumer<Boolean> onAsk) {
        this.onAsk = onAsk;
    }

    @Override
    public void fire() {
        if (!isDisabled()) {
            onAsk.accept(!isSelected());
            fireEvent(new ActionEvent());
        }
    }
}
