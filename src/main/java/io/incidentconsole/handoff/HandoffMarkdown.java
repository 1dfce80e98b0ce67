package io.incidentconsole.handoff;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** The handoff summary as Markdown: one screen, the operator's notes first after who has the incident. */
public final class HandoffMarkdown {

    private static final DateTimeFormatter DATE_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private HandoffMarkdown() {
    }

    public static String render(HandoffSummary s) {
        StringBuilder md = new StringBuilder(2048);
        md.append("# Handoff: incident ").append(line(s.incidentId())).append(" — ").append(line(s.planTitle()))
                .append("\n\n");
        md.append("Held by **").append(s.holder() == null ? "?" : line(s.holder())).append("**")
                .append(s.holderSince() == null ? "" : " since " + DATE_TIME.format(s.holderSince()))
                .append(" · prepared").append(s.preparedBy() == null ? "" : " by " + line(s.preparedBy())).append(" at ")
                .append(DATE_TIME.format(s.preparedAt())).append("\n\n");
        md.append("## Watch out\n\n");
        if (s.watchOut() == null) {
            md.append("_No notes from the outgoing operator._\n\n");
        } else {
            for (String note : s.watchOut().split("\\R")) {
                md.append("> ").append(note).append('\n');
            }
            md.append('\n');
        }
        md.append("## Now\n\n");
        if (s.phasesInProgress().isEmpty()) {
            md.append("- **In progress:** no phase\n");
        }
        for (HandoffSummary.PhaseLine phase : s.phasesInProgress()) {
            md.append("- **").append(line(phase.label())).append("** — ").append(phase.standing())
                    .append(phase.since() == null ? "" : " since " + HandoffBuilder.time(phase.since()))
                    .append("; ").append(line(phase.currentStep())).append('\n');
        }
        md.append("- **Next update due:** ").append(s.nextUpdate() == null ? "none owed" : line(s.nextUpdate()))
                .append("\n\n");
        section(md, "Gates pending", s.gatesPending());
        section(md, "Gates overridden", s.gatesOverridden());
        section(md, "Open decisions", s.openDecisions());
        section(md, "Failing tests", s.failingTests());
        section(md, "Tests not run", s.notRunTests());
        section(md, "Open alerts", s.openAlerts());
        section(md, "Recorded parameters", s.parameters());
        section(md, "Scripts and runs", s.scripts());
        section(md, "Last " + HandoffSummary.LAST_EVENTS + " events", s.lastEvents());
        return md.toString();
    }

    private static void section(StringBuilder md, String title, List<String> items) {
        md.append("## ").append(title).append("\n\n");
        if (items.isEmpty()) {
            md.append("- none\n");
        }
        for (String item : items) {
            md.append("- ").append(line(item)).append('\n');
        }
        md.append('\n');
    }

    /** One list item stays one line. */
    private static String line(String text) {
        return text == null ? "" : text.replaceAll("\\R", " ");
    }
}
