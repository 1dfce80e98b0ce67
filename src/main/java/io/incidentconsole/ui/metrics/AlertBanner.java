package io.incidentconsole.ui.metrics;

import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The alert banner above every area: one line per open alert (not acknowledged since it fired; firing, or cleared
 * meanwhile and drawn quieter), with "Open rollback runbook" (when the rule names one) and "Acknowledge". Hidden
 * when no alert is open.
 */
public final class AlertBanner extends VBox {

    private static final PseudoClass CRITICAL = PseudoClass.getPseudoClass("critical");
    private static final PseudoClass CLEARED = PseudoClass.getPseudoClass("cleared");

    private final MetricsSession metrics;

    public AlertBanner(MetricsSession metrics) {
        this.metrics = metrics;
        getStyleClass().add("alert-banner");
        setId("alert-banner");
        metrics.alerts().addListener((ListChangeListener<AlertNotice>) change -> rebuild());
        rebuild();
    }

    private void rebuild() {
        getChildren().clear();
        for (AlertNotice notice : metrics.alerts()) {
            String id = MetricChart.nodeId(notice.ruleId());
            Label text = new Label("⚠ " + notice.text());
            text.setId("alert-text-" + id);
            text.getStyleClass().add("alert-text");
            text.setWrapText(true);
            text.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(text, Priority.ALWAYS);
            HBox line = new HBox(10, text);
            line.getStyleClass().add("alert-line");
            line.setId("alert-line-" + id);
            line.pseudoClassStateChanged(CRITICAL, notice.critical());
            line.pseudoClassStateChanged(CLEARED, notice.cleared());

            if (notice.runbookId() != null) {
                Button open = new Button("Open rollback runbook " + notice.runbookId());
                open.setId("alert-open-runbook-" + id);
                open.setOnAction(e -> metrics.openRunbook(notice.runbookId()));
                open.setMinWidth(Region.USE_PREF_SIZE);
                line.getChildren().add(open);
            }
            Button acknowledge = new Button("Acknowledge");
            acknowledge.setId("alert-acknowledge-" + id);
            acknowledge.setOnAction(e -> metrics.acknowledge(notice.ruleId()));
            // The buttons keep their words; a long alert text wraps onto more lines instead ("A…" said nothing).
            acknowledge.setMinWidth(Region.USE_PREF_SIZE);
            line.getChildren().addAll(acknowledge);
            getChildren().add(line);
        }
        setVisible(!getChildren().isEmpty());
        setManaged(isVisible());
    }
}
