package io.incidentconsole.metrics;

import io.incidentconsole.plan.Metric;
import io.incidentconsole.plan.MetricCondition;
import io.incidentconsole.plan.Plan;
import io.incidentconsole.plan.Severity;
import io.incidentconsole.plan.Threshold;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RuleEvaluatorTest {

    private static final long T0 = Instant.parse("2026-03-01T10:00:00Z").toEpochMilli();

    private static Rule rule(String id, String condition) {
        return new Rule(id, null, Rule.Kind.ALERT, MetricCondition.parse(condition), Severity.CRITICAL, "rb-330");
    }

    @Test
    void firesOnlyAfterHoldingForTheWholeDurationAndClearsOnce() {
        RuleEvaluator evaluator = new RuleEvaluator(List.of(rule("errors", "error_rate > 0.02 for 5m")));
        List<AlertEvent> events = new ArrayList<>();
        for (int s = 0; s <= 240; s += 10) {
            events.addAll(evaluator.onSample("error_rate", T0 + s * 1000L, 0.03));
        }
        // A dip resets the hold.
        events.addAll(evaluator.onSample("error_rate", T0 + 250_000, 0.01));
        for (int s = 260; s <= 560; s += 10) {
            events.addAll(evaluator.onSample("error_rate", T0 + s * 1000L, 0.03));
        }
        assertThat(events).singleElement().isInstanceOfSatisfying(AlertEvent.Fired.class, f -> {
            assertThat(f.at()).isEqualTo(Instant.ofEpochMilli(T0 + 560_000));
            assertThat(f.holdingSince()).isEqualTo(Instant.ofEpochMilli(T0 + 260_000));
            assertThat(f.rule().runbookId()).isEqualTo("rb-330");
        });
        assertThat(evaluator.active()).singleElement().satisfies(a -> assertThat(a.acknowledged()).isFalse());
        assertThat(evaluator.onSample("error_rate", T0 + 570_000, 0.03)).isEmpty();
        assertThat(evaluator.onSample("error_rate", T0 + 580_000, Double.NaN)).isEmpty();
        assertThat(evaluator.onSample("error_rate", T0 + 590_000, 0.001)).singleElement()
                .isInstanceOf(AlertEvent.Cleared.class);
        assertThat(evaluator.active()).isEmpty();
    }

    @Test
    void noDurationFiresOnTheFirstSampleAndOlderSamplesAreIgnored() {
        RuleEvaluator evaluator = new RuleEvaluator(List.of(rule("calls", "convex_calls > 900K")));
        assertThat(evaluator.onSample("convex_calls", T0, 3_200_000)).singleElement().isInstanceOf(AlertEvent.Fired.class);
        assertThat(evaluator.onSample("convex_calls", T0 - 1000, 1)).isEmpty();
        assertThat(evaluator.onSample("other", T0, 1)).isEmpty();
    }

    @Test
    void aThresholdWrittenTwiceOnAMetricIsOneRuleAndTheOthersStillRun() {
        Plan seed = TestPlans.seedLike();
        Metric calls = seed.metrics().get(0);
        Metric twice = new Metric(calls.id(), calls.name(), calls.issue(), calls.unit(), calls.baseline(),
                calls.target(), calls.direction(), calls.targetNote(), List.of(new Threshold(900_000, Severity.CRITICAL, "900K"),
                new Threshold(500_000, Severity.INFO, "500K"), new Threshold(900_000, Severity.WARNING, "again")),
                calls.milestones(), calls.source());
        List<Metric> metrics = new ArrayList<>(seed.metrics());
        metrics.set(0, twice);
        Plan plan = new Plan(seed.plan(), seed.issues(), seed.phases(), seed.testSuites(), seed.runbooks(), metrics,
                seed.alerts(), seed.decisions(), seed.communication(), seed.dependencies(), seed.signOff(),
                seed.notes());

        List<Rule> thresholds = Rule.fromPlan(plan).stream().filter(r -> r.kind() == Rule.Kind.THRESHOLD).toList();

        assertThat(thresholds).extracting(Rule::id)
                .containsExactly("threshold:convex_calls:900000", "threshold:convex_calls:500000");
        assertThat(thresholds.get(0).severity()).as("the first written stands").isEqualTo(Severity.CRITICAL);
        // Two rules of one id were refused, and with them every live metric of the console.
        RuleEvaluator evaluator = new RuleEvaluator(Rule.fromPlan(plan));
        assertThat(evaluator.onSample("convex_calls", T0, 950_000)).isNotEmpty();
    }

    @Test
    void aFiringTakenUpFromTheIncidentClearsOnTheFirstSampleBackAndMayFireAgain() {
        Rule threshold = Rule.fromPlan(TestPlans.seedLike()).stream()
                .filter(r -> r.id().equals("threshold:convex_calls:900000")).findFirst().orElseThrow();
        RuleEvaluator evaluator = new RuleEvaluator(List.of(threshold));
        evaluator.resumeFiring(threshold.id(), Instant.ofEpochMilli(T0 - 60_000), false);
        assertThat(evaluator.active()).singleElement().satisfies(a -> {
            assertThat(a.firedAt()).isEqualTo(Instant.ofEpochMilli(T0 - 60_000));
            assertThat(a.acknowledged()).isFalse();
        });

        assertThat(evaluator.onSample("convex_calls", T0, 950_000)).as("still beyond: no new firing").isEmpty();
        assertThat(evaluator.onSample("convex_calls", T0 + 1000, 850_000)).singleElement()
                .isInstanceOfSatisfying(AlertEvent.Cleared.class, c -> assertThat(c.value()).isEqualTo(850_000));
        assertThat(evaluator.onSample("convex_calls", T0 + 2000, 950_000)).singleElement()
                .isInstanceOf(AlertEvent.Fired.class);
        // Taking up a rule that fires already changes nothing.
        evaluator.resumeFiring(threshold.id(), Instant.ofEpochMilli(T0), true);
        assertThat(evaluator.active()).singleElement().satisfies(a -> assertThat(a.acknowledged()).isFalse());
        assertThatThrownBy(() -> evaluator.resumeFiring("nope", Instant.ofEpochMilli(T0), false))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void thresholdsFireWhenCrossedNotWhenAlreadyBeyondAtStart() {
        Rule threshold = Rule.fromPlan(TestPlans.seedLike()).stream()
                .filter(r -> r.id().equals("threshold:convex_calls:900000")).findFirst().orElseThrow();
        RuleEvaluator evaluator = new RuleEvaluator(List.of(threshold));
        assertThat(evaluator.onSample("convex_calls", T0, 3_200_000)).isEmpty();
        assertThat(evaluator.onSample("convex_calls", T0 + 1000, 2_800_000)).isEmpty();
        assertThat(evaluator.onSample("convex_calls", T0 + 2000, 850_000)).isEmpty();
        assertThat(evaluator.onSample("convex_calls", T0 + 3000, 950_000)).singleElement()
                .isInstanceOfSatisfying(AlertEvent.Fired.class,
                        f -> assertThat(f.rule().severity()).isEqualTo(Severity.CRITICAL));
        assertThat(evaluator.onSample("convex_calls", T0 + 4000, 700_000)).singleElement()
                .isInstanceOf(AlertEvent.Cleared.class);
    }

    @Test
    void acknowledgingIsRecordedOncePerFiring() {
        RuleEvaluator evaluator = new RuleEvaluator(List.of(rule("calls", "convex_calls > 900K")));
        assertThat(evaluator.acknowledge("calls", "ana", Instant.ofEpochMilli(T0))).isEmpty();
        evaluator.onSample("convex_calls", T0, 3_200_000);
        assertThat(evaluator.acknowledge("calls", "ana", Instant.ofEpochMilli(T0 + 1))).hasValueSatisfying(a -> {
            assertThat(a.by()).isEqualTo("ana");
            assertThat(a.rule().id()).isEqualTo("calls");
        });
        assertThat(evaluator.acknowledge("calls", "bo", Instant.ofEpochMilli(T0 + 2))).isEmpty();
        assertThat(evaluator.active().get(0).acknowledged()).isTrue();
        evaluator.onSample("convex_calls", T0 + 10, 800_000);
        evaluator.onSample("convex_calls", T0 + 20, 1_000_000);
        assertThat(evaluator.active().get(0).acknowledged()).as("a new firing needs a new ack").isFalse();
        assertThatThrownBy(() -> evaluator.acknowledge("nope", "x", Instant.EPOCH)).hasMessageContaining("'nope'");
    }

    @Test
    void thePlanGivesAlertsRollbackCriteriaAndThresholds() {
        List<Rule> rules = Rule.fromPlan(TestPlans.seedLike());
        assertThat(rules).extracting(Rule::id).containsExactly("errors-high", "calls-over-free-tier", "rb-330-errors",
                "threshold:convex_calls:500000", "threshold:convex_calls:900000");
        Rule criterion = rules.get(2);
        assertThat(criterion.kind()).isEqualTo(Rule.Kind.ROLLBACK_CRITERION);
        assertThat(criterion.runbookId()).isEqualTo("rb-330");
        assertThat(criterion.name()).isEqualTo("Rollback criterion: Convex error rate spikes");
        Rule threshold = rules.get(4);
        assertThat(threshold.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(threshold.condition().comparison()).isEqualTo(MetricCondition.Comparison.GE);
        assertThat(threshold.name()).isEqualTo("Convex function calls reached 900K");
        assertThatThrownBy(() -> new RuleEvaluator(List.of(rule("a", "m > 1"), rule("a", "m > 2"))))
                .hasMessageContaining("two rules have the id 'a'");
    }
}
