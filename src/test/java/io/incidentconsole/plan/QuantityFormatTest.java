package io.incidentconsole.plan;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.assertj.core.data.Percentage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The one spelling of a quantity, as a table: value in, text out. */
class QuantityFormatTest {

    @ParameterizedTest(name = "compact({0}) = {1}")
    @CsvSource(delimiter = '|', textBlock = """
            0             | 0
            -0.0          | 0
            7             | 7
            750           | 750
            999           | 999
            1000          | 1K
            1500          | 1.5K
            1234          | 1.23K
            12345         | 12.3K
            750000        | 750K
            999950        | 1M
            1880000       | 1.88M
            2800000       | 2.8M
            3200000       | 3.2M
            2000000000    | 2G
            1.5e12        | 1500G
            2.49          | 2.49
            2.5           | 2.5
            99.95         | 100
            0.4           | 0.4
            0.0123        | 0.0123
            0.012345      | 0.0123
            0.00001       | 0.00001
            -1500         | −1.5K
            -0.0123       | −0.0123
            -3200000      | −3.2M
            NaN           | —
            Infinity      | ∞
            -Infinity     | −∞
            """)
    void compact(double value, String expected) {
        assertThat(QuantityFormat.compact(value)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "exact({0}) = {1}")
    @CsvSource(delimiter = '|', textBlock = """
            2800000       | 2.8M
            900000        | 900K
            2812345       | 2,812,345
            1234          | 1,234
            1000          | 1K
            0.02          | 0.02
            0.0123        | 0.0123
            -1500         | −1.5K
            123456000     | 123,456,000
            """)
    void exact(double value, String expected) {
        assertThat(QuantityFormat.exact(value)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "change({0} → {1}) = {2}")
    @CsvSource(delimiter = '|', textBlock = """
            3200000 | 2800000 | −12.5%
            100     | 168     | +68%
            100     | 100     | 0%
            100     | 100.04  | 0%
            -200    | -100    | +50%
            """)
    void change(double baseline, double value, String expected) {
        assertThat(QuantityFormat.change(baseline, value)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            null | 5
            0    | 5
            5    | NaN
            """)
    void noChangeWithoutABaselineOrAValue(Double baseline, double value) {
        assertThat(QuantityFormat.change(baseline, value)).isEmpty();
    }

    @Property
    void exactNeverLosesTheValue(@ForAll @DoubleRange(min = -1e12, max = 1e12) double value) {
        String text = QuantityFormat.exact(value).replace(QuantityFormat.MINUS, "-").replace(",", "");
        // What is shown reads back, through the plan's own number syntax, as the same value.
        double back = MetricCondition.parse("m == " + text).value();
        assertThat(back).isCloseTo(value, Percentage.withPercentage(1e-9));
    }

    @Property
    void compactIsAtMostFiveCharactersAndASign(@ForAll @DoubleRange(min = -1e12, max = 1e12) double value) {
        String text = QuantityFormat.compact(value).replace(QuantityFormat.MINUS, "");
        if (Math.abs(value) >= 0.1) {
            assertThat(text.length()).as(text).isLessThanOrEqualTo(5);
        }
        assertThat(text).doesNotContain("-").doesNotContain("E");
    }
}
