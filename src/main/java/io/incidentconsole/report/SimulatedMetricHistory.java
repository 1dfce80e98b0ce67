package io.incidentconsole.report;

import io.incidentconsole.incident.Event;
import io.incidentconsole.incident.EventPayload;
import io.incidentconsole.incident.IncidentState;
import io.incidentconsole.incident.StartRecord;
import io.incidentconsole.metrics.MetricSources;
import io.incidentconsole.metrics.SimulatorModel;

import java.time.Instant;
import java.util.Optional;

/**
 * The console's deterministic simulator replayed over the incident: the phase completions in the journal drive
 * it exactly as they drove the live simulator, so a report without real metrics still shows the plan's story.
 * Reports say these values are simulated.
 */
public final class SimulatedMetricHistory implements MetricHistory {

    /** Samples per series over the incident's span: enough for a chart, small enough for a report. */
    static final int POINTS = 240;

    private final SimulatorModel model;
    private final long seed;
    private final long from;
    private final long to;

    private SimulatedMetricHistory(SimulatorModel model, long seed, long from, long to) {
        this.model = model;
        this.seed = seed;
        this.from = from;
        this.to = to;
    }

    /** From the incident's start (or its first event) to {@code until}. */
    public static SimulatedMetricHistory replay(IncidentState state, long seed, Instant until) {
        SimulatorModel model = new SimulatorModel(seed, state.plan(), MetricSources.SIMULATOR_SETTLE);
        for (Event event : state.events()) {
            if (state.isUndone(event.id())) {
                continue;
            }
            if (event.payload() instanceof EventPayload.PhaseCompleted completed) {
                model.phaseCompleted(completed.phaseId(), event.at());
            }
        }
        Instant start = state.started().map(StartRecord::at)
                .orElse(state.events().isEmpty() ? until : state.events().get(0).at());
        long from = start.toEpochMilli();
        long to = Math.max(from, until.toEpochMilli());
        return new SimulatedMetricHistory(model, seed, from, to);
    }

    @Override
    public Optional<Series> series(String metricId) {
        if (!model.metricIds().contains(metricId)) {
            return Optional.empty();
        }
        int n = to == from ? 1 : POINTS;
        long[] times = new long[n];
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            times[i] = n == 1 ? from : from + (to - from) * i / (n - 1);
            values[i] = model.value(metricId, times[i]);
        }
        return Optional.of(new Series(times, values));
    }

    @Override
    public String description() {
        return "simulated (seed " + seed + ")";
    }

    @Override
    public boolean simulated() {
        return true;
    }
}
