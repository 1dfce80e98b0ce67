package io.incidentconsole.plan;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PlanReadTest {

    @TempDir
    Path dir;

    /** A valid plan of {@code phases} phases, each with one task. */
    private Path planOf(int phases) throws IOException {
        return ManyPhasesPlan.write(dir, phases, i -> List.of("Do step " + i));
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
