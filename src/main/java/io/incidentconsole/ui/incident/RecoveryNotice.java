package io.incidentconsole.ui.incident;

import io.incidentconsole.incident.Incident;
import io.incidentconsole.incident.RecoveryReport;

/** A journal that needed recovery when its incident was opened. */
public record RecoveryNotice(Incident incident, RecoveryReport report) {
}
