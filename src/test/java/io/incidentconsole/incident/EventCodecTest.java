package io.incidentconsole.incident;

import io.incidentconsole.incident.EventCodec.DamagedLineException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventCodecTest {

    private final EventCodec codec = new EventCodec();

    private static Event event(long seq, EventPayload payload) {
        return new Event("id-" + seq, seq, Instant.parse("2026-11-27T08:10:22.123456Z"), "ana", payload);
    }

    private Event roundTrip(Event event) throws DamagedLineException {
        byte[] line = codec.encode(event);
        return codec.decode(line, 0, line.length - 1);
    }

    @Test
    void everyKindSurvivesARoundTrip() throws DamagedLineException {
        List<EventPayload> payloads = Fixtures.everyKind();
        for (int i = 0; i < payloads.size(); i++) {
            Event event = event(i + 1, payloads.get(i));
            assertThat(roundTrip(event)).as(event.kind()).isEqualTo(event);
        }
    }

    @Test
    void theSamplesCoverEveryKind() {
        Set<String> sampled = new HashSet<>();
        Fixtures.everyKind().forEach(p -> sampled.add(p.getClass().getSimpleName()));
        Set<String> declared = new HashSet<>();
        Arrays.stream(EventPayload.class.getPermittedSubclasses()).forEach(c -> declared.add(c.getSimpleName()));
        assertThat(sampled).isEqualTo(declared);
    }

    @Test
    void aLineIsOneJsonObjectWithTheChecksumLast() {
        byte[] line = codec.encode(event(7, new EventPayload.TaskTicked("migrate", "migrate.run")));
        String text = new String(line, StandardCharsets.UTF_8);
        assertThat(text).endsWith("\"}\n").contains("\"kind\":\"TaskTicked\"")
                .contains("\"at\":\"2026-11-27T08:10:22.123456Z\"")
                .contains("\"payload\":{\"phaseId\":\"migrate\",\"taskId\":\"migrate.run\"}")
                .matches("(?s)\\{\"seq\":7,.*,\"crc\":\"[0-9a-f]{8}\"}\n");
        assertThat(text.chars().filter(c -> c == '\n').count()).isEqualTo(1);
    }

    @Test
    void aNewlineInsideATextFieldStaysInsideTheLine() throws DamagedLineException {
        Event note = event(1, new EventPayload.NoteAdded(null, "line one\nline two"));
        byte[] line = codec.encode(note);
        assertThat(Arrays.copyOf(line, line.length - 1)).doesNotContain((byte) '\n');
        assertThat(roundTrip(note)).isEqualTo(note);
    }

    @Test
    void anUnknownKindIsKeptAndWrittenBackAsItWas() throws DamagedLineException {
        String body = "{\"seq\":3,\"id\":\"u-3\",\"at\":\"2026-11-27T08:10:22Z\",\"operator\":\"bo\","
                + "\"kind\":\"ChaosMonkeyReleased\",\"payload\":{\"target\":\"db\",\"n\":[1,2]}";
        byte[] line = Fixtures.withChecksum(body);
        Event event = codec.decode(line, 0, line.length);
        assertThat(event.kind()).isEqualTo("ChaosMonkeyReleased");
        assertThat(event.payload()).isInstanceOf(EventPayload.Unrecognized.class);
        EventPayload.Unrecognized unknown = (EventPayload.Unrecognized) event.payload();
        assertThat(unknown.fields().get("target").asText()).isEqualTo("db");
        byte[] again = codec.encode(event);
        assertThat(new String(again, StandardCharsets.UTF_8).trim()).isEqualTo(new String(line, StandardCharsets.UTF_8));
    }

    @Test
    void aCriterionTickWrittenWithTheOldFieldNameStillReads() throws DamagedLineException {
        String body = "{\"seq\":4,\"id\":\"u-4\",\"at\":\"2026-11-27T08:10:22Z\",\"operator\":\"bo\","
                + "\"kind\":\"CriterionTicked\",\"payload\":{\"runbookId\":\"rb330\",\"criterionId\":\"c1\",\"ticked\":true}";
        byte[] line = Fixtures.withChecksum(body);
        assertThat(codec.decode(line, 0, line.length).payload())
                .isEqualTo(new EventPayload.CriterionTicked("rb330", "c1", true));
    }

    @Test
    void aKnownKindWithFieldsThisVersionCannotReadIsKeptAsUnrecognized() throws DamagedLineException {
        String body = "{\"seq\":3,\"id\":\"u-3\",\"at\":\"2026-11-27T08:10:22Z\",\"operator\":\"bo\","
                + "\"kind\":\"TaskTicked\",\"payload\":{\"phaseId\":\"migrate\"}";
        byte[] line = Fixtures.withChecksum(body);
        Event event = codec.decode(line, 0, line.length);
        assertThat(event.payload()).isInstanceOfSatisfying(EventPayload.Unrecognized.class,
                u -> assertThat(u.problem()).contains("taskId is required"));
    }

    @Test
    void damageIsReportedWithWhatIsWrong() {
        byte[] line = codec.encode(event(1, new EventPayload.NoteAdded(null, "hello")));
        byte[] altered = line.clone();
        int at = new String(line, StandardCharsets.UTF_8).indexOf("hello");
        altered[at] = 'j';
        assertThatThrownBy(() -> codec.decode(altered, 0, altered.length - 1))
                .isInstanceOf(DamagedLineException.class).hasMessageContaining("checksum mismatch");
        assertThatThrownBy(() -> codec.decode(line, 0, line.length - 10))
                .isInstanceOf(DamagedLineException.class).hasMessageContaining("incomplete");
        assertThatThrownBy(() -> codec.decode(line, 0, 0))
                .isInstanceOf(DamagedLineException.class).hasMessageContaining("empty line");
        byte[] zeros = new byte[40];
        assertThatThrownBy(() -> codec.decode(zeros, 0, zeros.length)).isInstanceOf(DamagedLineException.class);
    }
}
