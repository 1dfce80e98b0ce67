package io.incidentconsole.incident;

import java.nio.file.Path;
import java.util.Map;

/** Where the console keeps its data and settings by default, following the XDG base directory rules. */
public final class ConsoleDirectories {

    public static final String APP = "incident-console";

    private ConsoleDirectories() {
    }

    /** $XDG_DATA_HOME/incident-console, or ~/.local/share/incident-console. */
    public static Path dataDir(Map<String, String> env, Path home) {
        return base(env.get("XDG_DATA_HOME"), home.resolve(".local").resolve("share")).resolve(APP);
    }

    /** $XDG_CONFIG_HOME/incident-console, or ~/.config/incident-console. */
    public static Path configDir(Map<String, String> env, Path home) {
        return base(env.get("XDG_CONFIG_HOME"), home.resolve(".config")).resolve(APP);
    }

    /** The data directory of this process's user and environment. */
    public static Path defaultDataDir() {
        return dataDir(System.getenv(), Path.of(System.getProperty("user.home")));
    }

    public static Path defaultConfigDir() {
        return configDir(System.getenv(), Path.of(System.getProperty("user.home")));
    }

    private static Path base(String value, Path fallback) {
        // The XDG spec says a relative path is invalid and must be ignored.
        if (value == null || value.isBlank() || !Path.of(value).isAbsolute()) {
            return fallback;
        }
        return Path.of(value);
    }
}
