package io.incidentconsole.ui.guided;

import io.incidentconsole.incident.SignOffRecord;
import io.incidentconsole.plan.Phase;
import io.incidentconsole.plan.SignOff;
import io.incidentconsole.ui.board.PhaseCardNode;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import java.util.List;

import static io.incidentconsole.ui.guided.GuidedNodes.PASSED;
import static io.incidentconsole.ui.guided.GuidedNodes.TIME;
import static io.incidentconsole.ui.guided.GuidedNodes.show;
import static io.incidentconsole.ui.guided.GuidedNodes.text;

/** The approvals of the phase (and of the whole plan): who signed, and a form to sign each. */
final class GuidedSignOffPane {

    private final GuidedSignOffModel model;
    private final VBox box;

    /** {@code box}: the panel from the view's layout; its content is generated from the plan. */
    GuidedSignOffPane(GuidedSignOffModel model, VBox box) {
        this.model = model;
        this.box = box;
    }

    void render(GuidedViewModel.Page page) {
        box.getChildren().clear();
        show(box, true);
        box.getChildren().add(text("Sign-off", "guided-panel-title"));
        List<SignOff.Approval> approvals = model.approvals();
        if (approvals.isEmpty()) {
            box.getChildren().add(text("The plan names no approvals for this phase or for the whole plan.",
                    "guided-field-help"));
            return;
        }
        for (SignOff.Approval approval : approvals) {
            renderApproval(page, approval);
        }
    }

    private void renderApproval(GuidedViewModel.Page page, SignOff.Approval approval) {
        String id = "signoff-" + PhaseCardNode.nodeId(approval.id());
        String scope = approval.phase() == null ? "for the whole plan"
                : "for phase " + page.plan().phase(approval.phase()).map(Phase::label).orElse(approval.phase());
        box.getChildren().add(text(approval.title() + "  (" + scope
                + (approval.role() == null ? "" : ", by the " + approval.role()) + ")", "guided-subheading"));
        for (SignOffRecord given : model.signOffs(approval.id())) {
            Label line = text("✓ Signed by " + given.operator() + (given.role() == null ? "" : " as " + given.role())
                    + " at " + TIME.format(given.at()) + (given.note() == null ? "" : ": " + given.note()),
                    "guided-recorded");
            line.setId(id + "-given");
            line.pseudoClassStateChanged(PASSED, true);
            box.getChildren().add(line);
        }
        TextField role = new TextField(approval.role() == null ? "" : approval.role());
        role.setId(id + "-role");
        role.setPromptText("Your role (required)");
        TextField note = new TextField();
        note.setId(id + "-note");
        note.setPromptText("Note (optional)");
        note.setPrefColumnCount(30);
        Label problem = text("", "validation-message");
        problem.setId(id + "-problem");
        Button sign = new Button("Sign off");
        sign.setId(id + "-sign");
        sign.setDisable(!page.writable());
        sign.setOnAction(e -> model.signOff(approval, role.getText(), note.getText()).ifPresent(problem::setText));
        role.setOnAction(sign.getOnAction());
        note.setOnAction(sign.getOnAction());
        HBox form = new HBox(10, role, note, sign);
        form.setAlignment(Pos.CENTER_LEFT);
        box.getChildren().addAll(form, problem);
    }
}
