package io.incidentconsole.metrics;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Parses one line of a metrics export: CSV {@code timestamp,metric,value} (fields may be double-quoted) or a
 * JSON object {@code {"timestamp":..,"metric":..,"value":..}}. Timestamps are ISO-8601 with an offset
 * ({@code 2026-03-01T10:00:00Z}, a space instead of {@code T} is fine) or epoch seconds (below 10^11, may have
 * decimals) or epoch milliseconds. Values are decimal numbers or NaN, +Inf, -Inf.
 */
final class SampleLineParser {

    /** Epoch numbers below this are seconds (10^11 s is the year 5138; 10^11 ms is 1973). */
    private static final double SECONDS_LIMIT = 1e11;

    private final ObjectMapper json = new ObjectMapper();

    /** The parsed line, or null for a line with nothing to read (blank, a comment, a CSV header). */
    ParsedLine parse(String line) {
        String text = line.strip();
        if (text.isEmpty() || text.startsWith("#")) {
            return null;
        }
        if (text.startsWith("{")) {
            return parseJson(text);
        }
        List<String> fields = csvFields(text);
        if (fields.size() != 3) {
            throw new IllegalArgumentException("expected 3 fields 'timestamp,metric,value', found " + fields.size());
        }
        if (fields.get(0).strip().equalsIgnoreCase("timestamp")) {
            return null;
        }
        return new ParsedLine(timestamp(fields.get(0).strip()), metric(fields.get(1).strip()),
                value(fields.get(2).strip()));
    }

    private ParsedLine parseJson(String text) {
        JsonNode node;
        try {
            node = json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not valid JSON: " + e.getOriginalMessage());
        }
        JsonNode ts = required(node, "timestamp");
        JsonNode metric = required(node, "metric");
        JsonNode value = required(node, "value");
        long time = ts.isNumber() ? epoch(ts.decimalValue()) : timestamp(ts.asText());
        double v = value.isNumber() ? value.doubleValue() : value(value.asText());
        return new ParsedLine(time, metric(metric.asText()), v);
    }

    private static JsonNode required(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("missing \"" + field + "\"");
        }
        return value;
    }

    private static String metric(String name) {
        if (name.isEmpty()) {
            throw new IllegalArgumentException("empty metric name");
        }
        return name;
    }

    static long timestamp(String text) {
        if (text.isEmpty()) {
            throw new IllegalArgumentException("empty timestamp");
        }
        char first = text.charAt(0);
        if (Character.isDigit(first) && !text.contains("-") && !text.contains(":")) {
            try {
                return epoch(new BigDecimal(text));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("timestamp '" + text + "' is not a number");
            }
        }
        try {
            return OffsetDateTime.parse(text.replace(' ', 'T')).toInstant().toEpochMilli();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("timestamp '" + text
                    + "' is neither epoch seconds/milliseconds nor ISO-8601 with an offset (2026-03-01T10:00:00Z)");
        }
    }

    private static long epoch(BigDecimal number) {
        if (number.signum() < 0) {
            throw new IllegalArgumentException("negative timestamp " + number.toPlainString());
        }
        BigDecimal millis = number.doubleValue() < SECONDS_LIMIT ? number.movePointRight(3) : number;
        return millis.setScale(0, RoundingMode.HALF_UP).longValueExact();
    }

    static double value(String text) {
        switch (text.toLowerCase(Locale.ROOT)) {
            case "nan":
                return Double.NaN;
            case "+inf", "inf", "+infinity", "infinity":
                return Double.POSITIVE_INFINITY;
            case "-inf", "-infinity":
                return Double.NEGATIVE_INFINITY;
            default:
                break;
        }
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("value '" + text + "' is not a number");
        }
    }

    /** Splits a CSV line; a field may be quoted with {@code "} and contain {@code ""} for a quote. */
    static List<String> csvFields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"' && field.toString().isBlank()) {
                field.setLength(0);
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("unterminated quote");
        }
        fields.add(field.toString());
        return fields;
    }

    record ParsedLine(long epochMillis, String series, double value) {
    }
}
