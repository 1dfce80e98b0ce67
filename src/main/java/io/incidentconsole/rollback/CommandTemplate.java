package io.incidentconsole.rollback;

import io.incidentconsole.plan.Placeholders;
import io.incidentconsole.plan.Placeholders.Placeholder;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A command template from a plan ({@code git revert {{commit}}}, or the seed's {@code <commit-hash>}),
 * read the way bash will read it, so each placeholder is filled in a form that stays one literal word in
 * its surroundings: bare ({@code 'v'}), inside double quotes ({@code "..."'v'"..."}), inside single quotes
 * ({@code '...''v''...'}) or in a comment (kept a comment across newlines). Where no quoting can be
 * trusted (backticks, {@code $'...'}, {@code ${...}}, arithmetic, here-documents, right after {@code $})
 * the template is refused rather than guessed at.
 */
public final class CommandTemplate {

    /** Where in the shell syntax a placeholder stands. */
    public enum Context {
        WORD, DOUBLE_QUOTED, SINGLE_QUOTED, COMMENT,
        BACKTICKS, ANSI_C_QUOTED, PARAMETER_EXPANSION, ARITHMETIC, HERE_DOCUMENT, AFTER_DOLLAR, AFTER_BACKSLASH;

        boolean quotable() {
            return this == WORD || this == DOUBLE_QUOTED || this == SINGLE_QUOTED || this == COMMENT;
        }

        String describe() {
            return switch (this) {
                case WORD -> "a bare word";
                case DOUBLE_QUOTED -> "inside double quotes";
                case SINGLE_QUOTED -> "inside single quotes";
                case COMMENT -> "inside a comment";
                case BACKTICKS -> "inside backticks (use $(...) instead)";
                case ANSI_C_QUOTED -> "inside $'...' quotes";
                case PARAMETER_EXPANSION -> "inside a ${...} expansion";
                case ARITHMETIC -> "inside an arithmetic expression";
                case HERE_DOCUMENT -> "inside a here-document";
                case AFTER_DOLLAR -> "right after '$'";
                case AFTER_BACKSLASH -> "right after a backslash";
            };
        }
    }

    /** A placeholder and the syntax around it. */
    public record Slot(Placeholder placeholder, Context context) {
    }

    private final String template;
    private final List<Slot> slots;
    private final List<String> problems;

    private CommandTemplate(String template, List<Slot> slots, List<String> problems) {
        this.template = template;
        this.slots = List.copyOf(slots);
        this.problems = List.copyOf(problems);
    }

    public static CommandTemplate parse(String template) {
        return new Scanner(template).scan();
    }

    public String template() {
        return template;
    }

    public List<Slot> slots() {
        return slots;
    }

    /** Why the template cannot be filled safely; empty when it can. */
    public List<String> problems() {
        return problems;
    }

    /**
     * The command with every placeholder replaced by its quoted value.
     *
     * @throws TemplateFillException naming the parameter when a value is missing or refused, or the template
     *                               itself when it has problems
     */
    public String fill(Map<String, String> values) throws TemplateFillException {
        if (!problems.isEmpty()) {
            throw new TemplateFillException(null, String.join("; ", problems));
        }
        StringBuilder out = new StringBuilder(template.length() + 32);
        int at = 0;
        for (Slot slot : slots) {
            Placeholder placeholder = slot.placeholder();
            out.append(template, at, placeholder.start());
            String value = values.get(placeholder.name());
            if (value == null) {
                throw new TemplateFillException(placeholder.name(), "no value given");
            }
            String quoted;
            try {
                quoted = ShellQuoting.quote(value);
            } catch (RefusedValueException e) {
                throw new TemplateFillException(placeholder.name(), e.reason());
            }
            out.append(switch (slot.context()) {
                case DOUBLE_QUOTED -> "\"" + quoted + "\"";
                case SINGLE_QUOTED -> "'" + quoted + "'";
                case COMMENT -> quoted.replace("\n", "\n# ");
                default -> quoted;
            });
            at = placeholder.end();
        }
        return out.append(template, at, template.length()).toString();
    }

    /** A value could not be put into the command; {@code parameter} is null when the template is at fault. */
    public static final class TemplateFillException extends Exception {

        private static final long serialVersionUID = 1L;

        private final String parameter;
        private final String reason;

        public TemplateFillException(String parameter, String reason) {
            super(parameter == null ? reason : parameter + ": " + reason);
            this.parameter = parameter;
            this.reason = reason;
        }

        public Optional<String> parameter() {
            return Optional.ofNullable(parameter);
        }

        public String reason() {
            return reason;
        }
    }

    /** A small bash lexer: enough to know the quoting context at each placeholder. */
    private static final class Scanner {

        private enum Frame { WORD, SUBSTITUTION, DOUBLE, SINGLE, ANSI_C, BACKTICK, PARAMETER, ARITHMETIC, COMMENT }

        private record Level(Frame frame, int[] depth) {
            Level(Frame frame) {
                this(frame, new int[1]);
            }
        }

        private final String text;
        private final List<Placeholder> placeholders;
        private final Deque<Level> stack = new ArrayDeque<>();
        private final List<Slot> slots = new ArrayList<>();
        private final List<String> problems = new ArrayList<>();
        private boolean wordStart = true;
        private boolean hereDocumentPending;
        private boolean inHereDocument;

        Scanner(String template) {
            this.text = template == null ? "" : template;
            this.placeholders = Placeholders.find(text);
            stack.push(new Level(Frame.WORD));
        }

        CommandTemplate scan() {
            int next = 0;
            int i = 0;
            while (i < text.length()) {
                if (next < placeholders.size() && placeholders.get(next).start() <= i) {
                    Placeholder placeholder = placeholders.get(next++);
                    // A start behind i means the lexer took the placeholder's first character as part of
                    // an escape or a ${ / $( opener: such a placeholder has no safe quoting.
                    Context context = placeholder.start() < i ? swallowedContext(placeholder.start()) : contextAt(i);
                    slots.add(new Slot(placeholder, context));
                    if (!context.quotable()) {
                        problems.add("placeholder '" + placeholder.name() + "' is " + context.describe()
                                + ", where its value cannot be quoted safely");
                    }
                    wordStart = false;
                    i = Math.max(i, placeholder.end());
                    continue;
                }
                i = step(i);
            }
            switch (stack.peek().frame()) {
                case SINGLE, ANSI_C -> problems.add("the command has an unterminated ' quote");
                case DOUBLE -> problems.add("the command has an unterminated \" quote");
                case BACKTICK -> problems.add("the command has an unterminated ` quote");
                default -> {
                }
            }
            return new CommandTemplate(text, slots, problems);
        }

        private Context contextAt(int i) {
            if (inHereDocument) {
                return Context.HERE_DOCUMENT;
            }
            Frame frame = stack.peek().frame();
            boolean afterDollar = i > 0 && text.charAt(i - 1) == '$' && !escaped(i - 1);
            return switch (frame) {
                case WORD, SUBSTITUTION -> afterDollar ? Context.AFTER_DOLLAR : Context.WORD;
                case DOUBLE -> afterDollar ? Context.AFTER_DOLLAR : Context.DOUBLE_QUOTED;
                case SINGLE -> Context.SINGLE_QUOTED;
                case COMMENT -> Context.COMMENT;
                case ANSI_C -> Context.ANSI_C_QUOTED;
                case BACKTICK -> Context.BACKTICKS;
                case PARAMETER -> Context.PARAMETER_EXPANSION;
                case ARITHMETIC -> Context.ARITHMETIC;
            };
        }

        private Context swallowedContext(int start) {
            return text.charAt(start - 1) == '\\' ? Context.AFTER_BACKSLASH : Context.AFTER_DOLLAR;
        }

        private boolean escaped(int index) {
            int backslashes = 0;
            for (int k = index - 1; k >= 0 && text.charAt(k) == '\\'; k--) {
                backslashes++;
            }
            return backslashes % 2 == 1;
        }

        private boolean at(int i, String token) {
            return text.startsWith(token, i);
        }

        /** Consumes the syntax at {@code i}; returns the next index. */
        private int step(int i) {
            char c = text.charAt(i);
            Level level = stack.peek();
            switch (level.frame()) {
                case SINGLE:
                    if (c == '\'') {
                        stack.pop();
                    }
                    return i + 1;
                case ANSI_C:
                case BACKTICK:
                    if (c == '\\') {
                        return i + 2;
                    }
                    if ((level.frame() == Frame.ANSI_C && c == '\'') || (level.frame() == Frame.BACKTICK && c == '`')) {
                        stack.pop();
                    }
                    return i + 1;
                case COMMENT:
                    if (c == '\n') {
                        stack.pop();
                        return newline(i);
                    }
                    return i + 1;
                case DOUBLE:
                    if (c == '\\') {
                        return i + 2;
                    }
                    if (c == '"') {
                        stack.pop();
                        return i + 1;
                    }
                    return dollarOrBacktick(i);
                case PARAMETER:
                    if (c == '\\') {
                        return i + 2;
                    }
                    if (c == '}') {
                        stack.pop();
                        return i + 1;
                    }
                    if (c == '\'') {
                        stack.push(new Level(Frame.SINGLE));
                        return i + 1;
                    }
                    if (c == '"') {
                        stack.push(new Level(Frame.DOUBLE));
                        return i + 1;
                    }
                    return dollarOrBacktick(i);
                case ARITHMETIC:
                    if (c == '(') {
                        level.depth()[0]++;
                    } else if (c == ')') {
                        if (level.depth()[0] > 0) {
                            level.depth()[0]--;
                        } else {
                            stack.pop();
                            return at(i, "))") ? i + 2 : i + 1;
                        }
                    }
                    return i + 1;
                default:
                    return word(i, c, level);
            }
        }

        private int word(int i, char c, Level level) {
            boolean startOfWord = wordStart;
            wordStart = false;
            if (c == '\\') {
                return i + 2;
            }
            if (c == '\'') {
                stack.push(new Level(Frame.SINGLE));
                return i + 1;
            }
            if (c == '"') {
                stack.push(new Level(Frame.DOUBLE));
                return i + 1;
            }
            if (c == '#' && startOfWord) {
                stack.push(new Level(Frame.COMMENT));
                return i + 1;
            }
            if (c == '\n') {
                wordStart = true;
                return newline(i);
            }
            if (Character.isWhitespace(c) || c == ';' || c == '&' || c == '|' || c == '>') {
                wordStart = true;
                return i + 1;
            }
            if (c == '<') {
                wordStart = true;
                if (at(i, "<<<")) {
                    return i + 3;
                }
                if (at(i, "<<")) {
                    hereDocumentPending = true;
                    return i + 2;
                }
                return i + 1;
            }
            if (c == '(') {
                wordStart = true;
                if (startOfWord && at(i, "((")) {
                    stack.push(new Level(Frame.ARITHMETIC));
                    return i + 2;
                }
                level.depth()[0]++;
                return i + 1;
            }
            if (c == ')') {
                wordStart = true;
                if (level.depth()[0] > 0) {
                    level.depth()[0]--;
                } else if (level.frame() == Frame.SUBSTITUTION) {
                    stack.pop();
                }
                return i + 1;
            }
            return dollarOrBacktick(i);
        }

        /** {@code $(}, {@code $((}, {@code ${}, {@code $'} and backticks open nested syntax. */
        private int dollarOrBacktick(int i) {
            char c = text.charAt(i);
            if (c == '`') {
                stack.push(new Level(Frame.BACKTICK));
                return i + 1;
            }
            if (c != '$') {
                return i + 1;
            }
            if (at(i, "$((")) {
                stack.push(new Level(Frame.ARITHMETIC));
                return i + 3;
            }
            if (at(i, "$(")) {
                stack.push(new Level(Frame.SUBSTITUTION));
                wordStart = true;
                return i + 2;
            }
            if (at(i, "${")) {
                stack.push(new Level(Frame.PARAMETER));
                return i + 2;
            }
            if (at(i, "$'") && stack.peek().frame() != Frame.DOUBLE) {
                stack.push(new Level(Frame.ANSI_C));
                return i + 2;
            }
            return i + 1;
        }

        private int newline(int i) {
            if (hereDocumentPending) {
                inHereDocument = true;
            }
            return i + 1;
        }
    }
}
