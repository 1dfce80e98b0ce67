package io.incidentconsole.plan;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A plan file parsed into a JSON tree, remembering where each element stood (line and column) so that
 * every later problem can point at the source. Jackson's own tree forgets locations, hence this parser.
 * YAML anchors, aliases and merge keys ({@code <<: *defaults}) are resolved here, with a cap on how much
 * an alias may expand so that a "billion laughs" file cannot exhaust memory.
 */
final class LocatedTree {

    /**
     * SnakeYAML refuses documents over 3 MB by default; plans imported from large Markdown documents can be
     * bigger. The loader reads no more than PlanLoader.MAX_BYTES.
     */
    private static final YAMLFactory YAML = YAMLFactory.builder()
            .loaderOptions(yamlLimits())
            .streamReadConstraints(limits())
            .build();
    private static final JsonFactory JSON = JsonFactory.builder().streamReadConstraints(limits()).build();

    private static LoaderOptions yamlLimits() {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit((int) PlanLoader.MAX_BYTES + 1);
        return options;
    }

    /**
     * No text in a plan is anywhere near a megabyte, and no number has 100 digits: refusing more gives a clear error
     * instead of minutes of work on a value no one wrote by hand.
     */
    private static StreamReadConstraints limits() {
        return StreamReadConstraints.builder().maxStringLength(1024 * 1024).maxNumberLength(100).build();
    }

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** How many nodes aliases may copy in one file; far above any real plan. */
    static final int ALIAS_EXPANSION_LIMIT = 100_000;
    private static final String MERGE_KEY = "<<";
    private static final Pattern JACKSON_SOURCE = Pattern.compile(
            "\\[Source: [^;\\]]*(?:\\([^)]*\\))?; line: (\\d+), column: (\\d+)]");

    final JsonNode root;
    /** The text parsed, kept to record the locations when a first one is asked for. */
    private final String body;
    private final boolean json;
    private Map<String, int[]> locations;

    private LocatedTree(JsonNode root, String body, boolean json, Map<String, int[]> locations) {
        this.root = root;
        this.body = body;
        this.json = json;
        this.locations = locations;
    }

    /** Line and column of the element at the path, or of its nearest ancestor that has one. */
    int[] locate(String path) {
        if (locations == null) {
            locations = recordLocations(body, json);
        }
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

    /**
     * Parses YAML, or JSON when the text starts with '{' or '['. Returns null when nothing usable was read.
     * Locations are needed only to report problems, and most plans have none: the text is read without them
     * first, and read again recording them when the reading itself finds a problem or when one is first asked for.
     */
    static LocatedTree parse(String text, String source, List<Problem> problems) {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        if (reportUnprintable(body, source, problems)) {
            return null;
        }
        int before = problems.size();
        try {
            return parse(body, source, problems, false);
        } catch (LocationsNeeded e) {
            problems.subList(before, problems.size()).clear();
            return parse(body, source, problems, true);
        }
    }

    /** The locations of every element, read again from text that parsed before; empty if it no longer does. */
    private static Map<String, int[]> recordLocations(String body, boolean json) {
        Reader reader = new Reader("", new ArrayList<>(), true);
        JsonParser parser = null;
        try {
            parser = (json ? JSON : YAML).createParser(body);
            if (parser.nextToken() != null) {
                reader.read(parser, "");
            }
        } catch (IOException | RuntimeException e) {
            // Positions then fall back to the start of the file; the problems themselves are still reported.
        } finally {
            closeQuietly(parser);
        }
        return reader.locations;
    }

    private static LocatedTree parse(String body, String source, List<Problem> problems, boolean recordLocations) {
        boolean json = looksLikeJson(body);
        JsonFactory factory = json ? JSON : YAML;
        Reader reader = new Reader(source, problems, recordLocations);
        JsonParser parser = null;
        try {
            parser = factory.createParser(body);
            JsonToken first = parser.nextToken();
            if (first == null) {
                problems.add(new Problem(source, 1, 1, "", "the file is empty (it has no content other than "
                        + "comments); a plan is a mapping with fields such as 'plan', 'issues' and 'phases'"));
                return null;
            }
            JsonNode root = reader.read(parser, "");
            if (parser.nextToken() != null) {
                JsonLocation at = parser.currentTokenLocation();
                problems.add(new Problem(source, at.getLineNr(), at.getColumnNr(), "",
                        json ? "unexpected content after the end of the JSON document"
                                : "a second YAML document ('---') follows; a plan file holds exactly one"));
            }
            return new LocatedTree(root, body, json, recordLocations ? reader.locations : null);
        } catch (StreamConstraintsException e) {
            JsonLocation at = parser == null ? null : parser.currentLocation();
            problems.add(new Problem(source, line(at), column(at), "", "the file is too large or too deeply "
                    + "nested to be a plan: " + cleanJacksonMessage(e.getOriginalMessage())));
            return null;
        } catch (JsonProcessingException e) {
            problems.add(syntaxProblem(source, e, json));
            return null;
        } catch (IOException e) {
            problems.add(new Problem(source, 0, 0, "", "cannot read the plan text: " + e.getMessage()));
            return null;
        } finally {
            closeQuietly(parser);
        }
    }

    private static void closeQuietly(JsonParser parser) {
        if (parser == null) {
            return;
        }
        try {
            parser.close();
        } catch (IOException | RuntimeException e) {
            // Nothing was written; a failed close of an in-memory parser loses nothing.
        }
    }

    private static int line(JsonLocation at) {
        return at == null ? 0 : Math.max(0, at.getLineNr());
    }

    private static int column(JsonLocation at) {
        return at == null ? 0 : Math.max(0, at.getColumnNr());
    }

    /**
     * Neither YAML nor JSON may contain control characters other than tab and line breaks; both parsers
     * would say so without a usable position, so the first one is reported here with its line and column.
     */
    /**
     * The longest line a plan may have. The YAML parser's time grows with a scalar's length (about a second per
     * megabyte): refusing an absurd line first keeps every plan quick to check, with a clear message.
     */
    static final int MAX_LINE = 256 * 1024;

    private static boolean reportUnprintable(String text, String source, List<Problem> problems) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            if (c == '\n') {
                line++;
                column = 1;
            } else if (column > MAX_LINE) {
                problems.add(new Problem(source, line, 1, "", "line " + line + " is longer than " + MAX_LINE / 1024
                        + " KB; no line of a plan is anywhere near that long (is this the right file?)"));
                return true;
            } else if (!printable(c)) {
                problems.add(new Problem(source, line, column, "", String.format("the file contains the "
                        + "unprintable character U+%04X; a plan file must be plain text (is it a binary file, "
                        + "or was it saved in the wrong encoding?)", c)));
                return true;
            } else if (!(c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n')) {
                column = c == '\r' ? 1 : column + 1;
                line += c == '\r' ? 1 : 0;
            }
            i += Character.charCount(c);
        }
        return false;
    }

    /** YAML 1.1's printable set, which JSON text also stays within. */
    private static boolean printable(int c) {
        return c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0x7E) || c == 0x85
                || (c >= 0xA0 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
    }

    private static Problem syntaxProblem(String source, JsonProcessingException e, boolean json) {
        MarkedYAMLException yaml = e.getCause() instanceof MarkedYAMLException m ? m : null;
        if (yaml != null && yaml.getProblemMark() != null) {
            Mark at = yaml.getProblemMark();
            return new Problem(source, at.getLine() + 1, at.getColumn() + 1, "",
                    "YAML syntax error: " + yamlMessage(yaml.getProblem(), yaml.getContext(), yaml.getContextMark()));
        }
        JsonLocation at = e.getLocation();
        String original = e.getOriginalMessage() == null ? "cannot parse this" : e.getOriginalMessage();
        String first = original.lines().findFirst().orElse("cannot parse this");
        if (first.startsWith("Expected a field name")) {
            first = "a key must be plain text, not a list or a mapping";
        } else if (first.contains("exceeds the limit")) {
            first = "the file is too large to be a plan (" + first.replaceAll("^.*limit: *", "at most ") + ")";
        }
        return new Problem(source, line(at), column(at), "",
                (json ? "JSON" : "YAML") + " syntax error: " + cleanJacksonMessage(first));
    }

    /** SnakeYAML's problem and context, in the words of someone editing the file. */
    static String yamlMessage(String problem, String context, Mark contextAt) {
        String what = problem == null ? "cannot parse this" : problem;
        String where = contextAt == null ? "" : " that starts at line " + (contextAt.getLine() + 1) + ", column "
                + (contextAt.getColumn() + 1);
        String in = context == null ? "" : context;
        if (what.contains("Do not use \\t(TAB) for indentation") || what.contains("'\\t(TAB)'")) {
            return "a tab is used for indentation; YAML allows only spaces";
        }
        if (what.startsWith("found character") && what.contains("that cannot start any token")) {
            int quote = what.indexOf('\'');
            String character = quote >= 0 ? what.substring(quote, what.indexOf('\'', quote + 1) + 1) : "this character";
            return character + " cannot start a value; put the value in quotes";
        }
        if (what.startsWith("expected <block end>")) {
            return "bad indentation: this line does not line up with the lines above it"
                    + (in.isEmpty() ? "" : " (" + structure(in) + where + ")");
        }
        if (what.contains("mapping values are not allowed here")) {
            return "unexpected ':' here; put a value that contains ': ' in quotes, or check the indentation";
        }
        if (in.contains("quoted scalar") && what.contains("end of stream")) {
            return "the quoted text" + where + " is never closed";
        }
        String words = what.replace("<stream end>", "the end of the file")
                .replace("<block end>", "the end of an indented block")
                .replace("<block mapping start>", "the start of an indented mapping")
                .replace("<block sequence start>", "the start of an indented list")
                .replace("<scalar>", "a value");
        return in.isEmpty() || in.contains("scanning for the next token") ? words
                : words + " (" + structure(in) + where + ")";
    }

    private static String structure(String context) {
        if (context.contains("flow sequence")) {
            return "in the [...] list";
        }
        if (context.contains("flow mapping")) {
            return "in the {...} mapping";
        }
        if (context.contains("block mapping")) {
            return "in the mapping";
        }
        if (context.contains("block collection") || context.contains("block sequence")) {
            return "in the list";
        }
        return context;
    }

    /** Jackson's messages embed "[Source: REDACTED (...); line: 1, column: 7]"; keep only the position. */
    static String cleanJacksonMessage(String message) {
        String text = message == null ? "" : message;
        return JACKSON_SOURCE.matcher(text).replaceAll("line $1, column $2")
                .replaceAll(", from `StreamReadConstraints[^`]*`", "");
    }

    /**
     * Reads tokens into nodes, resolving YAML aliases and merge keys, and recording locations if asked to. Without
     * locations, paths are not built either ({@code null}), and a problem stops the reading ({@link LocationsNeeded}).
     */
    private static final class Reader {
        private final String source;
        private final List<Problem> problems;
        private final boolean record;
        private final Map<String, int[]> locations = new HashMap<>();
        private final Map<String, JsonNode> anchors = new HashMap<>();
        private int aliasBudget = ALIAS_EXPANSION_LIMIT;

        Reader(String source, List<Problem> problems, boolean record) {
            this.source = source;
            this.problems = problems;
            this.record = record;
        }

        private void report(JsonLocation at, String path, String message) {
            if (!record) {
                throw new LocationsNeeded();
            }
            problems.add(new Problem(source, line(at), column(at), path, message));
        }

        JsonNode read(JsonParser parser, String path) throws IOException {
            JsonLocation at = record ? parser.currentTokenLocation() : null;
            if (record) {
                locations.putIfAbsent(path, new int[] {line(at), column(at)});
            }
            JsonToken token = parser.currentToken();
            if (token == null) {
                throw new JsonParseEnd(parser);
            }
            if (parser instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
                return resolveAlias(parser.getText(), at, path);
            }
            // Jackson reports anchors of lists and mappings only; those are what plans repeat.
            String anchor = parser instanceof YAMLParser yaml ? yaml.getObjectId() : null;
            JsonNode node = switch (token) {
                case START_OBJECT -> readObject(parser, path);
                case START_ARRAY -> readArray(parser, path);
                case VALUE_STRING -> NODES.textNode(parser.getText());
                case VALUE_NUMBER_INT -> integer(parser);
                case VALUE_NUMBER_FLOAT -> decimal(parser);
                case VALUE_TRUE, VALUE_FALSE -> NODES.booleanNode(token == JsonToken.VALUE_TRUE);
                case VALUE_NULL -> NODES.nullNode();
                default -> parser.getText() == null ? NODES.nullNode() : NODES.textNode(parser.getText());
            };
            if (anchor != null) {
                anchors.put(anchor, node);
            }
            return node;
        }

        private JsonNode readObject(JsonParser parser, String path) throws IOException {
            ObjectNode object = NODES.objectNode();
            List<JsonNode> merged = new ArrayList<>();
            JsonToken token;
            while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                String childPath = record ? child(path, name) : null;
                JsonLocation keyAt = record ? parser.currentTokenLocation() : null;
                if (parser.nextToken() == null) {
                    throw new JsonParseEnd(parser);
                }
                if (MERGE_KEY.equals(name) && parser instanceof YAMLParser) {
                    merged.add(read(parser, path));
                    continue;
                }
                if (object.has(name)) {
                    report(keyAt, childPath, "duplicate key '" + name + "': it is already given at line "
                            + (record ? locate(childPath)[0] : 0) + "; a mapping can have each key only once");
                } else if (record) {
                    locations.put(childPath, new int[] {line(keyAt), column(keyAt)});
                }
                object.set(name, read(parser, childPath));
            }
            if (token != JsonToken.END_OBJECT) {
                throw new JsonParseEnd(parser);
            }
            for (JsonNode source : merged) {
                mergeInto(object, source, path);
            }
            return object;
        }

        /** YAML merge keys: keys written in the mapping itself win over merged ones. */
        private void mergeInto(ObjectNode object, JsonNode source, String path) {
            if (source.isArray()) {
                source.forEach(each -> mergeInto(object, each, path));
                return;
            }
            if (!source.isObject()) {
                if (!record) {
                    throw new LocationsNeeded();
                }
                int[] at = locate(path);
                problems.add(new Problem(LocatedTree.Reader.this.source, at[0], at[1], path,
                        "a YAML merge key ('<<') must refer to a mapping, found " + StructureChecker.describe(source)));
                return;
            }
            for (Map.Entry<String, JsonNode> field : source.properties()) {
                if (!object.has(field.getKey())) {
                    object.set(field.getKey(), field.getValue().deepCopy());
                }
            }
        }

        private JsonNode readArray(JsonParser parser, String path) throws IOException {
            ArrayNode array = NODES.arrayNode();
            int i = 0;
            JsonToken token;
            while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
                if (token == null) {
                    throw new JsonParseEnd(parser);
                }
                array.add(read(parser, record ? index(path, i) : null));
                i++;
            }
            return array;
        }

        /** Integers of any size; what cannot be read as a number stays text for the checker to judge. */
        private static JsonNode integer(JsonParser parser) throws IOException {
            try {
                return switch (parser.getNumberType()) {
                    case INT, LONG -> NODES.numberNode(parser.getLongValue());
                    default -> NODES.numberNode(parser.getBigIntegerValue());
                };
            } catch (JsonProcessingException | NumberFormatException e) {
                return NODES.textNode(parser.getText());
            }
        }

        private static JsonNode decimal(JsonParser parser) throws IOException {
            try {
                return NODES.numberNode(parser.getDoubleValue());
            } catch (JsonProcessingException | NumberFormatException e) {
                return NODES.textNode(parser.getText());
            }
        }

        private int[] locate(String path) {
            int[] at = locations.get(path);
            return at == null ? new int[] {0, 0} : at;
        }

        private JsonNode resolveAlias(String name, JsonLocation at, String path) {
            JsonNode anchored = anchors.get(name);
            if (anchored == null) {
                report(at, path, "the YAML alias '*" + name + "' refers to no list or mapping anchored '&"
                        + name + "' before it (aliases of single values are not supported; write the value out)");
                return NODES.nullNode();
            }
            int size = size(anchored);
            if (size > aliasBudget) {
                report(at, path, "YAML aliases expand to more than " + ALIAS_EXPANSION_LIMIT
                        + " values; write the plan out without nested aliases");
                aliasBudget = 0;
                return NODES.nullNode();
            }
            aliasBudget -= size;
            return anchored.deepCopy();
        }

        private static int size(JsonNode node) {
            int count = 1;
            for (JsonNode child : node) {
                count += size(child);
            }
            return count;
        }
    }

    /** Reading without locations met a problem to report: read again, recording them. */
    private static final class LocationsNeeded extends RuntimeException {
        private static final long serialVersionUID = 1L;

        LocationsNeeded() {
            super(null, null, false, false);
        }
    }

    /** The text ended inside a mapping or list; parsers normally say so themselves, this is the fallback. */
    private static final class JsonParseEnd extends JsonProcessingException {
        private static final long serialVersionUID = 1L;

        JsonParseEnd(JsonParser parser) {
            super("the file ends in the middle of a mapping or list", parser.currentLocation());
        }
    }
}
