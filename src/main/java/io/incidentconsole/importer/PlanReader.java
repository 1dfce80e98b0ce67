package io.incidentconsole.importer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.incidentconsole.importer.Drafts.IssueDraft;
import io.incidentconsole.importer.Drafts.MetricDraft;
import io.incidentconsole.importer.Drafts.PhaseDraft;
import io.incidentconsole.importer.Drafts.RunbookDraft;
import io.incidentconsole.importer.Drafts.SuiteDraft;
import io.incidentconsole.importer.Drafts.TaskDraft;
import io.incidentconsole.importer.MdText.Field;
import io.incidentconsole.importer.MdText.Item;
import io.incidentconsole.importer.Outline.Part;
import io.incidentconsole.importer.Outline.Section;
import io.incidentconsole.plan.AuditGate;
import io.incidentconsole.plan.Communication;
import io.incidentconsole.plan.Criterion;
import io.incidentconsole.plan.DecisionTree;
import io.incidentconsole.plan.DependencySet;
import io.incidentconsole.plan.Direction;
import io.incidentconsole.plan.FieldExpectation;
import io.incidentconsole.plan.Milestone;
import io.incidentconsole.plan.Note;
import io.incidentconsole.plan.NoteKind;
import io.incidentconsole.plan.PhaseStatus;
import io.incidentconsole.plan.Priority;
import io.incidentconsole.plan.Procedure;
import io.incidentconsole.plan.ProcedureStep;
import io.incidentconsole.plan.Severity;
import io.incidentconsole.plan.TestCase;
import io.incidentconsole.plan.Threshold;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;

import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the outline of a Markdown plan into plan drafts: issues, phases with tasks and criteria, test
 * suites, runbooks, metrics, dependencies, communication, sign-off and notes. Each recogniser marks the
 * blocks it used, so whatever is left becomes notes.
 */
final class PlanReader {

    private static final Pattern PHASE_HEADING = Pattern.compile(
            "(?i)^(?:[#\\d.]*\\s*)?(phase|stage|step|week|wave|milestone)\\s+(\\d{1,4})(?:\\s*[-–]\\s*(\\d{1,4}))?"
                    + "\\s*(?:[:.)—–-]+\\s*(.*))?$");
    private static final Pattern ROW_PHASE = Pattern.compile(
            "(?i)^(?:(?:phase|stage|step|week|wave|milestone)\\s+)?(\\d{1,4})(?:\\s*[-–]\\s*(\\d{1,4}))?\\s*(?:[:.)—–-]+\\s*(.*))?$");
    private static final Pattern TEST_CASE = Pattern.compile("(?i)^test\\s*case\\s*#?(\\d+)?\\s*[:.—–-]?\\s*(.*)$");
    private static final Pattern ISSUE_HEADING = Pattern.compile(
            "(?i)^(?:issue|incident|ticket|bug)\\s*(?:#(\\d{1,9})|([A-Z][A-Z0-9]{1,9}-\\d{1,9}))\\s*(?:[:—–-]+\\s*(.*))?$");
    private static final Pattern ALERTS = Pattern.compile("(?i)\\balert(?:s|ing)?\\b[^0-9]{0,40}?\\b(?:at|above|over|when|of|on)\\b\\s*(.+)$");
    private static final Pattern METRIC_LINE = Pattern.compile(
            "^\\s*([^:→]{2,80}?)\\s*:\\s*(?:from\\s+)?(.+?)\\s*(?:→|->|=>|⟶|⇒|\\bto\\b)\\s*(.+?)\\s*$");

    private static final Pattern ROLLBACK = Pattern.compile("\\b(roll ?back|revert|back ?out)\\b");
    private static final Pattern STATUS_COLUMN = Pattern.compile("\\b(status|state)\\b");
    private static final Pattern PHASE_COLUMN = Pattern.compile("\\b(phase|stage|step|milestone|wave|week)s?\\b");
    private static final Pattern ISSUE_KEY = Pattern.compile("(issue|incident|ticket).*");
    private static final Pattern TIMELINE_KEY = Pattern.compile("timeline|when|duration|eta|schedule|window|timing");
    private static final Pattern STATUS_KEY = Pattern.compile("status|state");
    private static final Pattern DEPENDENCY_KEY = Pattern.compile("depends on|dependencies|prerequisites?|after|requires|blocked by");
    private static final Pattern LESSONS = Pattern.compile("\\blessons?\\b|\\bretro|\\bpost-?mortem\\b");
    private static final Pattern INTERNAL = Pattern.compile("\\binternal\\b");
    private static final Pattern HOURLY = Pattern.compile("\\bhourly\\b");
    private static final Pattern EXTERNAL = Pattern.compile("\\bexternal\\b");
    private static final Pattern DECISION = Pattern.compile("\\bdecision\\b");
    private static final Pattern DAILY = Pattern.compile("\\bdaily\\b");
    private static final Pattern BLOCKERS = Pattern.compile("\\bblock");
    private static final Pattern AUDIT = Pattern.compile("\\baudit\\b");
    private static final Pattern RATIONALE = Pattern.compile("\\b(why|reasons?|rationale|decisions?|separate)\\b");
    private static final Pattern TESTING_SECTION = Pattern.compile("\\b(tests?|testing|verification|validation|qa)\\b");
    private static final Pattern TESTING_LABEL = Pattern.compile("\\b(tests?|testing|verification|validation|checks)\\b");
    private static final Pattern SUITE_LABEL = Pattern.compile("\\b(tests?|testing|checks?|checklist|regression|verification)\\b");
    private static final Pattern TASK_LABEL = Pattern.compile("\\b(tasks?|steps?|actions?|to ?do|checklist|procedure|runbook|work items?|deployment|cutover|rollout|plan)\\b");
    private static final Pattern TARGET_COLUMN = Pattern.compile("\\b(target|goal|after|to)\\b");
    private static final Pattern CRITERIA_LABEL = Pattern.compile("\\b(success criteria|exit criteria|acceptance|done when|go[ /-]*no[ -]*go|go criteria|criteria|definition of done)\\b");
    private static final Pattern SIGN_OFF = Pattern.compile("\\b(sign-?off|approvals?)\\b");
    private static final Pattern REFERENCE = Pattern.compile("\\b(references?|links?|docs|documentation|appendix|related)\\b");
    private static final Pattern SAYS_DOWN = Pattern.compile("\\b(reduc\\w*|decreas\\w*|lower|drop\\w*|fewer|less|faster|cut)\\b");
    private static final Pattern NOTES_COLUMN = Pattern.compile("\\b(notes?|comments?|remarks?|details?)\\b");
    private static final Pattern METRIC_COLUMN = Pattern.compile("\\b(metric|measure|kpi|name)\\b");
    private static final Pattern METRICS_SECTION = Pattern.compile("\\b(metrics?|kpis?|measures?|slos?)\\b");
    private static final Pattern ISSUE_COLUMN = Pattern.compile("\\b(issue|ticket|incident)s?\\b");
    private static final Pattern SAYS_UP = Pattern.compile("\\b(increas\\w*|higher|more|grow\\w*|rais\\w*|improv\\w*)\\b");
    private static final Pattern SUMMARY = Pattern.compile("\\b(executive summary|summary|overview|tl;?dr)\\b");
    private static final Pattern DEPENDENCIES = Pattern.compile("\\b(dependenc(y|ies)|blockers?)\\b");
    private static final Pattern ROLLBACK_CRITERIA = Pattern.compile("\\b(criteria|triggers?|when to roll ?back|roll ?back if|signals?)\\b");
    private static final Pattern COMMUNICATION = Pattern.compile("\\b(communications?|stakeholders?)\\b");
    private static final Pattern BASELINE_COLUMN = Pattern.compile("\\b(baseline|before|current|now|from)\\b");
    private static final Pattern ANALYSIS = Pattern.compile("\\b(analysis|root cause|problem|impact|overlap|affected|complexity|issue)\\b");
    private static final Pattern AT_MILESTONES = Pattern.compile("\\b(after each|each phase|completes?|post-deployment|after .*deploy\\w*|pre-deployment)\\b");
    private static final Pattern FILES_AFFECTED = Pattern.compile("(files affected|affected files)");

    private final Outline outline;
    private final ReportLog log;
    private final Set<Node> used = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Ids ids = new Ids();
    private Section titleSection;

    String title;
    LocalDate date;
    String owner;
    String status;
    String summary;
    String keyDecision;
    LocalDate lastUpdated;
    String signOffStatus;
    String nextAction;
    String signOffOwner;
    final Map<String, IssueDraft> issues = new LinkedHashMap<>();
    final List<PhaseDraft> phases = new ArrayList<>();
    final Map<Section, PhaseDraft> phaseSections = new IdentityHashMap<>();
    final List<SuiteDraft> suites = new ArrayList<>();
    final Map<String, RunbookDraft> runbooks = new LinkedHashMap<>();
    final List<MetricDraft> metrics = new ArrayList<>();
    final List<DecisionTree> decisions = new ArrayList<>();
    final List<Communication.Cadence> cadences = new ArrayList<>();
    final List<DependencySet> dependencies = new ArrayList<>();
    final List<Note> notes = new ArrayList<>();
    private final List<PendingDependency> pendingDependencies = new ArrayList<>();
    /** Phases by issue (null: no issue), in plan order; recognisers look phases up per item, so no scans. */
    private final Map<String, List<PhaseDraft>> phasesByIssue = new HashMap<>();
    /** Phases by each number they cover, in plan order; ranges wider than {@link #WIDE_RANGE} are kept apart. */
    private final Map<Integer, List<PhaseDraft>> phasesByNumber = new HashMap<>();
    private final List<PhaseDraft> widePhases = new ArrayList<>();
    private static final int WIDE_RANGE = 64;
    private final List<PendingAudit> pendingAudits = new ArrayList<>();

    private record PendingDependency(PhaseDraft phase, String issue, String text, int line) {
    }

    private record PendingAudit(String issue, AuditGate gate, int line) {
    }

    /** A heading with the blocks before its first label, or a labelled part: the unit recognisers look at. */
    private record Unit(Section section, String label, int line, List<Node> blocks, Node labelNode) {
    }

    PlanReader(Outline outline, ReportLog log) {
        this.outline = outline;
        this.log = log;
    }

    void read(String fallbackTitle) {
        header(fallbackTitle);
        issueTable();
        issueHeadings();
        statusTable();
        phaseHeadings();
        for (Section section : outline.sections) {
            if (inPhase(section) != null) {
                continue;
            }
            String chain = String.join(" / ", section.titles()).toLowerCase(Locale.ROOT);
            if (ROLLBACK.matcher(chain).find()) {
                rollback(section);
            } else if (TESTING_SECTION.matcher(chain).find()) {
                testing(section);
            } else if (METRICS_SECTION.matcher(chain).find()) {
                metrics(section);
            } else if (DEPENDENCIES.matcher(chain).find()) {
                dependencies(section);
            } else if (COMMUNICATION.matcher(chain).find()) {
                communication(section);
            } else if (SIGN_OFF.matcher(chain).find()) {
                continue; // its fields (status, next action, owner) are read with the header fields
            } else if (SUMMARY.matcher(chain).find()) {
                summary(section);
            }
        }
        checklistsElsewhere();
        timelines();
        alerts();
        audits();
        milestones();
        resolveDependencies();
        defaultSuitePhases();
        notes();
    }

    // ---------------------------------------------------------------- header and issues

    private void header(String fallbackTitle) {
        Section top = outline.sections.stream().filter(s -> s.level == 1).findFirst()
                .orElse(outline.sections.stream().filter(s -> s.level > 0).findFirst().orElse(null));
        if (top != null && !top.title.isBlank()) {
            title = top.title;
            titleSection = top;
            log.recognised("plan", null, title, top.line, null);
        } else {
            title = fallbackTitle;
            log.decided(0, "no heading to take the title from; titled the plan '" + fallbackTitle + "'");
        }
        for (Section section : outline.sections) {
            for (Part part : section.parts) {
                for (Node block : part.blocks) {
                    if (block instanceof Paragraph p && MdText.isFieldParagraph(p)) {
                        boolean any = false;
                        for (Field field : MdText.fields(p)) {
                            any |= headerField(field, section);
                        }
                        if (any && MdText.fields(p).stream().allMatch(f -> isHeaderKey(f.key(), section))) {
                            used.add(p);
                        }
                    }
                }
            }
        }
    }

    private boolean isHeaderKey(String key, Section section) {
        String k = key.toLowerCase(Locale.ROOT);
        boolean top = section.level <= 1;
        return k.equals("key decision") || k.equals("last updated") || k.equals("document owner")
                || k.equals("next action") || k.endsWith("plan status")
                || top && (k.equals("date") || k.equals("status") || k.equals("owner") || ISSUE_KEY.matcher(k).matches());
    }

    private boolean headerField(Field field, Section section) {
        String k = field.key().toLowerCase(Locale.ROOT);
        boolean top = section.level <= 1;
        if (top && k.equals("date")) {
            date = date(field, "date");
            return true;
        }
        if (k.equals("last updated")) {
            lastUpdated = date(field, "last updated");
            return true;
        }
        if (top && k.equals("status")) {
            status = field.value();
            log.recognised("plan status", null, status, field.line(), null);
            return true;
        }
        if (k.equals("document owner") || top && k.equals("owner")) {
            owner = field.value();
            signOffOwner = field.value();
            log.recognised("owner", null, owner, field.line(), null);
            return true;
        }
        if (k.equals("key decision")) {
            keyDecision = field.value();
            log.recognised("key decision", null, keyDecision, field.line(), null);
            return true;
        }
        if (k.equals("next action")) {
            nextAction = field.value();
            log.recognised("next action", null, nextAction, field.line(), null);
            return true;
        }
        if (k.endsWith("plan status")) {
            signOffStatus = clean(field.value());
            log.recognised("sign-off status", null, signOffStatus, field.line(), null);
            return true;
        }
        if (top && ISSUE_KEY.matcher(k).matches()) {
            String id = Refs.namedIssue(field.key());
            if (id != null) {
                issue(id, field.value(), field.line());
                return true;
            }
        }
        return false;
    }

    private LocalDate date(Field field, String what) {
        try {
            return LocalDate.parse(field.value().strip());
        } catch (DateTimeParseException e) {
            log.decided(field.line(), "the " + what + " '" + field.value() + "' is not a YYYY-MM-DD date; left it out");
            return null;
        }
    }

    private IssueDraft issue(String id, String issueTitle, int line) {
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

    private void issueTable() {
        for (Section section : outline.sections) {
            for (Part part : section.parts) {
                for (Node block : part.blocks) {
                    if (block instanceof TableBlock t) {
                        MdText.Table table = MdText.table(t);
                        List<String> columns = new ArrayList<>();
                        for (int c = 1; c < table.header().size(); c++) {
                            columns.add(Refs.namedIssue(table.header().get(c)));
                        }
                        if (columns.isEmpty() || columns.stream().allMatch(java.util.Objects::isNull)
                                || isStatusTable(table)) {
                            continue;
                        }
                        used.add(t);
                        for (int c = 0; c < columns.size(); c++) {
                            if (columns.get(c) != null) {
                                issue(columns.get(c), null, Outline.firstLine(t));
                            }
                        }
                        for (int r = 0; r < table.rows().size(); r++) {
                            List<String> row = table.rows().get(r);
                            if (row.isEmpty()) {
                                continue;
                            }
                            for (int c = 0; c < columns.size() && c + 1 < row.size(); c++) {
                                if (columns.get(c) != null) {
                                    attribute(issues.get(columns.get(c)), row.get(0), row.get(c + 1),
                                            table.rowLines().get(r));
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    private void attribute(IssueDraft issue, String name, String value, int line) {
        String key = Outline.stripColon(name).toLowerCase(Locale.ROOT);
        String v = value.strip();
        if (v.isEmpty()) {
            return;
        }
        switch (key) {
            case "title", "name", "summary" -> {
                if (!issue.title.equals("Issue #" + issue.id) && !issue.title.equals(v)) {
                    log.decided(line, "#" + issue.id + " has two titles; took the comparison table's '" + v
                            + "' over '" + issue.title + "'");
                }
                issue.title = v;
            }
            case "priority" -> {
                String word = v.split("[\\s\\-–—:(]+")[0].toUpperCase(Locale.ROOT);
                try {
                    issue.priority = Priority.valueOf(word);
                    String note = v.substring(Math.min(v.length(), word.length())).replaceFirst("^[\\s\\-–—:]+", "");
                    issue.priorityNote = note.isBlank() ? null : note;
                } catch (IllegalArgumentException e) {
                    issue.priorityNote = v;
                    log.decided(line, "priority '" + v + "' of #" + issue.id + " is not CRITICAL/HIGH/MEDIUM/LOW; kept as a note");
                }
            }
            case "severity" -> issue.severity = v;
            case "impact" -> issue.impact = v;
            case "urgency" -> issue.urgency = v;
            case "risk", "risk level" -> issue.risk = v;
            case "created", "opened", "reported" -> issue.created = v;
            case "dependencies", "depends on", "blocks" -> issue.dependencyNote = v;
            case "files", "files affected", "affected files" -> issue.filesSummary = v;
            default -> {
                issue.description = (issue.description == null ? "" : issue.description + "\n") + Outline.stripColon(name) + ": " + v;
                return;
            }
        }
        log.recognised("issue attribute", issue.id, key + ": " + v, line, null);
    }

    private void issueHeadings() {
        for (Section section : outline.sections) {
            Matcher m = ISSUE_HEADING.matcher(section.title);
            if (m.matches()) {
                String id = m.group(1) != null ? m.group(1) : m.group(2);
                IssueDraft draft = issue(id, m.group(3), section.line);
                for (Section sub : section.tree()) {
                    if (FILES_AFFECTED.matcher(sub.title.toLowerCase(Locale.ROOT)).find()) {
                        affectedFiles(draft, sub);
                    }
                }
            }
        }
    }

    private void affectedFiles(IssueDraft issue, Section section) {
        Pattern file = Pattern.compile("`([^`\\s]+\\.[A-Za-z0-9]{1,6})`");
        for (Part part : section.parts) {
            List<String> candidates = new ArrayList<>();
            if (part.label != null) {
                candidates.add(part.label);
            }
            for (Node block : part.blocks) {
                if (block instanceof ListBlock list) {
                    MdText.items(list).forEach(i -> candidates.add(i.text()));
                }
            }
            for (String text : candidates) {
                Matcher m = file.matcher(text);
                if (m.find() && m.start() <= 2 && !issue.affectedFiles.contains(m.group(1))) {
                    issue.affectedFiles.add(m.group(1));
                    log.recognised("affected file", issue.id, m.group(1), part.line, null);
                }
            }
        }
    }

    // ---------------------------------------------------------------- phases

    private static boolean isStatusTable(MdText.Table table) {
        boolean phase = false;
        boolean state = false;
        for (String h : table.header()) {
            String l = h.toLowerCase(Locale.ROOT);
            phase |= PHASE_COLUMN.matcher(l).find();
            state |= STATUS_COLUMN.matcher(l).find();
        }
        return phase && state;
    }

    private void statusTable() {
        for (Section section : outline.sections) {
            for (Part part : section.parts) {
                for (Node block : part.blocks) {
                    if (block instanceof TableBlock t && isStatusTable(MdText.table(t))) {
                        if (!phases.isEmpty()) {
                            log.decided(Outline.firstLine(t), "a second status table; read its rows as further phases");
                        }
                        statusRows(MdText.table(t));
                        used.add(t);
                    }
                }
            }
        }
    }

    private void statusRows(MdText.Table table) {
        int phaseCol = -1;
        int issueCol = -1;
        int statusCol = -1;
        int notesCol = -1;
        for (int c = 0; c < table.header().size(); c++) {
            String h = table.header().get(c).toLowerCase(Locale.ROOT);
            if (phaseCol < 0 && PHASE_COLUMN.matcher(h).find()) {
                phaseCol = c;
            } else if (issueCol < 0 && ISSUE_COLUMN.matcher(h).find()) {
                issueCol = c;
            } else if (statusCol < 0 && STATUS_COLUMN.matcher(h).find()) {
                statusCol = c;
            } else if (notesCol < 0 && NOTES_COLUMN.matcher(h).find()) {
                notesCol = c;
            }
        }
        for (int r = 0; r < table.rows().size(); r++) {
            List<String> row = table.rows().get(r);
            int line = table.rowLines().get(r);
            String cell = cell(row, phaseCol);
            if (cell.isBlank()) {
                continue;
            }
            Matcher m = ROW_PHASE.matcher(cell);
            String number;
            int from;
            int to;
            String name;
            if (m.matches()) {
                from = Integer.parseInt(m.group(1));
                to = m.group(2) == null ? from : Integer.parseInt(m.group(2));
                number = m.group(2) == null ? m.group(1) : m.group(1) + "-" + m.group(2);
                name = m.group(3) == null || m.group(3).isBlank() ? cell : m.group(3);
            } else {
                from = r + 1;
                to = from;
                number = null;
                name = cell;
                log.decided(line, "status row '" + cell + "' has no phase number; numbered it by its position " + from);
            }
            List<String> rowIssues = new ArrayList<>();
            for (String id : Refs.issues(issueCol >= 0 ? cell(row, issueCol) : cell, issues.keySet())) {
                issue(id, null, line);
                rowIssues.add(id);
            }
            if (rowIssues.isEmpty() && issues.size() == 1) {
                rowIssues.add(issues.keySet().iterator().next());
            }
            PhaseDraft phase = newPhase(number, from, to, clean(name), rowIssues, line);
            phase.fromTable = true;
            String statusText = cell(row, statusCol);
            if (!statusText.isBlank()) {
                PhaseStatus parsed = Statuses.parse(statusText);
                if (parsed == null) {
                    log.decided(line, "status '" + statusText + "' of " + phase.id + " not recognised; kept PENDING");
                } else {
                    phase.status = parsed;
                }
            }
            String note = cell(row, notesCol);
            if (!note.isBlank() && !note.equals("-")) {
                phase.statusNote = note;
                pendingDependencies.add(new PendingDependency(phase, phase.issue(), note, line));
            }
        }
    }

    private static String cell(List<String> row, int col) {
        return col >= 0 && col < row.size() ? row.get(col).strip() : "";
    }

    private PhaseDraft newPhase(String number, int from, int to, String name, List<String> phaseIssues, int line) {
        PhaseDraft phase = new PhaseDraft(number, from, to, name.isBlank() ? "Phase " + number : name, line);
        phase.issues.addAll(phaseIssues);
        String base = "p" + (phase.issue() == null ? "" : phase.issue().toLowerCase(Locale.ROOT) + "-")
                + (number == null ? Refs.slug(name, 3) : number);
        phase.id = ids.unique("phase", base.equals("p") ? "p1" : base, line, log);
        addPhase(phase);
        log.recognised("phase", phase.id, phase.name, line, phase.issues.isEmpty() ? null : "issue " + phase.issues);
        return phase;
    }

    private void addPhase(PhaseDraft phase) {
        phase.position = phases.size();
        phases.add(phase);
        phasesByIssue.computeIfAbsent(phase.issue(), k -> new ArrayList<>()).add(phase);
        if (phase.to - phase.from > WIDE_RANGE) {
            widePhases.add(phase);
        } else {
            for (int n = phase.from; n <= phase.to; n++) {
                phasesByNumber.computeIfAbsent(n, k -> new ArrayList<>()).add(phase);
            }
        }
    }

    /** The phases whose first issue is the given one (null: phases without an issue), in plan order. */
    private List<PhaseDraft> phasesOf(String issue) {
        return phasesByIssue.getOrDefault(issue, List.of());
    }

    /** The phases of the issue, or all phases when the issue is unknown (null). */
    private List<PhaseDraft> phasesOfOrAll(String issue) {
        return issue == null ? phases : phasesOf(issue);
    }

    /** The phases covering the number, in plan order. */
    private List<PhaseDraft> phasesCovering(int number) {
        List<PhaseDraft> narrow = phasesByNumber.getOrDefault(number, List.of());
        if (widePhases.isEmpty()) {
            return narrow;
        }
        List<PhaseDraft> all = new ArrayList<>(narrow);
        widePhases.stream().filter(p -> p.covers(number)).forEach(all::add);
        all.sort(java.util.Comparator.comparingInt(p -> p.position));
        return all;
    }

    private void phaseHeadings() {
        for (Section section : outline.sections) {
            Matcher m = PHASE_HEADING.matcher(section.title);
            if (!m.matches() || inPhase(section.parent) != null) {
                continue;
            }
            int from = Integer.parseInt(m.group(2));
            int to = m.group(3) == null ? from : Integer.parseInt(m.group(3));
            String number = m.group(3) == null ? m.group(2) : m.group(2) + "-" + m.group(3);
            String rest = m.group(4) == null ? "" : m.group(4);
            List<String> headingIssues = Refs.issues(section.title, issues.keySet());
            headingIssues.removeIf(id -> !issues.containsKey(id));
            String name = clean(rest.replaceAll("\\([^)]*(#|\\b(?i:only|optional|begins|parallel)\\b)[^)]*\\)", ""));
            PhaseDraft phase = matchPhase(headingIssues, from, to, name, section.line);
            if (phase == null) {
                List<String> phaseIssues = new ArrayList<>(headingIssues);
                if (phaseIssues.isEmpty() && issues.size() == 1) {
                    phaseIssues.add(issues.keySet().iterator().next());
                }
                phase = newPhase(number, from, to, name.isBlank() ? section.title : name, phaseIssues, section.line);
            } else if (!name.isBlank() && !Refs.words(name).equals(Refs.words(phase.name))) {
                log.decided(section.line, "heading '" + section.title + "' is " + phase.id + " '" + phase.name
                        + "' of the status table; kept the table's name");
            }
            if (section.title.toLowerCase(Locale.ROOT).contains("optional")) {
                phase.optional = true;
            }
            phase.hasSection = true;
            phaseSections.put(section, phase);
            phaseContent(phase, section);
        }
    }

    private PhaseDraft matchPhase(List<String> headingIssues, int from, int to, String name, int line) {
        List<PhaseDraft> candidates = new ArrayList<>();
        List<PhaseDraft> pool = phasesCovering(from);
        if (!headingIssues.isEmpty()) {
            // Only phases of the heading's issues qualify: look among those rather than every phase numbered alike.
            pool = new ArrayList<>();
            for (String issue : headingIssues) {
                pool.addAll(phasesOf(issue));
            }
            pool.sort(java.util.Comparator.comparingInt(p -> p.position));
        }
        for (PhaseDraft p : pool) {
            if (p.from == from && p.to == to && !p.hasSection
                    && (headingIssues.isEmpty() || headingIssues.contains(p.issue()))) {
                candidates.add(p);
            }
        }
        if (candidates.size() > 1) {
            PhaseDraft best = candidates.stream()
                    .max((a, b) -> Integer.compare(overlap(a.name, name), overlap(b.name, name))).orElseThrow();
            log.decided(line, "phase heading " + from + " fits " + candidates.stream().map(p -> p.id).toList()
                    + "; took " + best.id + " (closest name)");
            return best;
        }
        return candidates.isEmpty() ? null : candidates.get(0);
    }

    private static int overlap(String a, String b) {
        Set<String> wa = Refs.words(a);
        wa.retainAll(Refs.words(b));
        return wa.size();
    }

    private PhaseDraft inPhase(Section section) {
        for (Section s = section; s != null; s = s.parent) {
            PhaseDraft p = phaseSections.get(s);
            if (p != null) {
                return p;
            }
        }
        return null;
    }

    private void phaseContent(PhaseDraft phase, Section section) {
        for (Section sub : section.tree()) {
            for (Unit unit : units(sub)) {
                boolean heading = unit.labelNode == null;
                String label = heading && sub == section ? null : unit.label;
                phaseUnit(phase, label, unit);
            }
        }
    }

    private void phaseUnit(PhaseDraft phase, String label, Unit unit) {
        String l = label == null ? "" : label.toLowerCase(Locale.ROOT);
        List<String> labelIssues = label == null ? List.of() : Refs.issues(label, issues.keySet());
        PhaseDraft target = phase;
        String taskIssue = null;
        if (!labelIssues.isEmpty() && !phase.issues.contains(labelIssues.get(0))) {
            PhaseDraft sibling = phasesOf(labelIssues.get(0)).stream()
                    .filter(p -> p.from == phase.from).findFirst().orElse(null);
            if (sibling != null) {
                target = sibling;
                log.decided(unit.line, "'" + label + "' under " + phase.id + " belongs to " + sibling.id);
            } else {
                taskIssue = labelIssues.get(0);
            }
        }
        for (Node block : unit.blocks) {
            if (block instanceof Paragraph p) {
                for (Field field : MdText.fields(p)) {
                    String k = field.key().toLowerCase(Locale.ROOT);
                    if (TIMELINE_KEY.matcher(k).matches()) {
                        target.timeline = field.value();
                        log.recognised("timeline", target.id, field.value(), field.line(), null);
                    } else if (STATUS_KEY.matcher(k).matches() && target.status == null && !target.fromTable) {
                        PhaseStatus s = Statuses.parse(field.value());
                        if (s != null) {
                            target.status = s;
                        }
                        target.description.add(field.key() + ": " + field.value());
                    } else if (DEPENDENCY_KEY.matcher(k).matches()) {
                        pendingDependencies.add(new PendingDependency(target, target.issue(), "after " + field.value(), field.line()));
                        target.description.add(field.key() + ": " + field.value());
                    } else {
                        target.description.add(field.key() + ": " + field.value());
                    }
                }
                if (MdText.isFieldParagraph(p)) {
                    used.add(p);
                }
            }
        }
        if (ROLLBACK.matcher(l).find()) {
            rollbackUnit(runbookFor(target.issue(), unit), unit, List.of(target.id), target.number);
            return;
        }
        if (DECISION.matcher(l).find()) {
            for (Node block : unit.blocks) {
                String code = code(block);
                if (code != null) {
                    String id = ids.unique("decision", "d-" + target.id, unit.line, log);
                    DecisionTree tree = DecisionTreeReader.read(id, "Decision: " + target.name, target.id, code);
                    if (tree != null) {
                        decisions.add(tree);
                        used.add(block);
                        markLabel(unit);
                        log.recognised("decision tree", id, tree.nodes().size() + " questions, "
                                + tree.outcomes().size() + " outcomes", Outline.firstLine(block), null);
                    } else {
                        log.decided(Outline.firstLine(block), "decision tree text not in IF/ELSE/→ form; kept as a note");
                    }
                }
            }
            return;
        }
        boolean criteria = CRITERIA_LABEL.matcher(l).find();
        boolean tasks = label == null || TASK_LABEL.matcher(l).find();
        boolean tests = TESTING_LABEL.matcher(l).find();
        for (Node block : unit.blocks) {
            if (!(block instanceof ListBlock list)) {
                continue;
            }
            List<Item> items = MdText.items(list);
            if (criteria) {
                for (Item item : items) {
                    if (!item.text().isBlank()) {
                        target.successCriteria.add(new Criterion(null, item.text(), null,
                                Boolean.TRUE.equals(item.ticked())));
                        target.criteriaLines.add(item.line());
                        log.recognised("success criterion", target.id, item.text(), item.line(), tickDetail(item));
                    }
                }
                used.add(list);
                markLabel(unit);
            } else if (tests && items.stream().anyMatch(i -> i.ticked() != null)) {
                SuiteDraft suite = suite("t-" + target.id, label, target.issue(), unit.line);
                suite.phases.add(target.id);
                suite.phasesGiven = true;
                addChecks(suite, items);
                used.add(list);
                markLabel(unit);
            } else if (tasks || items.stream().anyMatch(i -> i.ticked() != null)) {
                if (items.size() == 1 && items.get(0).text().toLowerCase(Locale.ROOT).startsWith("none")) {
                    log.decided(items.get(0).line(), "'" + label + "' says " + items.get(0).text() + "; no tasks");
                    pendingDependencies.add(new PendingDependency(null, taskIssue, items.get(0).text(), items.get(0).line()));
                    used.add(list);
                    markLabel(unit);
                    continue;
                }
                for (Item item : items) {
                    if (item.text().isBlank()) {
                        continue;
                    }
                    target.tasks.add(new TaskDraft(item.text(), taskIssue, item.details(), item.ticked(), item.line()));
                    pendingDependencies.add(new PendingDependency(target, target.issue(), item.text(), item.line()));
                }
                used.add(list);
                markLabel(unit);
            }
        }
    }

    private static String tickDetail(Item item) {
        return item.ticked() == null ? null : item.ticked() ? "ticked" : "not ticked";
    }

    private void markLabel(Unit unit) {
        if (unit.labelNode != null) {
            used.add(unit.labelNode);
        }
    }

    private List<Unit> units(Section section) {
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

    /**
     * Timeline lists such as "Week 2: Type safety and consistency (Phase 3-4)" give the phases they name a
     * timeline when their own section gave none; failing that, a status note such as "Week 2" does.
     */
    private void timelines() {
        Pattern when = Pattern.compile("(?i)^((?:week|day|hour|month)s?\\s+\\d+(?:\\s*[-–]\\s*\\d+)?\\+?)\\s*:\\s*(.*)$");
        for (Section section : outline.sections) {
            for (Unit unit : units(section)) {
                String issue = issueContext(section, unit.labelNode == null ? null : unit.label);
                for (Node block : unit.blocks) {
                    if (!(block instanceof ListBlock list)) {
                        continue;
                    }
                    for (Item item : MdText.items(list)) {
                        Matcher m = when.matcher(item.text());
                        if (!m.matches()) {
                            continue;
                        }
                        for (PhaseDraft p : refsIn(m.group(2), issue)) {
                            if (p.timeline == null) {
                                p.timeline = m.group(1);
                                log.recognised("timeline", p.id, m.group(1), item.line(), "from: " + item.text());
                            }
                        }
                    }
                }
            }
        }
        for (PhaseDraft p : phases) {
            if (p.timeline == null && p.statusNote != null && when.matcher(p.statusNote + ":").matches()) {
                p.timeline = p.statusNote;
                log.decided(p.line, p.id + " has no timeline of its own; took its status note '" + p.statusNote + "'");
            }
        }
    }

    // ---------------------------------------------------------------- testing

    private String issueContext(Section section, String label) {
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

    private final Map<Section, String> sectionIssues = new IdentityHashMap<>();

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

    private SuiteDraft suite(String base, String suiteTitle, String issue, int line) {
        String id = ids.unique("suite", base, line, log);
        SuiteDraft suite = new SuiteDraft(id, suiteTitle == null || suiteTitle.isBlank() ? "Checks" : suiteTitle, issue, line);
        suites.add(suite);
        log.recognised("test suite", id, suite.title, line, null);
        return suite;
    }

    private void addChecks(SuiteDraft suite, List<Item> items) {
        for (Item item : items) {
            if (!item.text().isBlank()) {
                suite.checks.add(new TaskDraft(item.text(), null, item.details(), item.ticked(), item.line()));
            }
        }
    }

    private void testing(Section section) {
        SuiteDraft current = null;
        for (Unit unit : units(section)) {
            String label = unit.label;
            String issue = issueContext(section, unit.labelNode == null ? null : label);
            String l = label.toLowerCase(Locale.ROOT);
            Matcher testCase = TEST_CASE.matcher(label);
            if (testCase.matches()) {
                List<String> steps = new ArrayList<>();
                String expected = null;
                for (Node block : unit.blocks) {
                    if (block instanceof ListBlock list) {
                        for (Item item : MdText.items(list)) {
                            if (item.text().toLowerCase(Locale.ROOT).startsWith("expected")) {
                                expected = Outline.stripColon(item.text().replaceFirst("(?i)^expected( result)?:?", "")).strip();
                            } else if (!item.text().isBlank()) {
                                steps.add(item.text());
                            }
                        }
                        used.add(list);
                    } else if (block instanceof Paragraph p) {
                        for (Field f : MdText.fields(p)) {
                            if (f.key().toLowerCase(Locale.ROOT).startsWith("expected")) {
                                expected = f.value();
                                used.add(p);
                            }
                        }
                    }
                }
                if (steps.isEmpty()) {
                    continue;
                }
                if (current == null || !java.util.Objects.equals(current.issue, issue)) {
                    current = suite("t" + (issue == null ? "" : issue.toLowerCase(Locale.ROOT)) + "-cases", "Test cases", issue, unit.line);
                }
                String name = testCase.group(2).isBlank() ? label : testCase.group(2);
                current.cases.add(new TestCase(null, name, steps, expected));
                log.recognised("test case", current.id, name, unit.line, steps.size() + " steps");
                markLabel(unit);
                continue;
            }
            if (AUDIT.matcher(l).find()) {
                audit(unit, issue);
                continue;
            }
            List<Item> items = new ArrayList<>();
            List<Node> lists = new ArrayList<>();
            for (Node block : unit.blocks) {
                if (block instanceof ListBlock list) {
                    items.addAll(MdText.items(list));
                    lists.add(list);
                }
            }
            boolean heading = unit.labelNode == null;
            if (items.isEmpty() && !(heading || !SUITE_LABEL.matcher(l).find())) {
                // a suite title with its cases to follow ("Functional Testing (After Code Changes):")
                current = newSuite(section, unit, issue);
                markLabel(unit);
                continue;
            }
            if (items.isEmpty()) {
                continue;
            }
            current = newSuite(section, unit, issue);
            addChecks(current, items);
            used.addAll(lists);
            markLabel(unit);
        }
    }

    private SuiteDraft newSuite(Section section, Unit unit, String issue) {
        String label = unit.label;
        List<Refs.PhaseRef> refs = Refs.phases(label);
        String prefix = "t" + (issue == null ? "" : issue.toLowerCase(Locale.ROOT));
        String base;
        if (!refs.isEmpty()) {
            Refs.PhaseRef r = refs.get(0);
            base = prefix + "-p" + r.from() + (r.to() != r.from() ? "-" + r.to() : "");
        } else {
            String words = label.replaceAll("\\([^)]*\\)", "").replaceAll("(?i)#\\d+|\\btest(s|ing)?\\b", "");
            String slug = Refs.slug(words, 1);
            base = prefix + "-" + (slug.isEmpty() ? "checks" : slug);
        }
        Matcher when = Pattern.compile("\\(([^)]*)\\)\\s*$").matcher(label);
        String suiteTitle = Outline.stripColon(label);
        String whenText = null;
        if (when.find() && when.start() > 0) {
            whenText = when.group(1).strip();
            suiteTitle = label.substring(0, when.start()).strip();
        }
        SuiteDraft suite = suite(base, suiteTitle, issue, unit.line);
        suite.when = whenText;
        for (Refs.PhaseRef r : refs) {
            for (int n = r.from(); n <= r.to(); n++) {
                PhaseDraft p = resolve(r.issue() != null ? r.issue() : issue, n);
                if (p != null && !suite.phases.contains(p.id)) {
                    suite.phases.add(p.id);
                }
            }
            suite.phasesGiven = true;
        }
        return suite;
    }

    private void audit(Unit unit, String issue) {
        for (Node block : unit.blocks) {
            String code = code(block);
            if (code == null) {
                continue;
            }
            int json = code.indexOf('{');
            if (json < 0) {
                continue;
            }
            String before = code.substring(0, json);
            String command = null;
            for (String line : before.split("\n")) {
                String s = line.strip();
                if (!s.isEmpty() && !s.startsWith("#") && !s.startsWith("//")) {
                    command = s;
                }
            }
            String sample = code.substring(json).strip();
            List<FieldExpectation> expect = new ArrayList<>();
            try {
                JsonNode tree = new ObjectMapper().readTree(sample);
                expectations(tree, "", expect);
            } catch (java.io.IOException e) {
                log.decided(Outline.firstLine(block), "audit output is not JSON; kept as a note");
                continue;
            }
            if (command == null) {
                continue;
            }
            pendingAudits.add(new PendingAudit(issue, new AuditGate(unit.label, command, expect, sample), unit.line));
            used.add(block);
            markLabel(unit);
        }
    }

    private static void expectations(JsonNode node, String path, List<FieldExpectation> out) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                expectations(e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey(), out);
            }
        } else if (node.isBoolean()) {
            out.add(new FieldExpectation(path, node.booleanValue()));
        }
    }

    private void audits() {
        for (PendingAudit audit : pendingAudits) {
            List<PhaseDraft> candidates = phasesOfOrAll(audit.issue);
            PhaseDraft target = candidates.stream()
                    .filter(p -> p.audit == null && p.tasks.stream().anyMatch(t -> t.text.toLowerCase(Locale.ROOT).contains("audit")))
                    .findFirst().orElse(candidates.stream().filter(p -> p.audit == null).findFirst().orElse(null));
            if (target == null) {
                log.decided(audit.line, "audit '" + audit.gate.title() + "' has no phase to gate; kept as a note");
                continue;
            }
            target.audit = audit.gate;
            log.recognised("audit gate", target.id, audit.gate.command(), audit.line,
                    audit.gate.expect().size() + " expectations");
        }
    }

    private void checklistsElsewhere() {
        for (Section section : outline.sections) {
            if (inPhase(section) != null) {
                continue;
            }
            for (Unit unit : units(section)) {
                for (Node block : unit.blocks) {
                    if (block instanceof ListBlock list && !used.contains(list)) {
                        List<Item> items = MdText.items(list);
                        if (!items.isEmpty() && items.stream().allMatch(i -> i.ticked() != null)) {
                            String issue = issueContext(section, unit.labelNode == null ? null : unit.label);
                            String slug = Refs.slug(unit.label, 3);
                            SuiteDraft suite = suite("t" + (issue == null ? "" : issue) + "-" + (slug.isEmpty() ? "checklist" : slug),
                                    unit.label, issue, unit.line);
                            suite.phasesGiven = true;
                            addChecks(suite, items);
                            log.decided(unit.line, "checklist '" + unit.label + "' is outside any phase or testing section; "
                                    + "made it test suite " + suite.id + " covering no phase");
                            used.add(list);
                            markLabel(unit);
                        }
                    }
                }
            }
        }
    }

    private void defaultSuitePhases() {
        for (SuiteDraft suite : suites) {
            if (suite.phasesGiven || !suite.phases.isEmpty()) {
                continue;
            }
            List<PhaseDraft> ofIssue = phasesOfOrAll(suite.issue);
            List<PhaseDraft> required = ofIssue.stream().filter(p -> !p.optional).toList();
            List<PhaseDraft> chosen = required.isEmpty() ? ofIssue : required;
            if (chosen.size() > 1 && suite.issue == null) {
                chosen = List.of();
            }
            chosen.forEach(p -> suite.phases.add(p.id));
            if (chosen.isEmpty()) {
                log.decided(suite.line, "'" + suite.title + "' names no phase and the plan has several; it covers no phase");
            } else {
                log.decided(suite.line, "'" + suite.title + "' names no phase; it covers "
                        + suite.phases + " (the " + (required.isEmpty() ? "" : "non-optional ") + "phases of "
                        + (suite.issue == null ? "the plan" : "#" + suite.issue) + ")");
            }
        }
    }

    // ---------------------------------------------------------------- rollback

    private RunbookDraft runbookFor(String issue, Unit unit) {
        String key = issue == null ? "" : issue;
        String rbTitle = null;
        for (Section s = unit.section; s != null && s.level > 0; s = s.parent) {
            if (ROLLBACK.matcher(s.title.toLowerCase(Locale.ROOT)).find()) {
                rbTitle = s.title;
                break;
            }
        }
        RunbookDraft existing = runbooks.get(key);
        if (existing != null) {
            if (!existing.titled && rbTitle != null) {
                existing.title = rbTitle;
                existing.titled = true;
            }
            return existing;
        }
        String id = ids.unique("runbook", "rb" + key.toLowerCase(Locale.ROOT), unit.line, log);
        RunbookDraft draft = new RunbookDraft(id, rbTitle != null ? rbTitle : issue != null ? "#" + issue + " Rollback"
                : "Rollback", issue, unit.line);
        draft.titled = rbTitle != null;
        runbooks.put(key, draft);
        return draft;
    }

    private void rollback(Section section) {
        for (Unit unit : units(section)) {
            String issue = issueContext(section, unit.labelNode == null ? null : unit.label);
            String l = unit.label.toLowerCase(Locale.ROOT);
            boolean hasCode = unit.blocks.stream().anyMatch(b -> code(b) != null);
            if (ROLLBACK_CRITERIA.matcher(l).find()) {
                RunbookDraft runbook = runbookFor(issue, unit);
                for (Node block : unit.blocks) {
                    if (block instanceof ListBlock list) {
                        for (Item item : MdText.items(list)) {
                            if (!item.text().isBlank()) {
                                runbook.criteria.add(new Criterion(null, item.text(), null));
                                log.recognised("rollback criterion", runbook.id, item.text(), item.line(), null);
                            }
                        }
                        used.add(list);
                        markLabel(unit);
                    }
                }
            } else if (hasCode || unit.labelNode != null && unit.blocks.stream().anyMatch(b -> b instanceof OrderedList)) {
                rollbackUnit(runbookFor(issue, unit), unit, null, null);
            }
        }
    }

    private void rollbackUnit(RunbookDraft runbook, Unit unit, List<String> phaseIds, String phaseNumber) {
        List<ProcedureStep> steps = new ArrayList<>();
        List<Node> usedBlocks = new ArrayList<>();
        for (Node block : unit.blocks) {
            String code = code(block);
            if (code != null && (!(block instanceof FencedCodeBlock f) || Commands.isShell(f.getInfo()))) {
                steps.addAll(Commands.steps(code));
                usedBlocks.add(block);
            } else if (block instanceof ListBlock list && (code == null)) {
                for (Item item : MdText.items(list)) {
                    if (!item.text().isBlank()) {
                        steps.add(new ProcedureStep(null, item.text(), null, false));
                    }
                }
                usedBlocks.add(block);
            }
        }
        if (steps.isEmpty()) {
            return;
        }
        steps.replaceAll(step -> Commands.runnableOrManual(step, reason -> log.decided(unit.line, reason)));
        String context = unit.labelNode == null ? unit.label : unit.label + " / " + unit.section.title;
        List<String> phaseList = phaseIds != null ? phaseIds : procedurePhases(context, runbook.issue, unit.line);
        String base;
        List<Refs.PhaseRef> refs = Refs.phases(context);
        if (!refs.isEmpty()) {
            Refs.PhaseRef r = refs.get(0);
            base = runbook.id + "-phase" + r.from() + (r.to() != r.from() ? "-" + r.to() : "");
        } else if (phaseNumber != null) {
            base = runbook.id + "-phase" + phaseNumber;
        } else {
            String words = unit.label.replaceAll("(?i)\\b(if|the|a|an|when|our)\\b", " ").replaceAll("\\([^)]*\\)", "");
            String slug = Refs.slug(words, 1);
            base = runbook.id + "-" + (slug.isEmpty() ? "procedure" : slug);
        }
        String id = ids.unique("procedure", base, unit.line, log);
        runbook.procedures.add(new Procedure(id, unit.label, phaseList, steps));
        usedBlocks.forEach(used::add);
        markLabel(unit);
        log.recognised("rollback procedure", id, unit.label, unit.line, steps.size() + " steps"
                + (phaseList.isEmpty() ? "" : ", phases " + phaseList));
        for (ProcedureStep step : steps) {
            if (step.command() != null) {
                log.recognised("command", id, step.command(), unit.line, step.alternative() ? "alternative" : null);
            }
        }
    }

    private List<String> procedurePhases(String label, String issue, int line) {
        List<String> found = new ArrayList<>();
        for (Refs.PhaseRef r : Refs.phases(label)) {
            for (int n = r.from(); n <= r.to(); n++) {
                PhaseDraft p = resolve(r.issue() != null ? r.issue() : issue, n);
                if (p != null && !found.contains(p.id)) {
                    found.add(p.id);
                }
            }
        }
        if (found.isEmpty()) {
            String words = label.replaceAll("(?i)\\b(if|cause|causes|issues?|problems?|fails?|changes?)\\b", "");
            PhaseDraft best = null;
            int bestScore = 0;
            for (PhaseDraft p : phasesOfOrAll(issue)) {
                int score = overlap(p.name, words);
                if (score > bestScore) {
                    best = p;
                    bestScore = score;
                }
            }
            if (best != null) {
                found.add(best.id);
                log.decided(line, "rollback '" + label + "' names no phase; matched it to " + best.id + " '" + best.name + "' by name");
            }
        }
        return found;
    }

    // ---------------------------------------------------------------- metrics and alerts

    private void metrics(Section section) {
        for (Unit unit : units(section)) {
            String issue = issueContext(section, unit.labelNode == null ? null : unit.label);
            for (Node block : unit.blocks) {
                if (block instanceof ListBlock list) {
                    boolean all = true;
                    for (Item item : MdText.items(list)) {
                        if (metricLine(item.text(), issue, item.line())) {
                            used.add(item.node());
                        } else {
                            all = false;
                        }
                    }
                    if (all) {
                        used.add(list);
                    }
                } else if (block instanceof TableBlock t) {
                    metricTable(MdText.table(t), issue, t);
                }
            }
        }
    }

    private void metricTable(MdText.Table table, String issue, TableBlock node) {
        int name = -1;
        int base = -1;
        int target = -1;
        for (int c = 0; c < table.header().size(); c++) {
            String h = table.header().get(c).toLowerCase(Locale.ROOT);
            if (METRIC_COLUMN.matcher(h).find() && name < 0) {
                name = c;
            } else if (BASELINE_COLUMN.matcher(h).find() && base < 0) {
                base = c;
            } else if (TARGET_COLUMN.matcher(h).find() && target < 0) {
                target = c;
            }
        }
        if (name < 0 || base < 0 && target < 0) {
            return;
        }
        boolean any = false;
        for (int r = 0; r < table.rows().size(); r++) {
            List<String> row = table.rows().get(r);
            String text = cell(row, name) + ": " + (base < 0 ? "?" : cell(row, base)) + " → " + (target < 0 ? "?" : cell(row, target));
            any |= metricLine(text, issue, table.rowLines().get(r));
        }
        if (any) {
            used.add(node);
        }
    }

    private boolean metricLine(String text, String issue, int line) {
        Matcher m = METRIC_LINE.matcher(text);
        if (!m.matches()) {
            return false;
        }
        String name = m.group(1).strip();
        String toText = m.group(3);
        String note = null;
        Matcher paren = Pattern.compile("\\(([^)]*)\\)\\s*$").matcher(toText);
        if (paren.find()) {
            note = paren.group(1).strip();
            toText = toText.substring(0, paren.start()).strip();
        }
        Quantity from = m.group(2).strip().equals("?") ? null : Quantity.parse(m.group(2));
        Quantity to = toText.equals("?") ? null : Quantity.parse(toText);
        if (from == null && to == null || name.isBlank()) {
            return false;
        }
        String id = ids.unique("metric", metricId(name), line, log);
        MetricDraft metric = new MetricDraft(id, name, issue, line);
        metric.baseline = from == null ? null : from.value();
        metric.target = to == null ? null : to.value();
        String unit = to != null && to.unit() != null ? to.unit() : from != null ? from.unit() : null;
        if (from != null && from.unit() != null && to != null && to.unit() != null && to.unit().startsWith("/")) {
            unit = from.unit() + to.unit();
        }
        if (unit != null && unit.startsWith("/")) {
            String[] words = name.strip().split("\\s+");
            unit = words[words.length - 1].toLowerCase(Locale.ROOT) + unit;
        }
        metric.unit = unit;
        String lower = text.toLowerCase(Locale.ROOT);
        Direction said = SAYS_DOWN.matcher(lower).find() ? Direction.DOWN
                : SAYS_UP.matcher(lower).find() ? Direction.UP : null;
        Direction byNumbers = metric.baseline != null && metric.target != null && !metric.baseline.equals(metric.target)
                ? (metric.target < metric.baseline ? Direction.DOWN : Direction.UP) : null;
        metric.direction = byNumbers != null ? byNumbers : said != null ? said : Direction.DOWN;
        if (said != null && byNumbers != null && said != byNumbers) {
            log.decided(line, "metric '" + name + "' says " + said + " but its numbers go " + byNumbers + "; followed the numbers");
        }
        StringBuilder targetNote = new StringBuilder();
        if (to != null && to.qualifier() != null) {
            targetNote.append(toText);
        }
        if (note != null) {
            targetNote.append(targetNote.length() > 0 ? " (" + note + ")" : note);
        }
        metric.targetNote = targetNote.length() == 0 ? null : targetNote.toString();
        addMetric(metric);
        log.recognised("metric", id, name, line, "baseline " + metric.baseline + ", target " + metric.target
                + (unit == null ? "" : " " + unit) + ", " + metric.direction);
        return true;
    }

    private static String metricId(String name) {
        String slug = Refs.slug(name, 4);
        if (slug.isEmpty()) {
            return "metric";
        }
        return Character.isLetter(slug.charAt(0)) ? slug : "m-" + slug;
    }

    private void alerts() {
        for (Section section : outline.sections) {
            for (Unit unit : units(section)) {
                for (Node block : unit.blocks) {
                    if (block instanceof ListBlock list) {
                        for (Item item : MdText.items(list)) {
                            if (alertLine(item.text(), item.line(), issueContext(section, null))) {
                                used.add(item.node());
                            }
                        }
                    } else if (block instanceof Paragraph p) {
                        for (Field line : MdText.lines(p)) {
                            alertLine(line.value(), line.line(), issueContext(section, null));
                        }
                    }
                }
            }
        }
    }

    private boolean alertLine(String text, int line, String issue) {
        if (!text.toLowerCase(Locale.ROOT).contains("alert")) {
            return false;
        }
        Matcher m = ALERTS.matcher(text);
        if (!m.find()) {
            return false;
        }
        List<Quantity> values = Quantity.all(m.group(1));
        if (values.isEmpty()) {
            return false;
        }
        Set<String> lineWords = Refs.words(text);
        MetricDraft metric = issue == null ? bestOfAllMetrics(lineWords) : bestMetric(metricsOf(issue), lineWords);
        if (metric == null) {
            metric = bestOfAllMetrics(lineWords);
        }
        if (metric == null) {
            String name = text.replaceAll("(?i)^.*?\\b(set up|add|configure|create)\\b\\s*", "")
                    .replaceAll("(?i)\\balert(s|ing)?\\b.*$", "").strip();
            Quantity last = values.get(values.size() - 1);
            String metricName = (name.isBlank() ? "Alerted metric" : name) + (last.unit() == null ? "" : " " + last.unit());
            String id = ids.unique("metric", metricId(metricName), line, log);
            metric = new MetricDraft(id, metricName, issue, line);
            metric.unit = last.unit();
            metric.direction = Direction.DOWN;
            addMetric(metric);
            log.decided(line, "alert thresholds name no known metric; created metric " + id);
        }
        List<Double> sorted = values.stream().map(Quantity::value).sorted().toList();
        boolean worseHigh = metric.direction != Direction.UP;
        boolean knownWay = metric.baseline != null && metric.target != null;
        if (!knownWay && sorted.size() > 1) {
            log.decided(line, "metric " + metric.id + " has no baseline and target to tell which way is worse; "
                    + "all its thresholds are warnings");
        }
        for (int i = 0; i < sorted.size(); i++) {
            boolean critical = knownWay && (worseHigh ? i == sorted.size() - 1 : i == 0);
            String label = Numbers.compact(sorted.get(i)) + (metric.unit == null ? "" : " " + metric.unit);
            metric.thresholds.add(new Threshold(sorted.get(i), critical && sorted.size() > 1 ? Severity.CRITICAL : Severity.WARNING, label));
        }
        log.recognised("alert thresholds", metric.id, sorted.stream().map(Numbers::compact).toList().toString(), line, null);
        return true;
    }

    /** Metrics by issue ("" for none), in plan order, kept as metrics are added. */
    private final Map<String, List<MetricDraft>> metricsByIssue = new HashMap<>();

    private void addMetric(MetricDraft metric) {
        metrics.add(metric);
        metricsByIssue.computeIfAbsent(metric.issue == null ? "" : metric.issue, k -> new ArrayList<>()).add(metric);
    }

    /** Metrics of the issue ("" for metrics without one; all metrics when the issue is unknown). */
    private List<MetricDraft> metricsOf(String issue) {
        if (issue == null) {
            return metrics;
        }
        return metricsByIssue.getOrDefault(issue, List.of());
    }

    /** The best match among all metrics found so far for a set of words, and how many metrics that looked at. */
    private static final class BestMetric {
        MetricDraft metric;
        int score;
        int seen;
    }

    private final Map<Set<String>, BestMetric> bestOfAll = new HashMap<>();

    /**
     * {@link #bestMetric} over all metrics. Metrics are only ever appended and a metric's score for given words
     * never changes, so a repeated line (every alert in a long plan) only looks at the metrics added since.
     */
    private MetricDraft bestOfAllMetrics(Set<String> lineWords) {
        BestMetric best = bestOfAll.computeIfAbsent(lineWords, k -> new BestMetric());
        for (; best.seen < metrics.size(); best.seen++) {
            MetricDraft candidate = metrics.get(best.seen);
            int score = score(candidate, lineWords);
            if (score > best.score) {
                best.metric = candidate;
                best.score = score;
            }
        }
        return best.metric;
    }

    private static int score(MetricDraft candidate, Set<String> lineWords) {
        int score = 0;
        for (String w : candidate.words()) {
            if (lineWords.contains(w)) {
                score++;
            }
        }
        return score;
    }

    private static MetricDraft bestMetric(List<MetricDraft> candidates, Set<String> lineWords) {
        MetricDraft best = null;
        int bestScore = 0;
        for (MetricDraft candidate : candidates) {
            int score = score(candidate, lineWords);
            if (score > bestScore) {
                best = candidate;
                bestScore = score;
            }
        }
        return best;
    }

    private void milestones() {
        for (PhaseDraft phase : phases) {
            for (int i = 0; i < phase.successCriteria.size(); i++) {
                String text = phase.successCriteria.get(i).text();
                Matcher m = Pattern.compile("(?i)(?:→|->|\\bto\\b)\\s*(~?[0-9.,]+[KMG]?)").matcher(text);
                if (!m.find()) {
                    continue;
                }
                Quantity q = Quantity.parse(m.group(1));
                if (q == null) {
                    continue;
                }
                Set<String> criterionWords = Refs.words(text);
                MetricDraft best = null;
                int bestScore = 0;
                List<MetricDraft> candidates = new ArrayList<>(metricsOf(phase.issue()));
                if (phase.issue() != null) {
                    candidates.addAll(metricsOf(""));
                }
                for (MetricDraft metric : candidates) {
                    if (metric.baseline == null) {
                        continue;
                    }
                    int score = 0;
                    for (String w : metric.words()) {
                        if (criterionWords.contains(w)) {
                            score++;
                        }
                    }
                    boolean sameScale = q.value() <= metric.baseline * 1.5 && q.value() >= Math.min(metric.baseline,
                            metric.target == null ? metric.baseline : metric.target) / 2;
                    if (score > bestScore && sameScale) {
                        best = metric;
                        bestScore = score;
                    }
                }
                if (best != null) {
                    best.milestones.add(new Milestone(phase.id, q.value()));
                    log.recognised("milestone", best.id, "after " + phase.id + ": " + Numbers.compact(q.value()),
                            phase.criteriaLines.get(i), null);
                }
            }
        }
    }

    // ---------------------------------------------------------------- dependencies

    private void dependencies(Section section) {
        String issue = issueContext(section, null);
        List<String> external = new ArrayList<>();
        List<String> internal = new ArrayList<>();
        List<String> blockers = new ArrayList<>();
        for (Unit unit : units(section)) {
            String l = unit.label.toLowerCase(Locale.ROOT);
            List<String> target = EXTERNAL.matcher(l).find() ? external : INTERNAL.matcher(l).find() ? internal
                    : BLOCKERS.matcher(l).find() ? blockers : null;
            for (Node block : unit.blocks) {
                if (block instanceof ListBlock list) {
                    for (Item item : MdText.items(list)) {
                        if (item.text().isBlank()) {
                            continue;
                        }
                        if (target != null) {
                            target.add(item.text());
                        }
                        if (issue != null) {
                            pendingDependencies.add(new PendingDependency(null, issue, item.text(), item.line()));
                        }
                    }
                    if (target != null) {
                        used.add(list);
                        markLabel(unit);
                    }
                }
            }
        }
        if (issue != null && issues.containsKey(issue) && !(external.isEmpty() && internal.isEmpty() && blockers.isEmpty())) {
            dependencies.add(new DependencySet(issue, external, internal, blockers));
            log.recognised("dependencies", issue, external.size() + " external, " + internal.size() + " internal, "
                    + blockers.size() + " blockers", section.line, null);
        }
    }

    /** The phase an item's dependency wording is about: its own, or the first phase of its issue. */
    private void resolveDependencies() {
        for (PendingDependency pending : pendingDependencies) {
            String text = pending.text;
            int blocks = Refs.blocksAt(text);
            if (blocks >= 0) {
                List<PhaseDraft> before = refsIn(text.substring(0, blocks), pending.issue);
                String after = text.substring(blocks);
                List<PhaseDraft> blocked = refsIn(after, pending.issue);
                if (blocked.isEmpty()) {
                    for (String id : Refs.issues(after, issues.keySet())) {
                        phasesOf(id).stream().findFirst().ifPresent(blocked::add);
                    }
                }
                if (blocked.isEmpty() && pending.phase != null) {
                    blocked.add(pending.phase);
                }
                for (PhaseDraft b : blocked) {
                    for (PhaseDraft a : before) {
                        addDependency(b, a, pending.line, text);
                    }
                }
                continue;
            }
            if (!Refs.saysAfter(text) || Refs.saysParallel(text)) {
                continue;
            }
            PhaseDraft subject = pending.phase;
            if (subject == null && pending.issue != null) {
                subject = phasesOf(pending.issue).stream().findFirst().orElse(null);
            }
            if (subject == null) {
                continue;
            }
            for (PhaseDraft prerequisite : refsIn(text, subject.issue())) {
                addDependency(subject, prerequisite, pending.line, text);
            }
        }
        sequenceWithinIssues();
        breakCycles();
    }

    /**
     * Phases of one issue run in order unless the document says otherwise: a phase with no dependency on
     * an earlier phase of its own issue follows the one before it.
     */
    private void sequenceWithinIssues() {
        Map<String, PhaseDraft> previous = new HashMap<>();
        Map<String, PhaseDraft> byId = new HashMap<>();
        phases.forEach(p -> byId.put(p.id, p));
        for (PhaseDraft phase : phases) {
            String issue = phase.issue() == null ? "" : phase.issue();
            PhaseDraft before = previous.get(issue);
            boolean ownIssueDependency = phase.dependsOn.stream()
                    .map(byId::get).anyMatch(d -> d != null && java.util.Objects.equals(d.issue(), phase.issue()));
            if (before != null && !ownIssueDependency && before.to <= phase.from) {
                phase.dependsOn.add(before.id);
                log.decided(phase.line, phase.id + " follows " + before.id + ": the document gives no order within "
                        + (issue.isEmpty() ? "the plan" : "#" + issue) + ", so phases run in the order listed");
            }
            previous.put(issue, phase);
        }
    }

    private List<PhaseDraft> refsIn(String text, String issue) {
        List<PhaseDraft> found = new ArrayList<>();
        for (Refs.PhaseRef r : Refs.phases(text)) {
            for (int n = r.from(); n <= r.to(); n++) {
                PhaseDraft p = resolve(r.issue() != null ? r.issue() : issue, n);
                if (p != null && !found.contains(p)) {
                    found.add(p);
                }
            }
        }
        return found;
    }

    private void addDependency(PhaseDraft phase, PhaseDraft on, int line, String text) {
        if (phase == on || phase.dependsOn.contains(on.id)) {
            return;
        }
        phase.dependsOn.add(on.id);
        log.recognised("dependency", phase.id, phase.id + " after " + on.id, line, "from: " + text);
    }

    private PhaseDraft resolve(String issue, int number) {
        List<PhaseDraft> covering = phasesCovering(number);
        if (issue != null) {
            // The first phase of the issue covering the number; both lists are in plan order, so walk the shorter.
            List<PhaseDraft> ofIssue = phasesOf(issue);
            for (PhaseDraft p : ofIssue.size() < covering.size() ? ofIssue : covering) {
                if (p.covers(number) && issue.equals(p.issue())) {
                    return p;
                }
            }
        }
        boolean unambiguous = covering.size() == 1 && (issue == null || !issues.containsKey(issue));
        return unambiguous ? covering.get(0) : null;
    }

    private void breakCycles() {
        Map<String, PhaseDraft> byId = new HashMap<>();
        phases.forEach(p -> byId.put(p.id, p));
        int[] component = components(byId);
        for (PhaseDraft phase : phases) {
            for (Iterator<String> it = phase.dependsOn.iterator(); it.hasNext(); ) {
                String dep = it.next();
                PhaseDraft on = byId.get(dep);
                // Only a dependency inside a strongly connected component can close a cycle, and dropping
                // dependencies never joins components: the search runs only where a cycle is possible.
                boolean mayCloseCycle = on != null && component[on.position] == component[phase.position];
                if (mayCloseCycle && reaches(byId, dep, phase.id, new java.util.HashSet<>())) {
                    it.remove();
                    log.decided(phase.line, "dropped " + phase.id + " after " + dep + ": it would close a dependency cycle");
                }
            }
        }
    }

    /** The strongly connected component of each phase (by position) in the dependency graph; Tarjan's, without recursion. */
    private int[] components(Map<String, PhaseDraft> byId) {
        int n = phases.size();
        int[][] edges = new int[n][];
        for (PhaseDraft phase : phases) {
            edges[phase.position] = phase.dependsOn.stream().map(byId::get).filter(java.util.Objects::nonNull)
                    .mapToInt(p -> p.position).toArray();
        }
        int[] index = new int[n];
        java.util.Arrays.fill(index, -1);
        int[] low = new int[n];
        int[] component = new int[n];
        boolean[] onStack = new boolean[n];
        java.util.Deque<Integer> stack = new java.util.ArrayDeque<>();
        int counter = 0;
        int components = 0;
        for (int root = 0; root < n; root++) {
            if (index[root] >= 0) {
                continue;
            }
            java.util.Deque<int[]> work = new java.util.ArrayDeque<>();
            index[root] = counter;
            low[root] = counter++;
            stack.push(root);
            onStack[root] = true;
            work.push(new int[] {root, 0});
            while (!work.isEmpty()) {
                int[] top = work.peek();
                int v = top[0];
                if (top[1] < edges[v].length) {
                    int w = edges[v][top[1]++];
                    if (index[w] < 0) {
                        index[w] = counter;
                        low[w] = counter++;
                        stack.push(w);
                        onStack[w] = true;
                        work.push(new int[] {w, 0});
                    } else if (onStack[w]) {
                        low[v] = Math.min(low[v], index[w]);
                    }
                    continue;
                }
                work.pop();
                if (!work.isEmpty()) {
                    int parent = work.peek()[0];
                    low[parent] = Math.min(low[parent], low[v]);
                }
                if (low[v] == index[v]) {
                    int w;
                    do {
                        w = stack.pop();
                        onStack[w] = false;
                        component[w] = components;
                    } while (w != v);
                    components++;
                }
            }
        }
        return component;
    }

    private static boolean reaches(Map<String, PhaseDraft> byId, String from, String to, Set<String> seen) {
        if (from.equals(to)) {
            return true;
        }
        if (!seen.add(from)) {
            return false;
        }
        PhaseDraft p = byId.get(from);
        if (p == null) {
            return false;
        }
        for (String next : p.dependsOn) {
            if (reaches(byId, next, to, seen)) {
                return true;
            }
        }
        return false;
    }

    // ---------------------------------------------------------------- communication, sign-off, summary

    private void communication(Section section) {
        for (Unit unit : units(section)) {
            List<Item> items = new ArrayList<>();
            List<Node> lists = new ArrayList<>();
            for (Node block : unit.blocks) {
                if (block instanceof ListBlock list) {
                    items.addAll(MdText.items(list));
                    lists.add(list);
                }
            }
            if (items.isEmpty()) {
                continue;
            }
            String issue = issueContext(section, unit.labelNode == null ? null : unit.label);
            List<String> phaseIds = new ArrayList<>();
            for (PhaseDraft p : refsIn(unit.label, issue)) {
                phaseIds.add(p.id);
            }
            if (phaseIds.isEmpty() && unit.labelNode != null && !Refs.issues(unit.label, issues.keySet()).isEmpty()) {
                // "Issue #330:" updates go with every phase of that issue
                phasesOf(issue).forEach(p -> phaseIds.add(p.id));
            }
            String all = (unit.label + " " + String.join(" ", items.stream().map(Item::text).toList())).toLowerCase(Locale.ROOT);
            Duration every = null;
            Matcher n = Pattern.compile("\\bevery\\s+(\\d+)\\s*(min|minutes?|h|hours?|d|days?)\\b").matcher(all);
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
                log.decided(unit.line, "updates '" + unit.label + "' give no interval; sent at milestones");
            }
            List<String> contents = items.stream().map(Item::text).filter(t -> !t.isBlank()).toList();
            String audience = unit.section.title;
            Communication.Cadence cadence = new Communication.Cadence(null, Outline.stripColon(unit.label), audience,
                    phaseIds, every, milestones, contents);
            cadences.add(cadence);
            used.addAll(lists);
            markLabel(unit);
            log.recognised("communication", "cadence-" + cadences.size(), unit.label, unit.line,
                    (every == null ? "" : "every " + every + " ") + (milestones ? "at milestones" : ""));
        }
    }

    private void summary(Section section) {
        if (summary != null) {
            return;
        }
        for (Node block : section.parts.get(0).blocks) {
            if (block instanceof Paragraph p && !MdText.isFieldParagraph(p)) {
                summary = MdText.plain(p);
                used.add(p);
                log.recognised("summary", null, summary, Outline.firstLine(p), null);
                return;
            }
        }
    }

    // ---------------------------------------------------------------- notes

    private void notes() {
        for (Section section : outline.sections) {
            StringBuilder body = new StringBuilder();
            boolean anyUsed = false;
            for (Part part : section.parts) {
                if (part.labelNode != null) {
                    if (used.contains(part.labelNode)) {
                        anyUsed = true;
                    } else if (!part.blocks.stream().allMatch(used::contains) || part.blocks.isEmpty()) {
                        appendBlock(body, outline.source(part.labelNode));
                    }
                }
                for (Node block : part.blocks) {
                    if (used.contains(block)) {
                        anyUsed = true;
                        continue;
                    }
                    if (block instanceof ListBlock list) {
                        StringBuilder rest = new StringBuilder();
                        for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
                            if (used.contains(item)) {
                                anyUsed = true;
                            } else if (item instanceof ListItem) {
                                appendLine(rest, outline.source(item));
                            }
                        }
                        appendBlock(body, rest.toString());
                    } else {
                        appendBlock(body, outline.source(block));
                    }
                }
            }
            if (body.toString().isBlank()) {
                if (!anyUsed && section.level > 0 && section.children.isEmpty() && !phaseSections.containsKey(section)
                        && !section.title.isBlank()) {
                    log.unused(section.title, section.line, section.endLine, null);
                }
                continue;
            }
            PhaseDraft phase = inPhase(section);
            String issue = phase != null ? phase.issue() : issueContext(section, null);
            if (issue != null && !issues.containsKey(issue)) {
                issue = null;
            }
            String id = "note-" + (notes.size() + 1);
            String noteTitle = section.level == 0 ? "Preamble" : String.join(" / ", section.titles());
            if (noteTitle.replace("/", "").isBlank()) {
                noteTitle = "Notes from line " + section.line;
            }
            notes.add(new Note(id, noteTitle, noteKind(section), issue, phase == null ? null : phase.id, body.toString().strip()));
            log.unused(section.level == 0 ? "(before the first heading)" : section.title, section.line, section.endLine,
                    id + (anyUsed ? " (the rest of a used section)" : "")
                            + (phase != null ? " on " + phase.id : issue != null ? " on #" + issue : ""));
        }
    }

    private static void appendBlock(StringBuilder body, String text) {
        if (text == null || text.isBlank()) {
            return;
        }
        if (body.length() > 0) {
            body.append("\n\n");
        }
        body.append(text.stripTrailing());
    }

    private static void appendLine(StringBuilder body, String text) {
        if (body.length() > 0) {
            body.append('\n');
        }
        body.append(text.stripTrailing());
    }

    private static NoteKind noteKind(Section section) {
        String chain = String.join(" ", section.titles()).toLowerCase(Locale.ROOT);
        if (LESSONS.matcher(chain).find()) {
            return NoteKind.LESSONS;
        }
        if (REFERENCE.matcher(chain).find()) {
            return NoteKind.REFERENCE;
        }
        if (RATIONALE.matcher(chain).find()) {
            return NoteKind.RATIONALE;
        }
        if (ANALYSIS.matcher(chain).find()) {
            return NoteKind.ANALYSIS;
        }
        return NoteKind.OTHER;
    }

    // ---------------------------------------------------------------- helpers

    private static String code(Node block) {
        if (block instanceof FencedCodeBlock f) {
            return f.getLiteral();
        }
        if (block instanceof IndentedCodeBlock i) {
            return i.getLiteral();
        }
        return null;
    }

    /** Strips status emoji and surrounding markup from a title. */
    static String clean(String text) {
        return EDGE_PUNCTUATION.matcher(MdText.collapse(SYMBOLS.matcher(text).replaceAll(" "))).replaceAll("");
    }

    private static final Pattern SYMBOLS = Pattern.compile("[\\p{So}\\p{Sk}\\x{FE0F}\\x{200D}]");
    private static final Pattern EDGE_PUNCTUATION = Pattern.compile("^[\\s:–—-]+|[\\s:–—-]+$");
}
