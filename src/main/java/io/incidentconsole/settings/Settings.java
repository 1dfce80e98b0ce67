package io.incidentconsole.settings;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/** Small user preferences (theme, operator name, ...) in a properties file. */
public final class Settings {

    private final Path file;
    private final Properties values = new Properties();

    public Settings(Path file) {
        this.file = file;
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            values.load(in);
        } catch (NoSuchFileException e) {
            // first start: no preferences yet
        } catch (IOException | IllegalArgumentException e) {
            // unreadable preferences fall back to defaults rather than stop the console
            values.clear();
        }
    }

    public Optional<String> get(String key) {
        return Optional.ofNullable(values.getProperty(key));
    }

    public void put(String key, String value) {
        values.setProperty(key, value);
        StringWriter text = new StringWriter();
        try {
            values.store(text, Product.NAME + " settings");
            AtomicFiles.write(file, text.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save settings to " + file, e);
        }
    }
}
