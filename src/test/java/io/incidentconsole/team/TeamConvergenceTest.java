package io.incidentconsole.team;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** A short run of the load harness: ten consoles writing at once all end with the same events and state. */
class TeamConvergenceTest {

    @Test
    void tenConsolesAppendingFiftyEventsPerSecondForThreeSecondsConverge(@TempDir Path dir) throws Exception {
        int port = TeamTestSupport.freePort();
        try (EmbeddedPostgres server = TeamTestSupport.startServer(dir.resolve("pg"), port)) {
            TeamTestSupport.createDatabase(server, TeamTestSupport.DATABASE);

            TeamLoadHarness.Result result = TeamLoadHarness.run(dir, port, 10, 50, Duration.ofSeconds(3), true,
                    TeamLoadHarness.Arrivals.ALIGNED);

            assertThat(result.appended()).isEqualTo(1 + 10 * 50 * 3);
            assertThat(result.stored()).isEqualTo(result.appended());
            assertThat(result.noDuplicates()).isTrue();
            assertThat(result.converged()).as(result.report()).isTrue();
        }
    }
}
