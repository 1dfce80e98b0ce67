package io.incidentconsole.cli;

import io.incidentconsole.plan.PlanLoadResult;
import io.incidentconsole.plan.PlanLoader;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** A plan file read and validated for a command: the loaded plan, or every problem printed where it is. */
final class PlanFiles {

    private PlanFiles() {
    }

    /** Empty (after printing why on {@code err}: unreadable, or each problem as file:line:column) unless valid. */
    static Optional<Loaded> load(Path planFile, PrintWriter err) {
        String text;
        try {
            text = Files.readString(planFile, StandardCharsets.UTF_8);
        } catch (IOException e) {
            err.println(planFile + ": cannot read the plan: " + e.getMessage());
            return Optional.empty();
        }
        PlanLoadResult result = new PlanLoader().load(planFile.toString(), text);
        if (!result.ok()) {
            result.problems().forEach(err::println);
            return Optional.empty();
        }
        return Optional.of(new Loaded(result, text));
    }

    /** The valid plan and the text it was read from (a new incident keeps a copy). */
    record Loaded(PlanLoadResult result, String text) {
    }
}
