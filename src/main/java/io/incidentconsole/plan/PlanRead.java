package io.incidentconsole.plan;

import io.incidentconsole.input.BoundedRead;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A plan as opening it reads it: the loader's result and, when it is good, the exact text (a new incident keeps a
 * copy of it). One place for how the bundled plan and a plan file are read, so that the console can read its first
 * plan ahead, before its views exist, exactly as it would read it later.
 */
public record PlanRead(PlanLoadResult result, String text) {

    /** The bundled plan; its text is read once and loaded from that text. */
    public static PlanRead bundled(PlanLoader loader) {
        String text = loader.bundledSeedText();
        return new PlanRead(loader.load(PlanLoader.BUNDLED_SEED_SOURCE, text), text);
    }

    /** A plan file; the text only when the plan is good (it is then known to be UTF-8 within the size cap). */
    public static PlanRead file(PlanLoader loader, Path file) throws IOException {
        PlanLoadResult result = loader.load(file);
        return new PlanRead(result, result.ok()
                ? new String(BoundedRead.read(file, PlanLoader.MAX_BYTES, "a plan file"), StandardCharsets.UTF_8)
                : null);
    }
}
