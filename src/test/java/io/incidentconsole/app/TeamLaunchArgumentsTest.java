package io.incidentconsole.app;

import io.incidentconsole.cli.StartRequest;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

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
    void theProductionConnectorSaysWhenTeamSupportIsMissingInsteadOfFailingOddly() {
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> ConsoleApplication.productionTeamDatabase()
                .connect(io.incidentconsole.team.TeamDatabaseAddress.parse("postgresql://db/incidents"))))
                .isInstanceOf(io.incidentconsole.team.TeamDatabaseException.class);
    }
}
