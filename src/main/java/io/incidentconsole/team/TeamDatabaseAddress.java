package io.incidentconsole.team;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Where a team's shared incidents live: {@code postgresql://[user@]host[:port]/database[?option=value&...]}
 * ({@code postgres://} and {@code jdbc:postgresql://} are accepted too). A password in the address is refused:
 * credentials come from the standard PostgreSQL mechanisms (PGPASSWORD, ~/.pgpass), so they never end up in a
 * journal, a recent-list or a log line.
 */
public record TeamDatabaseAddress(String host, int port, String database, Optional<String> user,
                                  Map<String, String> options) {

    public static final int DEFAULT_PORT = 5432;

    /** Connection options that must not come from the address because they carry secrets. */
    private static final Set<String> SECRET_OPTIONS = Set.of("password", "sslpassword");

    public TeamDatabaseAddress {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(user, "user");
        options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
    }

    /**
     * Reads an address as typed by an operator. Throws {@link IllegalArgumentException} whose message says what is
     * wrong and where (the character position, counted from 1), fit to show next to the field.
     */
    public static TeamDatabaseAddress parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("enter the team database, e.g. postgresql://db.example.org/incidents");
        }
        String s = text.strip();
        String rest;
        int offset;
        if (s.startsWith("jdbc:postgresql://")) {
            offset = "jdbc:postgresql://".length();
        } else if (s.startsWith("postgresql://")) {
            offset = "postgresql://".length();
        } else if (s.startsWith("postgres://")) {
            offset = "postgres://".length();
        } else {
            throw new IllegalArgumentException("the address must start with postgresql:// (got '"
                    + abbreviate(s) + "')");
        }
        rest = s.substring(offset);
        String query = "";
        int q = rest.indexOf('?');
        if (q >= 0) {
            query = rest.substring(q + 1);
            rest = rest.substring(0, q);
        }
        int slash = rest.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("the address names no database: add /DATABASE after the host (column "
                    + (offset + rest.length() + 1) + ")");
        }
        String authority = rest.substring(0, slash);
        String database = decode(rest.substring(slash + 1), offset + slash + 2);
        if (database.isEmpty() || database.contains("/")) {
            throw new IllegalArgumentException("'" + database + "' is not a database name (column "
                    + (offset + slash + 2) + ")");
        }
        Optional<String> user = Optional.empty();
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            String userInfo = authority.substring(0, at);
            if (userInfo.contains(":")) {
                throw new IllegalArgumentException("the address contains a password (column " + (offset + 1)
                        + "); remove it and use PGPASSWORD or ~/.pgpass, so it is never stored or logged");
            }
            if (userInfo.isEmpty()) {
                throw new IllegalArgumentException("empty user name before '@' (column " + (offset + 1) + ")");
            }
            user = Optional.of(decode(userInfo, offset + 1));
            authority = authority.substring(at + 1);
            offset += at + 1;
        }
        String host = authority;
        int port = DEFAULT_PORT;
        int colon = authority.lastIndexOf(':');
        if (colon >= 0 && !authority.endsWith("]")) {
            host = authority.substring(0, colon);
            String portText = authority.substring(colon + 1);
            try {
                port = Integer.parseInt(portText);
            } catch (NumberFormatException e) {
                port = -1;
            }
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("'" + portText + "' is not a port number (column "
                        + (offset + colon + 2) + ")");
            }
        }
        if (host.isEmpty()) {
            throw new IllegalArgumentException("the address names no host (column " + (offset + 1) + ")");
        }
        if (host.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("the host '" + host + "' contains a space (column " + (offset + 1) + ")");
        }
        Map<String, String> options = new LinkedHashMap<>();
        if (!query.isEmpty()) {
            for (String pair : query.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String key = eq < 0 ? pair : pair.substring(0, eq);
                String value = eq < 0 ? "" : pair.substring(eq + 1);
                if (SECRET_OPTIONS.contains(key.toLowerCase(Locale.ROOT))) {
                    throw new IllegalArgumentException("the address contains the option '" + key
                            + "'; secrets come from PGPASSWORD or ~/.pgpass, never from the address");
                }
                options.put(decode(key, 0), decode(value, 0));
            }
        }
        return new TeamDatabaseAddress(host, port, database, user, options);
    }

    /** The JDBC URL for this address, without any credential. */
    public String jdbcUrl() {
        StringBuilder url = new StringBuilder("jdbc:postgresql://").append(host);
        if (port != DEFAULT_PORT) {
            url.append(':').append(port);
        }
        url.append('/').append(database);
        String sep = "?";
        for (Map.Entry<String, String> option : options.entrySet()) {
            url.append(sep).append(option.getKey()).append('=').append(option.getValue());
            sep = "&";
        }
        return url.toString();
    }

    /** How the address is shown to operators and in logs: {@code host:port/database}, no user, no options. */
    public String label() {
        return host + ":" + port + "/" + database;
    }

    /** The address as an operator would type it again (for the recent list): no secret, ever. */
    public String text() {
        StringBuilder text = new StringBuilder("postgresql://");
        user.ifPresent(u -> text.append(u).append('@'));
        text.append(host);
        if (port != DEFAULT_PORT) {
            text.append(':').append(port);
        }
        text.append('/').append(database);
        String sep = "?";
        for (Map.Entry<String, String> option : options.entrySet()) {
            text.append(sep).append(option.getKey()).append('=').append(option.getValue());
            sep = "&";
        }
        return text.toString();
    }

    @Override
    public String toString() {
        return text();
    }

    private static String decode(String part, int column) {
        try {
            return URLDecoder.decode(part, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("bad %-escape in '" + part + "'"
                    + (column > 0 ? " (column " + column + ")" : ""));
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }
}
