package io.incidentconsole.drill;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Just enough of bash's word splitting for a drill: the simple commands of a command line (split at unquoted
 * {@code ; & | ( )} and newlines) as words with their quotes removed, and the one quoting the stubs print argv
 * with ({@link #quote}). Expansions ({@code $x}, globs) are left as written; a stub sees what bash made of them.
 */
public final class ShellWords {

    private static final Pattern BARE = Pattern.compile("[A-Za-z0-9_./:=@%+,-]+");

    private ShellWords() {
    }

    /** Each simple command of {@code line} as its words, quotes removed; comments dropped. */
    public static List<List<String>> commands(String line) {
        List<List<String>> commands = new ArrayList<>();
        List<String> words = new ArrayList<>();
        StringBuilder word = null;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\'') {
                int end = line.indexOf('\'', i + 1);
                end = end < 0 ? line.length() : end;
                word = (word == null ? new StringBuilder() : word).append(line, i + 1, end);
                i = end;
            } else if (c == '"') {
                word = word == null ? new StringBuilder() : word;
                for (i++; i < line.length() && line.charAt(i) != '"'; i++) {
                    if (line.charAt(i) == '\\' && i + 1 < line.length() && "\"\\$`".indexOf(line.charAt(i + 1)) >= 0) {
                        i++;
                    }
                    word.append(line.charAt(i));
                }
            } else if (c == '\\' && i + 1 < line.length()) {
                if (line.charAt(i + 1) != '\n') {
                    word = (word == null ? new StringBuilder() : word).append(line.charAt(i + 1));
                }
                i++;
            } else if (c == '#' && word == null) {
                int end = line.indexOf('\n', i);
                i = (end < 0 ? line.length() : end) - 1;
            } else if (Character.isWhitespace(c) && c != '\n') {
                if (word != null) {
                    words.add(word.toString());
                    word = null;
                }
            } else if (";&|()\n".indexOf(c) >= 0) {
                if (word != null) {
                    words.add(word.toString());
                    word = null;
                }
                if (!words.isEmpty()) {
                    commands.add(List.copyOf(words));
                    words.clear();
                }
            } else {
                word = (word == null ? new StringBuilder() : word).append(c);
            }
        }
        if (word != null) {
            words.add(word.toString());
        }
        if (!words.isEmpty()) {
            commands.add(List.copyOf(words));
        }
        return commands;
    }

    /** A word as the stubs print it: bare when it is plain, else in single quotes ({@code '} as {@code '\''}). */
    public static String quote(String word) {
        if (BARE.matcher(word).matches()) {
            return word;
        }
        return "'" + word.replace("'", "'\\''") + "'";
    }

    /** Words as one line of argv, each quoted. */
    public static String argv(List<String> words) {
        return String.join(" ", words.stream().map(ShellWords::quote).toList());
    }
}
