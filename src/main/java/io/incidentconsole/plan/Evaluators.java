package io.incidentconsole.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Commands that run an argument as code: quoting makes a value one literal word for bash, but {@code eval},
 * {@code bash -c}, {@code ssh host CMD}, {@code xargs} or {@code find -exec} then hand that word to a shell or an
 * interpreter, which reads it as a program. Decided from the words of the simple command before the placeholder.
 */
final class Evaluators {

    /** Run their arguments as shell code (or as a command line). */
    private static final Set<String> ALWAYS = Set.of("eval", "source", ".", "trap", "xargs", "parallel", "watch",
            "su", "runuser", "script", "at", "batch", "flock", "setsid");
    /** Run the argument of {@code -c} (or the first operand) as a program. */
    private static final Set<String> SHELLS = Set.of("sh", "bash", "zsh", "dash", "ksh", "mksh", "fish", "busybox",
            "ash", "csh", "tcsh");
    /** Interpreters whose {@code -c}/{@code -e} argument is a program. */
    private static final Set<String> INTERPRETERS = Set.of("python", "python2", "python3", "perl", "ruby", "node",
            "nodejs", "php", "lua", "deno", "bun", "osascript", "pwsh", "powershell");
    /** Take the program as their first operand. */
    private static final Set<String> PROGRAM_FIRST = Set.of("awk", "gawk", "mawk", "nawk", "jq");
    /** Run the rest of the line as a command; skipped to find the real command. */
    private static final Set<String> WRAPPERS = Set.of("sudo", "doas", "env", "command", "exec", "nohup", "time",
            "nice", "ionice", "stdbuf", "timeout", "chrt", "taskset", "builtin");
    /** Wrapper options that take a value (sudo -u root, timeout -s KILL, nice -n 5). */
    private static final Set<String> WRAPPER_OPTIONS_WITH_VALUE = Set.of("-u", "-g", "-C", "-h", "-p", "-U", "-r",
            "-t", "-n", "-s", "-k", "-D", "-c", "-o", "-e", "-i");
    private static final Set<String> FIND_EXEC = Set.of("-exec", "-execdir", "-ok", "-okdir");

    private Evaluators() {
    }

    /**
     * What runs a placeholder that follows {@code prefix} (the simple command's text up to the placeholder) as
     * code, e.g. "an argument of 'bash -c'"; empty when nothing does.
     */
    static Optional<String> of(String prefix) {
        List<String> words = words(prefix);
        int at = 0;
        while (at < words.size() && (isAssignment(words.get(at)) || WRAPPERS.contains(name(words.get(at))))) {
            at++;
            // A wrapper's own options and operands (sudo -u root, timeout 10) come before the command.
            while (at < words.size() && (words.get(at).startsWith("-") || isNumberish(words.get(at)))) {
                at += WRAPPER_OPTIONS_WITH_VALUE.contains(words.get(at)) ? 2 : 1;
            }
        }
        if (at >= words.size()) {
            return at == 0 ? Optional.of("the command name itself") : Optional.of("the command run by '"
                    + String.join(" ", words) + "'");
        }
        String command = name(words.get(at));
        List<String> arguments = words.subList(at + 1, words.size());
        if (ALWAYS.contains(command)) {
            return Optional.of("an argument of '" + command + "'");
        }
        if (command.equals("ssh")) {
            // ssh joins everything after the host into one command line for the remote shell.
            return arguments.stream().anyMatch(w -> !w.startsWith("-")) ? Optional.of("in the remote command of 'ssh'")
                    : Optional.empty();
        }
        if (command.equals("find") && arguments.stream().anyMatch(FIND_EXEC::contains)) {
            return Optional.of("in the command run by 'find -exec'");
        }
        if (SHELLS.contains(command)) {
            boolean dashC = arguments.stream().anyMatch(w -> w.matches("-[a-zA-Z]*c[a-zA-Z]*"));
            boolean noScript = arguments.stream().noneMatch(w -> !w.startsWith("-"));
            if (dashC || noScript) {
                return Optional.of("an argument of '" + command + (dashC ? " -c'" : "'"));
            }
        }
        if (INTERPRETERS.contains(command)
                && arguments.stream().anyMatch(w -> w.matches("-[a-zA-Z]*[ceE]") || w.equals("--eval"))) {
            return Optional.of("an argument of '" + command + "' that it runs as a program");
        }
        if (PROGRAM_FIRST.contains(command) && arguments.stream().noneMatch(w -> !w.startsWith("-"))) {
            return Optional.of("the program of '" + command + "'");
        }
        if (command.equals("kubectl") || command.equals("docker") || command.equals("podman")) {
            int sh = -1;
            for (int i = 0; i < arguments.size(); i++) {
                if (SHELLS.contains(name(arguments.get(i)))) {
                    sh = i;
                }
            }
            if (sh >= 0 && arguments.subList(sh, arguments.size()).stream().anyMatch(w -> w.equals("-c"))) {
                return Optional.of("an argument of a shell run by '" + command + "'");
            }
        }
        return Optional.empty();
    }

    /** The words of a command prefix, quotes removed; good enough to find command names and flags. */
    private static List<String> words(String prefix) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < prefix.length(); i++) {
            char c = prefix.charAt(i);
            if (Character.isWhitespace(c)) {
                if (!word.isEmpty()) {
                    words.add(word.toString());
                    word.setLength(0);
                }
            } else if (c != '\'' && c != '"' && c != '\\') {
                word.append(c);
            }
        }
        if (!word.isEmpty()) {
            words.add(word.toString());
        }
        return words;
    }

    private static String name(String word) {
        return word.substring(word.lastIndexOf('/') + 1);
    }

    private static boolean isAssignment(String word) {
        int eq = word.indexOf('=');
        return eq > 0 && word.substring(0, eq).chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '_');
    }

    private static boolean isNumberish(String word) {
        return !word.isEmpty() && Character.isDigit(word.charAt(0));
    }
}
