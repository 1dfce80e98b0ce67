package io.incidentconsole.importer;

import io.incidentconsole.importer.MdText.Field;
import io.incidentconsole.importer.Outline.Part;
import io.incidentconsole.importer.Outline.Section;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The plan's title (the first top heading) and the header fields wherever they stand: date, owner, status,
 * key decision, last updated, and the sign-off's plan status and next action. Issues named in the header
 * ("Issue #330: …") are registered too.
 */
final class HeaderRecogniser {

    private static final Pattern ISSUE_KEY = Pattern.compile("(issue|incident|ticket).*");

    private final ReadContext ctx;
    private String title;
    private LocalDate date;
    private String owner;
    private String status;
    private String keyDecision;
    private LocalDate lastUpdated;
    private String signOffStatus;
    private String nextAction;
    private String signOffOwner;

    HeaderRecogniser(ReadContext ctx) {
        this.ctx = ctx;
    }

    PlanDraft.Header read(String fallbackTitle) {
        Outline outline = ctx.outline;
        Section top = outline.sections.stream().filter(s -> s.level == 1).findFirst()
                .orElse(outline.sections.stream().filter(s -> s.level > 0).findFirst().orElse(null));
        if (top != null && !top.title.isBlank()) {
            title = top.title;
            ctx.titleSection = top;
            ctx.log.recognised("plan", null, title, top.line, null);
        } else {
            title = fallbackTitle;
            ctx.log.decided(0, "no heading to take the title from; titled the plan '" + fallbackTitle + "'");
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
                            ctx.use(p);
                        }
                    }
                }
            }
        }
        return new PlanDraft.Header(title, date, owner, status, keyDecision, lastUpdated, signOffStatus, nextAction,
                signOffOwner);
    }

    private static boolean isHeaderKey(String key, Section section) {
        String k = key.toLowerCase(Locale.ROOT);
        boolean top = section.level <= 1;
        return k.equals("key decision") || k.equals("last updated") || k.equals("document owner")
                || k.equals("next action") || k.endsWith("plan status")
                || top && (k.equals("date") || k.equals("status") || k.equals("owner") || ISSUE_KEY.matcher(k).matches());
    }

    private boolean headerField(Field field, Section section) {
        String k = field.key().toLowerCase(Locale.ROOT);
        boolean top = section.level <= 1;
        ReportLog log = ctx.log;
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
            signOffStatus = ReadContext.clean(field.value());
            log.recognised("sign-off status", null, signOffStatus, field.line(), null);
            return true;
        }
        if (top && ISSUE_KEY.matcher(k).matches()) {
            String id = Refs.namedIssue(field.key());
            if (id != null) {
                ctx.issue(id, field.value(), field.line());
                return true;
            }
        }
        return false;
    }

    private LocalDate date(Field field, String what) {
        try {
            return LocalDate.parse(field.value().strip());
        } catch (DateTimeParseException e) {
            ctx.log.decided(field.line(), "the " + what + " '" + field.value() + "' is not a YYYY-MM-DD date; left it out");
            return null;
        }
    }
}
