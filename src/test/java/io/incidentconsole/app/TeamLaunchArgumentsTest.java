package io.incidentconsole.app;

import io.incidentconsole.settings.AppDirectories;
import io.incidentconsole.team.TeamDatabaseAddress;
import io.incidentconsole.team.TeamDatabaseException;
import io.incidentconsole.team.TeamIncidents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The production team database connector the console uses for --incident-db and File → Join Team Incident…. */
class TeamLaunchArgumentsTest {

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
