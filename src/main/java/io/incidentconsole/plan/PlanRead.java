package io.incidentconsole.plan;

import io.incidentconsole.input.BoundedRead;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * A plan as opening it reads it: the loader's result and, when it is good, the exact text (a new incident keeps a
 * copy of it). One place for how the bundled plan and a plan file are read, so that the console can read its first
 * plan ahead, before its views exist, exactly as it would read it later.
 */
public record PlanRead(PlanLoadResult result, String text) {

    /**
     * The most phases a plan the console opens may have. Measured (docs/performance.md, round 3): a plan of 1,001
     * phases opened in 20 s at 0.7 GB resident, one of 2,471 ran the console out of memory on the FX thread while it
     * built its views. Real coordination plans have a handful; the CLI reads bigger ones.
     */
    public static final int CONSOLE_MAX_PHASES = 1_000;

    /** The bundled plan; its text is read once and loaded from that text. */
    public static PlanRead bundled(PlanLoader loader) {
        String text = loader.bundledSeedText();
        return new PlanRead(loader.load(PlanLoader.BUNDLED_SEED_SOURCE, text), text);
    }

    /** A plan file; the text only when the plan is good (it is then known to be UTF-8 within the size cap). */
    public static PlanRead file(PlanLoader loader, Path file) throws IOException {
        PlanLoadResult result = withinConsoleLimits(loader.load(file));
        return new PlanRead(result, result.ok()
                ? new String(BoundedRead.read(file, PlanLoader.MAX_BYTES, "a plan file"), StandardCharsets.UTF_8)
                : null);
    }

    /**
     * The result, or a refusal when the plan is bigger than the console can show (the CLI still reads it): for plan
     * files here, for Markdown imports by the console's view model.
     */
    public static PlanLoadResult withinConsoleLimits(PlanLoadResult result) {
        if (!result.ok() || result.plan().phases().size() <= CONSOLE_MAX_PHASES) {
            return result;
        }
        String message = String.format(Locale.ROOT, "%,d of them; the console opens plans of up to %,d phases (a bigger"
                + " one runs it out of memory); `incident-console validate` reads it, and the plan split per issue or per"
                + " stage opens here", result.plan().phases().size(), CONSOLE_MAX_PHASES);
        return new PlanLoadResult(result.source(), null, List.of(new Problem(result.source(), 0, 0, "phases", message)));
    }
}
