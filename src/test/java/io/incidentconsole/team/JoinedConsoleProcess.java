package io.incidentconsole.team;

import io.incidentconsole.incident.Incident;

import java.nio.file.Path;

/**
 * A console in a process of its own, for {@link ExitHookTest}: joins the incident, says "joined" on standard output
 * and waits to be ended. Arguments: database port, cache folder, incident id, console id.
 */
public final class JoinedConsoleProcess {

    private JoinedConsoleProcess() {
    }

    public static void main(String[] args) throws Exception {
        TeamIncidents team = new TeamTestSupport(Path.of(args[1]).resolve("home")).console(Path.of(args[1]), args[3])
                .connect(TeamTestSupport.address(Integer.parseInt(args[0])));
        Incident incident = team.join(args[2], "cleo");
        System.out.println("joined " + incident.id());
        System.out.flush();
        // A separate process that holds its connection until the test kills it.
        Thread.sleep(Long.MAX_VALUE);
    }
}
