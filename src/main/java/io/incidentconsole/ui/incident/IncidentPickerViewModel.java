package io.incidentconsole.ui.incident;

import java.util.List;
import io.incidentconsole.ui.common.CurrentPlan;
import io.incidentconsole.ui.common.BackgroundTasks;

import io.incidentconsole.incident.Incident;
import io.incidentconsole.incident.storage.IncidentStore;
import io.incidentconsole.incident.IncidentSummary;
import io.incidentconsole.incident.OperatorSettings;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import io.incidentconsole.drill.Drills;
import io.incidentconsole.drill.Scenario;
import io.incidentconsole.drill.Scenarios;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Start a new incident from the current plan, or resume one. The operator name is asked once and remembered;
 * it is required because every event carries it.
 */
public final class IncidentPickerViewModel {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final IncidentStore store;
    private final OperatorSettings operators;
    private final Supplier<Optional<CurrentPlan>> currentPlan;
    private final BackgroundTasks tasks;
    private final Consumer<Incident> opened;

    private final StringProperty operator = new SimpleStringProperty(this, "operator", "");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ObservableList<IncidentSummary> incidents = FXCollections.observableArrayList();
    /** Drills are listed apart from real incidents, never mixed with them. */
    private final ObservableList<IncidentSummary> drills = FXCollections.observableArrayList();
    /** What "Start a new drill" plays: null for no scenario, a bundled name, or a scenario file's path. */
    private final StringProperty scenario = new SimpleStringProperty(this, "scenario");
    private final ObjectProperty<IncidentSummary> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyBooleanWrapper done = new ReadOnlyBooleanWrapper(this, "done");
    private final ReadOnlyBooleanWrapper listing = new ReadOnlyBooleanWrapper(this, "listing");
    private final BooleanBinding operatorMissing = Bindings.createBooleanBinding(
            () -> operator.get() == null || operator.get().isBlank(), operator);

    public IncidentPickerViewModel(IncidentStore store, OperatorSettings operators,
                                   Supplier<Optional<CurrentPlan>> currentPlan,
                                   BackgroundTasks tasks, Consumer<Incident> opened) {
        this.store = store;
        this.operators = operators;
        this.currentPlan = currentPlan;
        this.tasks = tasks;
        this.opened = opened;
        operator.set(operators.operator().orElse(""));
    }

    /** Reads the list of incidents (most recent first) and selects the most recent readable one. */
    public void refresh() {
        refresh(() -> { });
    }

    /**
     * The same, on the background thread (it reads every incident's folder, and the dialog is already showing);
     * {@code whenListed} runs on the FX thread once the list is in, or its reading failed.
     */
    public void refresh(Runnable whenListed) {
        listing.set(true);
        tasks.run(store::list, list -> {
            listing.set(false);
            incidents.setAll(list.stream().filter(s -> !s.drill()).toList());
            drills.setAll(list.stream().filter(IncidentSummary::drill).toList());
            selected.set(incidents.stream().filter(s -> s.problem() == null).findFirst()
                    .or(() -> drills.stream().filter(s -> s.problem() == null).findFirst()).orElse(null));
            whenListed.run();
        }, error -> {
            listing.set(false);
            problem.set("Cannot list incidents in " + store.incidentsDir() + ": " + error.getMessage());
            whenListed.run();
        });
    }

    /** True while {@link #refresh} is reading the incidents. */
    public ReadOnlyBooleanProperty listingProperty() {
        return listing.getReadOnlyProperty();
    }

    public String planLine() {
        return currentPlan.get().map(p -> "From the plan now open: " + p.plan().plan().title() + " (" + p.source() + ")")
                .orElse("Open a plan first to start a new incident from it.");
    }

    public boolean canStartNew() {
        return currentPlan.get().isPresent();
    }

    /** Starts an incident from the open plan; when that is not possible {@link #problemProperty()} says why. */
    public void startNew() {
        Optional<String> name = validName();
        Optional<CurrentPlan> plan = currentPlan.get();
        if (name.isEmpty()) {
            return;
        }
        if (plan.isEmpty()) {
            problem.set("No plan is open to start an incident from.");
            return;
        }
        CurrentPlan p = plan.get();
        open(() -> store.create(p.plan(), p.source(), p.text(), name.get()));
    }

    /**
     * Starts a drill (a rehearsal) from the open plan, playing {@link #scenarioProperty()}; a scenario that does not
     * fit the plan is refused with its located problems in {@link #problemProperty()}.
     */
    public void startNewDrill() {
        Optional<String> name = validName();
        Optional<CurrentPlan> plan = currentPlan.get();
        if (name.isEmpty()) {
            return;
        }
        if (plan.isEmpty()) {
            problem.set("No plan is open to start a drill from.");
            return;
        }
        CurrentPlan p = plan.get();
        String chosen = scenario.get();
        open(() -> {
            Optional<Scenario> played;
            try {
                played = chosen == null || chosen.isBlank() ? Optional.empty()
                        : Optional.of(Scenarios.load(chosen, p.plan()));
            } catch (Scenarios.ScenarioException e) {
                throw new IllegalArgumentException(e.getMessage() + (e.problems().isEmpty() ? "" : "\n"
                        + String.join("\n", e.problems().stream().map(Object::toString).toList())), e);
            }
            return Drills.start(store, p.plan(), p.source(), p.text(), name.get(), played);
        });
    }

    /** The bundled scenarios a new drill can play (a file can be chosen too). */
    public List<String> bundledScenarios() {
        return Scenarios.BUNDLED;
    }

    public StringProperty scenarioProperty() {
        return scenario;
    }

    public ObservableList<IncidentSummary> drills() {
        return drills;
    }

    public void resume(IncidentSummary summary) {
        Optional<String> name = validName();
        if (name.isEmpty()) {
            return;
        }
        if (summary == null) {
            problem.set("Select an incident to resume.");
            return;
        }
        if (summary.problem() != null) {
            problem.set("Cannot resume " + summary.id() + ": " + summary.problem());
            return;
        }
        open(() -> store.open(summary.id(), name.get()));
    }

    /** Opening replays the journal, so it runs in the background; the picker closes once it is done. */
    private void open(Callable<Incident> work) {
        busy.set(true);
        problem.set("Opening…");
        tasks.run(work, incident -> {
            busy.set(false);
            problem.set("");
            try {
                operators.rememberOperator(incident.operator());
            } catch (RuntimeException e) {
                // Not remembering the name costs typing it again next time; the incident is open all the same.
            }
            opened.accept(incident);
            done.set(true);
        }, error -> {
            busy.set(false);
            problem.set(error.getMessage());
        });
    }

    private Optional<String> validName() {
        if (operatorMissing.get()) {
            problem.set("Enter your name: it is recorded with every action.");
            return Optional.empty();
        }
        return Optional.of(operator.get().strip());
    }

    /** "20260129-… · Issue #324 & #330 … · started 2026-01-29 10:00 UTC by ana · last: TaskTicked 10:42". */
    public static String describe(IncidentSummary s) {
        if (s.problem() != null) {
            return s.id() + " — cannot be read: " + s.problem();
        }
        String last = s.lastEvent().map(e -> "last action " + TIME.format(e.at()) + " by " + e.operator() + " ("
                + e.kind() + ")").orElse("no actions yet");
        return s.planTitle() + "\n" + s.id() + "  ·  started " + TIME.format(s.createdAt()) + " by " + s.createdBy()
                + "  ·  " + last;
    }

    public StringProperty operatorProperty() {
        return operator;
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ObservableList<IncidentSummary> incidents() {
        return incidents;
    }

    public ObjectProperty<IncidentSummary> selectedProperty() {
        return selected;
    }

    public BooleanBinding operatorMissingBinding() {
        return operatorMissing;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Becomes true once an incident was opened: the picker's work is done. */
    public ReadOnlyBooleanProperty doneProperty() {
        return done.getReadOnlyProperty();
    }
}
