package io.incidentconsole.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a parsed plan tree against the shape of the {@link Plan} records, collecting every problem
 * instead of stopping at the first, and rewrites friendly forms into the canonical ones Jackson binds:
 * {@code 3.2M} → 3200000, {@code 2%} → 0.02, {@code 24h} → PT24H, a bare string where a record with a {@code text} field is
 * expected → {@code {text: ...}}, a scalar where text is expected → its text.
 */
final class StructureChecker {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /**
     * Possessive quantifiers and one way to read each number keep matching linear: {@code [0-9]*\\.?[0-9]+} tried
     * every split of a long digit run when the text did not match (a 50,000-digit value took half a minute).
     */
    private static final Pattern SUFFIXED_NUMBER = Pattern.compile(
            "\\s*+(" + MetricCondition.NUMBER + ")\\s*+([kKmMgG%]?+)\\s*+");
    private static final Pattern SHORT_DURATION = Pattern.compile("\\s*+([0-9]++)\\s*+(s|m|min|h|d|w)\\s*+");

    private final String source;
    private final LocatedTree tree;
    private final List<Problem> problems;
    private boolean blocking;

    StructureChecker(String source, LocatedTree tree, List<Problem> problems) {
        this.source = source;
        this.tree = tree;
        this.problems = problems;
    }

    /**
     * Returns the root, rewritten into canonical forms. Invalid optional values and unknown fields are
     * reported and dropped so that the cross-reference checks can still run on the rest; see
     * {@link #blocking()}.
     */
    JsonNode check() {
        return check(tree.root, Plan.class, "");
    }

    /**
     * Whether a problem leaves the tree unfit to bind (a required value or a list item is missing or
     * invalid), so the cross-reference checks cannot run.
     */
    boolean blocking() {
        return blocking;
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
        // MetricCondition is a record written as one line of text, so it must be matched before records.
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
            return null;
        }
        if (raw == boolean.class || raw == Boolean.class) {
            if (!node.isBoolean()) {
                report(path, "expected true or false, found " + describe(node));
                return null;
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
                return null;
            }
            return node;
        }
        throw new IllegalStateException("plan model type not handled by the checker: " + type);
    }

    private JsonNode checkList(JsonNode node, Type element, String path) {
        if (!node.isArray()) {
            report(path, "expected a list, found " + describe(node));
            return null;
        }
        ArrayNode array = (ArrayNode) node;
        for (int i = 0; i < array.size(); i++) {
            String itemPath = LocatedTree.index(path, i);
            if (array.get(i).isNull()) {
                report(itemPath, "empty list item; expected " + expectation(element));
                blocking = true;
                continue;
            }
            JsonNode checked = check(array.get(i), element, itemPath);
            if (checked == null) {
                blocking = true;
            } else {
                array.set(i, checked);
            }
        }
        return array;
    }

    /** A record type's fields as the check needs them, looked up by reflection once per type and load. */
    private record Shape(List<Field> fields, List<String> known, Set<String> knownSet, boolean hasText) {
    }

    private record Field(String name, Type type, boolean required) {
    }

    private final Map<Class<?>, Shape> shapes = new HashMap<>();

    private Shape shape(Class<?> type) {
        return shapes.computeIfAbsent(type, t -> {
            List<Field> fields = Arrays.stream(t.getRecordComponents())
                    .map(c -> new Field(c.getName(), c.getGenericType(), c.isAnnotationPresent(Required.class)))
                    .toList();
            List<String> known = fields.stream().map(Field::name).toList();
            return new Shape(fields, known, Set.copyOf(known), known.contains("text"));
        });
    }

    private JsonNode checkRecord(JsonNode node, Class<?> type, String path) {
        Shape shape = shape(type);
        if (node.isTextual() && shape.hasText()) {
            ObjectNode expanded = NODES.objectNode();
            expanded.set("text", node);
            return expanded;
        }
        if (!node.isObject()) {
            report(path, "expected " + article(type) + " (a mapping of fields), found " + describe(node));
            return null;
        }
        ObjectNode object = (ObjectNode) node;
        List<String> known = shape.known();
        List<String> unknown = new ArrayList<>();
        for (Map.Entry<String, JsonNode> field : object.properties()) {
            if (!shape.knownSet().contains(field.getKey())) {
                String hint = DidYouMean.closest(field.getKey(), known)
                        .map(s -> "; did you mean '" + s + "'?")
                        .orElse("; known fields: " + String.join(", ", known));
                report(LocatedTree.child(path, field.getKey()),
                        "unknown field '" + shorten(field.getKey()) + "' in " + article(type) + hint);
                unknown.add(field.getKey());
            }
        }
        if (!unknown.isEmpty()) {
            object.remove(unknown);
        }
        for (Field component : shape.fields()) {
            String name = component.name();
            JsonNode value = object.get(name);
            if (value == null || value.isNull()) {
                if (component.required()) {
                    report(path, "missing required field '" + name + "' in " + article(type));
                    blocking = true;
                }
                continue;
            }
            String childPath = LocatedTree.child(path, name);
            if (value.isTextual() && component.required() && value.asText().isBlank()) {
                report(childPath, "'" + name + "' must not be empty");
                blocking = true;
                continue;
            }
            JsonNode checked = check(value, component.type(), childPath);
            if (checked != null) {
                if (checked != value) {
                    object.set(name, checked);
                }
            } else if (component.required()) {
                blocking = true;
            } else {
                object.remove(name);
            }
        }
        return object;
    }

    private JsonNode checkNumber(JsonNode node, String path) {
        double value = Double.NaN;
        if (node.isNumber()) {
            value = node.asDouble();
        } else if (node.isTextual()) {
            Matcher m = SUFFIXED_NUMBER.matcher(node.asText());
            if (m.matches()) {
                double scale = switch (m.group(2).toUpperCase(Locale.ROOT)) {
                    case "K" -> 1e3;
                    case "M" -> 1e6;
                    case "G" -> 1e9;
                    case "%" -> 0.01;
                    default -> 1;
                };
                value = Double.parseDouble(m.group(1)) * scale;
            }
        }
        if (Double.isInfinite(value)) {
            report(path, "the number " + shorten(node.asText()) + " is too large");
            return null;
        }
        if (Double.isNaN(value)) {
            report(path, "expected a number such as 42, 0.5, 2%, 900K or 3.2M, found " + describe(node));
            return null;
        }
        return node.isNumber() ? node : NODES.numberNode(value);
    }

    private JsonNode checkDuration(JsonNode node, String path) {
        if (node.isTextual()) {
            String text = node.asText();
            Matcher m = SHORT_DURATION.matcher(text);
            try {
                if (m.matches()) {
                    return NODES.textNode(shortDuration(Long.parseLong(m.group(1)), m.group(2)).toString());
                }
                return NODES.textNode(Duration.parse(text.trim()).toString());
            } catch (NumberFormatException | ArithmeticException e) {
                report(path, "the duration '" + shorten(text) + "' is too long");
                return null;
            } catch (DateTimeParseException e) {
                // reported below
            }
        }
        report(path, "expected a duration such as 24h, 90m, 2d, 1w or PT6H, found " + describe(node));
        return null;
    }

    static Duration shortDuration(long n, String unit) {
        return switch (unit) {
            case "s" -> Duration.ofSeconds(n);
            case "m", "min" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            case "d" -> Duration.ofDays(n);
            default -> Duration.ofDays(Math.multiplyExact(7, n));
        };
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
            report(path, "expected one of " + String.join(", ", allowed) + ", found '" + shorten(node.asText()) + "'"
                    + hint);
            return null;
        }
        report(path, "expected one of " + String.join(", ", allowed) + ", found " + describe(node));
        return null;
    }

    private JsonNode checkParsed(JsonNode node, String path, String expected, Function<String, ?> parse) {
        if (node.isTextual()) {
            try {
                parse.apply(node.asText());
                return node;
            } catch (RuntimeException e) {
                report(path, "expected " + expected + ", found '" + shorten(node.asText()) + "'");
                return null;
            }
        }
        report(path, "expected " + expected + ", found " + describe(node));
        return null;
    }

    /** How an operator would name what the file holds here: "a list", "text 'abc'", "the number 12". */
    static String describe(JsonNode node) {
        if (node == null || node.isNull()) {
            return "nothing (an empty value)";
        }
        if (node.isObject()) {
            return "a mapping";
        }
        if (node.isArray()) {
            return "a list";
        }
        if (node.isTextual()) {
            return "text '" + shorten(node.asText()) + "'";
        }
        return (node.isBoolean() ? "" : "the number ") + shorten(node.asText());
    }

    /** Long values are cut so that one message stays one readable line. */
    static String shorten(String text) {
        String oneLine = text.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ');
        return oneLine.length() > 60 ? oneLine.substring(0, 57) + "..." : oneLine;
    }

    /** What an element of the type looks like, in words. */
    private static String expectation(Type type) {
        if (type instanceof ParameterizedType) {
            return "a list";
        }
        Class<?> raw = (Class<?>) type;
        if (raw == String.class) {
            return "text";
        }
        if (raw.isEnum()) {
            return "one of " + String.join(", ", Arrays.stream(raw.getEnumConstants()).map(Object::toString).toList());
        }
        return raw.isRecord() ? article(raw) : raw.getSimpleName().toLowerCase(Locale.ROOT);
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
            // Short names are too easily "close" to anything: allow one edit up to 3 letters.
            int allowed = typed.length() <= 3 ? 1 : Math.max(2, typed.length() / 3);
            return bestDistance <= allowed ? Optional.ofNullable(best) : Optional.empty();
        }

        /** Edits (insert, delete, replace, swap two neighbours) that turn a into b; long inputs are not compared. */
        static int distance(String a, String b) {
            if (a.length() > 200 || b.length() > 200) {
                return a.equals(b) ? 0 : Integer.MAX_VALUE;
            }
            int[][] d = new int[a.length() + 1][b.length() + 1];
            for (int i = 0; i <= a.length(); i++) {
                d[i][0] = i;
            }
            for (int j = 0; j <= b.length(); j++) {
                d[0][j] = j;
            }
            for (int i = 1; i <= a.length(); i++) {
                for (int j = 1; j <= b.length(); j++) {
                    int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                    d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                    if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                        d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                    }
                }
            }
            return d[a.length()][b.length()];
        }
    }
}
