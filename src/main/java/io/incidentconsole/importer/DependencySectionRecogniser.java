package io.incidentconsole.importer;

import io.incidentconsole.importer.MdText.Item;
import io.incidentconsole.importer.Outline.Section;
import io.incidentconsole.importer.ReadContext.PendingDependency;
import io.incidentconsole.importer.ReadContext.Unit;
import io.incidentconsole.plan.DependencySet;
import org.commonmark.node.ListBlock;
import org.commonmark.node.Node;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A "Dependencies" or "Blockers" section: its external, internal and blocker lists make the issue's dependency
 * set, and every item's wording ("Phase 2 after Phase 1") is kept for the phase dependencies.
 */
final class DependencySectionRecogniser {

    private static final Pattern INTERNAL = Pattern.compile("\\binternal\\b");
    private static final Pattern EXTERNAL = Pattern.compile("\\bexternal\\b");
    private static final Pattern BLOCKERS = Pattern.compile("\\bblock");

    private final ReadContext ctx;

    DependencySectionRecogniser(ReadContext ctx) {
        this.ctx = ctx;
    }

    Optional<DependencySet> section(Section section) {
        String issue = ctx.issueContext(section, null);
        List<String> external = new ArrayList<>();
        List<String> internal = new ArrayList<>();
        List<String> blockers = new ArrayList<>();
        for (Unit unit : ctx.units(section)) {
            String l = unit.label().toLowerCase(Locale.ROOT);
            List<String> target = EXTERNAL.matcher(l).find() ? external : INTERNAL.matcher(l).find() ? internal
                    : BLOCKERS.matcher(l).find() ? blockers : null;
            for (Node block : unit.blocks()) {
                if (block instanceof ListBlock list) {
                    for (Item item : MdText.items(list)) {
                        if (item.text().isBlank()) {
                            continue;
                        }
                        if (target != null) {
                            target.add(item.text());
                        }
                        if (issue != null) {
                            ctx.pendingDependencies.add(new PendingDependency(null, issue, item.text(), item.line()));
                        }
                    }
                    if (target != null) {
                        ctx.use(list);
                        ctx.markLabel(unit);
                    }
                }
            }
        }
        if (issue == null || !ctx.issues.containsKey(issue) || external.isEmpty() && internal.isEmpty() && blockers.isEmpty()) {
            return Optional.empty();
        }
        ctx.log.recognised("dependencies", issue, external.size() + " external, " + internal.size() + " internal, "
                + blockers.size() + " blockers", section.line, null);
        return Optional.of(new DependencySet(issue, external, internal, blockers));
    }
}
