package io.incidentconsole.ui.now;

import io.incidentconsole.incident.Incident;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import io.incidentconsole.plan.PhaseStatus;
import io.incidentconsole.ui.board.PhaseCardNode;
import io.incidentconsole.ui.incident.IncidentSession;

import io.incidentconsole.report.NowSummary;
import io.incidentconsole.incident.IncidentState;
import io.incidentconsole.report.CadenceClock;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The "now" line: the parts of {@link NowSummary} as short texts, each with where it is worked. Refreshed on every
 * event and by the view's one-second tick (elapsed times, the next update).
 */
public final class NowStripViewModel {

    /** Where a part takes the operator. */
    public enum Target { GUIDED, BOARD, TESTS, METRICS, COMPOSE_UPDATE }

    /** How a part is drawn: {@code state} becomes a pseudo-class ("late", "failing", "waiting", ...). */
    public record Part(String id, String text, String tooltip, String state, Target target, String phaseId) {
    }

    private final IncidentSession session;
    private final CadenceClock cadences;
    private final Consumer<Part> navigator;
    private final ReadOnlyObjectWrapper<List<Part>> parts = new ReadOnlyObjectWrapper<>(this, "parts", List.of());
    /** The open incident is a drill: the strip's heading says DRILL (a drill is never read as the real thing). */
    private final ReadOnlyBooleanWrapper drill =
            new ReadOnlyBooleanWrapper(this, "drill");

    /** {@code navigator} goes where a part is worked (guided mode of a phase, the tests, the metrics, ...). */
    public NowStripViewModel(IncidentSession session, CadenceClock cadences, Consumer<Part> navigator) {
        this.session = session;
        this.cadences = cadences;
        this.navigator = navigator;
        session.stateProperty().addListener((obs, old, state) -> refresh());
    }

    public ReadOnlyBooleanProperty drillProperty() {
        return drill.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<List<Part>> partsProperty() {
        return parts.getReadOnlyProperty();
    }

    public void open(Part part) {
        navigator.accept(part);
    }

    public void refresh() {
        IncidentState state = session.stateProperty().get();
        Incident incident = session.incidentProperty().get();
        drill.set(incident != null && incident.metadata().drill());
        parts.set(state == null ? List.of() : parts(NowSummary.of(state, cadences)));
    }

    static List<Part> parts(NowSummary now) {
        List<Part> parts = new ArrayList<>();
        if (now.running().isEmpty()) {
            parts.add(new Part("now-running", "No phase in progress", "Start the next phase on the phase board",
                    "quiet", Target.BOARD, null));
        }
        for (NowSummary.Running running : now.running()) {
            String label = running.phase().issues().stream().map(i -> "#" + i).reduce((a, b) -> a + ", " + b)
                    .map(i -> i + " ").orElse("") + running.phase().label();
            String step = running.status() == PhaseStatus.ROLLING_BACK ? "ROLLING BACK"
                    : running.step().map(s -> "step " + running.stepNumber() + "/" + running.phase().guidedSteps().size()
                    + ": " + s.title().replace("`", "")).orElse(running.phase().guidedSteps().isEmpty() ? "in progress"
                    : "all steps done — verify and complete");
            String time = NowSummary.duration(running.elapsed()) + running.planned()
                    .map(p -> " of " + NowSummary.duration(p) + " planned" + (running.late() ? " — LATE" : ""))
                    .orElse(" elapsed");
            parts.add(new Part("now-phase-" + PhaseCardNode.nodeId(running.phase().id()),
                    "▶ " + label + " · " + step + " · " + time,
                    "Open " + running.phase().label() + " in guided mode", running.late() ? "late" : "",
                    Target.GUIDED, running.phase().id()));
        }
        if (!now.failing().isEmpty()) {
            parts.add(new Part("now-failing", now.failing().size() + (now.failing().size() == 1 ? " test failing"
                    : " tests failing"), String.join("\n", now.failing().stream().map(f -> f.item().text()).toList()),
                    "failing", Target.TESTS, now.failing().get(0).phaseId()));
        }
        if (now.openAlerts() > 0) {
            parts.add(new Part("now-alerts", now.openAlerts() + (now.openAlerts() == 1 ? " alert open" : " alerts open"),
                    "Open the metrics", "alerting", Target.METRICS, null));
        }
        for (NowSummary.Pending pending : now.pending()) {
            parts.add(new Part("now-gate-" + PhaseCardNode.nodeId(pending.phaseId()) + "-" + pending.gate().kind().word(),
                    "Waiting: " + pending.gate().says(), pending.gate().kind().word() + " gate of " + pending.phaseId(),
                    "waiting", Target.GUIDED, pending.phaseId()));
        }
        now.nextUpdate().ifPresent(due -> {
            boolean overdue = due.overdue(now.now());
            String when = CadenceClock.dueWords(due.dueAt(), now.now());
            parts.add(new Part("now-update", overdue ? "Update " + when : "Next update " + when,
                    due.cadence().title() + " (Ctrl+U composes it)",
                    overdue ? "overdue" : "quiet", Target.COMPOSE_UPDATE, null));
        });
        return parts;
    }
}
