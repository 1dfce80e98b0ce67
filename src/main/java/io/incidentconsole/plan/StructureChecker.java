package io.incidentconsole.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a parsed plan tree against the shape of the {@link Plan} records, collecting every problem
 * instead of stopping at the first, and rewrites friendly forms into the canonical ones Jackson binds:
 * {@code 3.2M} → 3200000, {@code 24h} → PT24H, a bare string where a record with a {@code text} field is
 * expected → {@code {text: ...}}, a scalar where text is expected → its text.
 */
final class StructureChecker {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern SUFFIXED_NUMBER =
            Pattern.compile("\\s*([-+]?[0-9]*\\.?[0-9]+(?:[eE][-+]?[0-9]+)?)\\s*([kKmMgG]?)\\s*");
    private static final Pattern SHORT_DURATION = Pattern.compile("\\s*([0-9]+)\\s*(s|m|min|h|d|w)\\s*");

    private final String source;
    private final LocatedTree tree;
    private final List<Problem> problems;

    StructureChecker(String source, LocatedTree tree, List<Problem> problems) {
        this.source = source;
        this.tree = tree;
        this.problems = problems;
    }

    /** Returns the (possibly rewritten) root. */
    JsonNode check() {
        return check(tree.root, Plan.class, "");
    }

    private void report(String path, String message) {
        int[] at = tree.locate(path);
        problems.add(new Problem(source, at[0], at[1], path, message));
    }

    private JsonNode check(JsonNode node, Type type, String path) {
        if (node == null || node.isNull()) {
            return node;
        }
        if (type instanceof ParameterizedType list && list.getRawType() == List.class) {
            return checkList(node, list.getActualTypeArguments()[0], path);
        }
        Class<?> raw = (Class<?>) type;
        // Written as text, though it is a record.
        if (raw == MetricCondition.class) {
            return checkParsed(node, path, "a condition such as 'error_rate > 0.02 for 5m'", MetricCondition::parse);
        }
        if (raw.isRecord()) {
            return checkRecord(node, raw, path);
        }
        if (raw == String.class) {
            if (node.isValueNode()) {
                return node.isTextual() ? node : NODES.textNode(node.asText());
            }
            report(path, "expected text, found " + describe(node));
            return node;
        }
        if (raw == boolean.class || raw == Boolean.class) {
            if (!node.isBoolean()) {
                report(path, "expected true or false, found " + describe(node));
            }
            return node;
        }
        if (raw == double.class || raw == Double.class) {
            return checkNumber(node, path);
        }
        if (raw.isEnum()) {
            return checkEnum(node, raw, path);
        }
        if (raw == Duration.class) {
            return checkDuration(node, path);
        }
        if (raw == LocalDate.class) {
            return checkParsed(node, path, "a date such as 2026-01-29", LocalDate::parse);
        }
        if (raw == Object.class) {
            if (!node.isValueNode()) {
                report(path, "expected a single value (text, number or true/false), found " + describe(node));
            }
            return node;
        }
        throw new IllegalStateException("plan model type not handled by the checker: " + type);
    }

    private JsonNode checkList(JsonNode node, Type element, String path) {
        if (!node.isArray()) {
            report(path, "expected a list, found " + describe(node));
            return node;
        }
        ArrayNode array = (ArrayNode) node;
        for (int i = 0; i < array.size(); i++) {
            array.set(i, check(array.get(i), element, LocatedTree.index(path, i)));
        }
        return array;
    }

    private JsonNode checkRecord(JsonNode node, Class<?> type, String path) {
        RecordComponent[] components = type.getRecordComponents();
        if (node.isTextual() && Arrays.stream(components).anyMatch(c -> c.getName().equals("text"))) {
            ObjectNode expanded = NODES.objectNode();
            expanded.set("text", node);
            return expanded;
        }
        if (!node.isObject()) {
            report(path, "expected " + article(type) + " (a mapping of fields), found " + describe(node));
            return node;
        }
        ObjectNode object = (ObjectNode) node;
        List<String> known = Arrays.stream(components).map(RecordComponent::getName).toList();
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (!known.contains(field.getKey())) {
                String hint = DidYouMean.closest(field.getKey(), known)
                        .map(s -> "; did you mean '" + s + "'?")
                        .orElse("; known fields: " + String.join(", ", known));
                report(LocatedTree.child(path, field.getKey()),
                        "unknown field '" + field.getKey() + "' in " + article(type) + hint);
            }
        }
        for (RecordComponent component : components) {
            String name = component.getName();
            JsonNode value = object.get(name);
            String childPath = LocatedTree.child(path, name);
            if (value == null || value.isNull()) {
                if (component.isAnnotationPresent(Required.class)) {
                    report(path, "missing required field '" + name + "' in " + article(type));
                }
                continue;
            }
            if (value.isTextual() && value.asText().isBlank() && component.isAnnotationPresent(Required.class)) {
                report(childPath, "'" + name + "' must not be empty");
                continue;
            }
            object.set(name, check(value, component.getGenericType(), childPath));
        }
        return object;
    }

    private JsonNode checkNumber(JsonNode node, String path) {
        if (node.isNumber()) {
            return node;
        }
        if (node.isTextual()) {
            Matcher m = SUFFIXED_NUMBER.matcher(node.asText());
            if (m.matches()) {
                double scale = switch (m.group(2).toUpperCase(Locale.ROOT)) {
                    case "K" -> 1e3;
                    case "M" -> 1e6;
                    case "G" -> 1e9;
                    default -> 1;
                };
                return NODES.numberNode(Double.parseDouble(m.group(1)) * scale);
            }
        }
        report(path, "expected a number (suffixes K, M, G allowed), found " + describe(node));
        return node;
    }

    private JsonNode checkDuration(JsonNode node, String path) {
        if (node.isTextual()) {
            String text = node.asText();
            Matcher m = SHORT_DURATION.matcher(text);
            if (m.matches()) {
                long n = Long.parseLong(m.group(1));
                Duration d = switch (m.group(2)) {
                    case "s" -> Duration.ofSeconds(n);
                    case "m", "min" -> Duration.ofMinutes(n);
                    case "h" -> Duration.ofHours(n);
                    case "d" -> Duration.ofDays(n);
                    default -> Duration.ofDays(7 * n);
                };
                return NODES.textNode(d.toString());
            }
            try {
                return NODES.textNode(Duration.parse(text.trim()).toString());
            } catch (DateTimeParseException e) {
                // reported below
            }
        }
        report(path, "expected a duration such as 24h, 90m, 2d or PT6H, found " + describe(node));
        return node;
    }

    private JsonNode checkEnum(JsonNode node, Class<?> type, String path) {
        List<String> allowed = Arrays.stream(type.getEnumConstants()).map(Object::toString).toList();
        if (node.isTextual()) {
            String text = node.asText().trim().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
            for (Object constant : type.getEnumConstants()) {
                if (((Enum<?>) constant).name().equals(text)) {
                    return NODES.textNode(((Enum<?>) constant).name());
                }
            }
            String hint = DidYouMean.closest(text, allowed).map(s -> "; did you mean '" + s + "'?").orElse("");
            report(path, "'" + node.asText() + "' is not one of " + String.join(", ", allowed) + hint);
            return node;
        }
        report(path, "expected one of " + String.join(", ", allowed) + ", found " + describe(node));
        return node;
    }

    private JsonNode checkParsed(JsonNode node, String path, String expected, Function<String, ?> parse) {
        if (node.isTextual()) {
            try {
                parse.apply(node.asText());
                return node;
            } catch (RuntimeException e) {
                report(path, "expected " + expected + ", found '" + node.asText() + "'");
                return node;
            }
        }
        report(path, "expected " + expected + ", found " + describe(node));
        return node;
    }

    private static String describe(JsonNode node) {
        if (node.isObject()) {
            return "a mapping";
        }
        if (node.isArray()) {
            return "a list";
        }
        if (node.isTextual()) {
            return "text '" + node.asText() + "'";
        }
        return (node.isBoolean() ? "" : "the number ") + node.asText();
    }

    private static String article(Class<?> type) {
        String words = type.getSimpleName().replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
        return ("aeiou".indexOf(words.charAt(0)) >= 0 ? "an " : "a ") + words;
    }

    /** Closest known name within a small edit distance. */
    static final class DidYouMean {
        private DidYouMean() {
        }

        static Optional<String> closest(String typed, List<String> known) {
            String best = null;
            int bestDistance = Integer.MAX_VALUE;
            for (String candidate : known) {
                int d = distance(typed.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
                if (d < bestDistance) {
                    bestDistance = d;
                    best = candidate;
                }
            }
            int allowed = Math.max(2, typed.length() / 3);
            return bestDistance <= allowed ? Optional.ofNullable(best) : Optional.empty();
        }

        static int distance(String a, String b) {
            int[] previous = new int[b.length() + 1];
            int[] current = new int[b.length() + 1];
            for (int j = 0; j <= b.length(); j++) {
                previous[j] = j;
            }
            for (int i = 1; i <= a.length(); i++) {
                current[0] = i;
                for (int j = 1; j <= b.length(); j++) {
                    int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                    current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                }
                int[] swap = previous;
                previous = current;
                current = swap;
            }
            return previous[b.length()];
        }
    }
}
