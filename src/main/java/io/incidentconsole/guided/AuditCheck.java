package io.incidentconsole.guided;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.incidentconsole.plan.AuditGate;
import io.incidentconsole.plan.FieldExpectation;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Checks an audit command's pasted JSON output against the gate's expectations, field by field. Malformed
 * output is answered with where it goes wrong (line:column), never with an exception.
 */
public final class AuditCheck {

    // Configured once and never changed afterwards: ObjectMapper is thread-safe for reading then.
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private AuditCheck() {
    }

    public static AuditResult check(AuditGate gate, String pastedOutput) {
        String output = pastedOutput == null ? "" : pastedOutput;
        String sha = sha256(output);
        if (output.isBlank()) {
            return new AuditResult(sha, List.of(), "Nothing to check: paste the JSON that `" + gate.command()
                    + "` printed.");
        }
        JsonNode root;
        try {
            root = JSON.readTree(output);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : "line " + at.getLineNr() + ", column " + at.getColumnNr() + ": ";
            return new AuditResult(sha, List.of(), "The output is not valid JSON — " + where + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            String kind = root == null ? "empty" : root.getNodeType().name().toLowerCase(Locale.ROOT);
            return new AuditResult(sha, List.of(), "The output is a JSON " + kind
                    + ", not an object: expected { \"field\": value, … } as the audit command prints it.");
        }
        List<AuditResult.FieldCheck> fields = new ArrayList<>();
        for (FieldExpectation expectation : gate.expect()) {
            JsonNode expected = JSON.valueToTree(expectation.equals());
            JsonNode actual = at(root, expectation.field());
            fields.add(new AuditResult.FieldCheck(expectation.field(), expected.toString(),
                    actual == null ? null : actual.toString(), actual != null && same(expected, actual)));
        }
        return new AuditResult(sha, fields, null);
    }

    /** The node at a dotted path, or null when any part of the path is absent. */
    static JsonNode at(JsonNode root, String dottedPath) {
        JsonNode node = root;
        for (String part : dottedPath.split("\\.", -1)) {
            if (node == null || !node.isObject() || !node.has(part)) {
                return null;
            }
            node = node.get(part);
        }
        return node;
    }

    /** JSON equality, except that numbers compare by value (1 equals 1.0). */
    private static boolean same(JsonNode expected, JsonNode actual) {
        if (expected.isNumber() && actual.isNumber()) {
            return new BigDecimal(expected.asText()).compareTo(new BigDecimal(actual.asText())) == 0;
        }
        return expected.equals(actual);
    }

    /** Hex SHA-256 of the text as UTF-8: how the journal refers to pasted output and copied commands. */
    public static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }
}
