package io.incidentconsole.plan;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A plan file parsed into a JSON tree, remembering where each element stood (line and column) so that
 * every later problem can point at the source. Jackson's own tree forgets locations, hence this parser.
 */
final class LocatedTree {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    final JsonNode root;
    private final Map<String, int[]> locations;

    private LocatedTree(JsonNode root, Map<String, int[]> locations) {
        this.root = root;
        this.locations = locations;
    }

    /** Line and column of the element at the path, or of its nearest ancestor that has one. */
    int[] locate(String path) {
        String p = path;
        while (true) {
            int[] at = locations.get(p);
            if (at != null || p.isEmpty()) {
                return at == null ? new int[] {0, 0} : at;
            }
            p = parent(p);
        }
    }

    static String parent(String path) {
        int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
        return cut <= 0 ? "" : path.substring(0, cut);
    }

    static String child(String path, String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    static String index(String path, int i) {
        return path + "[" + i + "]";
    }

    static boolean looksLikeJson(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isWhitespace(c) && c != '\uFEFF') {
                return c == '{' || c == '[';
            }
        }
        return false;
    }

    /** Parses YAML, or JSON when the text starts with '{' or '['. */
    static LocatedTree parse(String text, String source, List<Problem> problems) {
        JsonFactory factory = looksLikeJson(text) ? new JsonFactory() : new YAMLFactory();
        Map<String, int[]> locations = new HashMap<>();
        try (JsonParser parser = factory.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                problems.add(new Problem(source, 1, 1, "", "the file is empty"));
                return null;
            }
            JsonNode root = read(parser, "", locations, source, problems);
            if (parser.nextToken() != null) {
                JsonLocation at = parser.currentTokenLocation();
                problems.add(new Problem(source, at.getLineNr(), at.getColumnNr(), "",
                        "unexpected content after the end of the document"));
            }
            return new LocatedTree(root, locations);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            problems.add(new Problem(source, at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr(), "",
                    "syntax error: " + e.getOriginalMessage().lines().findFirst().orElse("")));
            return null;
        } catch (IOException e) {
            problems.add(new Problem(source, 0, 0, "", "cannot read: " + e.getMessage()));
            return null;
        }
    }

    private static JsonNode read(JsonParser parser, String path, Map<String, int[]> locations, String source,
                                 List<Problem> problems) throws IOException {
        JsonLocation at = parser.currentTokenLocation();
        locations.putIfAbsent(path, new int[] {at.getLineNr(), at.getColumnNr()});
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT -> {
                ObjectNode object = NODES.objectNode();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    String childPath = child(path, name);
                    JsonLocation keyAt = parser.currentTokenLocation();
                    if (object.has(name)) {
                        problems.add(new Problem(source, keyAt.getLineNr(), keyAt.getColumnNr(), childPath,
                                "duplicate key '" + name + "'"));
                    }
                    locations.put(childPath, new int[] {keyAt.getLineNr(), keyAt.getColumnNr()});
                    parser.nextToken();
                    object.set(name, read(parser, childPath, locations, source, problems));
                }
                return object;
            }
            case START_ARRAY -> {
                ArrayNode array = NODES.arrayNode();
                int i = 0;
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    array.add(read(parser, index(path, i++), locations, source, problems));
                }
                return array;
            }
            case VALUE_STRING -> {
                return NODES.textNode(parser.getText());
            }
            case VALUE_NUMBER_INT -> {
                return NODES.numberNode(parser.getLongValue());
            }
            case VALUE_NUMBER_FLOAT -> {
                return NODES.numberNode(parser.getDoubleValue());
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return NODES.booleanNode(token == JsonToken.VALUE_TRUE);
            }
            case VALUE_NULL -> {
                return NODES.nullNode();
            }
            default -> {
                return NODES.textNode(parser.getText());
            }
        }
    }
}
