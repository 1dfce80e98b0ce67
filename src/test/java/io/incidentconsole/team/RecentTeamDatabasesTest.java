package io.incidentconsole.team;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class RecentTeamDatabasesTest {

    @TempDir
    Path dir;

    @Test
    void newestFirstWithoutDuplicatesUpToTheLimit() throws Exception {
        RecentTeamDatabases recent = new RecentTeamDatabases(dir.resolve("team-databases.txt"), 2);
        assertThat(recent.list()).isEmpty();
        recent.add(TeamDatabaseAddress.parse("postgresql://a/incidents"));
        recent.add(TeamDatabaseAddress.parse("postgres://ana@b:5433/incidents?sslmode=require"));
        assertThat(recent.add(TeamDatabaseAddress.parse("jdbc:postgresql://a:5432/incidents")))
                .containsExactly("postgresql://a/incidents", "postgresql://ana@b:5433/incidents?sslmode=require");
        recent.add(TeamDatabaseAddress.parse("postgresql://c/incidents"));
        assertThat(recent.list()).containsExactly("postgresql://c/incidents", "postgresql://a/incidents");
    }

    @Test
    void linesThatAreNotAddressesAreSkippedNotShown() throws Exception {
        Path file = dir.resolve("team-databases.txt");
        Files.writeString(file, "postgresql://ana:secret@db/incidents\nnot an address\n\npostgresql://db/incidents\n");
        assertThat(new RecentTeamDatabases(file, 8).list()).containsExactly("postgresql://db/incidents");
    }
}
