package io.incidentconsole.incident;

import io.incidentconsole.incident.EventPayload.AlertAcknowledged;
import io.incidentconsole.incident.EventPayload.AlertCleared;
import io.incidentconsole.incident.EventPayload.AlertFired;

/** The fold of alerts: fired, acknowledged, cleared (ADR 0009: open until acknowledged). */
final class AlertFold {

    private AlertFold() {
    }

    static void register(FoldHandlers.Table table) {
        table.on(AlertFired.class, (f, e, p) -> {
            AlertState old = f.alerts.get(p.alertId());
            f.alerts.put(p.alertId(), new AlertState(p.alertId(), p.metricId(), p.value(), p.message(), e.at(),
                    old == null ? 1 : old.timesFired() + 1, false, null, null, null, null, null));
        });
        table.on(AlertAcknowledged.class, (f, e, p) -> {
            AlertState old = f.alerts.get(p.alertId());
            if (old != null) {
                f.alerts.put(p.alertId(), old.acknowledged(e.operator(), e.at(), p.note()));
            }
        });
        table.on(AlertCleared.class, (f, e, p) -> {
            // The first clearing stands (two consoles watching the same metric may both record it).
            AlertState old = f.alerts.get(p.alertId());
            if (old != null && old.firing()) {
                f.alerts.put(p.alertId(), old.cleared(e.at(), p.value()));
            }
        });
    }
}
