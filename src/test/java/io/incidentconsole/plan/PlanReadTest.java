package io.incidentconsole.plan;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class PlanReadTest {

    @TempDir
    Path dir;

    /** A valid plan of {@code phases} phases, each with one task. */
    private Path planOf(int phases) throws IOException {
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
                    .append(i).append("\n    issues: [\"501\"]\n    tasks: [Do step ").append(i).append("]\n");
        }
        Path file = dir.resolve("plan-" + phases + ".yaml");
        Files.writeString(file, yaml);
        return file;
    }

    @Test
    void aPlanOfAsManyPhasesAsTheConsoleOpensIsRead() throws IOException {
        PlanRead read = PlanRead.file(new PlanLoader(), planOf(PlanRead.CONSOLE_MAX_PHASES));

        assertThat(read.result().problems()).isEmpty();
        assertThat(read.result().plan().phases()).hasSize(1_000);
        assertThat(read.text()).contains("name: Stage 1000");
    }

    @Test
    void aBiggerPlanIsRefusedWithWhatToDoAndTheCliStillValidatesIt() throws IOException {
        Path file = planOf(PlanRead.CONSOLE_MAX_PHASES + 1);

        PlanRead read = PlanRead.file(new PlanLoader(), file);

        assertThat(read.result().ok()).isFalse();
        assertThat(read.text()).isNull();
        assertThat(read.result().problems()).singleElement().satisfies(problem -> {
            assertThat(problem.source()).isEqualTo(read.result().source());
            assertThat(problem.path()).isEqualTo("phases");
            assertThat(problem.message()).startsWith("1,001 of them; the console opens plans of up to 1,000 phases")
                    .contains("incident-console validate");
        });
        assertThat(new PlanLoader().load(file).ok()).as("the plan itself is valid").isTrue();
    }
}
