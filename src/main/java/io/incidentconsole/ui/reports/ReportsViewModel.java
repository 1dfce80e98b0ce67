package io.incidentconsole.ui.reports;

import io.incidentconsole.incident.Incident;
import io.incidentconsole.report.DrillFacts;
import io.incidentconsole.report.DrillReport;
import io.incidentconsole.report.DrillTrend;
import io.incidentconsole.report.ReportDocument;
import java.util.ArrayList;
import java.util.function.Consumer;
import io.incidentconsole.ui.common.BackgroundTasks;
import io.incidentconsole.ui.incident.IncidentSession;

import io.incidentconsole.incident.EventPayload;
import io.incidentconsole.incident.IncidentState;
import io.incidentconsole.plan.Communication.Cadence;
import io.incidentconsole.report.CadenceClock;
import io.incidentconsole.report.MetricHistory;
import io.incidentconsole.report.PostIncidentReport;
import io.incidentconsole.report.ReportFiles;
import io.incidentconsole.report.ReportFormat;
import io.incidentconsole.report.ReportRenderer;
import io.incidentconsole.report.StakeholderUpdate;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * Stakeholder updates and the post-incident report in the console: the reminder of the next update due (refreshed
 * by the view once a second and on every state change), composing and publishing an update, and exporting the
 * report. {@code metrics} gives the values reports use for a state: the simulator replayed over the incident until
 * the console's live store is passed in (wrap it in a {@link io.incidentconsole.report.StoreMetricHistory}).
 */
public final class ReportsViewModel {

    private final IncidentSession session;
    private final CadenceClock cadences;
    private final BackgroundTasks tasks;
    private final Function<IncidentState, MetricHistory> metrics;

    private final ReadOnlyStringWrapper reminder = new ReadOnlyStringWrapper(this, "reminder", "");
    private final ReadOnlyBooleanWrapper overdue = new ReadOnlyBooleanWrapper(this, "overdue");
    private final ReadOnlyBooleanWrapper reminderShown = new ReadOnlyBooleanWrapper(this, "reminderShown");
    private final ReadOnlyObjectWrapper<CadenceClock.Due> due = new ReadOnlyObjectWrapper<>(this, "due");
    private final ReadOnlyStringWrapper exportMessage = new ReadOnlyStringWrapper(this, "exportMessage");
    private final ReadOnlyBooleanWrapper exportFailed = new ReadOnlyBooleanWrapper(this, "exportFailed");

    public ReportsViewModel(IncidentSession session, Clock clock, BackgroundTasks tasks,
                            Function<IncidentState, MetricHistory> metrics) {
        this.session = session;
        this.cadences = new CadenceClock(clock);
        this.tasks = tasks;
        this.metrics = metrics;
        session.stateProperty().addListener((obs, old, state) -> refresh());
        refresh();
    }

    /** Recomputes the reminder from the state and the clock. */
    public void refresh() {
        IncidentState state = session.stateProperty().get();
        if (state == null) {
            due.set(null);
            reminder.set("");
            overdue.set(false);
            reminderShown.set(false);
            return;
        }
        Instant now = cadences.now();
        CadenceClock.Due next = cadences.next(state).orElse(null);
        due.set(next);
        reminderShown.set(true);
        if (next == null) {
            overdue.set(false);
            reminder.set("No stakeholder update due now · Ctrl+U composes one");
            return;
        }
        Cadence cadence = next.cadence();
        String what = cadence.label() + ", " + next.because();
        String when = CadenceClock.dueWords(next.dueAt(), now);
        overdue.set(next.overdue(now));
        reminder.set((next.overdue(now) ? "UPDATE " + when : "Next stakeholder update due " + when) + " · " + what
                + " · Ctrl+U to compose");
    }

    /** The cadence the next update is for (null when none is due: the update then goes to everyone). */
    public Cadence cadence() {
        return due.get() == null ? null : due.get().cadence();
    }

    /** A draft of the update due now, from the current state; null without an incident. */
    public String composeDraft() {
        IncidentState state = session.stateProperty().get();
        if (state == null) {
            return null;
        }
        return ReportRenderer.markdown(StakeholderUpdate.document(state, metrics.apply(state), cadences.now(), cadence())
                .markedAsDrill(drill()).withWarnings(session.warningLines()), null);
    }

    /** Records the update as published; the reminder resets once the event is durable. */
    public void publish(String text, Cadence cadence, Runnable whenDone) {
        String audience = cadence == null ? "Stakeholders" : cadence.audience();
        session.record(new EventPayload.UpdatePublished(cadence == null ? null : cadence.id(), audience, text),
                event -> {
                    refresh();
                    whenDone.run();
                });
    }

    public boolean canPublish() {
        return session.writableBinding().get();
    }

    /** Writes the post-incident report (in the background); the outcome shows in {@link #exportMessageProperty()}. */
    public void export(Path file, ReportFormat format) {
        IncidentState state = session.stateProperty().get();
        if (state == null) {
            exportFailed.set(true);
            exportMessage.set("No incident is open: start or resume one (Ctrl+I) to export its report.");
            return;
        }
        Instant now = cadences.now();
        List<String> warnings = session.warningLines();
        boolean drill = drill();
        tasks.run(() -> ReportFiles.write(PostIncidentReport.document(state, metrics.apply(state), now)
                        .markedAsDrill(drill).withWarnings(warnings), file, format, true),
                (List<Path> written) -> {
                    exportFailed.set(false);
                    exportMessage.set("Post-incident report written to " + written.get(0)
                            + (written.size() > 1 ? " (charts in " + written.get(1).getParent().getFileName() + "/)"
                            : ""));
                },
                error -> {
                    exportFailed.set(true);
                    exportMessage.set("The report was not written: " + error.getMessage());
                });
    }

    /** The open incident is a drill: its updates and reports say so, and it has a drill report. */
    public boolean drill() {
        Incident incident = session.incidentProperty().get();
        return incident != null && incident.metadata().drill();
    }

    /**
     * The drill report of the open drill with its trend over the drills of the plan (read in the background);
     * {@code whenReady} gets the document on the FX thread. Nothing happens outside a drill.
     */
    public void drillReport(Consumer<ReportDocument> whenReady) {
        Incident incident = session.incidentProperty().get();
        if (incident == null || !incident.metadata().drill()) {
            exportFailed.set(true);
            exportMessage.set("The open incident is not a drill: it has no drill report (File → New Drill… starts one).");
            return;
        }
        Instant now = cadences.now();
        List<String> warnings = session.warningLines();
        tasks.run(() -> {
            List<String> skipped = new ArrayList<>();
            ReportDocument document = DrillReport.document(
                    DrillFacts.of(incident.metadata(), incident.state(), now),
                    DrillTrend.of(incident, now, skipped::add), now);
            List<String> all = new ArrayList<>(warnings);
            all.addAll(skipped);
            return document.withWarnings(all);
        }, whenReady::accept, error -> {
            exportFailed.set(true);
            exportMessage.set("The drill report could not be made: " + error.getMessage());
        });
    }

    /** Writes a drill report (already made) where the operator chose; the outcome as for the post-incident report. */
    public void saveDrillReport(ReportDocument document, Path file, ReportFormat format) {
        tasks.run(() -> ReportFiles.write(document, file, format, true),
                (List<Path> written) -> {
                    exportFailed.set(false);
                    exportMessage.set("Drill report written to " + written.get(0));
                },
                error -> {
                    exportFailed.set(true);
                    exportMessage.set("The drill report was not written: " + error.getMessage());
                });
    }

    public ReadOnlyStringProperty reminderProperty() {
        return reminder.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty overdueProperty() {
        return overdue.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty reminderShownProperty() {
        return reminderShown.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<CadenceClock.Due> dueProperty() {
        return due.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty exportMessageProperty() {
        return exportMessage.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty exportFailedProperty() {
        return exportFailed.getReadOnlyProperty();
    }
}
