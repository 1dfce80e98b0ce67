package io.incidentconsole.ui.drill;

import io.incidentconsole.incident.Event;
import io.incidentconsole.drill.DrillDurations;
import io.incidentconsole.drill.DrillSession;
import io.incidentconsole.drill.DrillState;
import io.incidentconsole.drill.Scenario;
import io.incidentconsole.incident.Incident;
import io.incidentconsole.incident.IncidentState;
import io.incidentconsole.ui.common.BackgroundTasks;
import io.incidentconsole.ui.incident.IncidentSession;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The drill band's state and actions: whether the open incident is a drill, what the band says (scenario, run mode,
 * fast-forwards, the next scripted event), and the drill's actions — play the due scenario events (the band's timer
 * calls {@link #tick()}; tests call it after moving the clock), fast-forward, run for real (confirmed, with a reason)
 * or go back to the stubs. A real incident shows no band and refuses all of it.
 */
public final class DrillViewModel {

    private final IncidentSession session;
    private final BackgroundTasks tasks;
    private final Clock clock;
    private volatile DrillSession drill;
    private boolean playing;

    private final ReadOnlyBooleanWrapper active = new ReadOnlyBooleanWrapper(this, "active");
    private final ReadOnlyBooleanWrapper realRuns = new ReadOnlyBooleanWrapper(this, "realRuns");
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper(this, "text", "");
    private final ReadOnlyStringWrapper runMode = new ReadOnlyStringWrapper(this, "runMode", "");
    private final ReadOnlyStringWrapper next = new ReadOnlyStringWrapper(this, "next", "");
    private final ReadOnlyStringWrapper fastForwardLabel = new ReadOnlyStringWrapper(this, "fastForwardLabel",
            "Fast-forward");
    private final ReadOnlyBooleanWrapper canFastForward = new ReadOnlyBooleanWrapper(this, "canFastForward");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");

    public DrillViewModel(IncidentSession session, BackgroundTasks tasks, Clock clock) {
        this.session = session;
        this.tasks = tasks;
        this.clock = clock;
        session.incidentProperty().addListener((obs, was, now) -> attach(now));
        session.stateProperty().addListener((obs, was, now) -> refresh());
        attach(session.incidentProperty().get());
    }

    private void attach(Incident incident) {
        drill = null;
        message.set("");
        if (incident != null && incident.metadata().drill()) {
            try {
                drill = DrillSession.of(incident, clock);
            } catch (RuntimeException e) {
                // A damaged scenario copy must not stop the drill: it goes on without its scripted events.
                drill = new DrillSession(incident, Optional.empty(), clock);
                message.set("The drill's scenario cannot be played: " + e.getMessage());
            }
        }
        refresh();
    }

    /** The open drill's session; empty in a real incident or with none open (read from any thread). */
    public Optional<DrillSession> current() {
        return Optional.ofNullable(drill);
    }

    private void refresh() {
        DrillSession current = drill;
        IncidentState state = session.stateProperty().get();
        active.set(current != null);
        if (current == null || state == null) {
            realRuns.set(false);
            text.set("");
            next.set("");
            canFastForward.set(false);
            return;
        }
        DrillState drillState = DrillState.of(true, state);
        realRuns.set(drillState.realRuns());
        String scenario = current.scenario().map(Scenario::displayName).map(s -> "scenario “" + s + "”")
                .orElse("no scenario");
        String clockText = drillState.totalAdvanced().isZero() ? ""
                : "  ·  clock +" + DrillDurations.format(drillState.totalAdvanced()) + " fast-forwarded in drill";
        text.set("DRILL — a rehearsal, not a real incident  ·  " + scenario + clockText);
        runMode.set(drillState.realRuns() ? "Commands RUN FOR REAL in this drill" : "Commands run through stubs");
        next.set(current.nextEvent().map(n -> "Next scripted: " + n.event().action().describe() + " in "
                + DrillDurations.format(positive(Duration.between(clock.instant(), n.at()))))
                .orElse(current.scenario().isPresent() && drillState.played().size()
                        == current.scenario().get().events().size() ? "Scenario played out" : ""));
        Optional<Duration> suggested = current.suggestedFastForward();
        canFastForward.set(suggested.isPresent() && !session.incidentProperty().get().isReadOnly());
        fastForwardLabel.set(suggested.map(d -> "Fast-forward " + DrillDurations.format(d)).orElse("Fast-forward"));
    }

    private static Duration positive(Duration duration) {
        return duration.isNegative() ? Duration.ZERO : duration;
    }

    /** Plays the scenario events due on the clock (in the background); refreshes the band. */
    public void tick() {
        DrillSession current = drill;
        if (current == null || playing || session.incidentProperty().get().isReadOnly()) {
            refresh();
            return;
        }
        playing = true;
        tasks.run(current::playDue, played -> {
            playing = false;
            refresh();
        }, error -> {
            playing = false;
            message.set("A scenario event could not be recorded: " + error.getMessage());
        });
    }

    /** Fast-forwards by the suggested amount (to the end of the waits running, else to the next scripted event). */
    public void fastForward() {
        DrillSession current = drill;
        if (current == null) {
            return;
        }
        current.suggestedFastForward().ifPresent(by -> tasks.run(
                () -> current.fastForward(by, "fast-forwarded from the console"),
                (List<Event> recorded) -> {
                    message.set("Fast-forwarded " + DrillDurations.format(by) + " (fast-forwarded in drill).");
                    refresh();
                },
                error -> message.set("Not fast-forwarded: " + error.getMessage())));
    }

    /** Runs go to the real programs from now on: the view has asked for confirmation and a reason. */
    public void runForReal(String reason) {
        choose(true, reason);
    }

    public void backToStubs() {
        choose(false, null);
    }

    private void choose(boolean real, String reason) {
        DrillSession current = drill;
        if (current == null) {
            return;
        }
        tasks.run(() -> current.chooseRunMode(real, reason), event -> {
            message.set(real ? "Runs in this drill now go to the real programs." : "Runs go through the stubs again.");
            refresh();
        }, error -> message.set("Not recorded: " + error.getMessage()));
    }

    public ReadOnlyBooleanProperty activeProperty() {
        return active.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty realRunsProperty() {
        return realRuns.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty runModeProperty() {
        return runMode.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty nextProperty() {
        return next.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty fastForwardLabelProperty() {
        return fastForwardLabel.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canFastForwardProperty() {
        return canFastForward.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
