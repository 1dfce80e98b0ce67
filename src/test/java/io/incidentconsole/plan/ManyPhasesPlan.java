package io.incidentconsole.plan;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.IntFunction;

/** A valid plan far bigger than a coordination plan: one issue and N phases, "Stage 1" to "Stage N". */
public final class ManyPhasesPlan {

    private ManyPhasesPlan() {
    }

    /** Writes the plan to {@code dir}/plan-N.yaml; phase i (from 1) has the tasks {@code tasks} gives for i. */
    public static Path write(Path dir, int phases, IntFunction<List<String>> tasks) throws IOException {
        StringBuilder yaml = new StringBuilder("""
                plan:
                  title: Many phases
                  date: 2026-03-02
                  owner: Payments Team
                  status: Plan agreed
                  summary: A plan far bigger than a coordination plan.
                issues:
                  - id: "501"
                    title: Connection pool leak
                    priority: CRITICAL
                    severity: Critical
                phases:
                """);
        for (int i = 1; i <= phases; i++) {
            yaml.append("  - id: p").append(i).append("\n    number: \"").append(i).append("\"\n    name: Stage ")
                    .append(i).append("\n    issues: [\"501\"]\n    tasks: [").append(String.join(", ", tasks.apply(i)))
                    .append("]\n");
        }
        Path file = dir.resolve("plan-" + phases + ".yaml");
        Files.writeString(file, yaml);
        return file;
    }
}
