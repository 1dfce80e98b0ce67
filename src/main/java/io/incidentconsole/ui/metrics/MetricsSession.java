package io.incidentconsole.ui.metrics;

import javafx.beans.InvalidationListener;
import io.incidentconsole.incident.EventPayload;
import io.incidentconsole.incident.IncidentState;
import io.incidentconsole.incident.AlertState;
import io.incidentconsole.incident.PhaseState;
import io.incidentconsole.metrics.AlertEvent;
import io.incidentconsole.metrics.LatestValues;
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
import io.incidentconsole.ui.incident.IncidentSession;
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
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
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

    /** The problems list keeps this many, newest last (a file of garbage must not grow it without bound). */
    static final int MAX_PROBLEMS_KEPT = 500;

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
    private final ObservableList<SourceProblem> problems = FXCollections.observableArrayList();
    private final ObservableList<SourceProblem> problemsView = FXCollections.unmodifiableObservableList(problems);
    /** The problems behind the notice line, by source, until that source's samples flow again. */
    private final Map<String, List<SourceProblem>> current = new LinkedHashMap<>();
    /** What building the sources warned about (token unset, bad URL): stays while these sources run. */
    private String buildWarnings = "";
    private final List<Runnable> rebuildListeners = new CopyOnWriteArrayList<>();
    private final Map<String, Instant> completions = new HashMap<>();
    private final Set<String> recordedFirings = new HashSet<>();
    /** Recorded firings (alert id @ firing time in the journal) this console recorded a clearing for. */
    private final Set<String> clearingsSent = new HashSet<>();
    private Map<String, Rule> rulesById = Map.of();
    /** Alerts that fired while no writable incident was open, by rule: recorded when one is, if still active. */
    private final Map<String, AlertEvent.Fired> unrecorded = new LinkedHashMap<>();
    /**
     * An invalidation, not a change listener: an incident's plan copy is equal to the plan open before it (a record,
     * compared by value), and a change listener would not hear of it, leaving the journal's alerts and phases
     * unmatched (they are matched to the shown plan by identity).
     */
    private final InvalidationListener planChanged =
            obs -> rebuild(((ObservableValue<?>) obs).getValue() instanceof Plan next ? next : null);
    private final ChangeListener<IncidentState> stateChanged = (obs, old, now) -> {
        followPhases(now);
        resumeRecordedFirings(now);
        recordStillActive();
        refreshAlerts();
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
        clearingsSent.clear();
        status.set("");
    }

    private void rebuild(Plan next) {
        if (next == shownPlan && live != null) {
            return;
        }
        stopLive();
        shownPlan = next;
        buildWarnings = "";
        current.clear();
        problems.clear();
        if (next != null) {
            try {
                built = factory.build(next, settings);
                live = factory.liveMetrics(next, built);
                live.start();
                if (!built.warnings().isEmpty()) {
                    buildWarnings = "Metrics: " + String.join("; ", built.warnings());
                }
            } catch (IllegalArgumentException e) {
                built = null;
                live = null;
                buildWarnings = "Metrics: " + e.getMessage();
            }
        }
        showProblems();
        rulesById = new HashMap<>();
        if (next != null) {
            Rule.fromPlan(next).forEach(rule -> rulesById.putIfAbsent(rule.id(), rule));
        }
        followPhases(session.stateProperty().get());
        resumeRecordedFirings(session.stateProperty().get());
        refreshAlerts();
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
            } else if (event instanceof AlertEvent.Cleared cleared) {
                cleared(cleared);
            }
        }
        if (!update.alerts().isEmpty()) {
            refreshAlerts();
        }
        followProblems(update);
        for (Consumer<LiveMetrics.FrameUpdate> listener : frameListeners) {
            listener.accept(update);
        }
    }

    /**
     * Keeps every skipped input in the problems list, and the notice line on the current ones: a source's notice
     * goes once its samples flow again without a new problem (a truncated file read again from the top), while
     * the list keeps them all to read.
     */
    private void followProblems(LiveMetrics.FrameUpdate update) {
        Set<String> newlyTroubled = new HashSet<>();
        for (SourceProblem problem : update.problems()) {
            current.computeIfAbsent(problem.sourceId(), k -> new ArrayList<>()).add(problem);
            newlyTroubled.add(problem.sourceId());
        }
        if (!update.problems().isEmpty()) {
            problems.addAll(update.problems());
            if (problems.size() > MAX_PROBLEMS_KEPT) {
                problems.remove(0, problems.size() - MAX_PROBLEMS_KEPT);
            }
        }
        boolean resumed = false;
        if (!update.changedMetrics().isEmpty() && live != null) {
            for (var source : live.sources()) {
                if (current.containsKey(source.id()) && !newlyTroubled.contains(source.id())
                        && source.metricIds().stream().anyMatch(update.changedMetrics()::contains)) {
                    current.remove(source.id());
                    resumed = true;
                }
            }
        }
        if (!update.problems().isEmpty() || resumed) {
            showProblems();
        }
    }

    private void showProblems() {
        List<SourceProblem> now = current.values().stream().flatMap(List::stream)
                .sorted(Comparator.comparing(SourceProblem::at)).toList();
        String input = now.isEmpty() ? "" : "Metrics input skipped: " + now.get(now.size() - 1)
                + (now.size() > 1 ? " (and " + (now.size() - 1) + " more: see the list)" : "");
        sourceProblems.set(buildWarnings.isEmpty() ? input
                : input.isEmpty() ? buildWarnings : buildWarnings + " · " + input);
    }

    private void fired(AlertEvent.Fired fired) {
        Rule rule = fired.rule();
        String message = message(rule, fired.at(), fired.value());
        String key = rule.id() + "@" + fired.at().toEpochMilli();
        IncidentState state = session.stateProperty().get();
        AlertState recorded = state == null ? null : state.alerts().get(rule.id());
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

    /**
     * Records that a recorded firing cleared, once: by this console's own rule, and only while the incident still
     * has it firing (another console watching the same metric may have recorded the clearing first).
     */
    private void cleared(AlertEvent.Cleared cleared) {
        Rule rule = cleared.rule();
        unrecorded.remove(rule.id());
        IncidentState state = shownState();
        AlertState recorded = state == null ? null : state.alerts().get(rule.id());
        if (recorded == null || !recorded.firing() || !session.writableBinding().get()
                || !clearingsSent.add(firingKey(recorded))) {
            return;
        }
        session.record(new EventPayload.AlertCleared(rule.id(), rule.metricId(), cleared.value(),
                clearedMessage(rule, cleared.at(), cleared.value())));
    }

    private static String firingKey(AlertState alert) {
        return alert.alertId() + "@" + alert.firedAt().toEpochMilli();
    }

    /**
     * The incident says these alerts are firing (recorded before a restart, or by another console): the rules take
     * them up, so that the first sample back within the condition records their clearing.
     */
    private void resumeRecordedFirings(IncidentState state) {
        if (live == null || state == null || state.plan() != shownPlan) {
            return;
        }
        for (AlertState alert : state.alerts().values()) {
            if (alert.firing() && !clearingsSent.contains(firingKey(alert))) {
                live.resumeFiring(alert.alertId(), alert.firedAt(), alert.acknowledged());
            }
        }
    }

    /** The open incident's state when it belongs to the plan whose metrics run; null otherwise. */
    private IncidentState shownState() {
        IncidentState state = session.stateProperty().get();
        return state != null && state.plan() == shownPlan ? state : null;
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

    /** "convex_calls back within 900K at 09:16:40 UTC (Convex calls above 900K; value 850K)". */
    static String clearedMessage(Rule rule, Instant at, double value) {
        return rule.metricId() + " back within " + QuantityFormat.exact(rule.condition().value()) + " at "
                + ChartText.clock(at) + " (" + rule.name() + "; value " + QuantityFormat.compact(value) + ")";
    }

    /**
     * The banner and the status bar show what the incident says is open ({@link IncidentState#openAlerts()}: not
     * acknowledged since it fired, still firing or cleared meanwhile), and besides it only what fired here and has
     * nothing to be recorded in yet (no incident, or a read-only one).
     */
    private void refreshAlerts() {
        List<AlertNotice> notices = new ArrayList<>();
        Set<String> listed = new HashSet<>();
        IncidentState state = shownState();
        if (state != null) {
            for (AlertState alert : state.openAlerts()) {
                notices.add(notice(alert));
                listed.add(alert.alertId());
            }
        }
        for (RuleEvaluator.ActiveAlert active : live == null ? List.<RuleEvaluator.ActiveAlert>of() : live.activeAlerts()) {
            Rule rule = active.rule();
            boolean inTheIncident = state != null && state.alerts().containsKey(rule.id())
                    && !unrecorded.containsKey(rule.id());
            if (active.acknowledged() || listed.contains(rule.id()) || inTheIncident) {
                continue;
            }
            notices.add(new AlertNotice(rule.id(), rule.metricId(), crossed(rule, active.firedAt()),
                    crossedHeadline(rule, active.firedAt()), active.firedAt(),
                    rule.runbookId(), rule.severity() == Severity.CRITICAL, false));
        }
        if (!notices.equals(alerts)) {
            alerts.setAll(notices);
        }
        status.set(notices.isEmpty() ? "" : "⚠ " + notices.size() + (notices.size() == 1 ? " alert: " : " alerts: ")
                + notices.get(0).headline());
    }

    private AlertNotice notice(AlertState alert) {
        Rule rule = rulesById.get(alert.alertId());
        String headline = rule == null ? alert.alertId() + " fired at " + ChartText.minutes(alert.firedAt())
                : crossedHeadline(rule, alert.firedAt());
        // An alert without a plan rule (a drill's scripted alert, one raised by hand) says what it is in its message.
        String text = rule != null ? crossed(rule, alert.firedAt())
                : alert.message() != null && !alert.message().isBlank() ? headline + ": " + alert.message() : headline;
        if (!alert.firing()) {
            String cleared = " · cleared at " + ChartText.minutes(alert.clearedAt())
                    + (alert.clearedValue() == null ? "" : " (value " + QuantityFormat.compact(alert.clearedValue()) + ")");
            text += cleared;
            headline += cleared;
        }
        return new AlertNotice(alert.alertId(), alert.metricId(), text, headline, alert.firedAt(),
                rule == null ? null : rule.runbookId(), rule != null && rule.severity() == Severity.CRITICAL,
                !alert.firing());
    }

    private static String crossed(Rule rule, Instant firedAt) {
        return crossedHeadline(rule, firedAt) + " — " + rule.name();
    }

    /** What the status bar has room for; the banner above the areas says the rule's name too. */
    private static String crossedHeadline(Rule rule, Instant firedAt) {
        return rule.metricId() + " crossed " + QuantityFormat.exact(rule.condition().value()) + " at "
                + ChartText.minutes(firedAt);
    }

    /**
     * Acknowledges an open alert, firing or cleared meanwhile, and records it (the banner drops it). An alert the
     * incident does not know (nothing to record it in) is acknowledged here only.
     */
    public void acknowledge(String ruleId) {
        String who = session.incidentProperty().get() == null ? "operator" : session.incidentProperty().get().operator();
        boolean known = rulesById.containsKey(ruleId);
        if (live != null && known) {
            live.acknowledge(ruleId, who);
        }
        IncidentState state = shownState();
        AlertState recorded = state == null ? null : state.alerts().get(ruleId);
        if (recorded != null && recorded.open() && !unrecorded.containsKey(ruleId) && session.writableBinding().get()) {
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

    /** Every input a source skipped since these sources started, oldest first (at most {@value #MAX_PROBLEMS_KEPT}). */
    public ObservableList<SourceProblem> problems() {
        return problemsView;
    }

    /** Source warnings (token variable unset, bad URL) and the current skipped input, or empty. */
    public ReadOnlyStringProperty sourceProblemsProperty() {
        return sourceProblems.getReadOnlyProperty();
    }

    public void addFrameListener(Consumer<LiveMetrics.FrameUpdate> listener) {
        frameListeners.add(listener);
    }

    public void removeFrameListener(Consumer<LiveMetrics.FrameUpdate> listener) {
        frameListeners.remove(listener);
    }

    /**
     * The newest values for the board and guided mode: told on every frame that brought something, and at least
     * once a second otherwise (freshness changes with time alone).
     */
    public LiveReadings readings() {
        return new LiveReadings() {
            @Override
            public LatestValues values() {
                return live == null ? LatestValues.NONE : live;
            }

            @Override
            public Runnable listen(Runnable onChange) {
                Instant[] told = {Instant.MIN};
                Consumer<LiveMetrics.FrameUpdate> listener = update -> {
                    Instant now = clock.instant();
                    if (!update.isEmpty() || !now.isBefore(told[0].plusSeconds(1))) {
                        told[0] = now;
                        onChange.run();
                    }
                };
                Runnable rebuilt = onChange;
                addFrameListener(listener);
                addRebuildListener(rebuilt);
                return () -> {
                    removeFrameListener(listener);
                    removeRebuildListener(rebuilt);
                };
            }
        };
    }

    /** Told when the live metrics were rebuilt for another plan (charts must be rebuilt too). */
    public void addRebuildListener(Runnable listener) {
        rebuildListeners.add(listener);
    }

    public void removeRebuildListener(Runnable listener) {
        rebuildListeners.remove(listener);
    }
}
