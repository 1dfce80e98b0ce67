package io.incidentconsole.team;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A server that asks user 'ana' for a password (scram-sha-256): where the console finds it, and what it says. */
class CredentialsIntegrationTest {

    private static final String PASSWORD = "s3cret-for-ana";

    @TempDir
    static Path dir;
    static EmbeddedPostgres server;
    static TeamDatabaseAddress address;

    @BeforeAll
    static void start() throws Exception {
        server = EmbeddedPostgres.builder().setDataDirectory(dir.resolve("pg")).setPort(TeamTestSupport.freePort())
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("password_encryption", "scram-sha-256")
                .setDataDirectoryCustomizer(data -> {
                    try {
                        Files.writeString(data.toPath().resolve("pg_hba.conf"), """
                                host all ana 127.0.0.1/32 scram-sha-256
                                host all ana ::1/128 scram-sha-256
                                host all all 127.0.0.1/32 trust
                                host all all ::1/128 trust
                                local all all trust
                                """);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                })
                .start();
        try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE ROLE ana LOGIN PASSWORD '" + PASSWORD + "'");
            s.execute("CREATE DATABASE incidents OWNER ana");
        }
        address = TeamDatabaseAddress.parse("postgresql://ana@localhost:" + server.getPort() + "/incidents");
    }

    @AfterAll
    static void stop() throws IOException {
        server.close();
    }

    private static TeamIncidents connect(Map<String, String> environment, Path home, List<String> warnings) {
        PgCredentials credentials = new PgCredentials(environment, home, "os-user", warnings::add);
        return new PostgresTeamDatabase(dir.resolve("cache-" + UUID.randomUUID()), Clock.systemUTC(), "c", "h",
                credentials, TeamTestSupport.FAST, () -> UUID.randomUUID().toString()).connect(address);
    }

    private static Path home(String pgpassLine, String permissions) throws IOException {
        Path home = Files.createTempDirectory(dir, "home");
        if (pgpassLine != null) {
            Path file = home.resolve(".pgpass");
            Files.writeString(file, pgpassLine + "\n");
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));
        }
        return home;
    }

    @Test
    void thePasswordFromPgpasswordLetsTheConsoleIn() throws IOException {
        TeamIncidents team = connect(Map.of("PGPASSWORD", PASSWORD), home(null, null), new ArrayList<>());

        assertThat(team.list()).isEmpty();
    }

    @Test
    void thePasswordFromAPrivatePgpassLineLetsTheConsoleIn() throws IOException {
        TeamIncidents team = connect(Map.of(), home("localhost:" + server.getPort() + ":incidents:ana:"
                + PgPassFile.escape(PASSWORD), "rw-------"), new ArrayList<>());

        assertThat(team.list()).isEmpty();
    }

    @Test
    void aPgpassInHomeLetsTheConsoleInWhateverTheAccountsHomeDirectoryHolds() throws IOException {
        // As psql: HOME names the directory, even when the account's home directory (here: empty) is elsewhere.
        Path home = home("localhost:" + server.getPort() + ":incidents:ana:" + PgPassFile.escape(PASSWORD),
                "rw-------");
        TeamIncidents team = connect(Map.of("HOME", home.toString()), home(null, null), new ArrayList<>());

        assertThat(team.list()).isEmpty();
    }

    @Test
    void aPasswordFileNamedByPgpassfileLetsTheConsoleIn() throws IOException {
        Path file = Files.createTempFile(dir, "team", ".pgpass");
        Files.writeString(file, "*:*:incidents:ana:" + PgPassFile.escape(PASSWORD) + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        TeamIncidents team = connect(Map.of("PGPASSFILE", file.toString(), "HOME", home(null, null).toString()),
                home(null, null), new ArrayList<>());

        assertThat(team.list()).isEmpty();
    }

    @Test
    void aWrongPasswordIsRefusedWithAMessageThatNamesTheUserButNotThePassword() throws IOException {
        String wrong = "not-the-password-123";
        Path home = home(null, null);

        assertThatThrownBy(() -> connect(Map.of("PGPASSWORD", wrong), home, new ArrayList<>()))
                .isInstanceOf(TeamDatabaseException.class)
                .hasMessage("the database " + address.label() + " refused user 'ana': password authentication "
                        + "failed — check PGPASSWORD or " + home.resolve(".pgpass"))
                .satisfies(e -> assertThat(stackText(e)).doesNotContain(wrong).doesNotContain(PASSWORD));
    }

    @Test
    void aPgpassOthersCanReadIsIgnoredSoTheServerSaysNoPasswordWasFound() throws IOException {
        List<String> warnings = new ArrayList<>();
        Path home = home("*:*:*:ana:" + PASSWORD, "rw-r--r--");

        assertThatThrownBy(() -> connect(Map.of(), home, warnings))
                .isInstanceOf(TeamDatabaseException.class)
                .hasMessageStartingWith("the database " + address.label() + " refused user 'ana': it needs a password "
                        + "and none was found")
                .satisfies(e -> assertThat(stackText(e)).doesNotContain(PASSWORD));
        assertThat(warnings).singleElement().asString().contains("group or world access").doesNotContain(PASSWORD);
    }

    private static String stackText(Throwable e) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            text.append(t).append('\n');
        }
        return text.toString();
    }
}
