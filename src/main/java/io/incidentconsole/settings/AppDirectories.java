package io.incidentconsole.settings;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the console keeps its files, following the XDG base directory convention:
 * data (incidents) under $XDG_DATA_HOME/incident-console, settings under $XDG_CONFIG_HOME/incident-console.
 */
public record AppDirectories(Path data, Path config) {

    public static final String APP = "incident-console";

    /** From the environment; {@code dataOverride} (the --data-dir option) wins when given. */
    public static AppDirectories fromEnvironment(Map<String, String> env, Path home, Path dataOverride) {
        Path data = dataOverride != null ? dataOverride
                : base(env.get("XDG_DATA_HOME"), home.resolve(".local/share")).resolve(APP);
        Path config = base(env.get("XDG_CONFIG_HOME"), home.resolve(".config")).resolve(APP);
        return new AppDirectories(data, config);
    }

    public static AppDirectories forCurrentUser(Path dataOverride) {
        return fromEnvironment(System.getenv(), Path.of(System.getProperty("user.home")), dataOverride);
    }

    private static Path base(String value, Path fallback) {
        // The XDG spec says relative values are invalid and must be ignored.
        return value != null && !value.isBlank() && Path.of(value).isAbsolute() ? Path.of(value) : fallback;
    }
}
