package io.incidentconsole.ui.team;

import io.incidentconsole.ui.incident.CurrentPlan;

import io.incidentconsole.ui.common.BackgroundTasks;

import io.incidentconsole.incident.Incident;
import io.incidentconsole.incident.IncidentSummary;
import io.incidentconsole.incident.OperatorSettings;
import io.incidentconsole.team.RecentTeamDatabases;
import io.incidentconsole.team.TeamDatabaseAddress;
import io.incidentconsole.team.TeamDatabaseConnector;
import io.incidentconsole.team.TeamIncidents;
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

import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/**
 * Join a team incident: the team database's address (checked as it is typed), Connect (in the background) to
 * list the shared incidents, then join one, or start a new one from the plan open in the console. Failures are
 * shown here, in the operator-fit words of the team database; nothing is thrown at the operator.
 */
public final class TeamJoinViewModel {

    static final String NOT_CONNECTED = "Connect to see the shared incidents of the database.";

    private final TeamDatabaseConnector connector;
    private final RecentTeamDatabases recent;
    private final OperatorSettings operators;
    private final Supplier<Optional<CurrentPlan>> currentPlan;
    private final BackgroundTasks tasks;
    private final TeamSession team;
    private final java.util.function.Consumer<Incident> opened;

    private final StringProperty address = new SimpleStringProperty(this, "address", "");
    private final ReadOnlyStringWrapper addressProblem = new ReadOnlyStringWrapper(this, "addressProblem", "");
    private final StringProperty operator = new SimpleStringProperty(this, "operator", "");
    private final ObservableList<String> recentAddresses = FXCollections.observableArrayList();
    private final ObservableList<IncidentSummary> incidents = FXCollections.observableArrayList();
    private final ObjectProperty<IncidentSummary> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper failed = new ReadOnlyBooleanWrapper(this, "failed");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyBooleanWrapper connected = new ReadOnlyBooleanWrapper(this, "connected");
    private final ReadOnlyBooleanWrapper done = new ReadOnlyBooleanWrapper(this, "done");
    private final ReadOnlyStringWrapper emptyList = new ReadOnlyStringWrapper(this, "emptyList", NOT_CONNECTED);
    private final BooleanBinding canJoin;
    private final BooleanBinding canStartNew;
    private TeamIncidents connection;
    /** The incident `--incident ID` asked for, while the operator still has to act (say who they are) before joining. */
    private String requested;

    public TeamJoinViewModel(TeamDatabaseConnector connector, RecentTeamDatabases recent, OperatorSettings operators,
                             Supplier<Optional<CurrentPlan>> currentPlan, BackgroundTasks tasks,
                             TeamSession team, java.util.function.Consumer<Incident> opened) {
        this.connector = connector;
        this.recent = recent;
        this.operators = operators;
        this.currentPlan = currentPlan;
        this.tasks = tasks;
        this.team = team;
        this.opened = opened;
        recentAddresses.setAll(recent.list());
        address.set(recentAddresses.isEmpty() ? "" : recentAddresses.get(0));
        operator.set(operators.operator().orElse(""));
        address.addListener((obs, old, now) -> addressChanged());
        addressChanged();
        canJoin = Bindings.createBooleanBinding(() -> connected.get() && selected.get() != null && !busy.get(),
                connected, selected, busy);
        canStartNew = Bindings.createBooleanBinding(() -> connected.get() && !busy.get()
                && currentPlan.get().isPresent(), connected, busy);
    }

    /** Re-checks the address; a changed address needs a new Connect. */
    private void addressChanged() {
        addressProblem.set(problemOf(address.get()));
        requested = null; // asked of another database
        if (connection != null && !address.get().strip().equals(connection.address().text())) {
            disconnect();
            incidents.clear();
            message.set("");
        }
    }

    /** "" when the text is an address, or empty (nothing to complain about yet). */
    static String problemOf(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        try {
            TeamDatabaseAddress.parse(text);
            return "";
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    /**
     * Connects to the address and lists its shared incidents; when the command line named an incident that could not
     * be joined at once (no name known yet), it is joined now, as asked.
     */
    public void connect() {
        String asked = requested;
        connect(() -> {
            if (asked != null && asked.equals(requested)) {
                incidents.stream().filter(i -> i.id().equals(asked)).findFirst().ifPresent(selected::set);
                if (operator.get() != null && !operator.get().isBlank()) {
                    requested = null;
                    join(asked);
                }
            }
        });
    }

    private void connect(Runnable then) {
        TeamDatabaseAddress parsed;
        try {
            parsed = TeamDatabaseAddress.parse(address.get());
        } catch (IllegalArgumentException e) {
            addressProblem.set(e.getMessage());
            fail(e.getMessage());
            return;
        }
        disconnect();
        incidents.clear();
        busy.set(true);
        failed.set(false);
        message.set("Connecting to " + parsed.label() + "…");
        emptyList.set("Connecting to " + parsed.label() + "…");
        tasks.run(() -> {
            TeamIncidents opened = connector.connect(parsed);
            try {
                return new Listed(opened, opened.list());
            } catch (RuntimeException e) {
                opened.close();
                throw e;
            }
        }, listed -> {
            busy.set(false);
            connection = listed.connection();
            incidents.setAll(listed.incidents());
            selected.set(incidents.isEmpty() ? null : incidents.get(0));
            connected.set(true);
            emptyList.set("No shared incidents in " + parsed.label() + " yet: " + (currentPlan.get().isPresent()
                    ? "start one from the plan open now." : "open a plan, then start one from it."));
            message.set("Connected to " + parsed.label() + ": " + (incidents.isEmpty() ? "no shared incidents yet"
                    : incidents.size() == 1 ? "1 shared incident" : incidents.size() + " shared incidents") + ".");
            try {
                recentAddresses.setAll(recent.add(parsed));
            } catch (RuntimeException e) {
                message.set(message.get() + " (could not remember the address: " + e.getMessage() + ")");
            }
            then.run();
        }, error -> {
            busy.set(false);
            emptyList.set(NOT_CONNECTED);
            fail(describe(parsed, error));
        });
    }

    private record Listed(TeamIncidents connection, List<IncidentSummary> incidents) {
    }

    /** The team database's own message is written for operators; anything else gets the database named. */
    private static String describe(TeamDatabaseAddress address, Exception error) {
        return error instanceof io.incidentconsole.team.TeamDatabaseException
                ? error.getMessage()
                : "Could not use the team database " + address.label() + ": " + error.getMessage();
    }

    public void join(IncidentSummary summary) {
        Optional<String> name = validName();
        if (name.isEmpty()) {
            return;
        }
        if (connection == null) {
            fail("Connect to the team database first.");
            return;
        }
        if (summary == null) {
            fail("Select a shared incident to join.");
            return;
        }
        TeamIncidents using = connection;
        open("Joining " + summary.id() + "…", () -> using.join(summary.id(), name.get()), using);
    }

    /** Joins the incident of that id (as `--incident ID` asks) once connected. */
    public void join(String incidentId) {
        Optional<String> name = validName();
        if (name.isEmpty()) {
            return;
        }
        if (connection == null) {
            fail("Connect to the team database first.");
            return;
        }
        TeamIncidents using = connection;
        open("Joining " + incidentId + "…", () -> using.join(incidentId, name.get()), using);
    }

    /** Starts a new shared incident from the plan open in the console. */
    public void startNew() {
        Optional<String> name = validName();
        if (name.isEmpty()) {
            return;
        }
        Optional<CurrentPlan> plan = currentPlan.get();
        if (connection == null) {
            fail("Connect to the team database first.");
            return;
        }
        if (plan.isEmpty()) {
            fail("No plan is open to start a shared incident from: open one first (Ctrl+O).");
            return;
        }
        TeamIncidents using = connection;
        CurrentPlan p = plan.get();
        open("Starting a shared incident from " + p.plan().plan().title() + "…",
                () -> using.start(p.plan(), p.source(), p.text(), name.get()), using);
    }

    /**
     * What the command line asks for (`--incident-db ADDRESS [--incident ID]`): connect, then join the incident or,
     * without an id, start a new one from the open plan. Returns false when the operator must act first (no name
     * known yet, a bad address); {@link #messageProperty()} then says what to do.
     */
    public boolean launch(String addressText, String incidentId) {
        address.set(addressText == null ? "" : addressText.strip());
        if (validName().isEmpty()) {
            if (incidentId != null && !incidentId.isBlank()) {
                // Kept for the Connect the operator presses after typing their name: they asked for this incident.
                requested = incidentId.strip();
                message.set("Enter your name, then press Enter: the console joins " + requested
                        + " as the command line asked. Your name is recorded with every action, and the others see it.");
            }
            return false;
        }
        if (!problemOf(address.get()).isEmpty() || address.get().isBlank()) {
            fail(address.get().isBlank() ? "Enter the team database." : addressProblem.get());
            return false;
        }
        connect(() -> {
            if (incidentId == null || incidentId.isBlank()) {
                startNew();
            } else {
                join(incidentId.strip());
            }
        });
        return true;
    }

    private void open(String what, Callable<Incident> work, TeamIncidents using) {
        busy.set(true);
        failed.set(false);
        message.set(what);
        tasks.run(work, incident -> {
            busy.set(false);
            message.set("");
            try {
                operators.rememberOperator(incident.operator());
            } catch (RuntimeException e) {
                // Not remembering the name costs typing it again next time; the incident is open all the same.
            }
            opened.accept(incident);
            // The connection now serves the incident: it is closed with it, not with this dialog.
            team.keepOpenWhileAttached(incident, using);
            connection = null;
            done.set(true);
        }, error -> {
            busy.set(false);
            fail(describe(using.address(), error));
        });
    }

    private Optional<String> validName() {
        String name = operator.get();
        if (name == null || name.isBlank()) {
            fail("Enter your name: it is recorded with every action, and the others see it.");
            return Optional.empty();
        }
        return Optional.of(name.strip());
    }

    private void fail(String text) {
        failed.set(true);
        message.set(text);
    }

    /** The dialog is closing: a connection that serves no incident is released (in the background). */
    public void cancel() {
        disconnect();
    }

    private void disconnect() {
        TeamIncidents previous = connection;
        connection = null;
        connected.set(false);
        emptyList.set(NOT_CONNECTED);
        if (previous != null) {
            tasks.run(() -> {
                previous.close();
                return previous;
            }, closed -> { }, error -> { });
        }
    }

    public String planLine() {
        return currentPlan.get().map(p -> "A new shared incident starts from the plan open now: "
                + p.plan().plan().title()).orElse("Open a plan first to start a new shared incident from it.");
    }

    public StringProperty addressProperty() {
        return address;
    }

    /** What is wrong with the typed address ("" when it is fine or empty), for the field's decoration. */
    public ReadOnlyStringProperty addressProblemProperty() {
        return addressProblem.getReadOnlyProperty();
    }

    public StringProperty operatorProperty() {
        return operator;
    }

    public ObservableList<String> recentAddresses() {
        return recentAddresses;
    }

    public ObservableList<IncidentSummary> incidents() {
        return incidents;
    }

    public ObjectProperty<IncidentSummary> selectedProperty() {
        return selected;
    }

    /** What the incident list says while it is empty: connect first, connecting, or none in this database yet. */
    public ReadOnlyStringProperty emptyListProperty() {
        return emptyList.getReadOnlyProperty();
    }

    /** The incident the command line asked to join, waiting for the operator's name; null when none is. */
    public String requestedIncident() {
        return requested;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty failedProperty() {
        return failed.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty connectedProperty() {
        return connected.getReadOnlyProperty();
    }

    public BooleanBinding canJoinBinding() {
        return canJoin;
    }

    public BooleanBinding canStartNewBinding() {
        return canStartNew;
    }

    /** True once an incident was joined or started: the dialog's work is done. */
    public ReadOnlyBooleanProperty doneProperty() {
        return done.getReadOnlyProperty();
    }
}
