package io.incidentconsole.plan;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MetricConditionTest {

    @Test
    void parsesMetricComparisonValueAndHold() {
        MetricCondition c = MetricCondition.parse("error_rate > 0.02 for 5m");

        assertThat(c.metric()).isEqualTo("error_rate");
        assertThat(c.comparison()).isEqualTo(MetricCondition.Comparison.GT);
        assertThat(c.value()).isEqualTo(0.02);
        assertThat(c.forAtLeast()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void suffixesScaleTheValue() {
        assertThat(MetricCondition.parse("convex_calls >= 900K").value()).isEqualTo(900_000);
        assertThat(MetricCondition.parse("convex_calls < 3.2M").value()).isEqualTo(3_200_000);
        assertThat(MetricCondition.parse("bytes <= 1.5g").value()).isEqualTo(1_500_000_000);
        assertThat(MetricCondition.parse("error_rate > 2%").value()).isEqualTo(0.02);
        assertThat(MetricCondition.parse("x == -1.5e3").value()).isEqualTo(-1500);
    }

    @Test
    void everyComparisonAndHoldUnit() {
        assertThat(MetricCondition.parse("a<1").comparison()).isEqualTo(MetricCondition.Comparison.LT);
        assertThat(MetricCondition.parse("a <= 1 for 30s").forAtLeast()).isEqualTo(Duration.ofSeconds(30));
        assertThat(MetricCondition.parse("a == 1 for 2h").forAtLeast()).isEqualTo(Duration.ofHours(2));
        assertThat(MetricCondition.parse("a != 1 for 1d").forAtLeast()).isEqualTo(Duration.ofDays(1));
        assertThat(MetricCondition.parse("  a >= 1  ").comparison()).isEqualTo(MetricCondition.Comparison.GE);
        assertThat(MetricCondition.parse("a >= 1").forAtLeast()).isZero();
    }

    @Test
    void holdsForComparesASample() {
        MetricCondition c = MetricCondition.parse("error_rate > 2%");

        assertThat(c.holdsFor(0.03)).isTrue();
        assertThat(c.holdsFor(0.02)).isFalse();
        assertThat(MetricCondition.parse("x <= 5").holdsFor(5)).isTrue();
        assertThat(MetricCondition.parse("x != 5").holdsFor(5)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "error_rate", "> 5", "x > ", "x >> 5", "x => 5", "x > five", "x > 5 for", "x > 5 for 5 minutes",
            "x > 5 for 5w", "x > 5K5", "5 > x", "x > 5 during 5m", "", "x > 1e999",
            "x > 1 for 99999999999999999999999d", "x > 1 for 999999999999999d"})
    void refusesMalformedConditionsWithAnIllegalArgument(String text) {
        assertThatThrownBy(() -> MetricCondition.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theMessageShowsTheExpectedForm() {
        assertThatThrownBy(() -> MetricCondition.parse("calls above 5"))
                .hasMessage("expected 'METRIC OP VALUE [for DURATION]' such as 'error_rate > 0.02 for 5m', "
                        + "got 'calls above 5'");
    }

    @Test
    void printsInTheFormItParses() {
        assertThat(MetricCondition.parse("convex_calls >= 900K for 5m")).hasToString("convex_calls >= 900000 for 300s");
        assertThat(MetricCondition.parse("error_rate > 0.02")).hasToString("error_rate > 0.02");
    }

    @Property(tries = 300)
    void parsingThePrintedFormGivesTheSameCondition(
            @ForAll("comparisons") String op,
            @ForAll @DoubleRange(min = -1e12, max = 1e12) double value,
            @ForAll @IntRange(min = 0, max = 100_000) int seconds) {
        MetricCondition condition = MetricCondition.parse("m_1 " + op + " " + value + (seconds == 0 ? "" : " for " + seconds + "s"));

        assertThat(MetricCondition.parse(condition.toString())).isEqualTo(condition);
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<String> comparisons() {
        return net.jqwik.api.Arbitraries.of("<", "<=", ">", ">=", "==", "!=");
    }

    @Test
    void describedForPeopleWithTheOneQuantitySpellingAndWrittenBackInFull() {
        MetricCondition c = MetricCondition.parse("convex_calls <= 2800000 for 300s");

        assertThat(c.describe()).isEqualTo("convex_calls <= 2.8M for 5m");
        assertThat(c.toString()).isEqualTo("convex_calls <= 2800000 for 300s");
        assertThat(MetricCondition.parse("convex_calls > 2812345").describe()).isEqualTo("convex_calls > 2,812,345");
    }
}
