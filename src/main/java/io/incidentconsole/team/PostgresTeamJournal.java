package io.incidentconsole.team;

import io.incidentconsole.incident.Event;
import io.incidentconsole.incident.EventPayload;
import io.incidentconsole.incident.JournalException;
import io.incidentconsole.incident.JournalListener;
import io.incidentconsole.incident.RecoveryReport;
import io.incidentconsole.team.TeamConnectionStatus.State;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A shared incident's journal in a PostgreSQL database. The database orders the events; this console keeps
 * <ul>
 *   <li>the database's events as far as it has them ({@code synced}, also copied to the local cache),</li>
 *   <li>the events recorded here that the database has not acknowledged ({@code outbox}, forced to disk), and</li>
 *   <li>what its listeners were told ({@code view}): synced events, then queued ones with provisional seqs.</li>
 * </ul>
 * Online, an append is one database transaction. When the database cannot be reached, appends go to the outbox
 * and the journal is OFFLINE; a background worker reconnects with back-off, sends the outbox in order (each event
 * idempotent by its id), fetches what others added, and tells listeners {@link JournalListener#reloaded} when the
 * database's order differs from what they saw. The same worker LISTENs for other consoles' events (polling as
 * well, in case a notification is lost) and keeps this console's presence row fresh.
 * <p>
 * A journal opened while the database was unreachable is READ_ONLY on the last synced copy and stays so: it does
 * not become live by itself (the operator would find the state changing under a read-only banner); it says when
 * the database is reachable again, and reopening the incident (the console's Reopen live button) makes it live.
 */
final class PostgresTeamJournal implements TeamJournal {

    /** The shortest time between two fetches prompted by notifications (a tick still shows within ~0.1 s). */
    private static final long FETCH_GAP_NANOS = 50_000_000L;

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

    private final String incidentId;
    private final ConnectionSource database;
    private final EventStore store;
    private final IncidentCache cache;
    private final Clock clock;
    private final Supplier<String> ids;
    private final TeamTiming timing;
    private final String consoleId;
    private final String operator;
    private final String host;
    private final String readOnlyReason;
    private final List<JournalListener> listeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<TeamConnectionStatus>> statusListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<List<ConnectedConsole>>> consoleListeners = new CopyOnWriteArrayList<>();

    // Guarded by this.
    private final List<Event> synced = new ArrayList<>();
    private final Set<String> syncedIds = new HashSet<>();
    private final List<Event> outbox = new ArrayList<>();
    /** Also its own lock, so {@link #events()} never waits behind a network call. */
    private final List<Event> view = new ArrayList<>();
    /** How many of the first view entries are known to equal the synced ones. */
    private int confirmed;
    /** Volatile (written under the lock): the header reads it without waiting behind a network call. */
    private volatile TeamConnectionStatus status;
    private String offlineReason = "";
    private volatile List<ConnectedConsole> consoles;
    private Instant lastSynced;
    private Instant lastSavedSync;
    private Connection writer;
    /** synced.size(), readable without the lock. */
    private volatile long syncedCount;
    private volatile boolean closed;
    private Thread worker;
    private final Thread exitHook = new Thread(this::close, "team-journal-exit");

    private PostgresTeamJournal(String incidentId, ConnectionSource database, EventStore store, IncidentCache cache,
                                Clock clock, Supplier<String> ids, TeamTiming timing, String consoleId,
                                String operator, String host, String readOnlyReason) {
        this.incidentId = incidentId;
        this.database = database;
        this.store = store;
        this.cache = cache;
        this.clock = clock;
        this.ids = ids;
        this.timing = timing;
        this.consoleId = consoleId;
        this.operator = operator;
        this.host = host;
        this.readOnlyReason = readOnlyReason;
    }

    /** Settings shared by the journals of one team database. */
    record Context(ConnectionSource database, EventStore store, Clock clock, Supplier<String> ids, TeamTiming timing,
                   String consoleId, String host) {
    }

    /**
     * Opens the journal live: the local copy and leftover outbox first, then (on {@code connection}, which the
     * journal keeps as its writer) the database's events, sending the leftovers. Throws SQLException when the
     * database fails on the way; the caller then falls back to {@link #openReadOnly}.
     */
    static PostgresTeamJournal openLive(Context context, String incidentId, IncidentCache cache,
                                        IncidentCache.Snapshot local, String operator, Connection connection)
            throws SQLException, IOException {
        PostgresTeamJournal journal = new PostgresTeamJournal(incidentId, context.database(), context.store(), cache,
                context.clock(), context.ids(), context.timing(), context.consoleId(), operator, context.host(),
                null);
        synchronized (journal) {
            connection.setAutoCommit(true);
            journal.writer = connection;
            List<Event> copy = local.synced();
            if (!copy.isEmpty() && !context.store().eventIdAt(connection, incidentId, copy.size())
                    .equals(Optional.of(copy.get(copy.size() - 1).id()))) {
                copy = List.of(); // not this database's history (recreated, or another database): fetch it all
                cache.replaceSynced(copy);
            }
            journal.synced.addAll(copy);
            journal.syncedCount = copy.size();
            copy.forEach(e -> journal.syncedIds.add(e.id()));
            journal.outbox.addAll(local.outbox());
            synchronized (journal.view) {
                journal.view.addAll(journal.desired());
            }
            journal.confirmed = journal.synced.size();
            journal.lastSynced = local.lastSynced().orElse(null);
            journal.status = new TeamConnectionStatus(State.ONLINE, context.clock().instant(), 0,
                    journal.lastSynced, "");
            journal.consoles = List.of();
            journal.absorb(context.store().fetchAfter(connection, incidentId, journal.synced.size()));
            journal.drainOutbox();
            context.store().heartbeat(connection, incidentId, journal.consoleId, operator, journal.host);
            journal.consoles = context.store().consoles(connection, incidentId, journal.consoleId,
                    context.timing().presenceTimeout());
            journal.status = new TeamConnectionStatus(State.ONLINE, context.clock().instant(), 0,
                    journal.lastSynced, "");
            journal.limitToAppends(connection); // from here on it only appends
        }
        // Listening before join returns, so no notification sent after it is missed.
        Connection listen = context.database().open();
        try {
            listen(listen);
        } catch (SQLException e) {
            closeQuietly(listen);
            throw e;
        }
        journal.startWorker(listen);
        return journal;
    }

    private static void listen(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("LISTEN " + EventStore.EVENTS_CHANNEL);
            statement.execute("LISTEN " + EventStore.CONSOLES_CHANNEL);
        }
    }

    /** Opens the last synced copy read-only, because the database could not be reached ({@code why}). */
    static PostgresTeamJournal openReadOnly(Context context, String incidentId, IncidentCache cache,
                                            IncidentCache.Snapshot local, String operator, String why) {
        Instant at = local.lastSynced().orElse(null);
        String reason = "the team database " + context.database().label() + " is unreachable (" + why
                + "): showing the state last synced " + (at == null ? "(time unknown)" : "at " + TIME.format(at)
                + " UTC") + "; reconnect with Reopen live";
        PostgresTeamJournal journal = new PostgresTeamJournal(incidentId, context.database(), context.store(), cache,
                context.clock(), context.ids(), context.timing(), context.consoleId(), operator, context.host(),
                reason);
        synchronized (journal) {
            journal.synced.addAll(local.synced());
            local.synced().forEach(e -> journal.syncedIds.add(e.id()));
            journal.outbox.addAll(local.outbox());
            synchronized (journal.view) {
                journal.view.addAll(journal.desired());
            }
            journal.confirmed = journal.synced.size();
            journal.lastSynced = at;
            journal.status = new TeamConnectionStatus(State.READ_ONLY, context.clock().instant(),
                    journal.outbox.size(), at, reason);
            journal.consoles = List.of(journal.selfConsole());
        }
        journal.startWorker(null);
        return journal;
    }

    private ConnectedConsole selfConsole() {
        Instant now = clock.instant();
        return new ConnectedConsole(consoleId, operator, host, now, now, true);
    }

    private void startWorker(Connection listening) {
        worker = new Thread(() -> work(listening), "team-journal-" + incidentId);
        worker.setDaemon(true);
        worker.start();
        // A console ended by SIGTERM (logout, shutdown, kill) leaves the connected list at once instead of lingering
        // there for the presence timeout; the hook closes the journal as closing the incident would.
        try {
            Runtime.getRuntime().addShutdownHook(exitHook);
        } catch (IllegalStateException e) {
            // Already shutting down: nothing to leave early.
        }
    }

    private void forgetExitHook() {
        if (Thread.currentThread() == exitHook) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(exitHook);
        } catch (IllegalStateException e) {
            // Shutting down: the hook runs (or ran) and finds the journal closed.
        }
    }

    // ---- the view -----------------------------------------------------------------------------------------------

    /** What listeners should see now: the database's events, then queued ones numbered after them. */
    private List<Event> desired() {
        List<Event> all = new ArrayList<>(synced.size() + outbox.size());
        all.addAll(synced);
        long next = synced.size() + 1;
        for (Event queued : outbox) {
            if (!syncedIds.contains(queued.id())) {
                all.add(renumbered(queued, next++));
            }
        }
        return all;
    }

    private static Event renumbered(Event event, long seq) {
        return event.seq() == seq ? event : new Event(event.id(), seq, event.at(), event.operator(), event.payload());
    }

    /** Takes in the database's events (contiguous after what is synced) and brings listeners up to date. */
    private void absorb(List<Event> fetched) {
        List<Event> added = new ArrayList<>();
        for (Event event : fetched) {
            if (event.seq() <= synced.size()) {
                continue; // already taken in (an append and the worker both fetched it)
            }
            if (event.seq() != synced.size() + 1) {
                break; // cannot happen with a gap-free table; the next fetch starts from what is synced
            }
            synced.add(event);
            syncedIds.add(event.id());
            added.add(event);
        }
        syncedCount = synced.size();
        lastSynced = clock.instant();
        if (!added.isEmpty()) {
            try {
                cache.appendSynced(added);
            } catch (IOException e) {
                // The local copy only serves a later read-only view; the database keeps the events.
            }
            if (outbox.removeIf(queued -> syncedIds.contains(queued.id()))) {
                saveOutbox();
            }
        }
        reconcile();
    }

    /**
     * Brings listeners to {@link #desired()}: told of the new events when what they saw is a prefix of it, else given
     * the whole list (reloaded). Only the part after {@code confirmed} is compared, so this stays cheap as the
     * incident grows.
     */
    private void reconcile() {
        List<Event> tail = new ArrayList<>(synced.subList(confirmed, synced.size()));
        long next = synced.size() + 1;
        for (Event queued : outbox) {
            if (!syncedIds.contains(queued.id())) {
                tail.add(renumbered(queued, next++));
            }
        }
        int seenAfter = view.size() - confirmed;
        boolean extendsView = seenAfter <= tail.size();
        for (int i = 0; extendsView && i < seenAfter; i++) {
            Event seen = view.get(confirmed + i);
            Event wanted = tail.get(i);
            extendsView = seen.id().equals(wanted.id()) && seen.seq() == wanted.seq();
        }
        if (extendsView) {
            List<Event> fresh = List.copyOf(tail.subList(seenAfter, tail.size()));
            synchronized (view) {
                view.addAll(fresh);
            }
            confirmed = synced.size();
            for (Event event : fresh) {
                for (JournalListener listener : listeners) {
                    tell(() -> listener.appended(event));
                }
            }
        } else {
            List<Event> all;
            synchronized (view) {
                view.subList(confirmed, view.size()).clear();
                view.addAll(tail);
                all = List.copyOf(view);
            }
            confirmed = synced.size();
            for (JournalListener listener : listeners) {
                tell(() -> listener.reloaded(all));
            }
        }
    }

    private static void tell(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            // The event is recorded whatever a listener does; report the listener's fault without undoing that.
            Thread current = Thread.currentThread();
            current.getUncaughtExceptionHandler().uncaughtException(current, e);
        }
    }

    // ---- appending ----------------------------------------------------------------------------------------------

    @Override
    public synchronized Event append(String operator, EventPayload payload) {
        if (readOnlyReason != null) {
            throw new JournalException("this incident is open read-only: " + readOnlyReason);
        }
        if (closed) {
            throw new JournalException("the journal is closed");
        }
        Event draft = new Event(ids.get(), view.size() + 1, clock.instant(), operator, payload);
        if (status.state() == State.ONLINE && outbox.isEmpty()) {
            try {
                return send(draft);
            } catch (SQLException first) {
                if (!DatabaseErrors.isConnectionProblem(first)) {
                    throw refused(first);
                }
                dropWriter();
                if (DatabaseErrors.timedOut(first)) {
                    // No answer within the append timeout: a fresh connection over the same silent network would
                    // only make the operator wait again. Queued; the worker sends it (again, by its id) later.
                    goOffline(DatabaseErrors.reason(first));
                    return queue(draft);
                }
                try {
                    return send(draft); // once more on a fresh connection: idempotent by the event's id
                } catch (SQLException second) {
                    if (!DatabaseErrors.isConnectionProblem(second)) {
                        throw refused(second);
                    }
                    dropWriter();
                    goOffline(DatabaseErrors.reason(second));
                }
            }
        }
        return queue(draft);
    }

    private JournalException refused(SQLException e) {
        return new JournalException("the team database " + database.label() + " refused the event — it was NOT "
                + "recorded: " + DatabaseErrors.serverReason(e), DatabaseErrors.sanitized(e));
    }

    /** Sends one event in its own transaction and takes in what the database returned. */
    private Event send(Event event) throws SQLException {
        Connection connection = writer();
        EventStore.Appended appended = store.append(connection, incidentId, event, synced.size());
        absorb(appended.after());
        Event stored = appended.stored();
        return stored.seq() <= synced.size() ? synced.get((int) stored.seq() - 1) : stored;
    }

    private Event queue(Event draft) {
        try {
            cache.appendOutbox(draft);
        } catch (IOException e) {
            throw new JournalException("the team database is unreachable and the event could not be queued in "
                    + cache.folder() + ": " + e.getMessage() + " — the action was NOT recorded", e);
        }
        outbox.add(draft);
        reconcile();
        setStatus(new TeamConnectionStatus(status.state(), status.since(), outbox.size(), lastSynced,
                offlineMessage()));
        return view.get(view.size() - 1);
    }

    private Connection writer() throws SQLException {
        if (writer == null || writer.isClosed()) {
            writer = database.open();
            limitToAppends(writer);
        }
        return writer;
    }

    /**
     * Appends are single short transactions: waiting longer than the append timeout for one means the network or
     * the server is gone, and the operator's action should be queued instead (see TeamTiming).
     */
    private void limitToAppends(Connection connection) throws SQLException {
        connection.setNetworkTimeout(Runnable::run, (int) timing.appendTimeout().toMillis());
    }

    private void dropWriter() {
        closeQuietly(writer);
        writer = null;
    }

    /** Sends the queued events in order; stops (throwing) at the first connection problem. */
    private void drainOutbox() throws SQLException {
        while (!outbox.isEmpty() && !closed) {
            Event next = outbox.get(0);
            try {
                send(next);
            } catch (SQLException e) {
                if (DatabaseErrors.isConnectionProblem(e)) {
                    throw e;
                }
                // The database refuses this event for good (not a connection problem): keep it out of the queue
                // so the ones after it are not blocked, and say so; it stays in the local view until a reload.
                outbox.remove(0);
                saveOutbox();
                setStatus(new TeamConnectionStatus(status.state(), status.since(), outbox.size(), lastSynced,
                        "the database refused a queued event (" + next.kind() + " by " + next.operator() + "): "
                                + DatabaseErrors.serverReason(e)));
                reconcile();
                continue;
            }
            if (!outbox.isEmpty() && outbox.get(0).id().equals(next.id())) {
                outbox.remove(0);
                saveOutbox();
            }
            if (status.state() == State.OFFLINE) {
                setStatus(new TeamConnectionStatus(State.OFFLINE, status.since(), outbox.size(), lastSynced,
                        offlineMessage()));
            }
        }
    }

    private void saveOutbox() {
        try {
            cache.replaceOutbox(List.copyOf(outbox));
        } catch (IOException e) {
            // The old queue file still holds these events; re-sending them later is harmless (ids are unique).
        }
    }

    // ---- connection status --------------------------------------------------------------------------------------

    private void goOffline(String reason) {
        if (status.state() == State.OFFLINE) {
            return;
        }
        offlineReason = reason;
        setStatus(new TeamConnectionStatus(State.OFFLINE, clock.instant(), outbox.size(), lastSynced,
                offlineMessage()));
        consoles = List.of(selfConsole());
        List<ConnectedConsole> now = consoles;
        consoleListeners.forEach(l -> tell(() -> l.accept(now)));
    }

    private String offlineMessage() {
        return "cannot reach " + database.label() + ": " + offlineReason + " — working offline: " + outbox.size()
                + " event(s) queued here, sent in order when it is back";
    }

    private void setStatus(TeamConnectionStatus next) {
        status = next;
        statusListeners.forEach(l -> tell(() -> l.accept(next)));
    }

    // ---- the worker ---------------------------------------------------------------------------------------------

    private void work(Connection listening) {
        Connection listen = listening;
        Duration backoff = timing.backoffMin();
        long lastPoll = 0;
        long lastBeat = System.nanoTime();
        while (!closed) {
            try {
                if (readOnlyReason != null) {
                    probeWhileReadOnly();
                    sleep(timing.poll()); // the operator waits for "database is back": a few seconds at most
                    continue;
                }
                if (listen == null) {
                    listen = database.open();
                    listen(listen);
                    lastPoll = 0; // look at once: events may have come while not listening
                }
                if (status.state() == State.OFFLINE) {
                    reconnect(listen);
                    lastBeat = 0;
                }
                PGNotification[] notifications = listen.unwrap(PGConnection.class)
                        .getNotifications((int) Math.min(500, timing.poll().toMillis()));
                boolean newEvents = false;
                boolean consolesChanged = false;
                for (PGNotification n : notifications == null ? new PGNotification[0] : notifications) {
                    if (n.getName().equals(EventStore.EVENTS_CHANNEL) && n.getParameter().startsWith(incidentId + ":")) {
                        // Only fetch for events not taken in yet (this console's own appends already were).
                        newEvents |= notifiedSeq(n.getParameter()) > syncedCount;
                    } else if (n.getName().equals(EventStore.CONSOLES_CHANNEL) && n.getParameter().equals(incidentId)) {
                        consolesChanged = true;
                    }
                }
                long now = System.nanoTime();
                if (newEvents && now - lastPoll < FETCH_GAP_NANOS) {
                    // Under a burst, one fetch per gap takes in many events: fewer queries for every console.
                    sleep(Duration.ofNanos(FETCH_GAP_NANOS - (now - lastPoll)));
                    now = System.nanoTime();
                }
                if (newEvents || now - lastPoll >= timing.poll().toNanos()) {
                    fetch(listen);
                    lastPoll = now;
                }
                if (lastBeat == 0 || now - lastBeat >= timing.heartbeat().toNanos()) {
                    store.heartbeat(listen, incidentId, consoleId, operator, host);
                    lastBeat = now;
                    consolesChanged = true;
                    saveSyncState();
                }
                if (consolesChanged) {
                    refreshConsoles(listen);
                }
                backoff = timing.backoffMin();
            } catch (SQLException | RuntimeException e) {
                closeQuietly(listen);
                listen = null;
                if (closed) {
                    break;
                }
                synchronized (this) {
                    dropWriter();
                    goOffline(e instanceof SQLException s && DatabaseErrors.isConnectionProblem(s)
                            ? DatabaseErrors.reason(s) : "unexpected failure: " + e.getMessage());
                }
                sleep(backoff);
                backoff = backoff.multipliedBy(2).compareTo(timing.backoffMax()) > 0 ? timing.backoffMax()
                        : backoff.multipliedBy(2);
            }
        }
        closeQuietly(listen);
    }

    /** The seq in an {@code incident_events} notification ("incident:seq"); MAX_VALUE when unreadable. */
    private static long notifiedSeq(String parameter) {
        try {
            return Long.parseLong(parameter.substring(parameter.lastIndexOf(':') + 1));
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    /** Back online: send the queue in order, fetch what others added, and say so. */
    private void reconnect(Connection listen) throws SQLException {
        synchronized (this) {
            drainOutbox();
            // On the listening connection: after a long outage this may be many events, more than an append's
            // timeout allows for.
            absorb(store.fetchAfter(listen, incidentId, synced.size()));
            if (outbox.isEmpty()) {
                setStatus(new TeamConnectionStatus(State.ONLINE, clock.instant(), 0, lastSynced, ""));
            }
        }
        refreshConsoles(listen);
    }

    private void fetch(Connection connection) throws SQLException {
        long after;
        synchronized (this) {
            after = synced.size();
        }
        List<Event> fetched = store.fetchAfter(connection, incidentId, after);
        synchronized (this) {
            if (!fetched.isEmpty() || status.state() == State.ONLINE) {
                absorb(fetched);
            }
        }
    }

    private void refreshConsoles(Connection connection) throws SQLException {
        List<ConnectedConsole> fresh = store.consoles(connection, incidentId, consoleId, timing.presenceTimeout());
        synchronized (this) {
            if (status.state() != State.ONLINE) {
                return;
            }
            boolean changed = !ids(fresh).equals(ids(consoles));
            consoles = List.copyOf(fresh);
            if (changed) {
                List<ConnectedConsole> now = consoles;
                consoleListeners.forEach(l -> tell(() -> l.accept(now)));
            }
        }
    }

    private static List<String> ids(List<ConnectedConsole> list) {
        return list.stream().map(c -> c.consoleId() + "/" + c.operator()).toList();
    }

    /**
     * Tells, within a probe interval, when the database answers again (and when it stops answering again), so that
     * the chip can say so and offer Reopen live; the copy itself stays read-only until the operator reopens it.
     */
    private void probeWhileReadOnly() {
        boolean answers;
        try (Connection probe = database.open()) {
            answers = probe.isValid(timing.connectTimeoutSeconds());
        } catch (SQLException e) {
            answers = false;
        }
        synchronized (this) {
            if (answers && !status.databaseBack()) {
                setStatus(new TeamConnectionStatus(State.READ_ONLY, status.since(), outbox.size(), lastSynced,
                        "the team database " + database.label() + " is reachable again: press Reopen live "
                                + "to work on it (showing the state last synced"
                                + (lastSynced == null ? ")" : " at " + TIME.format(lastSynced) + " UTC)"), true));
            } else if (!answers && status.databaseBack()) {
                setStatus(new TeamConnectionStatus(State.READ_ONLY, status.since(), outbox.size(), lastSynced,
                        readOnlyReason));
            }
        }
    }

    private synchronized void saveSyncState() {
        if (readOnlyReason == null && lastSynced != null && !lastSynced.equals(lastSavedSync)) {
            try {
                cache.writeSyncState(lastSynced, database.label());
                lastSavedSync = lastSynced;
            } catch (IOException e) {
                // Only the "last synced at" shown by a later read-only view is affected.
            }
        }
    }

    private void sleep(Duration duration) {
        long end = System.nanoTime() + duration.toNanos();
        while (!closed && System.nanoTime() < end) {
            try {
                Thread.sleep(Math.min(100, Math.max(1, (end - System.nanoTime()) / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable != null) {
            try {
                closeable.close();
            } catch (Exception e) {
                // Closing a connection that may already be gone.
            }
        }
    }

    // ---- Journal / TeamJournal ----------------------------------------------------------------------------------

    @Override
    public List<Event> events() {
        synchronized (view) {
            return List.copyOf(view);
        }
    }

    @Override
    public RecoveryReport recovery() {
        return RecoveryReport.CLEAN;
    }

    @Override
    public Event continueFromLastGoodEvent(String operator) {
        throw new JournalException("a team journal has no local damage to continue past: the database keeps the "
                + "events");
    }

    @Override
    public Optional<String> readOnlyReason() {
        return Optional.ofNullable(readOnlyReason);
    }

    @Override
    public Subscription subscribe(JournalListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @Override
    public String databaseLabel() {
        return database.label();
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
        return consoles;
    }

    @Override
    public Subscription onConnectedConsoles(Consumer<List<ConnectedConsole>> listener) {
        consoleListeners.add(listener);
        return () -> consoleListeners.remove(listener);
    }

    /** The events the database has acknowledged, in its order (for tests and the load harness). */
    synchronized List<Event> syncedEvents() {
        return List.copyOf(synced);
    }

    synchronized int queuedEvents() {
        return outbox.size();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        forgetExitHook();
        Thread running = worker;
        if (running != null && running != Thread.currentThread()) {
            try {
                running.join(3_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (this) {
            if (readOnlyReason == null && status.state() == State.ONLINE && writer != null) {
                try {
                    store.leave(writer, incidentId, consoleId);
                } catch (SQLException e) {
                    // The row expires by itself after the presence timeout.
                }
            }
            saveSyncState();
            dropWriter();
            cache.close();
        }
    }
}
