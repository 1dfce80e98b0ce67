package io.incidentconsole.incident;

import io.incidentconsole.plan.Plan;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * An open incident: its plan (the copy in its folder), its journal and the state folded from it. Actions go
 * through {@link #record(EventPayload)}; the state follows every event, including those another console or a
 * team server adds. Close it to release the folder for other consoles.
 */
public final class Incident implements AutoCloseable {

    private final IncidentMetadata metadata;
    private final Path directory;
    private final Plan plan;
    private final Journal journal;
    private volatile String operator;
    private final AutoCloseable release;
    private final List<Consumer<IncidentState>> stateListeners = new CopyOnWriteArrayList<>();
    private final Journal.Subscription subscription;
    private volatile IncidentState state;

    /**
     * {@code release} is run on close after the journal is closed (e.g. releasing the folder's lock); it may be
     * null.
     */
    public Incident(IncidentMetadata metadata, Path directory, Plan plan, Journal journal, String operator,
                    AutoCloseable release) {
        this.metadata = metadata;
        this.directory = directory;
        this.plan = plan;
        this.journal = journal;
        this.operator = operator;
        this.release = release;
        this.state = IncidentState.replay(plan, journal.events());
        this.subscription = journal.subscribe(new JournalListener() {
            @Override
            public void appended(Event event) {
                update(current -> current.apply(event));
            }

            @Override
            public void reloaded(List<Event> events) {
                update(current -> IncidentState.replay(plan, events));
            }
        });
    }

    private synchronized void update(UnaryOperator<IncidentState> change) {
        state = change.apply(state);
        IncidentState now = state;
        stateListeners.forEach(l -> l.accept(now));
    }

    public String id() {
        return metadata.id();
    }

    public IncidentMetadata metadata() {
        return metadata;
    }

    public Path directory() {
        return directory;
    }

    public Plan plan() {
        return plan;
    }

    public Journal journal() {
        return journal;
    }

    /** Who acts in this console; every event recorded here carries this name. */
    public String operator() {
        return operator;
    }

    public IncidentState state() {
        return state;
    }

    public RecoveryReport recovery() {
        return journal.recovery();
    }

    /**
     * What reading the journal found (damage, events of unknown kinds, unchained lines), one line each, as the
     * CLI prints it on stderr and every export, CLI or console, carries it in its text; empty when clean.
     */
    public List<String> warningLines() {
        return recovery().warningLines(directory);
    }

    public boolean isReadOnly() {
        return journal.isReadOnly();
    }

    public Optional<String> readOnlyReason() {
        return journal.readOnlyReason();
    }

    /**
     * Records an action; durable when this returns. Throws {@link JournalException} when it was not recorded, and
     * {@link IncidentException} for a completion of a phase the state already shows complete (a phase is completed
     * once; a completion that races another one is kept in the journal but changes nothing), and
     * {@link GateRefusedException} for a phase action the lifecycle refuses (see {@link PhaseLifecycle}).
     */
    public Event record(EventPayload payload) {
        if (payload instanceof EventPayload.PhaseCompleted completed) {
            state.alreadyCompleteReason(completed.phaseId()).ifPresent(reason -> {
                throw new IncidentException(reason + " Nothing was recorded.");
            });
        }
        PhaseLifecycle.refusal(state, payload).ifPresent(refusal -> {
            throw new GateRefusedException(refusal);
        });
        return journal.append(operator, payload);
    }

    /**
     * {@code newOperator} takes the incident over: recorded under their name, and every later event of this console
     * carries it. Taking over from oneself records nothing.
     */
    public synchronized Event takeOver(String newOperator, String note) {
        String name = newOperator == null ? "" : newOperator.strip();
        if (name.isEmpty()) {
            throw new IllegalArgumentException("the name of the operator taking over is required");
        }
        String from = IncidentHolder.of(state).map(IncidentHolder::operator).orElse(operator);
        if (name.equals(from) && name.equals(operator)) {
            throw new IllegalArgumentException(name + " already has this incident");
        }
        String before = operator;
        // Set first: listeners of the takeover event read who this console records as.
        operator = name;
        try {
            return journal.append(name, new EventPayload.IncidentTakenOver(from, name,
                    note == null || note.isBlank() ? null : note.strip()));
        } catch (RuntimeException e) {
            operator = before;
            throw e;
        }
    }

    /** Cancels the effect of an earlier event by recording an {@link EventPayload.Undo}. */
    public Event undo(String eventId) {
        if (!state.canUndo(eventId)) {
            throw new IllegalArgumentException("event " + eventId + " cannot be undone (unknown, already undone, "
                    + "or the start of the incident)");
        }
        return record(new EventPayload.Undo(eventId));
    }

    /** See {@link Journal#continueFromLastGoodEvent(String)}. */
    public Event continueFromLastGoodEvent() {
        return journal.continueFromLastGoodEvent(operator);
    }

    /** For a read-only view: picks up what the console that holds the incident added; see {@link Journal#refresh()}. */
    public int refresh() {
        return journal.refresh();
    }

    /** Called with the new state after every event, on the thread that got the event. */
    public Journal.Subscription onStateChange(Consumer<IncidentState> listener) {
        stateListeners.add(listener);
        return () -> stateListeners.remove(listener);
    }

    @Override
    public void close() {
        subscription.close();
        journal.close();
        if (release != null) {
            try {
                release.close();
            } catch (Exception e) {
                // The lock goes with the process in any case; closing must not fail the caller.
            }
        }
    }
}
