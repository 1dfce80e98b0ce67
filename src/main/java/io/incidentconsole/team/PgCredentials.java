package io.incidentconsole.team;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Credentials for a team database from the standard PostgreSQL places, as libpq finds them: the user from the
 * address, else PGUSER, else the operating-system user; the password from PGPASSWORD, else from the password file
 * (PGPASSFILE, else .pgpass in $HOME, else in the account's home directory, as libpq does), which is ignored with a
 * warning when group or others may read it.
 * <p>
 * pgjdbc 42.7.14 reads PGPASSFILE and ~/.pgpass by itself but without the permission check and without PGUSER or
 * PGPASSWORD; so this class resolves both and always hands the driver a password property (empty when none was
 * found), which keeps the driver from reading the file on its own. Passwords never leave the returned properties.
 */
final class PgCredentials {

    private static final Set<PosixFilePermission> GROUP_OR_OTHERS = EnumSet.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private final Map<String, String> environment;
    private final Path home;
    private final String osUser;
    private final Consumer<String> warnings;
    /** Each warning once per process: connections are opened again and again (reconnects, probes). */
    private final Set<String> warned = ConcurrentHashMap.newKeySet();

    /**
     * @param environment the process environment (System.getenv() in the app; a map in tests)
     * @param accountHome the operating-system account's home directory, used only when HOME is unset or empty
     * @param warnings    told, once per lookup, why a password file was skipped (no secret in it)
     */
    PgCredentials(Map<String, String> environment, Path accountHome, String osUser, Consumer<String> warnings) {
        this.environment = Map.copyOf(environment);
        // libpq takes HOME first (a service or sudo may point it elsewhere than the account's entry).
        this.home = nonEmpty(environment.get("HOME")).map(Path::of).orElse(accountHome);
        this.osUser = osUser;
        this.warnings = message -> {
            if (warned.add(message)) {
                warnings.accept(message);
            }
        };
    }

    static PgCredentials ofThisProcess(Consumer<String> warnings) {
        return new PgCredentials(System.getenv(), Path.of(System.getProperty("user.home")),
                System.getProperty("user.name"), warnings);
    }

    String user(TeamDatabaseAddress address) {
        return address.user().orElseGet(() -> nonEmpty(environment.get("PGUSER")).orElse(osUser));
    }

    /** The password file that applies, whether or not it exists. */
    Path passwordFile() {
        return nonEmpty(environment.get("PGPASSFILE")).map(Path::of).orElse(home.resolve(".pgpass"));
    }

    Optional<String> password(TeamDatabaseAddress address, String user) {
        Optional<String> fromEnvironment = nonEmpty(environment.get("PGPASSWORD"));
        if (fromEnvironment.isPresent()) {
            return fromEnvironment;
        }
        Path file = passwordFile();
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        if (!Files.isRegularFile(file)) {
            warnings.accept("password file " + file + " is not a plain file; it was ignored");
            return Optional.empty();
        }
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS);
            if (permissions.stream().anyMatch(GROUP_OR_OTHERS::contains)) {
                warnings.accept("password file " + file + " has group or world access; it was ignored "
                        + "(permissions should be u=rw (0600) or less: chmod 0600 " + file + ")");
                return Optional.empty();
            }
        } catch (UnsupportedOperationException e) {
            // No POSIX permissions (Windows): libpq does not check them there either.
        } catch (IOException e) {
            warnings.accept("cannot check the permissions of " + file + ": " + e.getMessage() + "; it was ignored");
            return Optional.empty();
        }
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            return PgPassFile.parse(text).password(address.host(), String.valueOf(address.port()),
                    address.database(), user);
        } catch (IOException e) {
            warnings.accept("cannot read the password file " + file + ": " + e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * The driver properties for a connection: user, password (empty when none was found), TLS preferred unless the
     * address says otherwise, and bounded connect/socket timeouts so an unreachable database is noticed quickly.
     */
    Properties connectionProperties(TeamDatabaseAddress address, int connectTimeoutSeconds, int socketTimeoutSeconds) {
        String user = user(address);
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password(address, user).orElse(""));
        if (!address.options().containsKey("sslmode")) {
            properties.setProperty("sslmode", "prefer");
        }
        properties.setProperty("connectTimeout", String.valueOf(connectTimeoutSeconds));
        properties.setProperty("socketTimeout", String.valueOf(socketTimeoutSeconds));
        properties.setProperty("tcpKeepAlive", "true");
        properties.setProperty("ApplicationName", "incident-console");
        return properties;
    }

    private static Optional<String> nonEmpty(String value) {
        return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
    }
}
