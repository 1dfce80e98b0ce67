package io.incidentconsole.ui.incident;

import io.incidentconsole.ui.common.DialogStages;
import io.incidentconsole.ui.common.FxmlViews;
import io.incidentconsole.ui.common.Theme;

import io.incidentconsole.incident.RecoveryReport;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Says what opening the journal found: a torn last line dropped, or damage in the middle, which the operator
 * continues past into a new journal segment while the damaged file is kept for inspection.
 */
public final class RecoveryDialog {

    private final RecoveryNotice notice;
    private final Stage stage;

    @FXML
    private Label headline;
    @FXML
    private Label explanation;
    @FXML
    private ListView<String> findings;
    @FXML
    private Button continueButton;

    public RecoveryDialog(RecoveryNotice notice, Window owner, Theme theme) {
        this.notice = notice;
        VBox root = FxmlViews.load(this);
        RecoveryReport report = notice.report();
        boolean damaged = report.unresolvedDamage().isPresent();
        headline.setText(damaged ? "The journal is damaged: nothing after line "
                + report.unresolvedDamage().get().line() + " of " + report.unresolvedDamage().get().segment() + " can be read"
                : "The journal was recovered");
        explanation.setText(damaged
                ? "Everything up to event #" + report.lastGoodSeq() + " is restored. The damaged file is kept as it is "
                + "for inspection. Continue to record new actions in a new journal segment after the last good event."
                : "Everything that was recorded completely is restored (up to event #" + report.lastGoodSeq() + ").");
        findings.getItems().setAll(report.warnings().stream().map(RecoveryReport.Finding::toString).toList());
        continueButton.setVisible(damaged && !notice.incident().isReadOnly());
        continueButton.setManaged(continueButton.isVisible());
        stage = DialogStages.create(root, owner, theme, "Journal recovery", "recovery");
    }

    public void show() {
        stage.show();
    }

    @FXML
    private void onContinue() {
        try {
            notice.incident().continueFromLastGoodEvent();
            stage.close();
        } catch (RuntimeException e) {
            explanation.setText("Could not continue: " + e.getMessage());
        }
    }

    @FXML
    private void onClose() {
        stage.close();
    }
}
