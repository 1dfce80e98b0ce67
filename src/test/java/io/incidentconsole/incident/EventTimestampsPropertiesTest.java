package io.incidentconsole.incident;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class EventTimestampsPropertiesTest {

    @Property
    void theFastTimestampReaderAgreesWithInstantParse(@ForAll @IntRange(min = 0, max = 400_000_000) int seconds,
                                                      @ForAll @IntRange(min = 0, max = 999_999_999) int nanos,
                                                      @ForAll @IntRange(min = 0, max = 3) int precision) {
        long divisor = new long[] {1_000_000_000L, 1_000_000L, 1_000L, 1L}[precision];
        Instant instant = Instant.ofEpochSecond(1_700_000_000L + seconds * 10L, nanos / divisor * divisor);
        String text = instant.toString();
        assertThat(EventTimestamps.parseFast(text)).as(text).isEqualTo(Instant.parse(text));
        assertThat(EventTimestamps.read(text)).as(text).isEqualTo(Instant.parse(text));
    }

    @Property
    void theFastTimestampWriterWritesWhatInstantToStringWrites(
            @ForAll @LongRange(min = -62_167_219_300L, max = 253_402_300_900L) long seconds,
            @ForAll @IntRange(min = 0, max = 999_999_999) int nanos, @ForAll @IntRange(min = 0, max = 3) int precision) {
        // The range runs a little past both ends of years 0-9999, where the writer hands over to the JDK.
        long divisor = new long[] {1_000_000_000L, 1_000_000L, 1_000L, 1L}[precision];
        Instant instant = Instant.ofEpochSecond(seconds, nanos / divisor * divisor);
        assertThat(EventTimestamps.format(instant)).isEqualTo(instant.toString());
    }

    @Test
    void theFastTimestampWriterAtTheEdgesOfItsYears() {
        for (String text : new String[] {"0000-01-01T00:00:00Z", "-0001-12-31T23:59:59.999999999Z",
                "9999-12-31T23:59:59.000000001Z", "+10000-01-01T00:00:00Z", "1970-01-01T00:00:00Z",
                "2026-11-27T08:10:22.120Z", "2026-11-27T08:10:00.000120Z", "2024-02-29T23:00:05.100200300Z"}) {
            Instant instant = Instant.parse(text);
            assertThat(EventTimestamps.format(instant)).isEqualTo(instant.toString()).isEqualTo(text);
        }
    }

    @Property
    void theFastTimestampReaderLeavesAnythingOddToInstantParse(@ForAll @StringLength(max = 32) String text) {
        Instant fast = EventTimestamps.parseFast(text);
        if (fast != null) {
            assertThat(fast).isEqualTo(Instant.parse(text));
        }
    }
}
