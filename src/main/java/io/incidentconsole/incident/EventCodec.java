package io.incidentconsole.incident;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.CRC32;

/**
 * Turns events into journal lines and back. A line is one JSON object:
 * <pre>{"seq":1,"id":"…","at":"2026-11-27T08:10:22.123Z","operator":"ana","kind":"TaskTicked","payload":{…},"crc":"1a2b3c4d"}</pre>
 * The {@code crc} (CRC-32 of the line's bytes before {@code ,"crc":}) always comes last, so a line
 * damaged anywhere, even inside a string, is detected. Since 0.2 a journal file's lines also carry {@code "chain"}
 * just before it, which chains each line to the one before and to the incident: the journal is tamper-evident.
 */
public final class EventCodec {

    private static final byte[] CRC_PREFIX = ",\"crc\":\"".getBytes(StandardCharsets.US_ASCII);
    /** {@code ,"crc":"} + 8 hex digits + {@code "}} */
    private static final int CRC_SUFFIX_LENGTH = CRC_PREFIX.length + 8 + 2;

    private static final Map<String, Class<? extends EventPayload>> KINDS = EventKinds.all();

    private final ObjectMapper mapper = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /** The kind names this version knows. */
    public static Set<String> knownKinds() {
        return KINDS.keySet();
    }

    private static final byte[] CHAIN_PREFIX = ",\"chain\":\"".getBytes(StandardCharsets.US_ASCII);
    /** 128 bits of SHA-256, as 32 hex digits. */
    private static final int CHAIN_HEX = 32;
    /** {@code ,"chain":"} + 32 hex digits + {@code "}, just before the crc. */
    private static final int CHAIN_LENGTH = CHAIN_PREFIX.length + CHAIN_HEX + 1;
    /** Cloned for each chain: never used itself, so it is safe to share. */
    private static final MessageDigest SHA_256 = sha256();

    /** The line for an event, ending with a newline, without a chain (as 0.1 wrote; team mode's local cache). */
    public byte[] encode(Event event) {
        return encode(event, null, null);
    }

    /**
     * The line for an event whose checksum chains the previous line's ({@code previousChain}, empty for the first
     * line or after an unchained one) and the incident's id: {@code "chain"} is the first 128 bits of
     * SHA-256(previous chain, incident id, the line up to the chain), so a line changed, removed, reordered or copied
     * from another incident breaks it (see {@link #chainAt}).
     */
    public byte[] encode(Event event, String previousChain, String incidentId) {
        // Written straight to the line, not through a tree: each tick encodes one event, and that runs cold (a console
        // records hundreds of events, not the thousands the JIT waits for); FrozenJournalTest keeps the bytes.
        byte[] body;
        try (ByteArrayBuilder out = new ByteArrayBuilder(256);
             JsonGenerator line = mapper.getFactory().createGenerator(out)) {
            line.writeStartObject();
            line.writeNumberField("seq", event.seq());
            line.writeStringField("id", event.id());
            line.writeStringField("at", EventTimestamps.format(event.at()));
            line.writeStringField("operator", event.operator());
            line.writeStringField("kind", event.kind());
            line.writeFieldName("payload");
            if (event.payload() instanceof EventPayload.Unrecognized unknown) {
                line.writeTree(unknown.fields() == null ? mapper.createObjectNode() : unknown.fields());
            } else {
                mapper.writeValue(line, event.payload());
            }
            line.writeEndObject();
            line.flush();
            body = out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode event " + event.seq() + ": " + e.getMessage(), e);
        }
        if (incidentId != null) {
            int open = body.length - 1;
            String chain = chain(previousChain, incidentId, body, 0, open);
            byte[] chained = Arrays.copyOf(body, open + CHAIN_LENGTH + 1);
            System.arraycopy(CHAIN_PREFIX, 0, chained, open, CHAIN_PREFIX.length);
            System.arraycopy(chain.getBytes(StandardCharsets.US_ASCII), 0, chained, open + CHAIN_PREFIX.length, CHAIN_HEX);
            chained[chained.length - 2] = '"';
            chained[chained.length - 1] = '}';
            body = chained;
        }
        return withChecksum(body);
    }

    /**
     * The line (unchained, as a team console's local cache keeps it) for an event whose payload is given as the JSON
     * text a database stored for it: the text is copied into the line, not bound to its record and written again
     * (a team console copies every other console's events). Decodes to the same event as {@link #encode} does.
     */
    public byte[] encodeStored(Event event, String payloadJson) {
        StringBuilder line = new StringBuilder(160 + payloadJson.length());
        line.append("{\"seq\":").append(event.seq()).append(",\"id\":");
        quote(line, event.id());
        line.append(",\"at\":");
        quote(line, EventTimestamps.format(event.at()));
        line.append(",\"operator\":");
        quote(line, event.operator());
        line.append(",\"kind\":");
        quote(line, event.kind());
        line.append(",\"payload\":");
        // Only inside a string can a surrogate be (JSON's own syntax is ASCII): escaped there, a lone one survives
        // the line's UTF-8, as it does through the JSON generator.
        appendEscaped(line, payloadJson, true);
        line.append('}');
        return withChecksum(line.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A JSON string: quotes, backslashes, control characters and every surrogate (so that a lone one survives, as
     * it does through the JSON generator) escaped.
     */
    private static void quote(StringBuilder line, String text) {
        line.append('"');
        appendEscaped(line, text, false);
        line.append('"');
    }

    /**
     * Appends {@code text} with what {@link #quote} escapes escaped (only surrogates: {@code surrogatesOnly}, for a
     * JSON text); a text with nothing to escape, as most are, goes in whole.
     */
    private static void appendEscaped(StringBuilder line, String text, boolean surrogatesOnly) {
        int first = firstToEscape(text, surrogatesOnly);
        if (first < 0) {
            line.append(text);
            return;
        }
        line.append(text, 0, first);
        for (int i = first; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!surrogatesOnly && (c == '"' || c == '\\')) {
                line.append('\\').append(c);
            } else if (Character.isSurrogate(c) || !surrogatesOnly && c < 0x20) {
                line.append("\\u").append(HexFormat.of().toHexDigits(c));
            } else {
                line.append(c);
            }
        }
    }

    /** Where the first character {@link #appendEscaped} escapes is, or -1. */
    private static int firstToEscape(String text, boolean surrogatesOnly) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isSurrogate(c) || !surrogatesOnly && (c < 0x20 || c == '"' || c == '\\')) {
                return i;
            }
        }
        return -1;
    }

    /** A body ({@code {...}}) with the crc put before its closing brace, and a newline. */
    private static byte[] withChecksum(byte[] body) {
        int bodyLength = body.length - 1; // without the closing brace
        CRC32 crc = new CRC32();
        crc.update(body, 0, bodyLength);
        byte[] out = Arrays.copyOf(body, bodyLength + CRC_SUFFIX_LENGTH + 1);
        System.arraycopy(CRC_PREFIX, 0, out, bodyLength, CRC_PREFIX.length);
        byte[] hex = HexFormat.of().toHexDigits((int) crc.getValue()).getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(hex, 0, out, bodyLength + CRC_PREFIX.length, 8);
        out[out.length - 3] = '"';
        out[out.length - 2] = '}';
        out[out.length - 1] = '\n';
        return out;
    }

    /** A line's chain as written, and the chain it should have after {@code previousChain}. */
    public record ChainLink(String written, String expected) {
        public boolean intact() {
            return written.equals(expected);
        }
    }

    /**
     * The chain of a line (without its newline) that decoded as an event: empty for an unchained line (0.1).
     */
    public Optional<ChainLink> chainAt(byte[] buffer, int offset, int length, String previousChain,
                                                 String incidentId) {
        int chainStart = length - CRC_SUFFIX_LENGTH - CHAIN_LENGTH;
        if (chainStart <= 0 || !regionEquals(buffer, offset + chainStart, CHAIN_PREFIX)) {
            return Optional.empty();
        }
        String written = new String(buffer, offset + chainStart + CHAIN_PREFIX.length, CHAIN_HEX, StandardCharsets.US_ASCII);
        return Optional.of(new ChainLink(written, chain(previousChain, incidentId, buffer, offset, chainStart)));
    }

    private static String chain(String previousChain, String incidentId, byte[] body, int offset, int length) {
        try {
            MessageDigest digest = (MessageDigest) SHA_256.clone(); // looking the algorithm up each time cost more
            digest.update((previousChain == null ? "" : previousChain).getBytes(StandardCharsets.US_ASCII));
            digest.update((byte) '\n');
            digest.update(incidentId.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) '\n');
            digest.update(body, offset, length);
            return HexFormat.of().formatHex(digest.digest(), 0, CHAIN_HEX / 2);
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the JDK's SHA-256 can be cloned", e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private JsonNode payloadTree(EventPayload payload) {
        if (payload instanceof EventPayload.Unrecognized unknown) {
            return unknown.fields() == null ? mapper.createObjectNode() : unknown.fields();
        }
        return mapper.valueToTree(payload);
    }

    /**
     * Reads one line (without its newline). Returns the event, or throws {@link DamagedLineException} saying
     * what is wrong with the line. A known kind whose payload cannot be read becomes {@link EventPayload.Unrecognized}.
     */
    public Event decode(byte[] buffer, int offset, int length) throws DamagedLineException {
        if (length == 0) {
            throw new DamagedLineException("empty line");
        }
        if (length < CRC_SUFFIX_LENGTH + 2 || buffer[offset + length - 1] != '}' || buffer[offset + length - 2] != '"'
                || !regionEquals(buffer, offset + length - CRC_SUFFIX_LENGTH, CRC_PREFIX)) {
            throw new DamagedLineException("the line is incomplete (no checksum at its end)");
        }
        int bodyLength = length - CRC_SUFFIX_LENGTH;
        long expected = parseHex(buffer, offset + bodyLength + CRC_PREFIX.length);
        CRC32 crc = new CRC32();
        crc.update(buffer, offset, bodyLength);
        if (expected < 0 || crc.getValue() != expected) {
            throw new DamagedLineException("checksum mismatch (the line was altered or damaged)");
        }
        try {
            return readStreaming(buffer, offset, length);
        } catch (JsonProcessingException e) {
            // A payload this version cannot bind (or a field of an unexpected type): read it the slow way, which
            // keeps it as Unrecognized or says what is wrong.
            return readTree(buffer, offset, length);
        } catch (IOException e) {
            throw new DamagedLineException("cannot read the line: " + e.getMessage());
        }
    }

    /** The fast path: one pass over the line, binding the payload straight to its record. */
    private Event readStreaming(byte[] buffer, int offset, int length) throws IOException, DamagedLineException {
        try (JsonParser parser = mapper.getFactory().createParser(buffer, offset, length)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new DamagedLineException("not a JSON object");
            }
            long seq = -1;
            String id = null;
            String at = null;
            String operator = null;
            String kind = null;
            EventPayload payload = null;
            JsonNode payloadTree = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (field) {
                    case "seq" -> seq = value == JsonToken.VALUE_NUMBER_INT ? parser.getLongValue() : -1;
                    case "id" -> id = value == JsonToken.VALUE_STRING ? parser.getText() : null;
                    case "at" -> at = value == JsonToken.VALUE_STRING ? parser.getText() : null;
                    case "operator" -> operator = value == JsonToken.VALUE_STRING ? parser.getText() : null;
                    case "kind" -> kind = value == JsonToken.VALUE_STRING ? parser.getText() : null;
                    case "payload" -> {
                        Class<? extends EventPayload> type = kind == null ? null : KINDS.get(kind);
                        if (type != null && value == JsonToken.START_OBJECT) {
                            payload = mapper.readValue(parser, type);
                        } else {
                            payloadTree = mapper.readTree(parser);
                        }
                    }
                    default -> parser.skipChildren();
                }
            }
            if (seq < 1 || id == null || at == null || operator == null || kind == null) {
                throw new DamagedLineException("missing one of seq, id, at, operator, kind");
            }
            if (payload == null) {
                payload = payload(kind, payloadTree);
            }
            return new Event(id, seq, instant(at), operator, payload);
        }
    }

    private static Instant instant(String text) throws DamagedLineException {
        try {
            return EventTimestamps.read(text);
        } catch (DateTimeParseException e) {
            throw new DamagedLineException("bad timestamp '" + text + "'");
        }
    }

    private Event readTree(byte[] buffer, int offset, int length) throws DamagedLineException {
        JsonNode tree;
        try {
            tree = mapper.readTree(buffer, offset, length);
        } catch (JsonProcessingException e) {
            throw new DamagedLineException("not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new DamagedLineException("not valid JSON: " + e.getMessage());
        }
        if (tree == null || !tree.isObject()) {
            throw new DamagedLineException("not a JSON object");
        }
        return toEvent(tree);
    }

    private Event toEvent(JsonNode tree) throws DamagedLineException {
        JsonNode seq = tree.get("seq");
        JsonNode id = tree.get("id");
        JsonNode at = tree.get("at");
        JsonNode operator = tree.get("operator");
        JsonNode kind = tree.get("kind");
        if (seq == null || !seq.canConvertToLong() || id == null || !id.isTextual() || at == null
                || !at.isTextual() || operator == null || !operator.isTextual() || kind == null || !kind.isTextual()) {
            throw new DamagedLineException("missing one of seq, id, at, operator, kind");
        }
        Instant instant = instant(at.asText());
        if (seq.asLong() < 1) {
            throw new DamagedLineException("bad sequence number " + seq.asLong());
        }
        JsonNode payloadNode = tree.get("payload");
        return new Event(id.asText(), seq.asLong(), instant, operator.asText(), payload(kind.asText(), payloadNode));
    }

    private EventPayload payload(String kind, JsonNode node) {
        Class<? extends EventPayload> type = KINDS.get(kind);
        if (type == null) {
            return new EventPayload.Unrecognized(kind, node, "a kind this version does not know");
        }
        try {
            return mapper.treeToValue(node == null ? mapper.createObjectNode() : node, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            String reason = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
            return new EventPayload.Unrecognized(kind, node, "cannot read its fields: " + reason);
        }
    }

    /**
     * The payload's JSON exactly as a journal line carries it, for journals that store the payload on its own
     * (a team database's payload column). {@link #readPayload} reads it back.
     */
    public String payloadJson(EventPayload payload) {
        try {
            return mapper.writeValueAsString(payloadTree(payload));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode a " + payload.kind() + " payload: " + e.getMessage(), e);
        }
    }

    /**
     * Reads a payload stored by {@link #payloadJson}: a kind this version does not know, or fields it cannot read,
     * give {@link EventPayload.Unrecognized}, as they do in a journal file.
     */
    public EventPayload readPayload(String kind, String json) {
        Class<? extends EventPayload> type = KINDS.get(kind);
        if (type != null && json != null) {
            // Straight to the record, as a journal line's payload is read; a team console reads every other console's
            // events, so this runs for each of them. What it cannot bind goes the tree's way, which says why.
            try {
                EventPayload payload = mapper.readValue(json, type);
                if (payload != null) {
                    return payload;
                }
            } catch (JsonProcessingException e) {
                // read again below
            }
        }
        JsonNode node;
        try {
            node = json == null ? null : mapper.readTree(json);
        } catch (JsonProcessingException e) {
            return new EventPayload.Unrecognized(kind, null, "not valid JSON: " + e.getOriginalMessage());
        }
        return payload(kind, node);
    }

    /** Reads a payload already parsed into a tree (a team database's notification carries it inside an array). */
    public EventPayload readPayload(String kind, JsonNode node) {
        return payload(kind, node);
    }

    /** The payload as pretty JSON, for showing an unrecognized event. */
    public String toJson(JsonNode node) {
        try {
            return mapper.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            return String.valueOf(node);
        }
    }

    private static boolean regionEquals(byte[] buffer, int offset, byte[] expected) {
        for (int i = 0; i < expected.length; i++) {
            if (buffer[offset + i] != expected[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * The checksum's 8 hex digits, lower case only, as {@link #encode} writes them: a digit whose case was flipped
     * is a changed byte, and every changed byte must make the line damaged.
     */
    private static long parseHex(byte[] buffer, int offset) {
        long value = 0;
        for (int i = 0; i < 8; i++) {
            byte c = buffer[offset + i];
            int digit = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
            if (digit < 0) {
                return -1;
            }
            value = (value << 4) | digit;
        }
        return value;
    }

    /** A journal line that cannot be read as an event. */
    public static final class DamagedLineException extends Exception {
        private static final long serialVersionUID = 1L;

        public DamagedLineException(String message) {
            super(message);
        }
    }
}
