package io.incidentconsole.plan;

import io.incidentconsole.plan.Placeholders.Placeholder;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * A command template ({@code git revert {{commit}}}, or the seed's {@code <commit-hash>}) read the way bash
 * will read it: where each placeholder stands in the shell syntax and whether its value can be made one literal
 * word there. This is the one check of a template: {@code validate} reports its problems and the rollback and
 * guided commands refuse to fill a template that has any, so the two can never disagree.
 * <p>
 * A template is refused where no quoting can be trusted (backticks, {@code $'...'}, {@code ${...}}, arithmetic,
 * here-documents, right after {@code $} or a backslash), and where a placeholder is handed to something that runs
 * its argument as code ({@code eval}, {@code bash -c}, {@code ssh host ...}, {@code xargs}, {@code find -exec},
 * see {@link Evaluators}) unless the step is marked {@code unsafe}.
 */
public final class CommandSyntax {

    /** Where in the shell syntax a placeholder stands. */
    public enum Context {
        WORD, DOUBLE_QUOTED, SINGLE_QUOTED, COMMENT,
        BACKTICKS, ANSI_C_QUOTED, PARAMETER_EXPANSION, ARITHMETIC, HERE_DOCUMENT, AFTER_DOLLAR, AFTER_BACKSLASH;

        public boolean quotable() {
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

    /**
     * A placeholder and the syntax around it. {@code startsWord}: its value begins a shell word (so a leading
     * {@code -} would be read as an option); {@code wholeWord}: it is a bare word on its own (so an empty value
     * can be left out); {@code evaluator}: what runs it as code, if anything.
     */
    public record Slot(Placeholder placeholder, Context context, boolean startsWord, boolean wholeWord,
                       Optional<String> evaluator) {
    }

    private final String template;
    private final List<Slot> slots;
    private final List<String> problems;

    private CommandSyntax(String template, List<Slot> slots, List<String> problems) {
        this.template = template;
        this.slots = List.copyOf(slots);
        this.problems = List.copyOf(problems);
    }

    /** Reads a template; a placeholder handed to an evaluator is a problem unless {@code unsafeAllowed}. */
    public static CommandSyntax parse(String template, boolean unsafeAllowed) {
        return new Scanner(template, unsafeAllowed).scan();
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

    /** A small bash lexer: enough to know the quoting context at each placeholder. */
    private static final class Scanner {

        private enum Frame { WORD, SUBSTITUTION, DOUBLE, SINGLE, ANSI_C, BACKTICK, PARAMETER, ARITHMETIC, COMMENT }

        /**
         * One nesting level. {@code depth} counts open parentheses; {@code commandStart} is where the current
         * simple command began (for WORD and SUBSTITUTION levels); {@code opensWord} says a quote level began
         * a new word, {@code openedAt} where its quote character stands.
         */
        private record Level(Frame frame, int[] depth, int[] commandStart, boolean opensWord, int openedAt) {
            Level(Frame frame, int commandStart) {
                this(frame, new int[1], new int[] {commandStart}, false, -1);
            }

            Level(Frame frame) {
                this(frame, 0);
            }

            static Level quote(Frame frame, int at, boolean opensWord) {
                return new Level(frame, new int[1], new int[] {at}, opensWord, at);
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

        private final boolean unsafeAllowed;

        Scanner(String template, boolean unsafeAllowed) {
            this.unsafeAllowed = unsafeAllowed;
            this.text = template == null ? "" : template;
            this.placeholders = Placeholders.find(text);
            stack.push(new Level(Frame.WORD));
        }

        CommandSyntax scan() {
            int next = 0;
            int i = 0;
            while (i < text.length()) {
                if (next < placeholders.size() && placeholders.get(next).start() <= i) {
                    Placeholder placeholder = placeholders.get(next++);
                    // A start behind i means the lexer took the placeholder's first character as part of
                    // an escape or a ${ / $( opener: such a placeholder has no safe quoting.
                    Context context = placeholder.start() < i ? swallowedContext(placeholder.start()) : contextAt(i);
                    boolean startsWord = context.quotable() && startsWord(placeholder.start());
                    boolean wholeWord = context == Context.WORD && startsWord && endsWord(placeholder.end());
                    Optional<String> evaluator = context == Context.COMMENT ? Optional.empty()
                            : Evaluators.of(text.substring(commandStart(), placeholder.start()));
                    slots.add(new Slot(placeholder, context, startsWord, wholeWord, evaluator));
                    if (!context.quotable()) {
                        problems.add("placeholder '" + placeholder.name() + "' is " + context.describe()
                                + ", where its value cannot be quoted safely");
                    } else if (evaluator.isPresent() && !unsafeAllowed) {
                        problems.add("placeholder '" + placeholder.name() + "' is " + evaluator.get()
                                + ", which runs its value as code, so a value could run anything; pass the value "
                                + "another way, or mark the step 'unsafe: true' if this is intended (the run "
                                + "confirmation then shows it in red)");
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
            return new CommandSyntax(text, slots, problems);
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

        /** Whether the placeholder at {@code start} begins a shell word (bare, or right after an opening quote). */
        private boolean startsWord(int start) {
            Level level = stack.peek();
            return switch (level.frame()) {
                case WORD, SUBSTITUTION -> wordStart;
                case DOUBLE, SINGLE -> level.opensWord() && level.openedAt() == start - 1;
                default -> false;
            };
        }

        private boolean endsWord(int end) {
            if (end >= text.length()) {
                return true;
            }
            char c = text.charAt(end);
            return Character.isWhitespace(c) || c == ';' || c == '&' || c == '|' || c == ')' || c == '<' || c == '>';
        }

        /** Where the simple command around the current position began (in the innermost command level). */
        private int commandStart() {
            for (Level level : stack) {
                if (level.frame() == Frame.WORD || level.frame() == Frame.SUBSTITUTION) {
                    return level.commandStart()[0];
                }
            }
            return 0;
        }

        private void newCommand(Level level, int at) {
            if (level.frame() == Frame.WORD || level.frame() == Frame.SUBSTITUTION) {
                level.commandStart()[0] = at;
            }
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
                stack.push(Level.quote(Frame.SINGLE, i, startOfWord));
                return i + 1;
            }
            if (c == '"') {
                stack.push(Level.quote(Frame.DOUBLE, i, startOfWord));
                return i + 1;
            }
            if (c == '#' && startOfWord) {
                stack.push(new Level(Frame.COMMENT));
                return i + 1;
            }
            if (c == '\n') {
                wordStart = true;
                newCommand(level, i + 1);
                return newline(i);
            }
            if (c == ';' || c == '&' || c == '|') {
                wordStart = true;
                newCommand(level, i + 1);
                return i + 1;
            }
            if (Character.isWhitespace(c) || c == '>') {
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
                newCommand(level, i + 1);
                return i + 1;
            }
            if (c == ')') {
                wordStart = true;
                newCommand(level, i + 1);
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
                stack.push(new Level(Frame.BACKTICK, i + 1));
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
                stack.push(new Level(Frame.SUBSTITUTION, i + 2));
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
