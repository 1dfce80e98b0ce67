package io.incidentconsole.ui.incident;

import io.incidentconsole.ui.common.BackgroundTasks;

import io.incidentconsole.incident.Event;
import io.incidentconsole.incident.EventPayload;
import io.incidentconsole.incident.Incident;
import io.incidentconsole.incident.IncidentState;
import io.incidentconsole.incident.Journal;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The incident the console is working on, seen from the FX thread: its state follows every event (recorded
 * here or arriving from elsewhere), and actions are recorded in the background so that fsync never stalls a
 * frame. The state, not the click, decides what the views show: an action shows as done once it is durable.
 */
public final class IncidentSession {

    private final BackgroundTasks tasks;
    private final ReadOnlyObjectWrapper<Incident> incident = new ReadOnlyObjectWrapper<>(this, "incident");
    private final ReadOnlyObjectWrapper<IncidentState> state = new ReadOnlyObjectWrapper<>(this, "state");
    private final ReadOnlyStringWrapper lastError = new ReadOnlyStringWrapper(this, "lastError");
    private final BooleanBinding writable = Bindings.createBooleanBinding(
            () -> incident.get() != null && !incident.get().isReadOnly(), incident);
    private Journal.Subscription subscription;
    private volatile Observer observer = Observer.NONE;

    /**
     * Told when the incident's state changed (an event is durable) and when that state has been handed to the
     * views; the tick-latency probe (app/TickProbe, bench/tick) is the only one. Both calls must return at once.
     */
    public interface Observer {
        Observer NONE = new Observer() {
            @Override
            public void durable(IncidentState state) {
            }

            @Override
            public void stateShown(IncidentState state) {
            }
        };

        /** On the thread that appended, right after the journal append (fsync included), before the FX hop. */
        void durable(IncidentState state);

        /** On the FX thread, right after the views were given {@code state}. */
        void stateShown(IncidentState state);
    }

    public IncidentSession(BackgroundTasks tasks) {
        this.tasks = tasks;
    }

    public void setObserver(Observer observer) {
        this.observer = observer == null ? Observer.NONE : observer;
    }

    /** Makes {@code next} the incident of this console, closing the previous one. */
    public void attach(Incident next) {
        close();
        // A team journal can deliver a burst of events from its own thread: keep only the newest state and hand
        // it to the FX thread once, instead of one hop per event.
        AtomicReference<IncidentState> newest = new AtomicReference<>();
        subscription = next.onStateChange(newState -> {
            observer.durable(newState);
            if (newest.getAndSet(newState) == null) {
                tasks.onUi(() -> {
                    IncidentState latest = newest.getAndSet(null);
                    if (latest != null && incident.get() == next) {
                        state.set(latest);
                        observer.stateShown(latest);
                    }
                });
            }
        });
        incident.set(next);
        state.set(next.state());
    }

    /** Records an action; {@code whenDone} runs on the FX thread once it is durable. Errors go to {@link #lastErrorProperty()}. */
    public void record(EventPayload payload, Consumer<Event> whenDone) {
        Incident current = incident.get();
        if (current == null) {
            lastError.set("No incident is open: start or resume one (File → Incident…) to record actions.");
            return;
        }
        if (current.isReadOnly()) {
            lastError.set("Read-only: " + current.readOnlyReason().orElse("") + ". Nothing was recorded.");
            return;
        }
        tasks.run(() -> current.record(payload), whenDone::accept,
                error -> lastError.set("Not recorded: " + error.getMessage()));
    }

    public void record(EventPayload payload) {
        record(payload, event -> { });
    }

    public void undo(String eventId) {
        Incident current = incident.get();
        if (current == null || current.isReadOnly()) {
            return;
        }
        tasks.run(() -> current.undo(eventId), event -> { }, error -> lastError.set("Not undone: " + error.getMessage()));
    }

    public void close() {
        if (subscription != null) {
            subscription.close();
            subscription = null;
        }
        Incident previous = incident.get();
        incident.set(null);
        state.set(null);
        if (previous != null) {
            previous.close();
        }
    }

    /** The open incident's journal warnings, for the text of every export; empty without an incident. */
    public List<String> warningLines() {
        Incident current = incident.get();
        return current == null ? List.of() : current.warningLines();
    }

    public ReadOnlyObjectProperty<Incident> incidentProperty() {
        return incident.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<IncidentState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty lastErrorProperty() {
        return lastError.getReadOnlyProperty();
    }

    public BooleanBinding writableBinding() {
        return writable;
    }

    /** Clears a shown error (a new one with the same text must show again). */
    public void clearError() {
        lastError.set(null);
    }
}
