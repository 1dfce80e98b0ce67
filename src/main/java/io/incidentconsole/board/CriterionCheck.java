package io.incidentconsole.board;

import io.incidentconsole.metrics.LatestValues;
import io.incidentconsole.plan.Criterion;
import io.incidentconsole.plan.MetricCondition;
import io.incidentconsole.plan.QuantityFormat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * A success criterion with a metric condition read against the live value: proposed as met (the operator
 * confirms, and {@code observed} is recorded with the confirmation) only when the newest value is current and
 * the condition holds (for its whole hold time, if it has one). A stale or missing value proposes nothing.
 */
public record CriterionCheck(Verdict verdict, String says, String observed) {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    public enum Verdict {
        /** Current value, condition holds: proposed as met. */
        HOLDS,
        /** Current value, condition does not hold (or not yet for its hold time). */
        DOES_NOT_HOLD,
        /** The newest value is not current: nothing proposed. */
        STALE,
        /** No value ever arrived: nothing proposed. */
        MISSING
    }

    public boolean proposesMet() {
        return verdict == Verdict.HOLDS;
    }

    /** The check of a criterion; empty when it has no metric condition. */
    public static Optional<CriterionCheck> of(Criterion criterion, LatestValues values) {
        MetricCondition when = criterion.when();
        if (when == null) {
            return Optional.empty();
        }
        Optional<LatestValues.Reading> latest = values.latest(when.metric());
        if (latest.isEmpty()) {
            return Optional.of(new CriterionCheck(Verdict.MISSING, when.metric()
                    + ": no value from the metric source — nothing proposed; confirm by hand if you checked it", null));
        }
        LatestValues.Reading reading = latest.get();
        String observed = when.metric() + " = " + QuantityFormat.compact(reading.value()) + " at "
                + CLOCK.format(reading.at());
        if (!reading.current()) {
            String why = reading.freshness().reason().isBlank() ? "" : ": " + reading.freshness().reason();
            return Optional.of(new CriterionCheck(Verdict.STALE, observed + " is stale" + why
                    + " — nothing proposed until the value is current", null));
        }
        if (!when.holdsFor(reading.value())) {
            return Optional.of(new CriterionCheck(Verdict.DOES_NOT_HOLD, observed
                    + " — condition does not hold (needs " + when.describe() + ")", null));
        }
        if (!when.forAtLeast().isZero()) {
            Instant since = values.holdingSince(when.metric(), when::holdsFor).orElse(reading.at());
            Duration held = Duration.between(since, reading.at());
            if (held.compareTo(when.forAtLeast()) < 0) {
                return Optional.of(new CriterionCheck(Verdict.DOES_NOT_HOLD, observed + " — holds since "
                        + CLOCK.format(since) + ", not yet for " + when.describe().replaceFirst(".* for ", ""), null));
            }
            observed += " (holding since " + CLOCK.format(since) + ")";
        }
        return Optional.of(new CriterionCheck(Verdict.HOLDS, observed + " — condition holds: confirm?", observed));
    }
}
