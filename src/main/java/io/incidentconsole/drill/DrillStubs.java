package io.incidentconsole.drill;

import io.incidentconsole.plan.AuditGate;
import io.incidentconsole.plan.GuidedStep;
import io.incidentconsole.plan.Phase;
import io.incidentconsole.plan.Plan;
import io.incidentconsole.plan.Procedure;
import io.incidentconsole.plan.ProcedureStep;
import io.incidentconsole.plan.Runbook;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The stubs a drill runs commands through: a temporary folder with {@code bin/} first on PATH holding one stub per
 * program the plan's commands name, each printing {@code [drill] would run: ARGV} (every word quoted as in
 * {@link ShellWords#quote}) and appending that line to {@code calls.log}. A program named by a path
 * ({@code /usr/bin/kubectl}, {@code ./deploy.sh}) is also a bash function of that name, defined in the file
 * {@code BASH_ENV} names, so the path cannot reach the real program. A scenario's failing step makes the stub of its
 * first command exit with the scripted code and output, the scripted number of times (ADR 0011).
 */
public final class DrillStubs implements AutoCloseable {

    /** The first line every stub prints. */
    public static final String WOULD_RUN = "[drill] would run: ";
    public static final String CALLS = "calls.log";

    /** Bash builtins and keywords: they run inside bash, no stub can stand in for them, and they touch nothing. */
    private static final Set<String> BUILTINS = Set.of("cd", "echo", "printf", "export", "set", "unset", "if", "then",
            "else", "elif", "fi", "for", "while", "until", "do", "done", "case", "esac", "test", "[", "[[", "]]", "true",
            "false", ":", "read", "source", ".", "exit", "return", "local", "shift", "trap", "wait", "{", "}", "!",
            "pwd", "declare", "readonly", "let", "eval", "exec", "command", "builtin", "type", "hash");
    /** Programs that run the next word as a program: that one gets a stub too. */
    private static final Set<String> WRAPPERS = Set.of("sudo", "env", "time", "nohup", "xargs", "nice", "timeout",
            "exec", "command");
    private static final Pattern ASSIGNMENT = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*=.*");
    private static final Pattern PROGRAM = Pattern.compile("[A-Za-z0-9_./+@-]+");

    private final Path directory;
    private final Set<String> programs;

    private DrillStubs(Path directory, Set<String> programs) {
        this.directory = directory;
        this.programs = programs;
    }

    /** Every program the plan's commands (guided steps, audits, rollback procedures) name, in plan order. */
    public static Set<String> programsOf(Plan plan) {
        Set<String> programs = new LinkedHashSet<>();
        for (Phase phase : plan.phases()) {
            for (GuidedStep step : phase.guidedSteps()) {
                addPrograms(step.command(), programs);
            }
            AuditGate audit = phase.audit();
            if (audit != null) {
                addPrograms(audit.command(), programs);
            }
        }
        for (Runbook runbook : plan.runbooks()) {
            for (Procedure procedure : runbook.procedures()) {
                for (ProcedureStep step : procedure.steps()) {
                    addPrograms(step.command(), programs);
                }
            }
        }
        return programs;
    }

    /** The programs one command line names (the first word of each simple command, and what a wrapper runs). */
    public static Set<String> programsOf(String command) {
        Set<String> programs = new LinkedHashSet<>();
        addPrograms(command, programs);
        return programs;
    }

    private static void addPrograms(String command, Set<String> programs) {
        if (command == null) {
            return;
        }
        for (List<String> words : ShellWords.commands(command)) {
            boolean next = true;
            for (String word : words) {
                if (!next) {
                    break;
                }
                if (ASSIGNMENT.matcher(word).matches() || word.startsWith("-")) {
                    continue;
                }
                next = WRAPPERS.contains(word);
                if (!BUILTINS.contains(word) && PROGRAM.matcher(word).matches() && !word.contains("{{")) {
                    programs.add(word);
                }
            }
        }
    }

    /** The argv line a step's command's first simple command prints through its stub: what a failure is matched on. */
    public static String firstArgv(String command) {
        List<List<String>> commands = ShellWords.commands(command);
        return commands.isEmpty() ? "" : ShellWords.argv(commands.get(0));
    }

    /** A failure the stub of a command plays: the first {@code times} calls with {@code argv} exit {@code exitCode}. */
    public record Failure(String argv, int exitCode, String output, int times) {
    }

    /**
     * Writes the stubs in a new temporary folder (only the owner may read it).
     *
     * @throws IOException when the folder cannot be written
     */
    public static DrillStubs create(Collection<String> programs, List<Failure> failures) throws IOException {
        Path directory = Files.createTempDirectory("incident-console-drill-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        DrillStubs stubs = new DrillStubs(directory, new LinkedHashSet<>(programs));
        try {
            stubs.write(failures);
        } catch (IOException | RuntimeException e) {
            stubs.close();
            throw e;
        }
        return stubs;
    }

    private void write(List<Failure> failures) throws IOException {
        Path bin = Files.createDirectory(directory.resolve("bin"));
        Files.createDirectory(directory.resolve("fail"));
        Files.writeString(directory.resolve(CALLS), "");
        Set<String> stubbed = new LinkedHashSet<>();
        StringBuilder prelude = new StringBuilder("# Incident Console drill: programs named by a path run their stub\n");
        for (String program : programs) {
            String name = Path.of(program).getFileName().toString();
            if (stubbed.add(name)) {
                Path stub = bin.resolve(name);
                Files.writeString(stub, stubScript(name), StandardCharsets.UTF_8);
                Files.setPosixFilePermissions(stub, PosixFilePermissions.fromString("rwx------"));
            }
            if (program.contains("/")) {
                prelude.append(program).append("() { INCIDENT_CONSOLE_DRILL_PROGRAM=")
                        .append(ShellWords.quote(program)).append(' ')
                        .append(ShellWords.quote(bin.resolve(name).toString())).append(" \"$@\"; }\n");
            }
        }
        Files.writeString(directory.resolve("prelude.sh"), prelude.toString(), StandardCharsets.UTF_8);
        int n = 0;
        for (Failure failure : failures) {
            n++;
            Path fail = directory.resolve("fail").resolve(String.valueOf(n));
            Files.createDirectory(fail);
            Files.writeString(fail.resolve("argv"), failure.argv(), StandardCharsets.UTF_8);
            Files.writeString(fail.resolve("left"), failure.times() + "\n");
            Files.writeString(fail.resolve("code"), failure.exitCode() + "\n");
            Files.writeString(fail.resolve("output"), failure.output() == null ? "" : failure.output() + "\n",
                    StandardCharsets.UTF_8);
        }
    }

    private String stubScript(String name) {
        return "#!/bin/bash\n"
                + "# Incident Console drill stub: prints and records what would have run; runs nothing.\n"
                + "q() { if [[ $1 =~ ^[A-Za-z0-9_./:=@%+,-]+$ ]]; then printf '%s' \"$1\"; "
                + "else local s=${1//\\'/\\'\\\\\\'\\'}; printf \"'%s'\" \"$s\"; fi; }\n"
                + "line=$(q \"${INCIDENT_CONSOLE_DRILL_PROGRAM:-" + name + "}\")\n"
                + "for a in \"$@\"; do line+=\" $(q \"$a\")\"; done\n"
                + "d=" + ShellWords.quote(directory.toString()) + "\n"
                + "printf '%s%s\\n' " + ShellWords.quote(WOULD_RUN) + " \"$line\"\n"
                + "printf '%s\\n' \"$line\" >> \"$d/" + CALLS + "\"\n"
                + "for f in \"$d\"/fail/*/; do\n"
                + "  [ -f \"$f/argv\" ] || continue\n"
                + "  if [ \"$(cat \"$f/argv\")\" = \"$line\" ]; then\n"
                + "    left=$(cat \"$f/left\")\n"
                + "    if [ \"$left\" -gt 0 ]; then\n"
                + "      echo $((left - 1)) > \"$f/left\"\n"
                + "      cat \"$f/output\"\n"
                + "      exit \"$(cat \"$f/code\")\"\n"
                + "    fi\n"
                + "  fi\n"
                + "done\n"
                + "exit 0\n";
    }

    /** The variables a run needs to go through the stubs: PATH with the stubs first, BASH_ENV with the functions. */
    public Map<String, String> environment(String path) {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("PATH", directory.resolve("bin") + (path == null || path.isEmpty() ? "" : ":" + path));
        environment.put("BASH_ENV", directory.resolve("prelude.sh").toString());
        return environment;
    }

    public Path directory() {
        return directory;
    }

    public Set<String> programs() {
        return Set.copyOf(programs);
    }

    /** Every call the stubs recorded so far, as argv lines. */
    public List<String> calls() throws IOException {
        return new ArrayList<>(Files.readAllLines(directory.resolve(CALLS), StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        try (Stream<Path> walk = Files.walk(directory)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            // A temporary folder left behind holds only stubs and their log; the journal has what ran.
        }
    }
}
