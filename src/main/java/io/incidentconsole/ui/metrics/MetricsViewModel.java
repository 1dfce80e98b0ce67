package io.incidentconsole.ui.metrics;

import io.incidentconsole.incident.IncidentState;
import io.incidentconsole.incident.PhaseState;
import io.incidentconsole.metrics.LiveMetrics;
import io.incidentconsole.metrics.MetricSource;
import io.incidentconsole.metrics.SimulatorModel;
import io.incidentconsole.plan.Direction;
import io.incidentconsole.plan.Metric;
import io.incidentconsole.plan.Plan;
import io.incidentconsole.ui.incident.IncidentSession;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ChangeListener;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The metrics dashboard: one chart per plan metric (and the simulator's built-in error rate when it runs), the
 * window, phase markers from the journal, and which charts must redraw this frame. Listens only while active.
 */
public final class MetricsViewModel {

    private static final long SLIDE_MILLIS = 1_000;

    private final MetricsSession metrics;
    private final IncidentSession session;
    private final Clock clock;
    private final ObjectProperty<TimeWindow> window = new SimpleObjectProperty<>(this, "window", TimeWindow.MINUTES_15);
    private final ObservableList<Card> cards = FXCollections.observableArrayList();
    private final ObservableList<PhaseMarker> markers = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper live = new ReadOnlyBooleanWrapper(this, "live");
    private final ReadOnlyStringWrapper sources = new ReadOnlyStringWrapper(this, "sources", "");
    private final Consumer<LiveMetrics.FrameUpdate> onFrame = this::frame;
    private final Runnable onRebuild = this::rebuild;
    private final ChangeListener<IncidentState> stateChanged = (obs, old, now) -> refreshMarkers(now);
    private final Set<String> changed = new LinkedHashSet<>();
    private Consumer<Set<String>> frameSink = ids -> { };
    private long lastSlide;

    public MetricsViewModel(MetricsSession metrics, IncidentSession session, Clock clock) {
        this.metrics = metrics;
        this.session = session;
        this.clock = clock;
    }

    /** A chart to show: the metric and where its numbers come from. */
    /** {@code simulated}: the built-in simulator, not a real source, feeds this metric. */
    private final javafx.beans.property.ReadOnlyBooleanWrapper anySimulated =
            new javafx.beans.property.ReadOnlyBooleanWrapper(this, "anySimulated");

    /** Whether any chart shows simulated data (the source line then says so as a warning). */
    public javafx.beans.property.ReadOnlyBooleanProperty anySimulatedProperty() {
        return anySimulated.getReadOnlyProperty();
    }

    public record Card(Metric metric, ChartFeed feed, boolean simulated) {
    }

    public void activate() {
        metrics.addFrameListener(onFrame);
        metrics.addRebuildListener(onRebuild);
        session.stateProperty().addListener(stateChanged);
        rebuild();
    }

    public void deactivate() {
        metrics.removeFrameListener(onFrame);
        metrics.removeRebuildListener(onRebuild);
        session.stateProperty().removeListener(stateChanged);
    }

    /** Called once a frame with the ids of the metrics that changed (all of them once a second, so windows slide). */
    public void setFrameSink(Consumer<Set<String>> frameSink) {
        this.frameSink = frameSink;
    }

    private void frame(LiveMetrics.FrameUpdate update) {
        changed.clear();
        changed.addAll(update.changedMetrics());
        long now = clock.millis();
        if (now - lastSlide >= SLIDE_MILLIS) {
            lastSlide = now;
            cards.forEach(c -> changed.add(c.metric().id()));
        }
        frameSink.accept(changed);
    }

    private void rebuild() {
        Plan plan = metrics.plan();
        List<Card> next = new ArrayList<>();
        LiveMetrics current = metrics.live().orElse(null);
        if (plan != null && current != null) {
            for (Metric metric : plan.metrics()) {
                next.add(new Card(metric, new LiveFeed(current, metric.id(), clock), simulated(current, metric.id())));
            }
            boolean planHasErrors = plan.metrics().stream().anyMatch(m -> m.id().equals(SimulatorModel.ERROR_RATE));
            boolean fed = current.sources().stream().map(MetricSource::metricIds)
                    .anyMatch(ids -> ids.contains(SimulatorModel.ERROR_RATE));
            if (!planHasErrors && fed) {
                next.add(new Card(new Metric(SimulatorModel.ERROR_RATE, "Error rate (simulated)", null, "ratio", 0.012,
                        0.002, Direction.DOWN, null, List.of(), List.of(), null), new LiveFeed(current,
                        SimulatorModel.ERROR_RATE, clock), simulated(current, SimulatorModel.ERROR_RATE)));
            }
        }
        cards.setAll(next);
        live.set(current != null);
        sources.set(current == null ? "No live metrics" : describeSources(current));
        anySimulated.set(current != null && current.sources().stream().anyMatch(s -> "simulator".equals(s.id())));
        refreshMarkers(session.stateProperty().get());
    }

    private static boolean simulated(LiveMetrics current, String metricId) {
        return current.sources().stream()
                .anyMatch(s -> "simulator".equals(s.id()) && s.metricIds().contains(metricId));
    }

    private String describeSources(LiveMetrics current) {
        List<String> names = new ArrayList<>();
        for (MetricSource source : current.sources()) {
            names.add(switch (source.id()) {
                case "simulator" -> "Simulated data (no Prometheus or metrics file configured)";
                case "prometheus" -> "Prometheus";
                case "file" -> "Metrics file";
                default -> source.id();
            });
        }
        return "Source: " + String.join(" + ", names);
    }

    private void refreshMarkers(IncidentState state) {
        List<PhaseMarker> next = new ArrayList<>();
        if (state != null && state.plan() == metrics.plan()) {
            for (PhaseState phase : state.phases().values()) {
                if (phase.startedAt() != null) {
                    next.add(new PhaseMarker(phase.startedAt(), phase.phaseId(), false));
                }
                if (phase.completedAt() != null) {
                    next.add(new PhaseMarker(phase.completedAt(), phase.phaseId(), true));
                }
            }
        }
        if (!markers.equals(next)) {
            markers.setAll(next);
        }
    }

    public void selectWindow(TimeWindow next) {
        window.set(next);
    }

    public ObjectProperty<TimeWindow> windowProperty() {
        return window;
    }

    public ObservableList<Card> cards() {
        return cards;
    }

    public ObservableList<PhaseMarker> markers() {
        return markers;
    }

    public ObservableList<AlertNotice> alerts() {
        return metrics.alerts();
    }

    public void acknowledge(AlertNotice notice) {
        metrics.acknowledge(notice.ruleId());
    }

    public void openRunbook(AlertNotice notice) {
        metrics.openRunbook(notice.runbookId());
    }

    public ReadOnlyBooleanProperty liveProperty() {
        return live.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty sourcesProperty() {
        return sources.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty problemsProperty() {
        return metrics.sourceProblemsProperty();
    }

    /** Every input the sources skipped, for the list: "09:14:03 UTC · metrics.csv:12: not a number (line skipped)". */
    public ObservableList<io.incidentconsole.metrics.SourceProblem> problemList() {
        return metrics.problems();
    }

    public static String describe(io.incidentconsole.metrics.SourceProblem problem) {
        return ChartText.clock(problem.at()) + " · " + problem;
    }

    /** True when no incident is open: phase markers and recording need one. */
    public javafx.beans.binding.BooleanBinding noIncidentBinding() {
        return session.stateProperty().isNull();
    }
}
