package io.incidentconsole.team;

import io.incidentconsole.incident.Incident;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static io.incidentconsole.team.TeamTestSupport.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A console ended by SIGTERM (as logging out, a shutdown or a plain {@code kill} end it) leaves the connected list
 * as it ends, not after the presence timeout (15 s): the others see who is really there.
 */
class ExitHookTest {

    @TempDir
    static Path dir;
    static EmbeddedPostgres server;
    static TeamIncidents ana;

    @BeforeAll
    static void start() {
        server = TeamTestSupport.startServer(dir.resolve("pg"), TeamTestSupport.freePort());
        TeamTestSupport.createDatabase(server, TeamTestSupport.DATABASE);
        ana = new TeamTestSupport(dir.resolve("home")).console(dir.resolve("ana-cache"), "console-ana")
                .connect(TeamTestSupport.address(server.getPort()));
    }

    @AfterAll
    static void stop() throws Exception {
        ana.close();
        server.close();
    }

    @Test
    void aConsoleEndedBySigtermLeavesTheConnectedListAtOnce() throws Exception {
        try (Incident incident = ana.start(TeamTestSupport.plan(), "small-plan.yaml", TeamTestSupport.planText(),
                "ana")) {
            TeamJournal journal = (TeamJournal) incident.journal();
            Process cleo = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), JoinedConsoleProcess.class.getName(),
                    String.valueOf(server.getPort()), dir.resolve("cleo-cache").toString(), incident.id(),
                    "console-cleo").redirectErrorStream(true).start();
            try {
                BufferedReader out = new BufferedReader(new InputStreamReader(cleo.getInputStream(),
                        StandardCharsets.UTF_8));
                String line;
                while ((line = out.readLine()) != null && !line.startsWith("joined ")) {
                    // the child's log lines, if any
                }
                assertThat(line).as("the other console joined").isEqualTo("joined " + incident.id());
                assertThat(eventually(Duration.ofSeconds(10), () -> operators(journal).contains("cleo"))).isTrue();

                cleo.destroy(); // SIGTERM
                assertThat(cleo.waitFor(20, TimeUnit.SECONDS)).isTrue();

                // Gone within a heartbeat or two, well before the 15 s presence timeout would drop a silent row.
                assertThat(eventually(Duration.ofSeconds(5), () -> !operators(journal).contains("cleo")))
                        .as("cleo left the list when her console ended").isTrue();
            } finally {
                cleo.destroyForcibly();
            }
        }
    }

    private static List<String> operators(TeamJournal journal) {
        return journal.connectedConsoles().stream().map(ConnectedConsole::operator).toList();
    }
}
