package io.incidentconsole.app;

import io.incidentconsole.cli.StartRequest;
import io.incidentconsole.settings.AppDirectories;
import io.incidentconsole.team.TeamDatabaseAddress;
import io.incidentconsole.team.TeamDatabaseException;
import io.incidentconsole.team.TeamIncidents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The team options travel to the console process as named JavaFX parameters. */
class TeamLaunchArgumentsTest {

    @Test
    void theTeamDatabaseAndIncidentBecomeNamedParameters() {
        StartRequest request = new StartRequest(null, null, List.of())
                .withTeam("postgresql://ana@db.example.org/incidents", "team-7");
        assertThat(Launcher.toArguments(request))
                .containsExactly("--incident-db=postgresql://ana@db.example.org/incidents", "--incident=team-7");
        assertThat(Launcher.toArguments(request.withTeam("postgresql://db/incidents", null)))
                .containsExactly("--incident-db=postgresql://db/incidents");
    }

    @Test
    void theProductionConnectorReachesForPostgresAndSaysWhenTheDatabaseIsDown(@TempDir Path home) throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        AppDirectories directories = new AppDirectories(home.resolve("data"), home.resolve("config"));
        TeamIncidents team = ConsoleApplication.productionTeamDatabase(directories, Clock.systemUTC())
                .connect(TeamDatabaseAddress.parse("postgresql://postgres@127.0.0.1:" + closedPort + "/incidents"));
        try (team) {
            assertThat(team.address().port()).isEqualTo(closedPort);
            assertThatThrownBy(team::list).isInstanceOf(TeamDatabaseException.class)
                    .hasMessageContaining("127.0.0.1:" + closedPort + "/incidents");
        }
    }
}
