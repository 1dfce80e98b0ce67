package io.incidentconsole.ui;

import io.incidentconsole.metrics.Freshness;
import io.incidentconsole.metrics.LatestValues;
import io.incidentconsole.ui.metrics.LiveReadings;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.DoublePredicate;

/** Metric values a test sets by hand (all sampled at {@link #AT}); {@link #set} tells listeners as a frame would. */
final class ControlledReadings implements LiveReadings, LatestValues {

    static final Instant AT = Instant.parse("2026-12-07T10:42:05Z");

    private final Map<String, Reading> readings = new HashMap<>();
    private final List<Runnable> listeners = new ArrayList<>();

    /** Sets a value and tells the listeners (call on the FX thread). */
    void set(String metricId, double value, Freshness.State state) {
        setQuietly(metricId, value, state);
        new ArrayList<>(listeners).forEach(Runnable::run);
    }

    /** Sets a value without telling anyone: as if it changed between two frames. */
    void setQuietly(String metricId, double value, Freshness.State state) {
        readings.put(metricId, new Reading(metricId, value, AT, new Freshness(state, AT,
                state == Freshness.State.STALE ? "source simulator stopped" : "", AT)));
    }

    @Override
    public LatestValues values() {
        return this;
    }

    @Override
    public Runnable listen(Runnable onChange) {
        listeners.add(onChange);
        return () -> listeners.remove(onChange);
    }

    @Override
    public Optional<Reading> latest(String metricId) {
        return Optional.ofNullable(readings.get(metricId));
    }

    @Override
    public Optional<Instant> holdingSince(String metricId, DoublePredicate condition) {
        return latest(metricId).filter(r -> condition.test(r.value())).map(Reading::at);
    }
}
