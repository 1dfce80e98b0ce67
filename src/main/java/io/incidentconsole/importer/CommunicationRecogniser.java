package io.incidentconsole.importer;

import io.incidentconsole.importer.Drafts.PhaseDraft;
import io.incidentconsole.importer.MdText.Item;
import io.incidentconsole.importer.Outline.Section;
import io.incidentconsole.importer.ReadContext.Unit;
import io.incidentconsole.plan.Communication;
import org.commonmark.node.ListBlock;
import org.commonmark.node.Node;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Communication sections: each labelled list is an update cadence for its audience (the section), sent every
 * so often ("every 2 hours", "hourly", "daily") and/or at milestones, for the phases it names.
 */
final class CommunicationRecogniser {

    private static final Pattern EVERY = Pattern.compile("\\bevery\\s+(\\d+)\\s*(min|minutes?|h|hours?|d|days?)\\b");
    private static final Pattern HOURLY = Pattern.compile("\\bhourly\\b");
    private static final Pattern DAILY = Pattern.compile("\\bdaily\\b");
    private static final Pattern AT_MILESTONES = Pattern.compile("\\b(after each|each phase|completes?|post-deployment|after .*deploy\\w*|pre-deployment)\\b");

    private final ReadContext ctx;
    private final List<Communication.Cadence> cadences = new ArrayList<>();
    private final Map<Communication.Cadence, Integer> lineOf = new HashMap<>();

    CommunicationRecogniser(ReadContext ctx) {
        this.ctx = ctx;
    }

    List<Communication.Cadence> cadences() {
        return List.copyOf(cadences);
    }

    void section(Section section) {
        for (Unit unit : ctx.units(section)) {
            List<Item> items = new ArrayList<>();
            List<Node> lists = new ArrayList<>();
            for (Node block : unit.blocks()) {
                if (block instanceof ListBlock list) {
                    items.addAll(MdText.items(list));
                    lists.add(list);
                }
            }
            if (items.isEmpty()) {
                continue;
            }
            cadence(section, unit, items);
            ctx.useAll(lists);
            ctx.markLabel(unit);
        }
    }

    private void cadence(Section section, Unit unit, List<Item> items) {
        String issue = ctx.issueContext(section, unit.labelNode() == null ? null : unit.label());
        List<String> phaseIds = new ArrayList<>();
        for (PhaseDraft p : ctx.phases.refsIn(unit.label(), issue)) {
            phaseIds.add(p.id);
        }
        if (phaseIds.isEmpty() && unit.labelNode() != null && !Refs.issues(unit.label(), ctx.issues.keySet()).isEmpty()) {
            // "Issue #330:" updates go with every phase of that issue
            ctx.phases.of(issue).forEach(p -> phaseIds.add(p.id));
        }
        String all = (unit.label() + " " + String.join(" ", items.stream().map(Item::text).toList())).toLowerCase(Locale.ROOT);
        Duration every = null;
        Matcher n = EVERY.matcher(all);
        if (n.find()) {
            long k = Long.parseLong(n.group(1));
            every = n.group(2).startsWith("m") ? Duration.ofMinutes(k) : n.group(2).startsWith("h") ? Duration.ofHours(k) : Duration.ofDays(k);
        } else if (HOURLY.matcher(all).find()) {
            every = Duration.ofHours(1);
        } else if (DAILY.matcher(all).find()) {
            every = Duration.ofDays(1);
        }
        boolean milestones = AT_MILESTONES.matcher(all).find();
        if (every == null && !milestones) {
            milestones = true;
            ctx.log.decided(unit.line(), "updates '" + unit.label() + "' give no interval; sent at milestones");
        }
        List<String> contents = items.stream().map(Item::text).filter(t -> !t.isBlank()).toList();
        Communication.Cadence cadence = new Communication.Cadence(null, Outline.stripColon(unit.label()),
                unit.section().title, phaseIds, every, milestones, contents);
        // A cadence repeated word for word (a section pasted twice) is one cadence: two would send each update
        // twice, and an issue's cadence covers every phase of the issue, so repeats grew the plan with the square.
        Integer first = lineOf.putIfAbsent(cadence, unit.line());
        if (first != null) {
            ctx.log.decided(unit.line(), "updates '" + unit.label() + "' repeat those of line " + first
                    + " word for word (same audience, phases, interval and contents); kept those");
            return;
        }
        cadences.add(cadence);
        ctx.log.recognised("communication", "cadence-" + cadences.size(), unit.label(), unit.line(),
                (every == null ? "" : "every " + every + " ") + (milestones ? "at milestones" : ""));
    }
}
