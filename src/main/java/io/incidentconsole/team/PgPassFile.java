package io.incidentconsole.team;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A libpq password file (~/.pgpass) read by libpq's rules: one {@code host:port:database:user:password} per line,
 * {@code *} in the first four fields matches anything, a backslash makes the next character literal (so
 * {@code \:} and {@code \\}), lines starting with {@code #} are comments, and the first matching line wins.
 * Whether the file may be read at all (its permissions) is decided by {@link PgCredentials}.
 */
final class PgPassFile {

    /** One usable line; fields are unescaped; a null host, port, database or user is the {@code *} wildcard. */
    record Entry(String host, String port, String database, String user, String password) {

        boolean matches(String host, String port, String database, String user) {
            return field(this.host, host) && field(this.port, port) && field(this.database, database)
                    && field(this.user, user);
        }

        private static boolean field(String pattern, String value) {
            return pattern == null || pattern.equals(value);
        }
    }

    private final List<Entry> entries;

    private PgPassFile(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    static PgPassFile parse(String text) {
        List<Entry> entries = new ArrayList<>();
        for (String line : text.split("\r?\n", -1)) {
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            List<String> fields = fields(line);
            if (fields.size() >= 5) {
                String password = fields.get(4) == null ? "*" : fields.get(4);
                entries.add(new Entry(fields.get(0), fields.get(1), fields.get(2), fields.get(3), password));
            }
        }
        return new PgPassFile(entries);
    }

    /**
     * Splits a line at unescaped colons. A field that is exactly an unescaped {@code *} is the wildcard (null); an
     * escaped one ({@code \*}) is the literal character. The password is the fifth field: like libpq, anything after
     * a further unescaped colon is ignored.
     */
    private static List<String> fields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int start = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && i + 1 < line.length()) {
                field.append(line.charAt(++i));
            } else if (c == ':') {
                fields.add(fieldValue(line.substring(start, i), field));
                field.setLength(0);
                start = i + 1;
            } else {
                field.append(c);
            }
        }
        fields.add(fieldValue(line.substring(start), field));
        return fields;
    }

    private static String fieldValue(String raw, StringBuilder unescaped) {
        return raw.equals("*") ? null : unescaped.toString();
    }

    List<Entry> entries() {
        return entries;
    }

    /** The password of the first line that matches, if any. */
    Optional<String> password(String host, String port, String database, String user) {
        return entries.stream().filter(e -> e.matches(host, port, database, user)).map(Entry::password).findFirst();
    }

    /** A value written so that this reader (and libpq) reads it back as is; a lone {@code *} stays literal. */
    static String escape(String value) {
        if (value.equals("*")) {
            return "\\*";
        }
        StringBuilder out = new StringBuilder(value.length() + 4);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' || c == ':') {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }
}
