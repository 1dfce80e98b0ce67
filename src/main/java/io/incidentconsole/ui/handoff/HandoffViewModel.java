package io.incidentconsole.ui.handoff;

import io.incidentconsole.output.OutputFiles;
import io.incidentconsole.drill.Drills;
import io.incidentconsole.ui.common.BackgroundTasks;
import io.incidentconsole.ui.incident.IncidentSession;

import io.incidentconsole.handoff.HandoffBuilder;
import io.incidentconsole.handoff.HandoffMarkdown;
import io.incidentconsole.incident.EventPayload.HandoffShared;
import io.incidentconsole.incident.Incident;
import io.incidentconsole.incident.IncidentHolder;
import io.incidentconsole.incident.IncidentState;
import io.incidentconsole.incident.OperatorSettings;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Shift change: the handoff summary of the open incident with the outgoing operator's "watch out" notes (copied
 * or saved, and recorded), and the incoming operator taking the incident over (recorded; this console's later
 * events carry their name, and every console of a team incident shows the new holder).
 */
public final class HandoffViewModel {

    private static final DateTimeFormatter SINCE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final IncidentSession session;
    private final Clock clock;
    private final BackgroundTasks tasks;
    private final Supplier<OperatorSettings> operators;
    private final Consumer<String> status;
    private final ReadOnlyStringWrapper holder = new ReadOnlyStringWrapper(this, "holder", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper failed = new ReadOnlyBooleanWrapper(this, "failed");
    /** The outgoing operator's notes, kept for the session: closing the dialog unsent loses nothing. */
    private final StringProperty notes = new SimpleStringProperty(this, "notes", "");

    /** @param status the console's status bar (says who this console records as after a takeover) */
    public HandoffViewModel(IncidentSession session, Clock clock, BackgroundTasks tasks,
                            Supplier<OperatorSettings> operators, Consumer<String> status) {
        this.status = status;
        this.session = session;
        this.clock = clock;
        this.tasks = tasks;
        this.operators = operators;
        session.stateProperty().addListener((obs, old, state) -> showHolder(state));
        // Notes belong to the incident they were typed for.
        session.incidentProperty().addListener((obs, old, incident) -> notes.set(""));
        showHolder(session.stateProperty().get());
    }

    private void showHolder(IncidentState state) {
        holder.set(state == null ? "" : IncidentHolder.of(state).map(h -> "Held by " + h.operator() + " since "
                + SINCE.format(h.since()) + (h.tookOver() ? " (took over)" : "")).orElse(""));
    }

    /** Whether an incident is open (the summary needs one). */
    public boolean available() {
        return session.stateProperty().get() != null && session.incidentProperty().get() != null;
    }

    /** The summary as it stands now, with the notes typed so far. */
    public String markdown(String watchOut) {
        Incident incident = session.incidentProperty().get();
        IncidentState state = session.stateProperty().get();
        if (incident == null || state == null) {
            return "";
        }
        return Drills.markMarkdown(HandoffMarkdown.render(new HandoffBuilder(clock)
                .build(state, incident.id(), incident.operator()).withWatchOut(watchOut)), incident.metadata().drill());
    }

    public boolean canRecord() {
        return session.writableBinding().get();
    }

    /** Records that the summary was put on the clipboard (the view puts it there). */
    public void copied(String watchOut) {
        String text = markdown(watchOut);
        report("Copied the handoff summary to the clipboard" + (canRecord() ? "; recorded." : "."), false);
        if (canRecord()) {
            session.record(new HandoffShared("copied", null, blankToNull(watchOut), text));
        }
    }

    /** Whether saving to {@code file} would replace a file (the view then asks first). */
    public boolean wouldReplace(Path file) {
        return Files.exists(file);
    }

    /** Writes the summary atomically (replacing only when {@code replace}) and records where. */
    public void save(Path file, String watchOut, boolean replace, Runnable whenDone) {
        String text = markdown(watchOut);
        if (!replace && Files.exists(file)) {
            report(file + " already exists: nothing was written.", true);
            return;
        }
        tasks.run(() -> {
            // The one rule for written files: never inside an incident folder (a save can never replace a journal).
            OutputFiles.write(file, text, replace);
            return file;
        }, saved -> {
            report("Saved the handoff summary as " + saved + (canRecord() ? "; recorded." : "."), false);
            if (canRecord()) {
                session.record(new HandoffShared("saved", saved.toString(), blankToNull(watchOut), text));
            }
            whenDone.run();
        }, error -> report("Not saved: " + file + ": " + error.getMessage(), true));
    }

    /**
     * {@code name} takes the incident over: recorded under their name, later events of this console carry it, and
     * the name is remembered as this console's operator.
     */
    public void takeOver(String name, String note, Runnable whenDone) {
        Incident incident = session.incidentProperty().get();
        if (incident == null || !canRecord()) {
            report("No writable incident is open: nothing to take over.", true);
            return;
        }
        if (name == null || name.isBlank()) {
            report("Type the name of the operator taking over.", true);
            return;
        }
        tasks.run(() -> {
            incident.takeOver(name, note);
            operators.get().rememberOperator(name.strip());
            return name.strip();
        }, who -> {
            report(who + " has the incident now; what this console records is under their name.", false);
            status.accept("Working on incident " + incident.id() + " as " + who + " (took it over)");
            whenDone.run();
        }, error -> report("Not taken over: " + error.getMessage(), true));
    }

    private void report(String text, boolean problem) {
        failed.set(problem);
        message.set(text);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** "Held by ben since 2026-12-07 03:10 UTC (took over)": for the header. */
    public ReadOnlyStringProperty holderProperty() {
        return holder.getReadOnlyProperty();
    }

    /** The "watch out" notes typed so far; the dialog edits them, so reopening it shows them again. */
    public StringProperty notesProperty() {
        return notes;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty failedProperty() {
        return failed.getReadOnlyProperty();
    }
}
