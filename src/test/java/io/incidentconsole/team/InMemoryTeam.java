package io.incidentconsole.team;

import io.incidentconsole.incident.Event;
import io.incidentconsole.incident.EventPayload;
import io.incidentconsole.incident.Incident;
import io.incidentconsole.incident.IncidentMetadata;
import io.incidentconsole.incident.IncidentSummary;
import io.incidentconsole.incident.JournalException;
import io.incidentconsole.incident.JournalListener;
import io.incidentconsole.incident.RecoveryReport;
import io.incidentconsole.plan.Plan;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A team database in memory, for UI tests: every console that connects shares one event list per incident and
 * is told of every event at once (on the appending thread). Tests control the connection of each joined console
 * ({@link Journal#goOffline()}, {@link Journal#goOnline()}) and can refuse connections ({@link #refuse(String)}).
 * Offline, a console keeps working: its events are queued, shown locally, and sent in order when it is back.
 */
public final class InMemoryTeam implements TeamDatabaseConnector {

    private final Clock clock;
    private final Path cache;
    private final Map<String, Shared> incidents = new LinkedHashMap<>();
    private final AtomicInteger consoles = new AtomicInteger();
    private final List<TeamDatabaseAddress> connections = new CopyOnWriteArrayList<>();
    private volatile String refusal;
    private volatile Instant unreachableSince;

    /** {@code cache}: the folder the incidents report as theirs (a real team journal keeps its offline queue there). */
    public InMemoryTeam(Clock clock, Path cache) {
        this.clock = clock;
        this.cache = cache;
    }

    /** From now on connecting fails with this operator-fit message (null: connecting works again). */
    public void refuse(String message) {
        refusal = message;
    }

    /** From now on joins find the database unreachable and open the last synced state read-only (null: reachable). */
    public void unreachableSince(Instant since) {
        unreachableSince = since;
    }

    /** The addresses consoles connected to, in order. */
    public List<TeamDatabaseAddress> connections() {
        return List.copyOf(connections);
    }

    @Override
    public TeamIncidents connect(TeamDatabaseAddress address) {
        String refused = refusal;
        if (refused != null) {
            throw new TeamDatabaseException(refused);
        }
        connections.add(address);
        return new Console(address, "laptop-" + consoles.incrementAndGet());
    }

    /** The events of a shared incident as the database ordered them. */
    public synchronized List<Event> events(String incidentId) {
        return List.copyOf(shared(incidentId).events);
    }

    public synchronized List<Journal> journals(String incidentId) {
        return List.copyOf(shared(incidentId).journals);
    }

    private Shared shared(String incidentId) {
        Shared shared = incidents.get(incidentId);
        if (shared == null) {
            throw new TeamDatabaseException("there is no shared incident '" + incidentId + "' in this database");
        }
        return shared;
    }

    /** One incident in the database: its plan and the events every console sees. */
    private static final class Shared {
        final IncidentMetadata metadata;
        final Plan plan;
        final List<Event> events = new ArrayList<>();
        final List<Journal> journals = new ArrayList<>();

        Shared(IncidentMetadata metadata, Plan plan) {
            this.metadata = metadata;
            this.plan = plan;
        }
    }

    /** What one console sees of the database. */
    private final class Console implements TeamIncidents {
        private final TeamDatabaseAddress address;
        private final String host;

        Console(TeamDatabaseAddress address, String host) {
            this.address = address;
            this.host = host;
        }

        @Override
        public TeamDatabaseAddress address() {
            return address;
        }

        @Override
        public List<IncidentSummary> list() {
            synchronized (InMemoryTeam.this) {
                return incidents.values().stream()
                        .map(s -> new IncidentSummary(s.metadata.id(), cache, s.metadata.planTitle(),
                                s.metadata.createdAt(), s.metadata.createdBy(),
                                s.events.isEmpty() ? Optional.empty() : Optional.of(s.events.get(s.events.size() - 1)),
                                null))
                        .sorted(Comparator.comparing(IncidentSummary::lastActivity).reversed())
                        .toList();
            }
        }

        @Override
        public Incident start(Plan plan, String planSource, String planText, String operator) {
            String id;
            synchronized (InMemoryTeam.this) {
                id = "team-" + (incidents.size() + 1);
                IncidentMetadata metadata = new IncidentMetadata(IncidentMetadata.FORMAT, id, clock.instant(), operator,
                        plan.plan().title(), planSource, "0".repeat(64));
                incidents.put(id, new Shared(metadata, plan));
            }
            Incident incident = join(id, operator);
            incident.record(new EventPayload.IncidentStarted(id, plan.plan().title(), "0".repeat(64)));
            return incident;
        }

        @Override
        public Incident join(String incidentId, String operator) {
            Journal journal;
            Shared shared;
            synchronized (InMemoryTeam.this) {
                shared = shared(incidentId);
                Instant now = clock.instant();
                ConnectedConsole me = new ConnectedConsole(host + "/" + operator, operator, host, now, now, false);
                Instant down = unreachableSince;
                TeamConnectionStatus status = down == null
                        ? new TeamConnectionStatus(TeamConnectionStatus.State.ONLINE, now, 0, now, "")
                        : new TeamConnectionStatus(TeamConnectionStatus.State.READ_ONLY, down, 0, down,
                        "the team database " + address.label() + " cannot be reached");
                journal = new Journal(shared, address, me, status);
                if (down == null) {
                    shared.journals.add(journal);
                }
            }
            if (unreachableSince == null) {
                presenceChanged(shared);
            }
            return new Incident(shared.metadata, cache, shared.plan, journal, operator, null);
        }

        @Override
        public void close() {
            // Nothing to release: the journals are closed with their incidents.
        }
    }

    private void presenceChanged(Shared shared) {
        List<Journal> journals;
        synchronized (this) {
            journals = List.copyOf(shared.journals);
        }
        journals.forEach(Journal::tellConsoles);
    }

    /** One console's view of a shared incident. */
    public final class Journal implements TeamJournal {
        private final Shared shared;
        private final TeamDatabaseAddress address;
        private final ConnectedConsole me;
        private final List<JournalListener> listeners = new CopyOnWriteArrayList<>();
        private final List<Consumer<TeamConnectionStatus>> statusListeners = new CopyOnWriteArrayList<>();
        private final List<Consumer<List<ConnectedConsole>>> consoleListeners = new CopyOnWriteArrayList<>();
        private final List<EventPayload> queued = new ArrayList<>();
        private final List<Event> local = new ArrayList<>();
        private volatile TeamConnectionStatus status;
        private volatile boolean closed;

        Journal(Shared shared, TeamDatabaseAddress address, ConnectedConsole me, TeamConnectionStatus status) {
            this.shared = shared;
            this.address = address;
            this.me = me;
            this.status = status;
        }

        public ConnectedConsole console() {
            return me;
        }

        @Override
        public Event append(String operator, EventPayload payload) {
            if (closed) {
                throw new JournalException("the incident is closed");
            }
            if (isReadOnly()) {
                throw new JournalException("read-only: " + readOnlyReason().orElseThrow());
            }
            Event event;
            List<Journal> others;
            synchronized (InMemoryTeam.this) {
                if (status.state() == TeamConnectionStatus.State.OFFLINE) {
                    queued.add(payload);
                    event = new Event(UUID.randomUUID().toString(),
                            shared.events.size() + local.size() + 1, clock.instant(), operator, payload);
                    local.add(event);
                    status = new TeamConnectionStatus(TeamConnectionStatus.State.OFFLINE, status.since(), queued.size(),
                            status.lastSynced(), status.message());
                    others = List.of(this);
                } else {
                    event = new Event(UUID.randomUUID().toString(), shared.events.size() + 1, clock.instant(),
                            operator, payload);
                    shared.events.add(event);
                    others = shared.journals.stream().filter(j -> j.status.state() != TeamConnectionStatus.State.OFFLINE
                            || j == this).toList();
                }
            }
            for (Journal journal : others) {
                journal.listeners.forEach(l -> l.appended(event));
            }
            if (status.state() == TeamConnectionStatus.State.OFFLINE) {
                TeamConnectionStatus now = status;
                statusListeners.forEach(l -> l.accept(now));
            }
            return event;
        }

        /** The database becomes unreachable for this console. */
        public void goOffline() {
            synchronized (InMemoryTeam.this) {
                Instant now = clock.instant();
                status = new TeamConnectionStatus(TeamConnectionStatus.State.OFFLINE, now, 0, status.lastSynced(),
                        "the team database " + address.label() + " does not answer");
            }
            TeamConnectionStatus now = status;
            statusListeners.forEach(l -> l.accept(now));
        }

        /** Back online: the queued events are sent in order, and this console re-reads the database's order. */
        public void goOnline() {
            List<Event> sent = new ArrayList<>();
            List<Event> all;
            synchronized (InMemoryTeam.this) {
                for (Event event : local) {
                    Event stored = new Event(event.id(), shared.events.size() + 1, event.at(), event.operator(),
                            event.payload());
                    shared.events.add(stored);
                    sent.add(stored);
                }
                local.clear();
                queued.clear();
                Instant now = clock.instant();
                status = new TeamConnectionStatus(TeamConnectionStatus.State.ONLINE, now, 0, now, "");
                all = List.copyOf(shared.events);
            }
            listeners.forEach(l -> l.reloaded(all));
            for (Journal other : journals(shared.metadata.id())) {
                if (other != this) {
                    sent.forEach(e -> other.listeners.forEach(l -> l.appended(e)));
                }
            }
            TeamConnectionStatus now = status;
            statusListeners.forEach(l -> l.accept(now));
        }

        void tellConsoles() {
            List<ConnectedConsole> now = connectedConsoles();
            consoleListeners.forEach(l -> l.accept(now));
        }

        @Override
        public List<Event> events() {
            synchronized (InMemoryTeam.this) {
                List<Event> all = new ArrayList<>(shared.events);
                all.addAll(local);
                return all;
            }
        }

        @Override
        public RecoveryReport recovery() {
            return RecoveryReport.CLEAN;
        }

        @Override
        public Event continueFromLastGoodEvent(String operator) {
            throw new JournalException("a team journal has no damage to continue from");
        }

        @Override
        public Optional<String> readOnlyReason() {
            TeamConnectionStatus current = status;
            return current.state() == TeamConnectionStatus.State.READ_ONLY
                    ? Optional.of("the team database " + address.label() + " cannot be reached; showing the state last synced")
                    : Optional.empty();
        }

        @Override
        public Subscription subscribe(JournalListener listener) {
            listeners.add(listener);
            return () -> listeners.remove(listener);
        }

        @Override
        public void close() {
            if (closed) {
                return;
            }
            closed = true;
            synchronized (InMemoryTeam.this) {
                shared.journals.remove(this);
            }
            presenceChanged(shared);
        }

        @Override
        public String databaseLabel() {
            return address.label();
        }

        @Override
        public TeamConnectionStatus connectionStatus() {
            return status;
        }

        @Override
        public Subscription onConnectionStatus(Consumer<TeamConnectionStatus> listener) {
            statusListeners.add(listener);
            return () -> statusListeners.remove(listener);
        }

        @Override
        public List<ConnectedConsole> connectedConsoles() {
            synchronized (InMemoryTeam.this) {
                return shared.journals.stream().map(j -> new ConnectedConsole(j.me.consoleId(), j.me.operator(),
                        j.me.host(), j.me.joinedAt(), j.me.lastSeen(), j == this)).toList();
            }
        }

        @Override
        public Subscription onConnectedConsoles(Consumer<List<ConnectedConsole>> listener) {
            consoleListeners.add(listener);
            return () -> consoleListeners.remove(listener);
        }
    }
}
