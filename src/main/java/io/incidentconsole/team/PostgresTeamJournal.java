package io.incidentconsole.team;

import io.incidentconsole.incident.Event;
import io.incidentconsole.incident.EventPayload;
import io.incidentconsole.incident.JournalException;
import io.incidentconsole.incident.JournalListener;
import io.incidentconsole.incident.RecoveryReport;
import io.incidentconsole.team.TeamConnectionStatus.State;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A shared incident's journal in a PostgreSQL database. The database orders the events; this console keeps them in a
 * {@link TeamEventLog} (synced, queued, and what the listeners were told). Online, an append is one transaction.
 * When the database cannot be reached, appends go to the outbox and the journal is OFFLINE; a background worker
 * reconnects with back-off, sends the outbox in order (in batches, each event idempotent by its id), fetches what
 * others added, and tells listeners {@link JournalListener#reloaded} when the database's order differs from what they
 * saw. The same worker LISTENs for other consoles' events (taking in those a notification carries, reading back the
 * others, polling in case one is lost), notifies this console's un-notified last append ({@link TrailingNotice}).
 * <p>
 * A journal opened while the database was unreachable is READ_ONLY on the last synced copy and stays so: it does
 * not become live by itself (the operator would find the state changing under a read-only banner); it says when
 * the database is reachable again, and reopening the incident (the console's Reopen live button) makes it live.
 */
final class PostgresTeamJournal implements TeamJournal {

    /**
     * The shortest time between two fetches prompted by notifications, and between two takings-in of the events
     * notifications carried (a tick still shows within ~0.1 s): under a burst each takes in many events at once.
     */
    private static final long FETCH_GAP_NANOS = 50_000_000L;
    /** The most queued events sent in one transaction when the queue is drained. */
    private static final int DRAIN_BATCH = 200;

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

    private final String incidentId;
    private final ConnectionSource database;
    private final EventStore store;
    private final IncidentCache cache;
    private final Clock clock;
    private final Supplier<String> ids;
    private final TeamTiming timing;
    private final String consoleId;
    private final String readOnlyReason;
    private final List<Consumer<TeamConnectionStatus>> statusListeners = new CopyOnWriteArrayList<>();
    private final ConsolePresence presence;

    // Guarded by this (its events() excepted).
    private TeamEventLog log;
    private final HeardEvents heard = new HeardEvents();
    private final TrailingNotice trailing = new TrailingNotice();
    /** Volatile (written under the lock): the header reads it without waiting behind a network call. */
    private volatile TeamConnectionStatus status;
    private String offlineReason = "";
    private Instant lastSynced;
    private Connection writer;
    private volatile boolean closed;
    private Thread worker;
    private final CloseOnExit exitHook;

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
        this.readOnlyReason = readOnlyReason;
        this.exitHook = new CloseOnExit(this, incidentId);
        this.presence = new ConsolePresence(store, clock, incidentId, consoleId, operator, host,
                timing.presenceTimeout());
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
            journal.log = new TeamEventLog(cache, copy, local.outbox());
            journal.lastSynced = local.lastSynced().orElse(null);
            journal.status = new TeamConnectionStatus(State.ONLINE, context.clock().instant(), 0,
                    journal.lastSynced, "");
            journal.absorb(context.store().fetchAfter(connection, incidentId, journal.log.syncedSize()));
            journal.drainOutbox();
            journal.presence.beat(connection);
            journal.presence.show(journal.presence.read(connection));
            journal.status = new TeamConnectionStatus(State.ONLINE, context.clock().instant(), 0,
                    journal.lastSynced, "");
            journal.limitToAppends(connection); // from here on it only appends
        }
        // Listening before join returns, so no notification sent after it is missed.
        journal.startWorker(TeamListening.open(context.database(), context.store(), incidentId));
        return journal;
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
            journal.log = new TeamEventLog(cache, local.synced(), local.outbox());
            journal.lastSynced = at;
            journal.status = new TeamConnectionStatus(State.READ_ONLY, context.clock().instant(),
                    journal.log.queued(), at, reason);
            journal.presence.onlySelf();
        }
        journal.startWorker(null);
        return journal;
    }

    private void startWorker(TeamListening listening) {
        worker = new Thread(() -> work(listening), "team-journal-" + incidentId);
        worker.setDaemon(true);
        worker.start();
        exitHook.register();
    }

    /** Takes in the database's events (contiguous after what is synced) and brings listeners up to date. */
    private void absorb(List<StoredEvent> fetched) {
        log.absorb(fetched);
        lastSynced = clock.instant();
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
        Event draft = new Event(ids.get(), log.viewSize() + 1, clock.instant(), operator, payload);
        if (status.state() == State.ONLINE && log.queued() == 0) {
            try {
                return send(List.of(draft)).get(0);
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
                    return send(List.of(draft)).get(0); // once more on a fresh connection: idempotent by id
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

    /**
     * Sends a batch of events in one transaction and takes in what the database returned; gives the events as stored,
     * in the batch's order (the very instances listeners were told of, where they are synced).
     */
    private List<Event> send(List<Event> batch) throws SQLException {
        takeInHeard();
        Connection connection = writer();
        EventStore.Appended appended = store.append(connection, incidentId, batch, log.syncedSize());
        trailing.appended(appended.stored().get(batch.size() - 1).seq(), appended.notified(), System.nanoTime());
        absorb(appended.after());
        List<Event> stored = new ArrayList<>(batch.size());
        for (Event event : appended.stored()) {
            stored.add(event.seq() <= log.syncedSize() ? log.synced(event.seq()) : event);
        }
        return stored;
    }

    private Event queue(Event draft) {
        Event shown;
        try {
            shown = log.queue(draft);
        } catch (IOException e) {
            throw new JournalException("the team database is unreachable and the event could not be queued in "
                    + cache.folder() + ": " + e.getMessage() + " — the action was NOT recorded", e);
        }
        setStatus(new TeamConnectionStatus(status.state(), status.since(), log.queued(), lastSynced,
                offlineMessage()));
        return shown;
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

    /**
     * Sends the queued events in order, in batches of up to {@link #DRAIN_BATCH} per transaction; stops (throwing) at
     * the first connection problem. A batch the database refuses is sent again one event at a time, so that only the
     * refused event is left out.
     */
    private void drainOutbox() throws SQLException {
        int batchSize = DRAIN_BATCH;
        while (log.queued() > 0 && !closed) {
            List<Event> batch = log.firstQueued(batchSize);
            try {
                send(batch);
            } catch (SQLException e) {
                if (DatabaseErrors.isConnectionProblem(e)) {
                    throw e;
                }
                if (batch.size() > 1) {
                    batchSize = 1; // find the refused one; the rest go through one by one up to it
                    continue;
                }
                // The database refuses this event for good (not a connection problem): keep it out of the queue
                // so the ones after it are not blocked, and say so; it stays in the local view until a reload.
                Event refused = batch.get(0);
                log.unqueue(batch);
                setStatus(new TeamConnectionStatus(status.state(), status.since(), log.queued(), lastSynced,
                        "the database refused a queued event (" + refused.kind() + " by " + refused.operator()
                                + "): " + DatabaseErrors.serverReason(e)));
                log.reconcile();
                batchSize = DRAIN_BATCH;
                continue;
            }
            log.unqueue(batch);
            if (status.state() == State.OFFLINE) {
                setStatus(new TeamConnectionStatus(State.OFFLINE, status.since(), log.queued(), lastSynced,
                        offlineMessage()));
            }
        }
    }

    // ---- connection status --------------------------------------------------------------------------------------

    private void goOffline(String reason) {
        if (status.state() == State.OFFLINE) {
            return;
        }
        offlineReason = reason;
        setStatus(new TeamConnectionStatus(State.OFFLINE, clock.instant(), log.queued(), lastSynced,
                offlineMessage()));
        presence.onlySelf();
    }

    private String offlineMessage() {
        return "cannot reach " + database.label() + ": " + offlineReason + " — working offline: " + log.queued()
                + " event(s) queued here, sent in order when it is back";
    }

    private void setStatus(TeamConnectionStatus next) {
        status = next;
        statusListeners.forEach(l -> TeamEventLog.tell(() -> l.accept(next)));
    }

    // ---- the worker ---------------------------------------------------------------------------------------------

    private void work(TeamListening listening) {
        TeamListening listen = listening;
        Duration backoff = timing.backoffMin();
        long lastPoll = 0;
        long lastTakenIn = 0;
        long lastBeat = System.nanoTime();
        while (!closed) {
            try {
                if (readOnlyReason != null) {
                    probeWhileReadOnly();
                    sleep(timing.poll()); // the operator waits for "database is back": a few seconds at most
                    continue;
                }
                if (listen == null) {
                    listen = TeamListening.open(database, store, incidentId);
                    lastPoll = 0; // look at once: events may have come while not listening
                }
                if (status.state() == State.OFFLINE) {
                    reconnect(listen.connection());
                    lastBeat = 0;
                }
                long wait = heard.waiting() ? (FETCH_GAP_NANOS - (System.nanoTime() - lastTakenIn)) / 1_000_000
                        : Math.min(FETCH_GAP_NANOS / 1_000_000, timing.poll().toMillis()); // a notice may fall due
                wait = Math.min(wait, trailing.millisUntilDue(System.nanoTime()));
                TeamListening.Heard news = listen.poll((int) Math.max(1, wait));
                boolean consolesChanged = news.consolesChanged();
                heard.add(news, log.syncedCount());
                long now = System.nanoTime();
                if (heard.waiting() && now - lastTakenIn >= FETCH_GAP_NANOS) {
                    synchronized (this) {
                        takeInHeard();
                    }
                    lastTakenIn = now;
                }
                // Events heard of but not carried (too big for a notification) or a gap before carried ones.
                boolean newEvents = heard.mustReadBack(log.syncedCount());
                if (newEvents && now - lastPoll < FETCH_GAP_NANOS) {
                    // Under a burst, one fetch per gap takes in many events: fewer queries for every console.
                    sleep(Duration.ofNanos(FETCH_GAP_NANOS - (now - lastPoll)));
                    now = System.nanoTime();
                }
                if (newEvents || now - lastPoll >= timing.poll().toNanos()) {
                    fetch(listen.connection());
                    lastPoll = now;
                }
                long unnotified = trailing.takeDue(System.nanoTime());
                if (unnotified > 0) {
                    store.notifyIfLast(listen.connection(), incidentId, unnotified);
                }
                if (lastBeat == 0 || now - lastBeat >= timing.heartbeat().toNanos()) {
                    presence.beat(listen.connection());
                    lastBeat = now;
                    consolesChanged = true;
                    saveSyncState();
                }
                if (consolesChanged) {
                    refreshConsoles(listen.connection());
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

    /** Takes in the events notifications carried (see {@link HeardEvents}). */
    private void takeInHeard() {
        List<Event> taken = heard.drain();
        if (!taken.isEmpty()) {
            absorb(taken.stream().map(StoredEvent::of).toList());
        }
    }

    /** Back online: send the queue in order, fetch what others added, and say so. */
    private void reconnect(Connection listen) throws SQLException {
        synchronized (this) {
            drainOutbox();
            // On the listening connection: after a long outage this may be many events, more than an append's
            // timeout allows for.
            absorb(store.fetchAfter(listen, incidentId, log.syncedSize()));
            if (log.queued() == 0) {
                setStatus(new TeamConnectionStatus(State.ONLINE, clock.instant(), 0, lastSynced, ""));
            }
        }
        refreshConsoles(listen);
    }

    private void fetch(Connection connection) throws SQLException {
        long after;
        synchronized (this) {
            after = log.syncedSize();
        }
        List<StoredEvent> fetched = store.fetchAfter(connection, incidentId, after);
        synchronized (this) {
            if (!fetched.isEmpty() || status.state() == State.ONLINE) {
                absorb(fetched);
            }
        }
    }

    private void refreshConsoles(Connection connection) throws SQLException {
        List<ConnectedConsole> fresh = presence.read(connection);
        synchronized (this) {
            if (status.state() == State.ONLINE) {
                presence.show(fresh);
            }
        }
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
                setStatus(new TeamConnectionStatus(State.READ_ONLY, status.since(), log.queued(), lastSynced,
                        "the team database " + database.label() + " is reachable again: press Reopen live "
                                + "to work on it (showing the state last synced"
                                + (lastSynced == null ? ")" : " at " + TIME.format(lastSynced) + " UTC)"), true));
            } else if (!answers && status.databaseBack()) {
                setStatus(new TeamConnectionStatus(State.READ_ONLY, status.since(), log.queued(), lastSynced,
                        readOnlyReason));
            }
        }
    }

    /** Outside the lock: an operator's append must not wait behind the heartbeat's fsyncs. */
    private void saveSyncState() {
        Instant toSave;
        synchronized (this) {
            toSave = readOnlyReason == null ? lastSynced : null;
        }
        if (toSave != null) {
            cache.saveSyncState(toSave, database.label());
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
        return log.events();
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
        return log.subscribe(listener);
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
        return presence.current();
    }

    @Override
    public Subscription onConnectedConsoles(Consumer<List<ConnectedConsole>> listener) {
        return presence.subscribe(listener);
    }

    /** The events the database has acknowledged, in its order (for tests and the load harness). */
    synchronized List<Event> syncedEvents() {
        return log.syncedCopy();
    }

    synchronized int queuedEvents() {
        return log.queued();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        exitHook.forget();
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
                    long unnotified = trailing.takeAny();
                    if (unnotified > 0) {
                        store.notifyIfLast(writer, incidentId, unnotified);
                    }
                    store.leave(writer, incidentId, consoleId);
                } catch (SQLException e) {
                    // The others poll (and the presence row expires by itself after the presence timeout).
                }
            }
            saveSyncState();
            dropWriter();
            cache.close();
        }
    }
}
