package io.incidentconsole.ui.team;

import io.incidentconsole.ui.common.BackgroundTasks;
import io.incidentconsole.ui.incident.IncidentSession;

import io.incidentconsole.incident.Incident;
import io.incidentconsole.incident.Journal;
import io.incidentconsole.team.ConnectedConsole;
import io.incidentconsole.team.TeamConnectionStatus;
import io.incidentconsole.team.TeamIncidents;
import io.incidentconsole.team.TeamJournal;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * How the open incident stands with its team database, seen from the FX thread: the connection status and who
 * is connected. Empty (null {@link #teamProperty()}) for a local incident. The team journal tells of changes on a
 * background thread; each change hops once to the FX thread (they are rare: a status change, a console joining).
 * Listening stops when the incident is closed or replaced.
 */
public final class TeamSession {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    /** What the header and the board show of the team. */
    public record Team(String databaseLabel, TeamConnectionStatus status, List<ConnectedConsole> consoles) {
        public Team {
            consoles = List.copyOf(consoles);
        }

        /**
         * "TEAM db:5432/incidents · online · 3 consoles", "OFFLINE since 03:12 UTC · …", "READ-ONLY · database
         * unreachable · …", and once it answers again "READ-ONLY · database is back — Reopen live · …".
         */
        public String chipText() {
            return switch (status.state()) {
                case ONLINE -> "TEAM " + databaseLabel + " · online · " + count(consoles.size(), "console");
                case OFFLINE -> "OFFLINE since " + CLOCK.format(status.since()) + " · "
                        + (status.queuedEvents() == 0 ? "no events queued"
                        : count(status.queuedEvents(), "event") + " queued")
                        + " · sending when the database is back";
                case READ_ONLY -> "READ-ONLY · " + (status.databaseBack() ? "database is back — Reopen live"
                        : "database unreachable") + " · state last synced "
                        + (status.lastSynced() == null ? "never" : CLOCK.format(status.lastSynced()));
            };
        }

        /** The database and the status's explanation, for the chip's tooltip. */
        public String chipDetails() {
            return "Team database " + databaseLabel + (status.message().isBlank() ? "" : "\n" + status.message())
                    + (status.lastSynced() == null ? "" : "\nLast synced " + CLOCK.format(status.lastSynced()));
        }

        /** "Connected: Alice (you) · Bob · Carol" (this console first). */
        public String presenceText() {
            List<String> names = new ArrayList<>();
            consoles.stream().filter(ConnectedConsole::self).forEach(c -> names.add(c.operator() + " (you)"));
            consoles.stream().filter(c -> !c.self()).forEach(c -> names.add(c.operator()));
            String who = names.isEmpty() ? "nobody" : String.join(" · ", names);
            if (!status.isOnline() && consoles.stream().allMatch(ConnectedConsole::self)) {
                // The database is the only one who knows who else is there.
                return "Who else is connected is unknown while the database is unreachable";
            }
            return status.isOnline() ? "Connected: " + who
                    : "Connected when last heard from the database"
                    + (status.lastSynced() == null ? "" : " (" + CLOCK.format(status.lastSynced()) + ")") + ": " + who;
        }

        /** One line per console with its host and since when, for the presence line's tooltip. */
        public String presenceDetails() {
            StringBuilder out = new StringBuilder();
            for (ConnectedConsole c : consoles) {
                out.append(out.length() == 0 ? "" : "\n").append(c.operator()).append(c.self() ? " (you)" : "")
                        .append(" on ").append(c.host()).append(" · joined ").append(CLOCK.format(c.joinedAt()))
                        .append(" · last seen ").append(CLOCK.format(c.lastSeen()));
            }
            return out.toString();
        }

        private static String count(int n, String noun) {
            return n + " " + noun + (n == 1 ? "" : "s");
        }
    }

    private final BackgroundTasks tasks;
    private final ReadOnlyObjectWrapper<Team> team = new ReadOnlyObjectWrapper<>(this, "team");
    private final ReadOnlyBooleanWrapper canReopenLive =
            new ReadOnlyBooleanWrapper(this, "canReopenLive");
    private final ReadOnlyBooleanWrapper databaseBack =
            new ReadOnlyBooleanWrapper(this, "databaseBack");
    private final ReadOnlyBooleanWrapper reopening =
            new ReadOnlyBooleanWrapper(this, "reopening");
    private final ReadOnlyStringWrapper reopenProblem =
            new ReadOnlyStringWrapper(this, "reopenProblem", "");
    private final List<Journal.Subscription> subscriptions = new ArrayList<>();
    private TeamJournal watched;
    private Incident served;
    private TeamIncidents serving;

    public TeamSession(IncidentSession session, BackgroundTasks tasks) {
        this.tasks = tasks;
        session.incidentProperty().addListener((obs, old, incident) -> watch(incident));
        watch(session.incidentProperty().get());
    }

    /**
     * Keeps the team database connection an incident was joined through open while that incident is the
     * console's, and closes it (in the background: it may wait on the network) once it is closed or replaced.
     */
    public void keepOpenWhileAttached(Incident incident, TeamIncidents connection) {
        releaseConnection();
        served = incident;
        serving = connection;
        if (watched != null) {
            update(watched);
        }
    }

    /**
     * Opens the read-only team incident again through the connection it was joined by: live when the database
     * answers now (the read-only copy is replaced by it, and {@code opened} gets it, as the join dialog does),
     * otherwise the read-only copy stays and {@link #reopenProblemProperty()} says why. A read-only incident does
     * not go live by itself, so that the state does not change under the operator's eyes.
     */
    public void reopenLive(Consumer<Incident> opened) {
        Incident current = served;
        TeamIncidents connection = serving;
        if (!canReopenLive.get() || reopening.get() || current == null || connection == null) {
            return;
        }
        reopening.set(true);
        reopenProblem.set("");
        tasks.run(() -> connection.join(current.id(), current.operator()), reopened -> {
            reopening.set(false);
            if (served != current) {
                reopened.close(); // another incident was opened meanwhile
                return;
            }
            if (reopened.isReadOnly()) {
                reopened.close();
                reopenProblem.set("Still read-only: " + reopened.readOnlyReason().orElse("the database cannot be reached"));
                return;
            }
            // The connection now serves the live incident: hand it over without closing it.
            serving = null;
            served = null;
            keepOpenWhileAttached(reopened, connection);
            opened.accept(reopened);
        }, error -> {
            reopening.set(false);
            reopenProblem.set("Could not reopen the incident: " + error.getMessage());
        });
    }

    private void releaseConnection() {
        TeamIncidents previous = serving;
        serving = null;
        served = null;
        if (previous != null) {
            tasks.run(() -> {
                previous.close();
                return previous;
            }, closed -> { }, error -> { });
        }
    }

    private void watch(Incident incident) {
        if (served != null && served != incident) {
            releaseConnection();
        }
        subscriptions.forEach(Journal.Subscription::close);
        subscriptions.clear();
        watched = incident != null && incident.journal() instanceof TeamJournal journal ? journal : null;
        reopenProblem.set("");
        if (watched == null) {
            team.set(null);
            canReopenLive.set(false);
            databaseBack.set(false);
            return;
        }
        TeamJournal journal = watched;
        subscriptions.add(journal.onConnectionStatus(status -> tasks.onUi(() -> update(journal))));
        subscriptions.add(journal.onConnectedConsoles(consoles -> tasks.onUi(() -> update(journal))));
        update(journal);
    }

    /** Reads the journal's current status and consoles; a late notice for a replaced incident is dropped. */
    private void update(TeamJournal journal) {
        if (journal != watched) {
            return;
        }
        team.set(new Team(journal.databaseLabel(), journal.connectionStatus(), journal.connectedConsoles()));
        canReopenLive.set(journal.connectionStatus().state() == TeamConnectionStatus.State.READ_ONLY
                && serving != null && served != null && served.journal() == journal);
        databaseBack.set(canReopenLive.get() && journal.connectionStatus().databaseBack());
    }

    /** True while the open incident is a read-only team copy whose database answers again: reopening makes it live. */
    public ReadOnlyBooleanProperty databaseBackProperty() {
        return databaseBack.getReadOnlyProperty();
    }

    /** True while the open incident is a read-only team copy that {@link #reopenLive} can try to make live. */
    public ReadOnlyBooleanProperty canReopenLiveProperty() {
        return canReopenLive.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty reopeningProperty() {
        return reopening.getReadOnlyProperty();
    }

    /** Why the last {@link #reopenLive} left the incident read-only; empty otherwise. */
    public ReadOnlyStringProperty reopenProblemProperty() {
        return reopenProblem.getReadOnlyProperty();
    }

    /** The open incident's team, or null when the incident is local (or none is open). */
    public ReadOnlyObjectProperty<Team> teamProperty() {
        return team.getReadOnlyProperty();
    }
}
