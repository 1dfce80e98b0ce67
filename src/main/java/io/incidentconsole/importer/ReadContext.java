package io.incidentconsole.importer;

import io.incidentconsole.importer.Drafts.IssueDraft;
import io.incidentconsole.importer.Drafts.MetricDraft;
import io.incidentconsole.importer.Drafts.PhaseDraft;
import io.incidentconsole.importer.Drafts.RunbookDraft;
import io.incidentconsole.importer.Drafts.SuiteDraft;
import io.incidentconsole.importer.Drafts.TaskDraft;
import io.incidentconsole.importer.MdText.Item;
import io.incidentconsole.importer.Outline.Part;
import io.incidentconsole.importer.Outline.Section;
import io.incidentconsole.plan.AuditGate;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Node;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What the recognisers share while one document is read: the outline, the report, the blocks already used
 * (whatever is left becomes notes), unique ids, and the plan elements found so far that later recognisers
 * look up or add to (issues, phases, suites, runbooks, metrics, and the dependency and audit wording that
 * can only be resolved once every phase is known).
 */
final class ReadContext {

    final Outline outline;
    final ReportLog log;
    final Ids ids = new Ids();
    private final Set<Node> used = Collections.newSetFromMap(new IdentityHashMap<>());
    /** The heading the plan's title came from; it names no issue context. */
    Section titleSection;
    private static final Pattern RUNBOOK_DOCUMENT = Pattern.compile("(?i)\\b(run ?books?|playbooks?|failover|fail-over|"
            + "disaster recovery|roll ?back|back ?out|emergency|incident response|recovery plan)\\b");

    /** Whether the document's title says it is a runbook, playbook, failover, DR or rollback plan. */
    boolean runbookDocument() {
        return titleSection != null && RUNBOOK_DOCUMENT.matcher(titleSection.title).find();
    }

    final Map<String, IssueDraft> issues = new LinkedHashMap<>();
    final PhaseIndex phases = new PhaseIndex(issues.keySet());
    final List<SuiteDraft> suites = new ArrayList<>();
    final Map<String, RunbookDraft> runbooks = new LinkedHashMap<>();
    final List<MetricDraft> metrics = new ArrayList<>();
    /** Metrics by issue ("" for none), in plan order, kept as metrics are added. */
    private final Map<String, List<MetricDraft>> metricsByIssue = new HashMap<>();
    final List<PendingDependency> pendingDependencies = new ArrayList<>();
    final List<PendingAudit> pendingAudits = new ArrayList<>();
    private final Map<Section, String> sectionIssues = new IdentityHashMap<>();

    /** Wording that may make a phase depend on another, resolved once all phases are known. */
    record PendingDependency(PhaseDraft phase, String issue, String text, int line) {
    }

    /** An audit gate waiting for the phase it gates. */
    record PendingAudit(String issue, AuditGate gate, int line) {
    }

    /** A heading with the blocks before its first label, or a labelled part: the unit recognisers look at. */
    record Unit(Section section, String label, int line, List<Node> blocks, Node labelNode) {
    }

    ReadContext(Outline outline, ReportLog log) {
        this.outline = outline;
        this.log = log;
    }

    // ---------------------------------------------------------------- used blocks

    void use(Node block) {
        used.add(block);
    }

    void useAll(List<? extends Node> blocks) {
        used.addAll(blocks);
    }

    boolean isUsed(Node block) {
        return used.contains(block);
    }

    private final Set<Node> reserved = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Set<Section> ignored = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Set<Section> chosen = Collections.newSetFromMap(new IdentityHashMap<>());

    /** Keeps a unit from the recognisers so that it ends in the notes (the operator chose notes). */
    void reserve(Unit unit) {
        if (unit.labelNode() != null) {
            reserved.add(unit.labelNode());
        }
        reserved.addAll(unit.blocks());
        used.addAll(reserved);
    }

    /** Gives the reserved units back before the notes are collected. */
    void releaseReserved() {
        used.removeAll(reserved);
    }

    /** Leaves a unit out of the plan and the notes (the operator chose to ignore it). */
    void ignore(Unit unit) {
        markLabel(unit);
        used.addAll(unit.blocks());
    }

    void ignoreSection(Section section) {
        ignored.add(section);
    }

    boolean isIgnored(Section section) {
        return ignored.contains(section);
    }

    void choose(Section section) {
        chosen.add(section);
    }

    /** Whether the operator's choice covers this section (it or a section above it was chosen). */
    boolean isChosen(Section section) {
        for (Section s = section; s != null; s = s.parent) {
            if (chosen.contains(s)) {
                return true;
            }
        }
        return false;
    }

    void markLabel(Unit unit) {
        if (unit.labelNode() != null) {
            used.add(unit.labelNode());
        }
    }

    List<Unit> units(Section section) {
        List<Unit> units = new ArrayList<>();
        for (int i = 0; i < section.parts.size(); i++) {
            Part part = section.parts.get(i);
            if (i == 0) {
                units.add(new Unit(section, section.title, section.line, part.blocks, null));
            } else {
                units.add(new Unit(section, part.label, part.line, part.blocks, part.labelNode));
            }
        }
        return units;
    }

    // ---------------------------------------------------------------- issues

    IssueDraft issue(String id, String issueTitle, int line) {
        IssueDraft existing = issues.get(id);
        if (existing != null) {
            if (issueTitle != null && !issueTitle.isBlank() && existing.title.equals("Issue #" + id)) {
                existing.title = issueTitle;
            }
            return existing;
        }
        IssueDraft draft = new IssueDraft(id, issueTitle == null || issueTitle.isBlank() ? "Issue #" + id : issueTitle, line);
        issues.put(id, draft);
        log.recognised("issue", id, draft.title, line, null);
        return draft;
    }

    /** The issue a unit is about: named by its label, by its headings, or the document's only issue. */
    String issueContext(Section section, String label) {
        if (label != null) {
            for (String id : Refs.issues(label, issues.keySet())) {
                if (issues.containsKey(id)) {
                    return id;
                }
            }
        }
        String fromHeadings = sectionIssue(section);
        if (fromHeadings != null) {
            return fromHeadings;
        }
        return issues.size() == 1 ? issues.keySet().iterator().next() : null;
    }

    /** The first known issue named by the section's heading or its parents' (the document title aside). */
    private String sectionIssue(Section section) {
        if (section == null || section.level == 0 || section == titleSection) {
            return null;
        }
        if (sectionIssues.containsKey(section)) {
            return sectionIssues.get(section);
        }
        String found = null;
        for (String id : Refs.issues(section.title, issues.keySet())) {
            if (issues.containsKey(id)) {
                found = id;
                break;
            }
        }
        if (found == null) {
            found = sectionIssue(section.parent);
        }
        sectionIssues.put(section, found);
        return found;
    }

    // ---------------------------------------------------------------- phases, suites, metrics

    PhaseDraft newPhase(String number, int from, int to, String name, List<String> phaseIssues, int line) {
        PhaseDraft phase = new PhaseDraft(number, from, to, name.isBlank() ? "Phase " + number : name, line);
        phase.issues.addAll(phaseIssues);
        String base = "p" + (phase.issue() == null ? "" : phase.issue().toLowerCase(Locale.ROOT) + "-")
                + (number == null ? Refs.slug(name, 3) : number);
        phase.id = ids.unique("phase", base.equals("p") ? "p1" : base, line, log);
        phases.add(phase);
        log.recognised("phase", phase.id, phase.name, line, phase.issues.isEmpty() ? null : "issue " + phase.issues);
        return phase;
    }

    SuiteDraft suite(String base, String suiteTitle, String issue, int line) {
        String id = ids.unique("suite", base, line, log);
        SuiteDraft suite = new SuiteDraft(id, suiteTitle == null || suiteTitle.isBlank() ? "Checks" : suiteTitle, issue, line);
        suites.add(suite);
        log.recognised("test suite", id, suite.title, line, null);
        return suite;
    }

    static void addChecks(SuiteDraft suite, List<Item> items) {
        for (Item item : items) {
            if (!item.text().isBlank()) {
                suite.checks.add(new TaskDraft(item.text(), null, item.details(), item.ticked(), item.line()));
            }
        }
    }

    void addMetric(MetricDraft metric) {
        metrics.add(metric);
        metricsByIssue.computeIfAbsent(metric.issue == null ? "" : metric.issue, k -> new ArrayList<>()).add(metric);
    }

    /** Metrics of the issue ("" for metrics without one; all metrics when the issue is unknown). */
    List<MetricDraft> metricsOf(String issue) {
        if (issue == null) {
            return metrics;
        }
        return metricsByIssue.getOrDefault(issue, List.of());
    }

    // ---------------------------------------------------------------- small text helpers

    static String code(Node block) {
        if (block instanceof FencedCodeBlock f) {
            return f.getLiteral();
        }
        if (block instanceof IndentedCodeBlock i) {
            return i.getLiteral();
        }
        return null;
    }

    static String cell(List<String> row, int col) {
        return col >= 0 && col < row.size() ? row.get(col).strip() : "";
    }

    static int overlap(String a, String b) {
        return overlap(Refs.words(a), Refs.words(b));
    }

    /** How many words the two sets share (neither is changed). */
    static int overlap(Set<String> a, Set<String> b) {
        Set<String> small = a.size() <= b.size() ? a : b;
        Set<String> large = small == a ? b : a;
        int shared = 0;
        for (String word : small) {
            if (large.contains(word)) {
                shared++;
            }
        }
        return shared;
    }

    static String tickDetail(Boolean ticked) {
        return ticked == null ? null : ticked ? "ticked" : "not ticked";
    }

    /** Strips status emoji and surrounding markup from a title. */
    static String clean(String text) {
        return EDGE_PUNCTUATION.matcher(MdText.collapse(SYMBOLS.matcher(text).replaceAll(" "))).replaceAll("");
    }

    private static final Pattern SYMBOLS = Pattern.compile("[\\p{So}\\p{Sk}\\x{FE0F}\\x{200D}]");
    private static final Pattern EDGE_PUNCTUATION = Pattern.compile("^[\\s:–—-]+|[\\s:–—-]+$");
}
