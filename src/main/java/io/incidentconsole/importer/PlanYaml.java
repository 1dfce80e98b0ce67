package io.incidentconsole.importer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.incidentconsole.plan.Plan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes a plan as YAML meant to be edited by hand: no nulls, empty lists or false flags, ids first,
 * durations as 6h/1d, large numbers as 3.2M, quotes only where YAML needs them.
 */
final class PlanYaml {

    /** Flags that default to false; any other false (an audit expectation) is a value and stays. */
    private static final Set<String> FLAGS = Set.of("optional", "alternative", "atMilestones", "done", "unsafe");
    private static final Set<String> NUMERIC_FIELDS = Set.of("baseline", "target", "value", "expected");

    private final ObjectMapper tree = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS);
    private final ObjectMapper yaml = new ObjectMapper(YAMLFactory.builder()
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
            .disable(YAMLGenerator.Feature.SPLIT_LINES)
            .build());

    String write(Plan plan, String header) {
        JsonNode root = tree.valueToTree(plan);
        tidy(root, null);
        try {
            return header + yaml.writeValueAsString(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Returns true when the node should be dropped from its parent. */
    private boolean tidy(JsonNode node, String field) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return true;
        }
        if (node.isBoolean()) {
            return !node.booleanValue() && FLAGS.contains(field);
        }
        if (node.isTextual()) {
            return node.asText().isEmpty();
        }
        if (node.isArray()) {
            ArrayNode array = (ArrayNode) node;
            for (int i = array.size() - 1; i >= 0; i--) {
                JsonNode child = array.get(i);
                if (child.isObject() || child.isArray()) {
                    tidy(child, field);
                }
                if (child.isObject() && child.size() == 1 && child.has("text") && child.get("text").isTextual()) {
                    array.set(i, child.get("text"));
                }
            }
            return array.isEmpty();
        }
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            List<String> drop = new ArrayList<>();
            for (Map.Entry<String, JsonNode> e : object.properties()) {
                if (tidy(e.getValue(), e.getKey())) {
                    drop.add(e.getKey());
                } else if (e.getValue().isNumber() && NUMERIC_FIELDS.contains(e.getKey())) {
                    e.setValue(number(e.getValue().doubleValue()));
                } else if (e.getValue().isTextual() && isDurationField(e.getKey())) {
                    e.setValue(JsonNodeFactory.instance.textNode(shortDuration(e.getValue().asText())));
                }
            }
            if (object.has("name") && object.has("type") && object.path("required").asBoolean(false)) {
                drop.add("required");
            }
            object.remove(drop);
            return object.isEmpty();
        }
        return false;
    }

    private static JsonNode number(double value) {
        String compact = Numbers.compact(value);
        if (compact.matches("-?[0-9.]+")) {
            return value == Math.rint(value) && Math.abs(value) < 1e15
                    ? JsonNodeFactory.instance.numberNode((long) value)
                    : JsonNodeFactory.instance.numberNode(value);
        }
        return JsonNodeFactory.instance.textNode(compact);
    }

    private static boolean isDurationField(String field) {
        return field.equals("every") || field.equals("waitFor");
    }

    /** PT1H → 1h, P1D (Jackson writes PT24H) → 1d; anything else as it is. */
    private static String shortDuration(String iso) {
        try {
            Duration d = Duration.parse(iso);
            long s = d.getSeconds();
            if (s > 0 && d.getNano() == 0) {
                if (s % 86400 == 0) {
                    return s / 86400 + "d";
                }
                if (s % 3600 == 0) {
                    return s / 3600 + "h";
                }
                if (s % 60 == 0) {
                    return s / 60 + "m";
                }
                return s + "s";
            }
        } catch (DateTimeParseException e) {
            return iso;
        }
        return iso;
    }
}
