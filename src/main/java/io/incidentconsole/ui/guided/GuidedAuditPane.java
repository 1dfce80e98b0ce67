package io.incidentconsole.ui.guided;

import io.incidentconsole.guided.AuditResult;
import io.incidentconsole.incident.PhaseState;
import io.incidentconsole.plan.AuditGate;
import io.incidentconsole.plan.FieldExpectation;
import io.incidentconsole.ui.board.PhaseCardNode;
import io.incidentconsole.ui.common.FxmlViews;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

import java.util.List;

import static io.incidentconsole.ui.guided.GuidedNodes.FAILED;
import static io.incidentconsole.ui.guided.GuidedNodes.PASSED;
import static io.incidentconsole.ui.guided.GuidedNodes.TIME;
import static io.incidentconsole.ui.guided.GuidedNodes.show;
import static io.incidentconsole.ui.guided.GuidedNodes.text;

/**
 * The phase's audit gate: the command to run, the fields its JSON output must hold, the pasted output checked
 * field by field, and the last result recorded. Hidden for a phase without an audit gate.
 */
final class GuidedAuditPane {

    private final GuidedAuditModel model;

    @FXML
    private VBox root;
    @FXML
    private Label title;
    @FXML
    private VBox expectations;
    @FXML
    private Label command;
    @FXML
    private TextArea output;
    @FXML
    private VBox result;
    @FXML
    private Label recorded;

    GuidedAuditPane(GuidedAuditModel model) {
        this.model = model;
        FxmlViews.load(this);
        output.textProperty().addListener((obs, was, now) -> model.setText(now));
        output.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER && e.isShortcutDown()) {
                e.consume();
                model.check();
            }
        });
    }

    Node root() {
        return root;
    }

    void render(GuidedViewModel.Page page) {
        AuditGate gate = page.phase().audit();
        show(root, gate != null);
        if (gate == null) {
            return;
        }
        title.setText("Audit gate — " + (gate.title() == null ? page.phase().label() : gate.title()));
        expectations.getChildren().clear();
        for (FieldExpectation expectation : gate.expect()) {
            expectations.getChildren().add(text("•  " + expectation.field() + " = " + expectation.equals(),
                    "guided-watch"));
        }
        command.setText(gate.command());
        if (!output.getText().equals(model.text())) {
            output.setText(model.text());
        }
        result.getChildren().setAll(model.result().map(GuidedAuditPane::resultNodes).orElse(List.of()));
        show(result, !result.getChildren().isEmpty());
        renderRecorded(page);
    }

    private void renderRecorded(GuidedViewModel.Page page) {
        List<PhaseState.AuditRecord> audits = page.live() ? page.state().phase(page.phase().id()).audits() : List.of();
        show(recorded, !audits.isEmpty());
        if (audits.isEmpty()) {
            return;
        }
        PhaseState.AuditRecord last = audits.get(audits.size() - 1);
        recorded.setText("Recorded: " + (last.passed() ? "PASS" : "FAIL") + " by " + last.operator() + " at "
                + TIME.format(last.at()) + " (output sha256 " + last.outputSha256().substring(0, 12) + "…)");
        recorded.pseudoClassStateChanged(PASSED, last.passed());
        recorded.pseudoClassStateChanged(FAILED, !last.passed());
    }

    @FXML
    private void copyCommand() {
        model.copyCommand().ifPresent(GuidedNodes::toClipboard);
    }

    @FXML
    private void check() {
        model.check();
    }

    private static List<Node> resultNodes(AuditResult result) {
        Label summary = text(result.summary(), "audit-summary");
        summary.setId("audit-summary");
        summary.pseudoClassStateChanged(PASSED, result.passed());
        summary.pseudoClassStateChanged(FAILED, !result.passed());
        if (!result.parsed()) {
            return List.of(summary, text("Nothing was recorded: output that cannot be read is no evidence.",
                    "guided-field-help"));
        }
        GridPane table = new GridPane();
        table.getStyleClass().add("audit-table");
        table.setHgap(18);
        table.setVgap(4);
        table.addRow(0, text("Field", "audit-head"), text("Expected", "audit-head"), text("Actual", "audit-head"),
                text("Result", "audit-head"));
        int row = 1;
        for (AuditResult.FieldCheck field : result.fields()) {
            Label verdict = text(field.passed() ? "PASS" : "FAIL", "audit-verdict");
            verdict.setId("audit-result-" + PhaseCardNode.nodeId(field.field()));
            verdict.pseudoClassStateChanged(PASSED, field.passed());
            verdict.pseudoClassStateChanged(FAILED, !field.passed());
            table.addRow(row++, text(field.field(), "audit-cell"), text(field.expected(), "audit-cell"),
                    text(field.missing() ? "(missing)" : field.actual(), "audit-cell"), verdict);
        }
        return List.of(summary, table);
    }
}
