package io.incidentconsole.plan;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Optional;

/**
 * A YAML (or JSON) file other than a plan read with the plan's own located parser, so that its problems point at
 * {@code file:line:column} the same way a plan's do (drill scenarios use it). Syntax errors, unprintable characters
 * and oversize input are reported as for a plan.
 */
public final class LocatedYaml {

    private final LocatedTree tree;
    private final String source;

    private LocatedYaml(LocatedTree tree, String source) {
        this.tree = tree;
        this.source = source;
    }

    /** The parsed file, or empty with the reasons added to {@code problems}. */
    public static Optional<LocatedYaml> parse(String text, String source, String whatItIs, List<Problem> problems) {
        if (text.strip().lines().allMatch(line -> line.isBlank() || line.strip().startsWith("#"))) {
            problems.add(new Problem(source, 1, 1, "", "the file is empty (it has no content other than comments); "
                    + "expected " + whatItIs));
            return Optional.empty();
        }
        LocatedTree tree = LocatedTree.parse(text, source, problems);
        return tree == null ? Optional.empty() : Optional.of(new LocatedYaml(tree, source));
    }

    public JsonNode root() {
        return tree.root;
    }

    /** A problem at the element {@code path} ({@code events[2].at}), or at its nearest located ancestor. */
    public Problem problem(String path, String message) {
        int[] at = tree.locate(path);
        return new Problem(source, at[0], at[1], path, message);
    }
}
