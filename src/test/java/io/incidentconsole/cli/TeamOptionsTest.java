package io.incidentconsole.cli;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** `open PLAN --incident-db ADDRESS [--incident ID]` and the bare-PLAN form reach the console checked. */
class TeamOptionsTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final List<StartRequest> started = new ArrayList<>();

    private int run(String... args) {
        return Cli.run(request -> {
            started.add(request);
            return 0;
        }, new PrintWriter(out), new PrintWriter(err), args);
    }

    @Test
    void openJoinsASharedIncidentOrStartsOneFromThePlan() {
        assertThat(run("open", "plan.yaml", "--incident-db", "postgresql://ana@db.example.org:5433/incidents",
                "--incident", "team-7")).isZero();
        assertThat(run("plan.yaml", "--incident-db", "postgres://db.example.org/incidents")).isZero();
        assertThat(started).hasSize(2);
        assertThat(started.get(0).plan()).isEqualTo(Path.of("plan.yaml"));
        assertThat(started.get(0).teamDatabase()).isEqualTo("postgresql://ana@db.example.org:5433/incidents");
        assertThat(started.get(0).teamIncident()).isEqualTo("team-7");
        assertThat(started.get(1).teamDatabase()).as("normalised").isEqualTo("postgresql://db.example.org/incidents");
        assertThat(started.get(1).teamIncident()).isNull();
    }

    @Test
    void withoutTheOptionsTheIncidentIsLocal() {
        assertThat(run("open", "plan.yaml")).isZero();
        assertThat(started).singleElement().satisfies(r -> {
            assertThat(r.teamDatabase()).isNull();
            assertThat(r.teamIncident()).isNull();
        });
    }

    @Test
    void aPasswordInTheAddressIsRefusedBeforeTheConsoleOpensAndNotEchoed() {
        assertThat(run("open", "plan.yaml", "--incident-db", "postgresql://ana:s3cret@db/incidents")).isNotZero();
        assertThat(started).isEmpty();
        assertThat(err.toString()).contains("--incident-db: the address contains a password").doesNotContain("s3cret");
    }

    @Test
    void aBadAddressOrAnIncidentWithoutADatabaseIsRefusedWithTheReason() {
        assertThat(run("open", "plan.yaml", "--incident-db", "mysql://db/incidents")).isNotZero();
        assertThat(err.toString()).contains("--incident-db: the address must start with postgresql://");
        assertThat(run("open", "plan.yaml", "--incident", "team-7")).isNotZero();
        assertThat(err.toString()).contains("--incident: name the team database with --incident-db as well");
        assertThat(started).isEmpty();
    }
}
