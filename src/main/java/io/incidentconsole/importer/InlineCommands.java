package io.incidentconsole.importer;

import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.ListBlock;
import org.commonmark.node.Node;

import java.util.regex.Pattern;

/**
 * The command a step names in inline code: {@code Run `./scripts/redis_down.sh` in staging}. Only code that
 * reads as a command line counts (a program and at least one argument, or a script path); a bare name such as
 * {@code `REDIS_URL`}, {@code `/readyz`} or {@code `rollback.md`} is not a command.
 */
final class InlineCommands {

    private static final Pattern PROGRAM = Pattern.compile("^(\\./|[a-z][a-z0-9._-]*\\s+\\S)");
    private static final Pattern SCRIPT = Pattern.compile("^\\.{1,2}/\\S+$");

    private InlineCommands() {
    }

    /** The first command-like inline code of the block (nested lists aside), or null. */
    static String of(Node block) {
        return Commands.insertPlaceholders(find(block));
    }

    private static String find(Node node) {
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            if (child instanceof ListBlock || child instanceof FencedCodeBlock) {
                continue;
            }
            if (child instanceof Code code && isCommand(code.getLiteral())) {
                return code.getLiteral().strip();
            }
            String nested = find(child);
            if (nested != null) {
                return nested;
            }
        }
        return null;
    }

    static boolean isCommand(String code) {
        String c = code.strip();
        return !c.isEmpty() && (SCRIPT.matcher(c).matches() || PROGRAM.matcher(c).find() && !c.contains(": "));
    }
}
