package io.incidentconsole.metrics;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a Prometheus HTTP API answer ({@code /api/v1/query} or {@code /api/v1/query_range}) into series, or
 * into a {@link PrometheusException} that says what went wrong: the server's own error for a refused query,
 * a hint about the URL for a 404, the place where a body stopped looking like Prometheus JSON.
 * Values "NaN", "+Inf" and "-Inf" become the matching doubles.
 */
public final class PrometheusResponseParser {

    private static final int EXCERPT = 120;
    private final ObjectMapper json = new ObjectMapper();

    public List<PrometheusSeries> parse(int httpStatus, String body, String where) throws PrometheusException {
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JsonProcessingException e) {
            root = null;
        }
        if (root != null && root.isObject() && "error".equals(root.path("status").asText())) {
            throw refused(httpStatus, root, where);
        }
        if (httpStatus != 200) {
            throw httpError(httpStatus, body, where);
        }
        if (root == null || !root.isObject()) {
            throw new PrometheusException(PrometheusException.Kind.MALFORMED, where + " answered HTTP 200 with a body "
                    + "that is not Prometheus JSON: \"" + excerpt(body) + "\"");
        }
        if (!"success".equals(root.path("status").asText())) {
            throw malformed(where, "\"status\" is missing or not \"success\"/\"error\"");
        }
        JsonNode data = root.path("data");
        String type = data.path("resultType").asText("");
        JsonNode result = data.path("result");
        return switch (type) {
            case "matrix" -> series(result, "values", where);
            case "vector" -> series(result, "value", where);
            case "scalar" -> List.of(single(Map.of(), result, where));
            case "string" -> throw new PrometheusException(PrometheusException.Kind.BAD_QUERY, where
                    + ": the query returns a string, not a number");
            default -> throw malformed(where, "unknown \"data.resultType\" '" + type + "'");
        };
    }

    private List<PrometheusSeries> series(JsonNode result, String pointsField, String where)
            throws PrometheusException {
        if (!result.isArray()) {
            throw malformed(where, "\"data.result\" is not a list");
        }
        List<PrometheusSeries> out = new ArrayList<>();
        for (int s = 0; s < result.size(); s++) {
            JsonNode entry = result.get(s);
            Map<String, String> labels = new LinkedHashMap<>();
            entry.path("metric").properties().forEach(e -> labels.put(e.getKey(), e.getValue().asText()));
            JsonNode points = entry.path(pointsField);
            if ("value".equals(pointsField)) {
                out.add(single(labels, points, where + " result[" + s + "]"));
                continue;
            }
            if (!points.isArray()) {
                throw malformed(where, "result[" + s + "] has no \"values\" list");
            }
            long[] times = new long[points.size()];
            double[] values = new double[points.size()];
            for (int p = 0; p < points.size(); p++) {
                String at = "result[" + s + "].values[" + p + "]";
                times[p] = time(points.get(p), where, at);
                values[p] = value(points.get(p), where, at);
            }
            out.add(new PrometheusSeries(labels, times, values));
        }
        return out;
    }

    private PrometheusSeries single(Map<String, String> labels, JsonNode point, String where)
            throws PrometheusException {
        return new PrometheusSeries(labels, new long[] {time(point, where, "value")},
                new double[] {value(point, where, "value")});
    }

    private static long time(JsonNode point, String where, String at) throws PrometheusException {
        if (!point.isArray() || point.size() != 2 || !point.get(0).isNumber()) {
            throw malformed(where, at + " is not a [timestamp, \"value\"] pair");
        }
        return Math.round(point.get(0).doubleValue() * 1000.0);
    }

    private static double value(JsonNode point, String where, String at) throws PrometheusException {
        String text = point.get(1).asText();
        switch (text) {
            case "NaN":
                return Double.NaN;
            case "+Inf":
                return Double.POSITIVE_INFINITY;
            case "-Inf":
                return Double.NEGATIVE_INFINITY;
            default:
                break;
        }
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw malformed(where, at + " value '" + excerpt(text) + "' is not a number");
        }
    }

    private static PrometheusException refused(int httpStatus, JsonNode root, String where) {
        String errorType = root.path("errorType").asText("unknown");
        String error = root.path("error").asText("(no message)");
        PrometheusException.Kind kind = switch (errorType) {
            case "timeout", "canceled", "unavailable", "internal" -> PrometheusException.Kind.SERVER_ERROR;
            default -> httpStatus == 404 ? PrometheusException.Kind.WRONG_URL : PrometheusException.Kind.BAD_QUERY;
        };
        return new PrometheusException(kind, where + " refused the query (HTTP " + httpStatus + ", " + errorType
                + "): " + error);
    }

    private static PrometheusException httpError(int httpStatus, String body, String where) {
        String answer = body.isBlank() ? "" : ": \"" + excerpt(body) + "\"";
        if (httpStatus == 401 || httpStatus == 403) {
            return new PrometheusException(PrometheusException.Kind.UNAUTHORIZED, where + " answered HTTP "
                    + httpStatus + answer + " — check the bearer token in the environment variable named by --prometheus-token-env");
        }
        if (httpStatus == 429 || httpStatus >= 500) {
            return new PrometheusException(PrometheusException.Kind.SERVER_ERROR, where + " answered HTTP "
                    + httpStatus + answer);
        }
        return new PrometheusException(PrometheusException.Kind.WRONG_URL, where + " answered HTTP " + httpStatus
                + answer + " — is the server URL the Prometheus base URL (like http://host:9090)?");
    }

    private static PrometheusException malformed(String where, String what) {
        return new PrometheusException(PrometheusException.Kind.MALFORMED, where + " answered with malformed JSON: "
                + what);
    }

    private static String excerpt(String text) {
        String flat = text.strip().replaceAll("\\s+", " ");
        return flat.length() <= EXCERPT ? flat : flat.substring(0, EXCERPT) + "…";
    }
}
