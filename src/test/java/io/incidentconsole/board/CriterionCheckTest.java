package io.incidentconsole.board;

import io.incidentconsole.metrics.Freshness;
import io.incidentconsole.metrics.LatestValues;
import io.incidentconsole.plan.Criterion;
import io.incidentconsole.plan.MetricCondition;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;
import java.util.function.DoublePredicate;

import static org.assertj.core.api.Assertions.assertThat;

class CriterionCheckTest {

    private static final Instant AT = Instant.parse("2026-12-07T10:42:13Z");
    private static final Criterion CALLS = new Criterion("c1", "Convex calls drop to ~2.8M",
            MetricCondition.parse("convex_calls <= 2800000"));

    /** One metric's newest value; {@code heldSince} is what the series says about the hold. */
    private record OneValue(LatestValues.Reading reading, Instant heldSince) implements LatestValues {
        @Override
        public Optional<Reading> latest(String metricId) {
            return Optional.ofNullable(reading).filter(r -> r.metricId().equals(metricId));
        }

        @Override
        public Optional<Instant> holdingSince(String metricId, DoublePredicate condition) {
            return latest(metricId).filter(r -> condition.test(r.value())).map(r -> heldSince);
        }
    }

    private static LatestValues live(double value) {
        return new OneValue(new LatestValues.Reading("convex_calls", value, AT,
                new Freshness(Freshness.State.LIVE, AT, "", AT)), AT);
    }

    @Test
    void aCurrentValueThatMeetsTheConditionIsProposedWithTheObservedValue() {
        CriterionCheck check = CriterionCheck.of(CALLS, live(2_700_000)).orElseThrow();

        assertThat(check.verdict()).isEqualTo(CriterionCheck.Verdict.HOLDS);
        assertThat(check.proposesMet()).isTrue();
        assertThat(check.observed()).isEqualTo("convex_calls = 2.7M at 10:42 UTC");
        assertThat(check.says()).isEqualTo("convex_calls = 2.7M at 10:42 UTC — condition holds: confirm?");
    }

    @Test
    void aCurrentValueThatMissesTheConditionProposesNothingAndSaysWhatIsNeeded() {
        CriterionCheck check = CriterionCheck.of(CALLS, live(3_100_000)).orElseThrow();

        assertThat(check.verdict()).isEqualTo(CriterionCheck.Verdict.DOES_NOT_HOLD);
        assertThat(check.proposesMet()).isFalse();
        assertThat(check.observed()).isNull();
        assertThat(check.says()).contains("3.1M", "does not hold", "convex_calls <= 2.8M");
    }

    @Test
    void aStaleValueProposesNothingEvenWhenItWouldMeetTheCondition() {
        LatestValues stale = new OneValue(new LatestValues.Reading("convex_calls", 2_000_000, AT,
                new Freshness(Freshness.State.STALE, AT, "source sim stopped answering", AT)), AT);

        CriterionCheck check = CriterionCheck.of(CALLS, stale).orElseThrow();

        assertThat(check.verdict()).isEqualTo(CriterionCheck.Verdict.STALE);
        assertThat(check.proposesMet()).isFalse();
        assertThat(check.observed()).isNull();
        assertThat(check.says()).contains("stale", "source sim stopped answering", "nothing proposed");
    }

    @Test
    void aMissingValueProposesNothingAndSaysSo() {
        CriterionCheck check = CriterionCheck.of(CALLS, LatestValues.NONE).orElseThrow();

        assertThat(check.verdict()).isEqualTo(CriterionCheck.Verdict.MISSING);
        assertThat(check.observed()).isNull();
        assertThat(check.says()).contains("convex_calls", "no value", "nothing proposed");
    }

    @Test
    void aConditionWithAHoldTimeIsProposedOnlyOnceItHeldThatLong() {
        Criterion held = new Criterion("c2", "Error rate low", MetricCondition.parse("error_rate < 0.02 for 5m"));
        LatestValues.Reading reading = new LatestValues.Reading("error_rate", 0.01, AT,
                new Freshness(Freshness.State.LIVE, AT, "", AT));

        CriterionCheck young = CriterionCheck.of(held, new OneValue(reading, AT.minusSeconds(120))).orElseThrow();
        CriterionCheck old = CriterionCheck.of(held, new OneValue(reading, AT.minusSeconds(300))).orElseThrow();

        assertThat(young.verdict()).isEqualTo(CriterionCheck.Verdict.DOES_NOT_HOLD);
        assertThat(young.says()).contains("holds since 10:40 UTC", "not yet for 5m");
        assertThat(old.verdict()).isEqualTo(CriterionCheck.Verdict.HOLDS);
        assertThat(old.observed()).isEqualTo("error_rate = 0.01 at 10:42 UTC (holding since 10:37 UTC)");
    }

    @Test
    void aCriterionWithoutAConditionIsNotChecked() {
        assertThat(CriterionCheck.of(new Criterion("c3", "Customers happy", null), live(1))).isEmpty();
    }
}
