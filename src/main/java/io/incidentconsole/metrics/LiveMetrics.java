package io.incidentconsole.metrics;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.DoublePredicate;

/**
 * The metrics side of the console in one place: sources write into a {@link CoalescingBuffer}; once per frame
 * the UI calls {@link #onFrame()}, which moves everything that arrived into the {@link SeriesStore}, updates
 * staleness and evaluates the rules, and says what changed. Everything except the sources' own threads runs
 * on the caller's thread; nothing here touches the UI toolkit.
 */
public final class LiveMetrics implements LatestValues {

    private final List<MetricSource> sources;
    private final CoalescingBuffer buffer;
    private final SeriesStore store = new SeriesStore();
    private final StalenessTracker staleness;
    private final RuleEvaluator rules;
    private final Clock clock;
    private final M4Reducer reducer = new M4Reducer();
    private boolean started;

    public LiveMetrics(List<MetricSource> sources, CoalescingBuffer buffer, StalenessTracker staleness,
                       RuleEvaluator rules, Clock clock) {
        this.sources = List.copyOf(sources);
        this.buffer = buffer;
        this.staleness = staleness;
        this.rules = rules;
        this.clock = clock;
    }

    public void start() {
        if (started) {
            throw new IllegalStateException("live metrics already started");
        }
        started = true;
        Instant now = clock.instant();
        for (MetricSource source : sources) {
            for (String metricId : source.metricIds()) {
                staleness.register(metricId, source.id(), source.expectedInterval(), now);
            }
        }
        for (MetricSource source : sources) {
            source.start(buffer);
        }
    }

    public void stop() {
        for (MetricSource source : sources) {
            source.stop();
        }
    }

    /** Call once per frame: drains the buffer and returns what the views must redraw and announce. */
    public FrameUpdate onFrame() {
        CoalescingBuffer.Drained drained = buffer.drain();
        Instant now = clock.instant();
        Set<String> changed = new LinkedHashSet<>();
        List<AlertEvent> alerts = new ArrayList<>();
        long outOfOrder = 0;
        SampleBatch samples = drained.samples();
        for (int i = 0; i < samples.size(); i++) {
            String metricId = samples.metricId(i);
            MetricSeries.AppendResult result = store.append(metricId, samples.time(i), samples.value(i));
            if (result == MetricSeries.AppendResult.DROPPED_OUT_OF_ORDER) {
                outOfOrder++;
                continue;
            }
            changed.add(metricId);
            staleness.sampleArrived(metricId, now);
            alerts.addAll(rules.onSample(metricId, samples.time(i), samples.value(i)));
        }
        for (StatusUpdate update : drained.statuses()) {
            staleness.status(update);
        }
        return new FrameUpdate(changed, alerts, drained.statuses(), drained.problems(), drained.lostSamples(),
                outOfOrder);
    }

    public SeriesStore store() {
        return store;
    }

    public Freshness freshness(String metricId) {
        return staleness.freshness(metricId, clock.instant());
    }

    @Override
    public Optional<Reading> latest(String metricId) {
        return store.series(metricId).filter(s -> !s.isEmpty()).map(s -> new Reading(metricId, s.lastValue(),
                Instant.ofEpochMilli(s.lastTime()), freshness(metricId)));
    }

    @Override
    public Optional<Instant> holdingSince(String metricId, DoublePredicate condition) {
        MetricSeries series = store.series(metricId).orElse(null);
        if (series == null || series.isEmpty() || !condition.test(series.lastValue())) {
            return Optional.empty();
        }
        int first = series.size() - 1;
        while (first > 0 && condition.test(series.value(first - 1))) {
            first--;
        }
        return Optional.of(Instant.ofEpochMilli(series.time(first)));
    }

    /** The M4 reduction of a metric over {@code [from, to)} for a chart {@code columns} pixels wide. */
    public Optional<ReducedSeries> reduce(String metricId, Instant from, Instant to, int columns) {
        return store.series(metricId).map(s -> reducer.reduce(s, from.toEpochMilli(), to.toEpochMilli(), columns));
    }

    public List<RuleEvaluator.ActiveAlert> activeAlerts() {
        return rules.active();
    }

    public Optional<AlertEvent.Acknowledged> acknowledge(String ruleId, String by) {
        return rules.acknowledge(ruleId, by, clock.instant());
    }

    /** See {@link RuleEvaluator#resumeFiring}; a rule this plan does not have is ignored. */
    public void resumeFiring(String ruleId, Instant firedAt, boolean acknowledged) {
        if (rules.knows(ruleId)) {
            rules.resumeFiring(ruleId, firedAt, acknowledged);
        }
    }

    public List<MetricSource> sources() {
        return sources;
    }

    /**
     * What one frame brought: metrics with new samples, alert transitions, status changes, skipped input,
     * samples lost because nobody drained, and samples dropped as older than what was stored.
     */
    public record FrameUpdate(Set<String> changedMetrics, List<AlertEvent> alerts, List<StatusUpdate> statuses,
                              List<SourceProblem> problems, long lostSamples, long droppedOutOfOrder) {
        public boolean isEmpty() {
            return changedMetrics.isEmpty() && alerts.isEmpty() && statuses.isEmpty() && problems.isEmpty()
                    && lostSamples == 0 && droppedOutOfOrder == 0;
        }
    }
}
