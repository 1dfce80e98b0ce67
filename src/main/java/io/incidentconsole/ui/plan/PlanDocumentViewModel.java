package io.incidentconsole.ui.plan;

import io.incidentconsole.ui.common.ConsoleArea;

import io.incidentconsole.plan.Plan;
import io.incidentconsole.plan.outline.OutlineSection;
import io.incidentconsole.plan.outline.PlanOutline;
import javafx.beans.InvalidationListener;
import javafx.beans.property.ReadOnlyListProperty;
import javafx.beans.property.ReadOnlyListWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;

/**
 * The sections of the open plan that one console area shows. Follows the plan only while active, so a
 * hidden area does no work when another plan is opened.
 */
public final class PlanDocumentViewModel {

    private final ObservableValue<Plan> plan;
    private final ConsoleArea area;
    private final ReadOnlyListWrapper<OutlineSection> sections =
            new ReadOnlyListWrapper<>(this, "sections", FXCollections.observableArrayList());
    private final InvalidationListener planChanged = obs -> refresh();
    private Plan shown;

    public PlanDocumentViewModel(ObservableValue<Plan> plan, ConsoleArea area) {
        this.plan = plan;
        this.area = area;
    }

    public void activate() {
        plan.addListener(planChanged);
        refresh();
    }

    public void deactivate() {
        plan.removeListener(planChanged);
    }

    private void refresh() {
        Plan current = plan.getValue();
        if (current == shown) {
            return;
        }
        shown = current;
        sections.setAll(current == null ? java.util.List.of()
                : PlanOutline.of(current).stream().filter(area::shows).toList());
    }

    public ReadOnlyListProperty<OutlineSection> sections() {
        return sections.getReadOnlyProperty();
    }

    public ConsoleArea area() {
        return area;
    }
}
