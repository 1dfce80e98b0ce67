package io.incidentconsole.incident;

import org.junit.jupiter.api.Test;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;

import java.time.Instant;
import org.junit.jupiter.api.Assumptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventCodecPropertiesTest {

    private final EventCodec codec = new EventCodec();

    @Property
    void anyTextSurvivesARoundTrip(@ForAll @StringLength(max = 200) String text, @ForAll String operator)
            throws EventCodec.DamagedLineException {
        Event event = new Event("id", 1, Instant.parse("2026-01-01T00:00:00Z"), operator,
                new EventPayload.NoteAdded(null, text.isBlank() ? text + "x" : text));
        byte[] line = codec.encode(event);
        assertThat(codec.decode(line, 0, line.length - 1)).isEqualTo(event);
    }

    @Property
    void theFastTimestampReaderAgreesWithInstantParse(@ForAll @IntRange(min = 0, max = 400_000_000) int seconds,
                                                      @ForAll @IntRange(min = 0, max = 999_999_999) int nanos,
                                                      @ForAll @IntRange(min = 0, max = 3) int precision) {
        long divisor = new long[] {1_000_000_000L, 1_000_000L, 1_000L, 1L}[precision];
        Instant instant = Instant.ofEpochSecond(1_700_000_000L + seconds * 10L, nanos / divisor * divisor);
        String text = instant.toString();
        assertThat(EventCodec.parseUtc(text)).as(text).isEqualTo(Instant.parse(text));
    }

    @Property
    void theFastTimestampReaderLeavesAnythingOddToInstantParse(@ForAll @StringLength(max = 32) String text) {
        Instant fast = EventCodec.parseUtc(text);
        if (fast != null) {
            assertThat(fast).isEqualTo(Instant.parse(text));
        }
    }

    @Test
    void aChecksumDigitInUpperCaseIsAChangedByte() {
        // Found by anyChangedByteIsDetected (position 206, flip 0x20): 'a'..'f' ^ 0x20 is 'A'..'F', which a
        // case-blind hex reader took for the same checksum.
        Event event = new Event("id", 12, Instant.parse("2026-01-01T00:00:00Z"), "ana",
                new EventPayload.TestResultSet("smoke", "smoke.check-1", "migrate", TestOutcome.PASS, "fine"));
        byte[] line = codec.encode(event);
        int digits = line.length - 1 - 2 - 8; // before: the 8 hex digits, then "} and the newline
        int letter = -1;
        for (int i = digits; i < digits + 8; i++) {
            if (line[i] >= 'a' && line[i] <= 'f') {
                letter = i;
            }
        }
        Assumptions.assumeTrue(letter >= 0, "this checksum has no letter digit");
        line[letter] = (byte) (line[letter] ^ 0x20);
        assertThatThrownBy(() -> codec.decode(line, 0, line.length - 1))
                .isInstanceOf(EventCodec.DamagedLineException.class).hasMessageContaining("checksum");
    }

    @Property
    void anyChangedByteIsDetected(@ForAll @IntRange(min = 0, max = 10_000) int position,
                                  @ForAll @IntRange(min = 1, max = 255) int flip) {
        Event event = new Event("id", 12, Instant.parse("2026-01-01T00:00:00Z"), "ana",
                new EventPayload.TestResultSet("smoke", "smoke.check-1", "migrate", TestOutcome.PASS, "fine"));
        byte[] line = codec.encode(event);
        int at = position % (line.length - 1);
        line[at] = (byte) (line[at] ^ flip);
        assertThatThrownBy(() -> codec.decode(line, 0, line.length - 1))
                .isInstanceOf(EventCodec.DamagedLineException.class);
    }
}
