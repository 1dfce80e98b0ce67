package io.incidentconsole.ui.metrics;

import io.incidentconsole.incident.EventPayload;
import io.incidentconsole.incident.IncidentState;
import io.incidentconsole.incident.PhaseState;
import io.incidentconsole.metrics.AlertEvent;
import io.incidentconsole.metrics.LiveMetrics;
import io.incidentconsole.metrics.MetricSources;
import io.incidentconsole.metrics.MetricsSettings;
import io.incidentconsole.metrics.Rule;
import io.incidentconsole.metrics.RuleEvaluator;
import io.incidentconsole.metrics.SimulatorSource;
import io.incidentconsole.metrics.SourceProblem;
import io.incidentconsole.plan.Plan;
import io.incidentconsole.plan.QuantityFormat;
import io.incidentconsole.plan.Severity;
import io.incidentconsole.ui.IncidentSession;
import javafx.animation.AnimationTimer;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The live metrics of the console, for as long as a plan is shown: builds the sources for the plan (the
 * simulator unless a real source is configured), drains them once per pulse with one AnimationTimer, feeds
 * phase completions from the journal into the simulator, and turns alerts into a banner, a status-bar line
 * and journal entries (each firing recorded once: by rule id and firing time, also across restarts, because
 * the firing time is part of the recorded message).
 *
 * <p>It drains all the time, not only while the metrics view is shown: an undrained buffer loses samples,
 * and an alert must reach the banner and the journal whichever area the operator is looking at.
 */
public final class MetricsSession {

    private final MetricSources factory;
    private final MetricsSettings settings;
    private final IncidentSession session;
    private final ObservableValue<Plan> plan;
    private final Clock clock;
    private final ObservableList<AlertNotice> alerts = FXCollections.observableArrayList();
    private final ObservableList<AlertNotice> alertsView = FXCollections.unmodifiableObservableList(alerts);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyStringWrapper sourceProblems = new ReadOnlyStringWrapper(this, "sourceProblems", "");
    private final List<Consumer<LiveMetrics.FrameUpdate>> frameListeners = new CopyOnWriteArrayList<>();
    private final List<Runnable> rebuildListeners = new CopyOnWriteArrayList<>();
    private final Map<String, Instant> completions = new HashMap<>();
    private final Set<String> recordedFirings = new HashSet<>();
    /** Alerts that fired while no writable incident was open, by rule: recorded when one is, if still active. */
    private final Map<String, AlertEvent.Fired> unrecorded = new java.util.LinkedHashMap<>();
    private final ChangeListener<Plan> planChanged = (obs, old, now) -> rebuild(now);
    private final ChangeListener<IncidentState> stateChanged = (obs, old, now) -> {
        followPhases(now);
        recordStillActive();
    };
    private final AnimationTimer pump = new AnimationTimer() {
        @Override
        public void handle(long now) {
            pump();
        }
    };
    private Consumer<String> openRunbook = runbookId -> { };
    private Plan shownPlan;
    private LiveMetrics live;
    private MetricSources.Built built;
    private boolean running;

    public MetricsSession(MetricSources factory, MetricsSettings settings, IncidentSession session,
                          ObservableValue<Plan> plan, Clock clock) {
        this.factory = factory;
        this.settings = settings;
        this.session = session;
        this.plan = plan;
        this.clock = clock;
    }

    /** Starts following the shown plan (and starts the sources for it). */
    public void start() {
        if (running) {
            return;
        }
        running = true;
        plan.addListener(planChanged);
        session.stateProperty().addListener(stateChanged);
        rebuild(plan.getValue());
        pump.start();
    }

    /** Stops the pump and every metric thread. */
    public void stop() {
        running = false;
        pump.stop();
        plan.removeListener(planChanged);
        session.stateProperty().removeListener(stateChanged);
        stopLive();
    }

    /** What "open rollback runbook" does (the console switches to the Rollback area). */
    public void setOpenRunbook(Consumer<String> openRunbook) {
        this.openRunbook = openRunbook;
    }

    private void stopLive() {
        if (live != null) {
            live.stop();
            live.onFrame();
        }
        live = null;
        built = null;
        alerts.clear();
        unrecorded.clear();
        completions.clear();
        status.set("");
    }

    private void rebuild(Plan next) {
        if (next == shownPlan && live != null) {
            return;
        }
        stopLive();
        shownPlan = next;
        sourceProblems.set("");
        if (next != null) {
            try {
                built = factory.build(next, settings);
                live = factory.liveMetrics(next, built);
                live.start();
                if (!built.warnings().isEmpty()) {
                    sourceProblems.set("Metrics: " + String.join("; ", built.warnings()));
                }
            } catch (IllegalArgumentException e) {
                built = null;
                live = null;
                sourceProblems.set("Metrics: " + e.getMessage());
            }
        }
        followPhases(session.stateProperty().get());
        rebuildListeners.forEach(Runnable::run);
    }

    /** Feeds phase completions (and reopenings) of the shown plan's incident into the simulator. */
    private void followPhases(IncidentState state) {
        Optional<SimulatorSource> simulator = simulator();
        if (simulator.isEmpty() || state == null || state.plan() != shownPlan) {
            return;
        }
        for (PhaseState phase : state.phases().values()) {
            Instant known = completions.get(phase.phaseId());
            Instant completed = phase.completedAt();
            if (completed != null && !completed.equals(known)) {
                simulator.get().phaseCompleted(phase.phaseId(), completed);
                completions.put(phase.phaseId(), completed);
            } else if (completed == null && known != null) {
                simulator.get().phaseReopened(phase.phaseId(), clock.instant());
                completions.remove(phase.phaseId());
            }
        }
    }

    /** One frame: drains the sources, announces alerts, tells listeners (every frame) what changed. FX thread. */
    public void pump() {
        if (live == null) {
            return;
        }
        LiveMetrics.FrameUpdate update = live.onFrame();
        for (AlertEvent event : update.alerts()) {
            if (event instanceof AlertEvent.Fired fired) {
                fired(fired);
            }
        }
        if (!update.alerts().isEmpty()) {
            refreshAlerts();
        }
        if (!update.problems().isEmpty()) {
            SourceProblem last = update.problems().get(update.problems().size() - 1);
            sourceProblems.set("Metrics input skipped: " + last + (update.problems().size() > 1
                    ? " (and " + (update.problems().size() - 1) + " more)" : ""));
        }
        for (Consumer<LiveMetrics.FrameUpdate> listener : frameListeners) {
            listener.accept(update);
        }
    }

    private void fired(AlertEvent.Fired fired) {
        Rule rule = fired.rule();
        String message = message(rule, fired.at(), fired.value());
        String key = rule.id() + "@" + fired.at().toEpochMilli();
        IncidentState state = session.stateProperty().get();
        IncidentState.AlertState recorded = state == null ? null : state.alerts().get(rule.id());
        boolean alreadyRecorded = recorded != null && message.equals(recorded.message());
        if (alreadyRecorded && recorded.acknowledged()) {
            live.acknowledge(rule.id(), recorded.acknowledgedBy() == null ? "" : recorded.acknowledgedBy());
        }
        if (alreadyRecorded) {
            unrecorded.remove(rule.id());
            return;
        }
        if (recordedFirings.contains(key)) {
            return;
        }
        if (state != null && session.writableBinding().get()) {
            recordedFirings.add(key);
            unrecorded.remove(rule.id());
            session.record(new EventPayload.AlertFired(rule.id(), rule.metricId(), fired.value(), message));
        } else {
            // Nothing to record it in yet (no incident, or a read-only one): the incident opened next gets it, with
            // its own firing time in the message, if it is still active then.
            unrecorded.put(rule.id(), fired);
        }
    }

    /** Records the alerts that fired before the open incident was, and are still active. FX thread. */
    private void recordStillActive() {
        if (unrecorded.isEmpty() || session.stateProperty().get() == null || !session.writableBinding().get()) {
            return;
        }
        List<AlertEvent.Fired> pending = List.copyOf(unrecorded.values());
        unrecorded.clear();
        for (AlertEvent.Fired fired : pending) {
            boolean stillActive = live != null && live.activeAlerts().stream().anyMatch(
                    a -> a.rule().id().equals(fired.rule().id()) && a.firedAt().equals(fired.at()));
            if (stillActive) {
                fired(fired);
            }
        }
    }

    /** "convex_calls crossed 900K at 09:14:03 UTC (value 912K)"; the firing time makes each firing unique. */
    static String message(Rule rule, Instant at, double value) {
        return rule.metricId() + " crossed " + QuantityFormat.exact(rule.condition().value()) + " at "
                + ChartText.clock(at) + " (" + rule.name() + "; value " + QuantityFormat.compact(value) + ")";
    }

    private void refreshAlerts() {
        List<AlertNotice> notices = new ArrayList<>();
        for (RuleEvaluator.ActiveAlert active : live.activeAlerts()) {
            if (active.acknowledged()) {
                continue;
            }
            Rule rule = active.rule();
            notices.add(new AlertNotice(rule.id(), rule.metricId(), rule.metricId() + " crossed "
                    + QuantityFormat.exact(rule.condition().value()) + " at " + ChartText.minutes(active.firedAt())
                    + " — " + rule.name(), active.firedAt(), rule.runbookId(), rule.severity() == Severity.CRITICAL));
        }
        if (!notices.equals(alerts)) {
            alerts.setAll(notices);
        }
        status.set(notices.isEmpty() ? "" : "⚠ " + notices.size() + (notices.size() == 1 ? " alert: " : " alerts: ")
                + notices.get(0).text());
    }

    /** Acknowledges a firing alert and records it (the banner drops it). */
    public void acknowledge(String ruleId) {
        if (live == null) {
            return;
        }
        String who = session.incidentProperty().get() == null ? "operator" : session.incidentProperty().get().operator();
        Optional<AlertEvent.Acknowledged> acknowledged = live.acknowledge(ruleId, who);
        if (acknowledged.isPresent() && session.stateProperty().get() != null && session.writableBinding().get()) {
            session.record(new EventPayload.AlertAcknowledged(ruleId, "acknowledged from the alert banner"));
        }
        refreshAlerts();
    }

    public void openRunbook(String runbookId) {
        openRunbook.accept(runbookId);
    }

    public Optional<LiveMetrics> live() {
        return Optional.ofNullable(live);
    }

    public Optional<SimulatorSource> simulator() {
        return built == null ? Optional.empty() : built.simulator();
    }

    /** The plan the current live metrics were built for. */
    public Plan plan() {
        return shownPlan;
    }

    public ObservableList<AlertNotice> alerts() {
        return alertsView;
    }

    /** For the status bar: the first active alert, or empty. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Source warnings (token variable unset, bad URL, skipped input), or empty. */
    public ReadOnlyStringProperty sourceProblemsProperty() {
        return sourceProblems.getReadOnlyProperty();
    }

    public void addFrameListener(Consumer<LiveMetrics.FrameUpdate> listener) {
        frameListeners.add(listener);
    }

    public void removeFrameListener(Consumer<LiveMetrics.FrameUpdate> listener) {
        frameListeners.remove(listener);
    }

    /** Told when the live metrics were rebuilt for another plan (charts must be rebuilt too). */
    public void addRebuildListener(Runnable listener) {
        rebuildListeners.add(listener);
    }

    public void removeRebuildListener(Runnable listener) {
        rebuildListeners.remove(listener);
    }
}
