package io.incidentconsole.cli;

import java.nio.file.Path;
import java.util.List;

/**
 * What the console should open: a plan file, or the bundled plan when {@code plan} is null.
 * {@code rawArgs} are the arguments as given, so the console can re-read them in its own process.
 */
public record StartRequest(Path plan, Path dataDir, List<String> rawArgs) {
    public StartRequest {
        rawArgs = List.copyOf(rawArgs);
    }
}
