package io.incidentconsole.metrics;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SampleLineParserTest {

    private final SampleLineParser parser = new SampleLineParser();

    @Property(tries = 300)
    void csvAndJsonRoundTrip(@ForAll @LongRange(min = 100_000_000_000L, max = 4_000_000_000_000L) long millis,
                             @ForAll @StringLength(min = 1, max = 20) String rawName,
                             @ForAll @DoubleRange(min = -1e12, max = 1e12) double value) {
        String name = rawName.replaceAll("[^A-Za-z0-9_]", "x");
        String quoted = "\"" + name.replace("\"", "\"\"") + "\"";
        SampleLineParser.ParsedLine csv = parser.parse(millis + "," + quoted + "," + value);
        SampleLineParser.ParsedLine iso = parser.parse(Instant.ofEpochMilli(millis) + "," + name + "," + value);
        SampleLineParser.ParsedLine json = parser.parse("{\"timestamp\":" + millis + ",\"metric\":\"" + name
                + "\",\"value\":" + value + "}");
        SampleLineParser.ParsedLine expected = new SampleLineParser.ParsedLine(millis, name, value);
        assertThat(csv).isEqualTo(expected);
        assertThat(iso).isEqualTo(expected);
        assertThat(json).isEqualTo(expected);
    }

    @Test
    void epochSecondsWithDecimalsBecomeMillis() {
        assertThat(parser.parse("1772359200.5,m,1").epochMillis()).isEqualTo(1772359200500L);
    }

    @Test
    void headersBlanksAndCommentsAreNotSamples() {
        assertThat(parser.parse("Timestamp,Metric,Value")).isNull();
        assertThat(parser.parse("   ")).isNull();
        assertThat(parser.parse("# exported from Grafana")).isNull();
    }

    @Test
    void badLinesSayWhatIsWrong() {
        assertThatThrownBy(() -> parser.parse("2026-03-01T10:00:00,m,1")).hasMessageContaining("with an offset");
        assertThatThrownBy(() -> parser.parse("1772359200,m,lots")).hasMessageContaining("'lots' is not a number");
        assertThatThrownBy(() -> parser.parse("1772359200,,1")).hasMessageContaining("empty metric");
        assertThatThrownBy(() -> parser.parse("1772359200,\"m,1")).hasMessageContaining("unterminated quote");
        assertThatThrownBy(() -> parser.parse("{\"timestamp\":1,\"metric\":\"m\"}")).hasMessageContaining("missing \"value\"");
        assertThatThrownBy(() -> parser.parse("{\"timestamp\":1,")).hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> parser.parse("-5,m,1")).hasMessageContaining("timestamp");
    }
}
