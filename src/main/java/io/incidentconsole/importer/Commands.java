package io.incidentconsole.importer;

import io.incidentconsole.plan.CommandSyntax;
import io.incidentconsole.plan.Parameter;
import io.incidentconsole.plan.ParameterType;
import io.incidentconsole.plan.Placeholders;
import io.incidentconsole.plan.ProcedureStep;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Shell code blocks as procedure steps, and the typed parameters their placeholders need. */
final class Commands {

    private static final Set<String> SHELL = Set.of("", "bash", "sh", "shell", "zsh", "console", "terminal",
            "shell-session", "powershell", "ps1", "pwsh", "cmd", "bat", "fish", "ksh", "text", "plaintext");

    private Commands() {
    }

    static boolean isShell(String info) {
        String language = info == null ? "" : info.strip().split("\\s+")[0].toLowerCase(Locale.ROOT);
        return SHELL.contains(language);
    }

    /**
     * Each command line a step; the comment lines just above a command become its title; comments that no
     * command follows become a manual step; a comment starting "Or" makes its step an alternative.
     */
    static List<ProcedureStep> steps(String code) {
        List<ProcedureStep> steps = new ArrayList<>();
        List<String> comments = new ArrayList<>();
        StringBuilder continued = new StringBuilder();
        String[] lines = code.split("\n");
        Set<String> assigned = assignedVariables(lines);
        int sampleDepth = 0;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (sampleDepth > 0 || continued.length() == 0 && line.startsWith("{")) {
                // a JSON sample of what a command prints ("Expected response:"), not a command
                sampleDepth = Math.max(0, sampleDepth + count(line, '{') - count(line, '}'));
                continue;
            }
            if (continued.length() > 0) {
                continued.append(' ').append(stripContinuation(line));
                if (!line.endsWith("\\")) {
                    addCommand(steps, comments, parameterised(continued.toString(), assigned));
                    continued.setLength(0);
                }
                continue;
            }
            if (line.isEmpty()) {
                flushComments(steps, comments);
                continue;
            }
            String comment = commentText(line);
            if (comment != null) {
                if (!comment.isEmpty()) {
                    comments.add(comment);
                }
                continue;
            }
            String command = line.startsWith("$ ") ? line.substring(2).strip() : line;
            Matcher heredoc = HEREDOC.matcher(command);
            if (heredoc.find()) {
                // the here-document's lines are the command's input, up to its terminator
                StringBuilder body = new StringBuilder(command);
                while (++i < lines.length) {
                    body.append('\n').append(lines[i]);
                    if (lines[i].strip().equals(heredoc.group(1))) {
                        break;
                    }
                }
                addCommand(steps, comments, parameterised(body.toString(), assigned));
                continue;
            }
            if (command.endsWith("\\")) {
                continued.append(stripContinuation(command));
                continue;
            }
            addCommand(steps, comments, parameterised(command, assigned));
        }
        if (continued.length() > 0) {
            addCommand(steps, comments, parameterised(continued.toString(), assigned));
        }
        flushComments(steps, comments);
        return steps;
    }

    /**
     * The step as it is when its command can be generated safely; otherwise a manual step that keeps the command
     * as text in its detail, so the plan still validates and nothing of the document is lost. {@code report}
     * is told why.
     */
    static ProcedureStep runnableOrManual(ProcedureStep step, Consumer<String> report) {
        if (step.command() == null) {
            return step;
        }
        List<String> problems = CommandSyntax.parse(step.command(), false).problems();
        if (problems.isEmpty()) {
            return step;
        }
        report.accept("command '" + step.command() + "' kept as a manual step (not generated): " + problems.get(0));
        String kept = "Command (run by hand, not generated: " + problems.get(0) + "): " + step.command();
        return new ProcedureStep(step.id(), step.title() == null ? "Manual step" : step.title(), null,
                step.alternative(), step.detail() == null ? kept : step.detail() + " " + kept);
    }

    /**
     * The problem that keeps {@code command} from being generated safely (the same check {@code validate} makes),
     * or null when there is none: an imported guided step keeps such a command as text, like a procedure step.
     */
    static String ungeneratable(String command) {
        if (command == null) {
            return null;
        }
        List<String> problems = CommandSyntax.parse(command, false).problems();
        return problems.isEmpty() ? null : problems.get(0);
    }

    private static final Pattern ENV_VARIABLE = Pattern.compile("\\$(?:\\{([A-Z][A-Z0-9_]*)}|([A-Z][A-Z0-9_]*)\\b)");
    private static final Pattern ASSIGNMENT = Pattern.compile("^(?:export\\s+|local\\s+|for\\s+)?([A-Z][A-Z0-9_]*)(?:=|\\s+in\\b)");

    /** Variables the block sets itself ({@code NAME=...}, {@code export NAME=}, {@code for NAME in}): not parameters. */
    private static Set<String> assignedVariables(String[] lines) {
        Set<String> names = new HashSet<>();
        for (String line : lines) {
            Matcher m = ASSIGNMENT.matcher(line.strip());
            if (m.find()) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    /**
     * {@code $VAR} and {@code ${VAR}} the operator must supply become {@code {{VAR}}} placeholders, so they are
     * typed parameters filled in (and quoted) when the script is generated; variables the block sets stay as written.
     */
    static String parameterised(String command, Set<String> assigned) {
        Matcher m = ENV_VARIABLE.matcher(insertPlaceholders(command));
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1) != null ? m.group(1) : m.group(2);
            m.appendReplacement(out, Matcher.quoteReplacement(assigned.contains(name) ? m.group() : "{{" + name + "}}"));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** "[Insert commit hash]", "[insert the deployment name here]": a value the document asks the operator for. */
    private static final Pattern INSERT = Pattern.compile("\\[\\s*[Ii]nsert\\s+([^\\[\\]\\n]{1,80})]");
    private static final Set<String> FILLER = Set.of("a", "an", "the", "your", "here");

    /**
     * {@code [Insert commit hash]} becomes {@code <commit-hash>}, the placeholder style the seed uses, so it is a
     * typed parameter (here a git commit) and not literal text that would reach the command; the name is the
     * words without articles or "here", lower case and joined by '-' ("value" when no word is left).
     */
    static String insertPlaceholders(String command) {
        if (command == null || command.indexOf('[') < 0) {
            return command;
        }
        Matcher m = INSERT.matcher(command);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement("<" + placeholderName(m.group(1)) + ">"));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String placeholderName(String words) {
        List<String> kept = new ArrayList<>();
        for (String word : words.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) {
            if (!word.isEmpty() && !FILLER.contains(word)) {
                kept.add(word);
            }
        }
        if (kept.isEmpty()) {
            return "value";
        }
        String name = String.join("-", kept);
        return Character.isLetter(name.charAt(0)) ? name : "value-" + name;
    }

    private static final Pattern HEREDOC = Pattern.compile("<<-?\\s*['\"]?([A-Za-z_]\\w*)['\"]?\\s*$");

    private static int count(String s, char c) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == c) {
                n++;
            }
        }
        return n;
    }

    private static String stripContinuation(String line) {
        return line.endsWith("\\") ? line.substring(0, line.length() - 1).strip() : line;
    }

    private static String commentText(String line) {
        for (String marker : List.of("#", "//", "REM ", "rem ", "::")) {
            if (line.startsWith(marker) && !line.startsWith("#!")) {
                return line.substring(marker.length()).strip();
            }
        }
        return null;
    }

    private static void addCommand(List<ProcedureStep> steps, List<String> comments, String command) {
        String title = comments.isEmpty() ? null : joinComments(comments);
        boolean alternative = isAlternative(title);
        steps.add(new ProcedureStep(null, title, command, alternative));
        comments.clear();
    }

    /**
     * Comments no command follows: an "Or: ..." group is an alternative manual step (its first line the
     * title, the rest detail); any other group is detail of the step before it, or a manual step.
     */
    private static void flushComments(List<ProcedureStep> steps, List<String> comments) {
        if (comments.isEmpty()) {
            return;
        }
        String first = comments.get(0);
        String rest = comments.size() > 1 ? joinComments(comments.subList(1, comments.size())) : null;
        if (isAlternative(first) || steps.isEmpty()) {
            steps.add(new ProcedureStep(null, first, null, isAlternative(first), rest));
        } else {
            ProcedureStep previous = steps.remove(steps.size() - 1);
            String detail = previous.detail() == null ? joinComments(comments) : previous.detail() + " " + joinComments(comments);
            steps.add(new ProcedureStep(previous.id(), previous.title(), previous.command(), previous.alternative(), detail));
        }
        comments.clear();
    }

    private static String joinComments(List<String> comments) {
        StringBuilder out = new StringBuilder();
        for (String c : comments) {
            if (out.length() > 0) {
                char last = out.charAt(out.length() - 1);
                out.append(last == '.' || last == ':' || last == ';' ? " " : "; ");
            }
            out.append(c);
        }
        return out.toString();
    }

    private static boolean isAlternative(String title) {
        return title != null && title.toLowerCase(Locale.ROOT).matches("^(or|alternatively|alternative)\\b.*");
    }

    /** The parameters every placeholder of the commands needs, in first-use order, typed by their names. */
    static List<Parameter> parameters(List<String> commands) {
        List<String> names = new ArrayList<>();
        for (String command : commands) {
            for (String name : Placeholders.names(command)) {
                if (!names.contains(name)) {
                    names.add(name);
                }
            }
        }
        List<Parameter> parameters = new ArrayList<>();
        for (String name : names) {
            parameters.add(new Parameter(name, typeOf(name), null, null, null, null));
        }
        return parameters;
    }

    /** A hash-like name is a git commit, a version-like one a semantic version, anything else text. */
    static ParameterType typeOf(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.matches(".*(hash|commit|(^|[-_])(sha\\d*|rev|ref)([-_]|$)).*")) {
            return ParameterType.GIT_COMMIT;
        }
        if (n.matches(".*(version|semver|release|(^|[-_])(ver|tag)([-_]|$)).*")) {
            return ParameterType.SEMVER;
        }
        if (n.matches(".*(url|uri|endpoint).*")) {
            return ParameterType.URL;
        }
        return ParameterType.TEXT;
    }
}
