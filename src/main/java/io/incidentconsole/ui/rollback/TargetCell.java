package io.incidentconsole.ui.rollback;

import io.incidentconsole.rollback.RollbackTarget;
import javafx.css.PseudoClass;
import javafx.scene.control.ListCell;

/** "If Phase 1 Causes Issues" over "rb330 · undoes p330-1"; the procedure of a phase at risk stands out. */
final class TargetCell extends ListCell<RollbackTarget> {

    private static final PseudoClass AT_RISK = PseudoClass.getPseudoClass("at-risk");

    private final RollbackViewModel model;

    TargetCell(RollbackViewModel model) {
        this.model = model;
    }

    @Override
    protected void updateItem(RollbackTarget target, boolean empty) {
        super.updateItem(target, empty);
        if (empty || target == null) {
            setText(null);
            setId(null);
            pseudoClassStateChanged(AT_RISK, false);
            return;
        }
        boolean risky = model.atRiskProperty().get().contains(target.procedure().id());
        pseudoClassStateChanged(AT_RISK, risky);
        String title = target.procedure().title() == null ? target.procedure().id() : target.procedure().title();
        setText((risky ? "⚠ Phase at risk\n" : "") + title + "\n" + target.runbook().id() + " · "
                + target.procedure().id());
        setWrapText(true);
        setPrefWidth(0);
        setId("rollback-target-" + RollbackView.nodeId(target.procedure().id()));
    }
}
