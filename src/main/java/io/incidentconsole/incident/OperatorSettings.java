package io.incidentconsole.incident;

import io.incidentconsole.settings.AppDirectories;
import io.incidentconsole.settings.AtomicFiles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The settings file (settings.json in the config directory): the operator name asked once and remembered.
 * Other fields in the file are kept when the name is written.
 */
public final class OperatorSettings {

    /** The file's name in the config directory. */
    public static final String FILE = "operator.json";

    private final Path file;
    private final ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public OperatorSettings(Path file) {
        this.file = file;
    }

    /** settings.json in the default config directory. */
    public static OperatorSettings inDefaultLocation() {
        return new OperatorSettings(AppDirectories.forCurrentUser(null).config().resolve(FILE));
    }

    public Path file() {
        return file;
    }

    /** The remembered operator name; empty when none is remembered or the file cannot be read. */
    public Optional<String> operator() {
        JsonNode name = read().get("operator");
        return name != null && name.isTextual() && !name.asText().isBlank() ? Optional.of(name.asText())
                : Optional.empty();
    }

    public void rememberOperator(String operator) {
        if (operator == null || operator.isBlank()) {
            throw new IllegalArgumentException("an operator name is required");
        }
        ObjectNode settings = read();
        settings.put("operator", operator.strip());
        try {
            AtomicFiles.write(file, mapper.writeValueAsBytes(settings));
        } catch (IOException e) {
            throw new IncidentException("cannot save the operator name to " + file + ": " + e.getMessage(), e);
        }
    }

    private ObjectNode read() {
        if (!Files.isRegularFile(file)) {
            return mapper.createObjectNode();
        }
        try {
            JsonNode tree = mapper.readTree(file.toFile());
            return tree instanceof ObjectNode object ? object : mapper.createObjectNode();
        } catch (IOException e) {
            // A damaged settings file only costs asking for the name again.
            return mapper.createObjectNode();
        }
    }
}
