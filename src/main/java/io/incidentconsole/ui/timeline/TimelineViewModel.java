package io.incidentconsole.ui.timeline;

import io.incidentconsole.ui.incident.IncidentSession;

import io.incidentconsole.output.OutputFileException;
import io.incidentconsole.output.OutputFiles;

import io.incidentconsole.board.PhaseSchedule;
import io.incidentconsole.incident.IncidentState;
import io.incidentconsole.incident.Timeline;
import io.incidentconsole.incident.TimelineEntry;
import io.incidentconsole.incident.TimelineFilter;
import io.incidentconsole.plan.Phase;
import io.incidentconsole.plan.Plan;
import io.incidentconsole.plan.outline.Quantities;
import javafx.beans.InvalidationListener;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The incident's timeline: each phase's planned window beside its actual start and end, and every event in
 * order, filterable by kind and phase, searchable, exportable as Markdown; undo appends a compensating event.
 */
public final class TimelineViewModel {

    public static final String ALL_KINDS = "All kinds";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("MMM d HH:mm").withZone(ZoneOffset.UTC);

    private final IncidentSession session;
    private final ObservableValue<Plan> plan;
    private final java.time.Clock clock;
    private final ObservableList<ScheduleRow> schedule = FXCollections.observableArrayList();
    private final ObservableList<TimelineEntry> entries = FXCollections.observableArrayList();
    private final ObservableList<String> kinds = FXCollections.observableArrayList(ALL_KINDS);
    private final ObservableList<PhaseChoice> phases = FXCollections.observableArrayList(PhaseChoice.ALL);
    private final StringProperty kind = new SimpleStringProperty(this, "kind", ALL_KINDS);
    private final ObjectProperty<PhaseChoice> phase = new SimpleObjectProperty<>(this, "phase", PhaseChoice.ALL);
    private final StringProperty search = new SimpleStringProperty(this, "search", "");
    private final ReadOnlyBooleanWrapper live = new ReadOnlyBooleanWrapper(this, "live");
    private final ReadOnlyStringWrapper count = new ReadOnlyStringWrapper(this, "count", "");
    private final InvalidationListener changed = obs -> refresh();
    private Timeline timeline;

    public TimelineViewModel(IncidentSession session, ObservableValue<Plan> plan, java.time.Clock clock) {
        this.session = session;
        this.plan = plan;
        this.clock = clock;
    }

    /** A phase to filter by; {@link #ALL} keeps every event. */
    public record PhaseChoice(String id, String label) {
        public static final PhaseChoice ALL = new PhaseChoice(null, "All phases");

        @Override
        public String toString() {
            return label;
        }
    }

    /** One row of the planned-vs-actual table, already in words. */
    public record ScheduleRow(String phase, String status, String window, String planned, String actual, boolean late) {
    }

    public void activate() {
        plan.addListener(changed);
        session.stateProperty().addListener(changed);
        kind.addListener(changed);
        phase.addListener(changed);
        search.addListener(changed);
        refresh();
    }

    public void deactivate() {
        plan.removeListener(changed);
        session.stateProperty().removeListener(changed);
        kind.removeListener(changed);
        phase.removeListener(changed);
        search.removeListener(changed);
    }

    private void refresh() {
        Plan current = plan.getValue();
        IncidentState state = session.stateProperty().get();
        if (state != null && current != null && state.plan() != current) {
            state = null;
        }
        live.set(state != null);
        List<PhaseChoice> phaseChoices = new ArrayList<>();
        phaseChoices.add(PhaseChoice.ALL);
        if (current != null) {
            current.phases().forEach(p -> phaseChoices.add(new PhaseChoice(p.id(), issues(p) + " " + p.label())));
        }
        if (!phases.equals(phaseChoices)) {
            phases.setAll(phaseChoices);
        }
        if (state == null) {
            timeline = null;
            entries.clear();
            count.set("");
            schedule.setAll(current == null ? List.of() : current.phases().stream().map(p -> new ScheduleRow(
                    issues(p) + " " + p.label(), p.status().label(), Quantities.window(p.planned()), "—", "—", false))
                    .toList());
            return;
        }
        timeline = new Timeline(state);
        List<String> kindChoices = new ArrayList<>();
        kindChoices.add(ALL_KINDS);
        kindChoices.addAll(timeline.kinds());
        if (!kinds.equals(kindChoices)) {
            String selected = kind.get();
            kinds.setAll(kindChoices);
            kind.set(kindChoices.contains(selected) ? selected : ALL_KINDS);
        }
        List<TimelineEntry> shown = timeline.filter(filter());
        entries.setAll(shown);
        count.set(shown.size() + " of " + timeline.entries().size() + " events");
        Instant now = clock.instant();
        schedule.setAll(PhaseSchedule.rows(state.plan(), state).stream().map(r -> new ScheduleRow(
                issues(r.phase()) + " " + r.phase().label(), r.status().label(), Quantities.window(r.phase().planned()),
                range(r.plannedStart(), r.plannedEnd()), range(r.actualStart(), r.actualEnd()), r.late(now))).toList());
    }

    private static String range(Instant from, Instant to) {
        if (from == null && to == null) {
            return "—";
        }
        return (from == null ? "…" : SHORT.format(from)) + " → " + (to == null ? "…" : SHORT.format(to));
    }

    private static String issues(Phase p) {
        return String.join(", ", p.issues().stream().map(i -> "#" + i).toList());
    }

    public TimelineFilter filter() {
        Set<String> kindSet = kind.get() == null || ALL_KINDS.equals(kind.get()) ? Set.of() : Set.of(kind.get());
        Set<String> phaseSet = phase.get() == null || phase.get().id() == null ? Set.of() : Set.of(phase.get().id());
        return new TimelineFilter(kindSet, phaseSet, search.get());
    }

    public String markdown() {
        return timeline == null ? "" : timeline.toMarkdown(filter(), session.warningLines());
    }

    /** Writes the filtered timeline as Markdown; returns the problem instead when it could not be written. */
    public java.util.Optional<String> exportMarkdown(Path file) {
        if (timeline == null) {
            return java.util.Optional.of("No incident is open: there is no timeline to export.");
        }
        try {
            // The save dialog has asked about replacing an existing file.
            OutputFiles.write(file, markdown(), true);
            return java.util.Optional.empty();
        } catch (OutputFileException e) {
            return java.util.Optional.of("Could not write " + e.getMessage());
        }
    }

    public boolean canUndo(TimelineEntry entry) {
        IncidentState state = session.stateProperty().get();
        return entry != null && state != null && session.writableBinding().get() && state.canUndo(entry.event().id());
    }

    public void undo(TimelineEntry entry) {
        if (canUndo(entry)) {
            session.undo(entry.event().id());
        }
    }

    public static String time(TimelineEntry entry) {
        return TIME.format(entry.event().at());
    }

    public ObservableList<ScheduleRow> schedule() {
        return schedule;
    }

    public ObservableList<TimelineEntry> entries() {
        return entries;
    }

    public ObservableList<String> kinds() {
        return kinds;
    }

    public ObservableList<PhaseChoice> phases() {
        return phases;
    }

    public StringProperty kindProperty() {
        return kind;
    }

    public ObjectProperty<PhaseChoice> phaseProperty() {
        return phase;
    }

    public StringProperty searchProperty() {
        return search;
    }

    public ReadOnlyBooleanProperty liveProperty() {
        return live.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty countProperty() {
        return count.getReadOnlyProperty();
    }
}
