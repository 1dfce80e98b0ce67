package io.incidentconsole.importer;

import io.incidentconsole.importer.Drafts.IssueDraft;
import io.incidentconsole.importer.Drafts.MetricDraft;
import io.incidentconsole.importer.Drafts.PhaseDraft;
import io.incidentconsole.importer.Drafts.RunbookDraft;
import io.incidentconsole.importer.Drafts.SuiteDraft;
import io.incidentconsole.importer.Outline.Section;
import io.incidentconsole.plan.DecisionTree;
import io.incidentconsole.plan.DependencySet;
import io.incidentconsole.plan.Note;
import io.incidentconsole.plan.SignOff;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads the outline of a Markdown plan with one recogniser per concern over a shared {@link ReadContext},
 * in an order that matters: issues before the phases that name them, phases before everything that refers
 * to phases, every phase before dependencies are resolved, and notes last (they keep what nobody used).
 */
final class PlanReader {

    private static final Pattern ROLLBACK = RollbackRecogniser.ROLLBACK;
    private static final Pattern TESTING_SECTION = Pattern.compile("\\b(tests?|testing|verification|validation|qa)\\b");
    private static final Pattern METRICS_SECTION = Pattern.compile("\\b(metrics?|kpis?|measures?|slos?)\\b");
    private static final Pattern DEPENDENCIES = Pattern.compile("\\b(dependenc(y|ies)|blockers?)\\b");
    private static final Pattern COMMUNICATION = Pattern.compile("\\b(communications?|stakeholders?)\\b");
    private static final Pattern SIGN_OFF = Pattern.compile("\\b(sign-?off|approvals?)\\b");
    private static final Pattern CONTACTS = Pattern.compile("\\b(contacts?|escalation|on-?call rota|call tree)\\b");
    private static final Pattern SUMMARY = Pattern.compile("\\b(executive summary|summary|overview|tl;?dr)\\b");

    private final ReadContext ctx;
    private final ImportChoices choices;

    PlanReader(Outline outline, ReportLog log) {
        this(outline, log, ImportChoices.NONE);
    }

    PlanReader(Outline outline, ReportLog log, ImportChoices choices) {
        this.ctx = new ReadContext(outline, log);
        this.choices = choices;
    }

    PlanDraft read(String fallbackTitle) {
        PlanDraft.Header header = new HeaderRecogniser(ctx).read(fallbackTitle);
        IssueRecogniser issues = new IssueRecogniser(ctx);
        issues.comparisonTables();
        issues.headings();
        new ChoiceRecogniser(ctx, choices).apply();
        new StatusTableRecogniser(ctx).read();
        RollbackRecogniser rollback = new RollbackRecogniser(ctx);
        PhaseRecogniser phases = new PhaseRecogniser(ctx, rollback);
        phases.headings();

        AuditRecogniser audits = new AuditRecogniser(ctx);
        TestingRecogniser testing = new TestingRecogniser(ctx, audits);
        MetricRecogniser metrics = new MetricRecogniser(ctx);
        DependencySectionRecogniser dependencySections = new DependencySectionRecogniser(ctx);
        CommunicationRecogniser communication = new CommunicationRecogniser(ctx);
        SummaryRecogniser summary = new SummaryRecogniser(ctx);
        SignOffRecogniser signOff = new SignOffRecogniser(ctx);
        List<DependencySet> dependencies = new ArrayList<>();
        for (Section section : ctx.outline.sections) {
            if (ctx.phases.inPhase(section) != null || ctx.isChosen(section)) {
                continue;
            }
            String chain = String.join(" / ", section.titles()).toLowerCase(Locale.ROOT);
            if (contacts(section)) {
                communication.section(section); // a contact list is whom the communication plan reaches
            } else if (ROLLBACK.matcher(chain).find()) {
                rollback.section(section);
            } else if (TESTING_SECTION.matcher(chain).find()) {
                testing.section(section);
            } else if (METRICS_SECTION.matcher(chain).find()) {
                metrics.section(section);
            } else if (DEPENDENCIES.matcher(chain).find()) {
                dependencySections.section(section).ifPresent(dependencies::add);
            } else if (COMMUNICATION.matcher(chain).find()) {
                communication.section(section);
            } else if (SIGN_OFF.matcher(chain).find()) {
                signOff.section(section); // its fields (status, next action, owner) are read with the header fields
            } else if (SUMMARY.matcher(chain).find()) {
                summary.section(section);
            }
        }
        new RunbookShapeRecogniser(ctx).read();
        new ChecklistPhaseRecogniser(ctx).read();
        new ChecklistRecogniser(ctx).read();
        new TimelineRecogniser(ctx).read();
        new AlertRecogniser(ctx).read();
        audits.assign();
        new MilestoneRecogniser(ctx).read();
        new DependencyResolver(ctx).resolve();
        new SuiteCoverage(ctx).assign();
        ctx.releaseReserved();
        List<Note> notes = new NotesCollector(ctx).collect();
        ctx.log.sections(SectionReadings.of(ctx));
        return freeze(header, summary.summary(), phases.decisions(), communication, dependencies, notes,
                signOff.approvals());
    }

    /** A section (or one above it, below the title) about contacts or escalation. */
    private boolean contacts(Section section) {
        for (Section s = section; s != null && s.level > 0 && s != ctx.titleSection; s = s.parent) {
            if (CONTACTS.matcher(s.title.toLowerCase(Locale.ROOT)).find()) {
                return true;
            }
        }
        return false;
    }

    private PlanDraft freeze(PlanDraft.Header header, String summary, List<DecisionTree> decisions,
                             CommunicationRecogniser communication, List<DependencySet> dependencies, List<Note> notes,
                             List<SignOff.Approval> approvals) {
        return new PlanDraft(header, summary,
                ctx.issues.values().stream().map(IssueDraft::freeze).toList(),
                ctx.phases.all().stream().map(PhaseDraft::freeze).toList(),
                ctx.suites.stream().map(SuiteDraft::freeze).toList(),
                ctx.runbooks.values().stream().map(RunbookDraft::freeze).toList(),
                ctx.metrics.stream().map(MetricDraft::freeze).toList(),
                decisions, communication.cadences(), dependencies, notes, approvals);
    }
}
