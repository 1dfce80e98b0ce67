package io.incidentconsole.incident;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;
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
    void aPayloadReadStraightIsThePayloadReadThroughItsTree(@ForAll @StringLength(max = 60) String text,
                                                             @ForAll @IntRange(min = 0, max = 3) int shape) {
        // The team database's payload column is read straight to the record; the tree's way was the first rule.
        String json = switch (shape) {
            case 0 -> codec.payloadJson(new EventPayload.NoteAdded(text.isEmpty() ? null : "p", text + "x"));
            case 1 -> "{\"phaseId\":\"p\",\"text\":" + text.length() + "}";
            case 2 -> "{\"text\":\"a\",\"unknown\":[1,2]}";
            default -> text;
        };
        EventPayload straight = codec.readPayload("NoteAdded", json);
        EventPayload throughTree = codec.readPayload("NoteAdded", readTreeOrNull(json));
        if (throughTree instanceof EventPayload.Unrecognized) {
            assertThat(straight).isInstanceOf(EventPayload.Unrecognized.class);
        } else {
            assertThat(straight).isEqualTo(throughTree);
        }
    }

    @Property
    void aLineWithTheStoredPayloadTextReadsAsTheEncodedLineDoes(
            @ForAll @Chars({'"', '\\', '\n', '\u0001', '\u001f', '\uD83D', '\uDE00', 'é', '€'})
            @CharRange(from = 'a', to = 'c') String id,
            @ForAll @Chars({'"', '\\', '\uDE00'}) @CharRange(from = 'x', to = 'z') String operator,
            @ForAll @Chars({'"', '\\', '\n', '\uD83D', '\uDE00', '€'}) @CharRange(from = 'a', to = 'c')
            @StringLength(max = 80) String text, @ForAll boolean asPostgresPrintsIt)
            throws Exception {
        Event event = new Event(id, 7, Instant.parse("2026-11-27T08:10:22.123456Z"), operator,
                new EventPayload.NoteAdded("backup", text + "x"));
        String json = codec.payloadJson(event.payload());
        if (asPostgresPrintsIt) {
            // jsonb::text's form: its own key order (shorter keys first) and a space after each colon and comma
            json = "{\"text\": " + new ObjectMapper().writeValueAsString(text + "x")
                    + ", \"phaseId\": \"backup\"}";
        }
        byte[] line = codec.encodeStored(event, json);
        assertThat(line[line.length - 1]).isEqualTo((byte) '\n');
        assertThat(codec.decode(line, 0, line.length - 1)).isEqualTo(event);
    }

    @Test
    void aLineWithTheStoredPayloadTextKeepsAKindThisVersionDoesNotKnow() throws EventCodec.DamagedLineException {
        Event event = new Event("e1", 3, Instant.parse("2026-11-27T08:10:22Z"), "ana",
                codec.readPayload("FromANewerVersion", "{\"what\": [1, 2]}"));
        byte[] line = codec.encodeStored(event, "{\"what\": [1, 2]}");
        Event read = codec.decode(line, 0, line.length - 1);
        assertThat(read.kind()).isEqualTo("FromANewerVersion");
        assertThat(read.payload()).isInstanceOf(EventPayload.Unrecognized.class);
        assertThat(((EventPayload.Unrecognized) read.payload()).fields().get("what").get(1).asInt()).isEqualTo(2);
    }

    private static JsonNode readTreeOrNull(String json) {
        try {
            return new ObjectMapper().readTree(json);
        } catch (JsonProcessingException e) {
            return null;
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
