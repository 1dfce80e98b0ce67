package io.incidentconsole.importer;

import io.incidentconsole.plan.DecisionTree;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A decision tree written as indented pseudo-code: {@code IF ...:}, {@code AND ...:}, {@code ELSE IF ...:},
 * {@code ELSE:} and {@code → action} lines. A later top-level IF is asked when the earlier ones did not hold.
 */
final class DecisionTreeReader {

    private static final Pattern IF = Pattern.compile("(?i)^(?:if|when|and|else\\s+if|elif|otherwise\\s+if)\\b\\s*(.*?):?$");
    private static final Pattern ELSE = Pattern.compile("(?i)^(?:else|otherwise)\\s*:?$");
    private static final Pattern ACTION = Pattern.compile("^(?:→|->|=>|⇒|-|\\*)\\s*(.+)$");

    private DecisionTreeReader() {
    }

    private static final class Question {
        final String text;
        final int indent;
        final Branch yes = new Branch();
        final Branch no = new Branch();
        boolean inElse;

        Question(String text, int indent) {
            this.text = text;
            this.indent = indent;
        }

        Branch current() {
            return inElse ? no : yes;
        }
    }

    private static final class Branch {
        final List<String> actions = new ArrayList<>();
        Question question;

        boolean isEmpty() {
            return actions.isEmpty() && question == null;
        }
    }

    /** The tree, or null when the text is not such pseudo-code. */
    static DecisionTree read(String id, String title, String phase, String code) {
        Deque<Question> stack = new ArrayDeque<>();
        List<Question> roots = new ArrayList<>();
        for (String raw : code.split("\n")) {
            if (raw.isBlank()) {
                continue;
            }
            int indent = raw.length() - raw.stripLeading().length();
            String line = raw.strip();
            Matcher ifMatch = IF.matcher(line);
            String lower = line.toLowerCase(Locale.ROOT);
            if (ELSE.matcher(line).matches()) {
                while (!stack.isEmpty() && stack.peek().indent > indent) {
                    stack.pop();
                }
                if (stack.isEmpty()) {
                    return null;
                }
                stack.peek().inElse = true;
            } else if (ifMatch.matches() && !ifMatch.group(1).isBlank()) {
                Question q = new Question(question(ifMatch.group(1)), indent);
                boolean elseIf = lower.startsWith("else") || lower.startsWith("elif") || lower.startsWith("otherwise");
                while (!stack.isEmpty() && stack.peek().indent > indent) {
                    stack.pop();
                }
                if (elseIf) {
                    if (stack.isEmpty() || stack.peek().indent != indent) {
                        return null;
                    }
                    Question previous = stack.pop();
                    if (!previous.no.isEmpty()) {
                        return null;
                    }
                    previous.no.question = q;
                } else if (!stack.isEmpty() && stack.peek().indent < indent) {
                    Branch branch = stack.peek().current();
                    if (branch.question != null) {
                        return null;
                    }
                    branch.question = q;
                } else {
                    while (!stack.isEmpty()) {
                        stack.pop();
                    }
                    if (roots.isEmpty()) {
                        roots.add(q);
                    } else {
                        Question last = roots.get(roots.size() - 1);
                        while (last.no.question != null) {
                            last = last.no.question;
                        }
                        if (!last.no.actions.isEmpty()) {
                            return null;
                        }
                        last.no.question = q;
                    }
                }
                stack.push(q);
            } else {
                Matcher action = ACTION.matcher(line);
                if (stack.isEmpty()) {
                    return null;
                }
                Branch branch = stack.peek().current();
                if (branch.question != null) {
                    return null;
                }
                branch.actions.add(action.matches() ? action.group(1).strip() : line);
            }
        }
        if (roots.isEmpty()) {
            return null;
        }
        List<DecisionTree.DecisionNode> nodes = new ArrayList<>();
        List<DecisionTree.Outcome> outcomes = new ArrayList<>();
        String start = convert(roots.get(0), nodes, outcomes);
        if (start == null) {
            return null;
        }
        return new DecisionTree(id, title, phase, start, nodes, outcomes);
    }

    private static String convert(Question q, List<DecisionTree.DecisionNode> nodes, List<DecisionTree.Outcome> outcomes) {
        String id = "q" + (nodes.size() + 1);
        int slot = nodes.size();
        nodes.add(null);
        List<DecisionTree.Answer> answers = new ArrayList<>();
        for (boolean yes : new boolean[] {true, false}) {
            Branch branch = yes ? q.yes : q.no;
            String label = yes ? "Yes" : "No";
            if (branch.question != null) {
                String next = convert(branch.question, nodes, outcomes);
                if (next == null) {
                    return null;
                }
                answers.add(new DecisionTree.Answer(label, next, null));
            } else if (!branch.actions.isEmpty()) {
                String outcomeId = "o" + (outcomes.size() + 1);
                outcomes.add(new DecisionTree.Outcome(outcomeId, branch.actions.get(0),
                        branch.actions.subList(1, branch.actions.size())));
                answers.add(new DecisionTree.Answer(label, null, outcomeId));
            }
        }
        if (answers.isEmpty()) {
            return null;
        }
        nodes.set(slot, new DecisionTree.DecisionNode(id, q.text, answers));
        return id;
    }

    private static String question(String condition) {
        String c = condition.strip();
        while (c.endsWith(":")) {
            c = c.substring(0, c.length() - 1).strip();
        }
        return c.endsWith("?") ? c : c + "?";
    }
}
