package io.incidentconsole.guided;

import io.incidentconsole.metrics.LatestValues;
import io.incidentconsole.plan.Metric;
import io.incidentconsole.plan.Plan;
import io.incidentconsole.plan.QuantityFormat;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * The live value beside a guided step's "Watch" metric: "now 2.7M (−15.6% vs baseline) at 10:42:05 UTC". A value
 * that is not current says so and is never shown as "now".
 */
public record WatchReading(String metricId, State state, String says) {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    public enum State {
        LIVE, STALE, MISSING
    }

    public static WatchReading of(Plan plan, String metricId, LatestValues values) {
        Optional<LatestValues.Reading> latest = values.latest(metricId);
        if (latest.isEmpty()) {
            return new WatchReading(metricId, State.MISSING, "no value yet");
        }
        LatestValues.Reading reading = latest.get();
        Double baseline = plan.metric(metricId).map(Metric::baseline).orElse(null);
        String change = QuantityFormat.change(baseline, reading.value());
        String value = QuantityFormat.compact(reading.value())
                + plan.metric(metricId).map(Metric::unit).filter(u -> !u.isBlank()).map(u -> " " + u).orElse("")
                + (change.isEmpty() ? "" : " (" + change + " vs baseline)");
        if (!reading.current()) {
            String why = reading.freshness().reason().isBlank() ? "" : ": " + reading.freshness().reason();
            return new WatchReading(metricId, State.STALE, "STALE — last " + value + " at "
                    + CLOCK.format(reading.at()) + why);
        }
        return new WatchReading(metricId, State.LIVE, "now " + value + " at " + CLOCK.format(reading.at()));
    }
}
