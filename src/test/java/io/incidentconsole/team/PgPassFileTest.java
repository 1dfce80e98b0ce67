package io.incidentconsole.team;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class PgPassFileTest {

    private static final TeamDatabaseAddress DB = TeamDatabaseAddress.parse("postgresql://db.example.org/incidents");

    @Test
    void firstMatchingLineWinsAndStarMatchesAnything() {
        PgPassFile file = PgPassFile.parse("""
                # host:port:database:user:password
                other.example.org:5432:incidents:ana:not-this
                db.example.org:5432:incidents:ana:s3cret
                *:*:*:ana:too-late
                *:*:*:*:fallback
                """);

        assertThat(file.password("db.example.org", "5432", "incidents", "ana")).contains("s3cret");
        assertThat(file.password("db.example.org", "6432", "incidents", "ana")).contains("too-late");
        assertThat(file.password("db.example.org", "6432", "incidents", "ben")).contains("fallback");
    }

    @Test
    void backslashEscapesColonAndBackslashInEveryField() {
        PgPassFile file = PgPassFile.parse("fe80\\:\\:1:5432:my\\\\db:ana:pa\\:ss\\\\word\n");

        assertThat(file.password("fe80::1", "5432", "my\\db", "ana")).contains("pa:ss\\word");
    }

    @Test
    void anEscapedStarIsALiteralStarNotAWildcard() {
        PgPassFile file = PgPassFile.parse("\\*:5432:incidents:ana:literal\n");

        assertThat(file.password("db.example.org", "5432", "incidents", "ana")).isEmpty();
        assertThat(file.password("*", "5432", "incidents", "ana")).contains("literal");
    }

    @Test
    void shortLinesCommentsAndBlankLinesAreSkippedAndCrLfIsRead() {
        PgPassFile file = PgPassFile.parse("db.example.org:5432:incidents\r\n\r\n#*:*:*:*:commented\r\n"
                + "*:*:*:*:pw\r\n");

        assertThat(file.entries()).hasSize(1);
        assertThat(file.password("h", "1", "d", "u")).contains("pw");
    }

    @Test
    void aFurtherUnescapedColonEndsThePasswordAsInLibpq() {
        assertThat(PgPassFile.parse("*:*:*:*:abc:def\n").password("h", "1", "d", "u")).contains("abc");
    }

    @Property
    void anyValueEscapedReadsBackAsItself(@ForAll @StringLength(max = 20) @Chars({':', '\\', '*', '#', ' '})
                                          @CharRange(from = 'a', to = 'z') String host,
                                          @ForAll @StringLength(min = 1, max = 20) @Chars({':', '\\', '*'})
                                          @CharRange(from = '!', to = '~') String password) {
        String line = PgPassFile.escape(host.isEmpty() ? "h" : host) + ":5432:"
                + PgPassFile.escape("db") + ":" + PgPassFile.escape("ana") + ":" + PgPassFile.escape(password);
        String lookupHost = host.isEmpty() ? "h" : host;
        if (lookupHost.startsWith("#")) {
            lookupHost = "x" + lookupHost; // a line starting with '#' is a comment: keep the property about escaping
            line = PgPassFile.escape(lookupHost) + line.substring(line.indexOf(":5432:"));
        }

        assertThat(PgPassFile.parse(line + "\n").password(lookupHost, "5432", "db", "ana")).contains(password);
    }

    @Test
    void passwordComesFromPgpasswordBeforeTheFile(@TempDir Path home) throws IOException {
        writePgpass(home.resolve(".pgpass"), "*:*:*:*:from-file", "rw-------");
        PgCredentials credentials = new PgCredentials(Map.of("PGPASSWORD", "from-env"), home, "ana", w -> { });

        assertThat(credentials.password(DB, "ana")).contains("from-env");
    }

    @Test
    void userComesFromTheAddressThenPguserThenTheOsUser(@TempDir Path home) {
        TeamDatabaseAddress withUser = TeamDatabaseAddress.parse("postgresql://oncall@db.example.org/incidents");

        assertThat(new PgCredentials(Map.of("PGUSER", "env-user"), home, "os-user", w -> { }).user(withUser))
                .isEqualTo("oncall");
        assertThat(new PgCredentials(Map.of("PGUSER", "env-user"), home, "os-user", w -> { }).user(DB))
                .isEqualTo("env-user");
        assertThat(new PgCredentials(Map.of(), home, "os-user", w -> { }).user(DB)).isEqualTo("os-user");
    }

    @Test
    void theFileIsLookedForInHomeBeforeTheAccountsHomeDirectory(@TempDir Path dir) throws IOException {
        Path account = Files.createDirectories(dir.resolve("account"));
        Path home = Files.createDirectories(dir.resolve("home"));
        writePgpass(account.resolve(".pgpass"), "*:*:*:*:from-account", "rw-------");
        writePgpass(home.resolve(".pgpass"), "*:*:*:*:from-home", "rw-------");

        PgCredentials withHome = new PgCredentials(Map.of("HOME", home.toString()), account, "ana", w -> { });
        assertThat(withHome.passwordFile()).isEqualTo(home.resolve(".pgpass"));
        assertThat(withHome.password(DB, "ana")).contains("from-home");
        // Unset or empty HOME: the account's home directory, as libpq falls back to it.
        assertThat(new PgCredentials(Map.of(), account, "ana", w -> { }).password(DB, "ana")).contains("from-account");
        assertThat(new PgCredentials(Map.of("HOME", ""), account, "ana", w -> { }).password(DB, "ana"))
                .contains("from-account");
        // PGPASSFILE wins over both.
        Path named = dir.resolve("named.pgpass");
        writePgpass(named, "*:*:*:*:from-pgpassfile", "rw-------");
        assertThat(new PgCredentials(Map.of("HOME", home.toString(), "PGPASSFILE", named.toString()), account, "ana",
                w -> { }).password(DB, "ana")).contains("from-pgpassfile");
    }

    @Test
    void pgpassfileNamesTheFileAndItsLineIsMatchedOnHostPortDatabaseUser(@TempDir Path home) throws IOException {
        Path file = home.resolve("team.pgpass");
        writePgpass(file, "db.example.org:5432:incidents:ana:s3cret", "rw-------");
        PgCredentials credentials = new PgCredentials(Map.of("PGPASSFILE", file.toString()), home, "ana", w -> { });

        assertThat(credentials.password(DB, "ana")).contains("s3cret");
        assertThat(credentials.password(DB, "ben")).isEmpty();
    }

    @Test
    void aPasswordFileOthersCanReadIsIgnoredWithAWarningThatHoldsNoSecret(@TempDir Path home) throws IOException {
        writePgpass(home.resolve(".pgpass"), "*:*:*:*:s3cret", "rw-r--r--");
        List<String> warnings = new ArrayList<>();
        PgCredentials credentials = new PgCredentials(Map.of(), home, "ana", warnings::add);

        assertThat(credentials.password(DB, "ana")).isEmpty();
        assertThat(warnings).singleElement().asString().contains("group or world access").contains("chmod 0600")
                .doesNotContain("s3cret");
    }

    @Test
    void theDriverAlwaysGetsAPasswordPropertySoItNeverReadsTheFileItself(@TempDir Path home) throws IOException {
        writePgpass(home.resolve(".pgpass"), "*:*:*:*:s3cret", "rw-rw----");
        PgCredentials credentials = new PgCredentials(Map.of(), home, "ana", w -> { });

        var properties = credentials.connectionProperties(DB, 5, 15);

        assertThat(properties.getProperty("password")).isEmpty();
        assertThat(properties.getProperty("user")).isEqualTo("ana");
        assertThat(properties.getProperty("sslmode")).isEqualTo("prefer");
        assertThat(credentials.connectionProperties(
                TeamDatabaseAddress.parse("postgresql://db.example.org/incidents?sslmode=require"), 5, 15)
                .getProperty("sslmode")).isNull();
        assertThat(Optional.ofNullable(DB.jdbcUrl())).get().asString().doesNotContain("password");
    }

    private static void writePgpass(Path file, String line, String permissions) throws IOException {
        Files.writeString(file, line + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));
    }
}
