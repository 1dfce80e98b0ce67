package io.incidentconsole.board;

import io.incidentconsole.incident.IncidentState;
import io.incidentconsole.incident.PhaseState;
import io.incidentconsole.plan.Phase;
import io.incidentconsole.plan.PhaseStatus;
import io.incidentconsole.plan.Plan;
import io.incidentconsole.plan.outline.Block;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;

/** The plan's status tracking table (Phase | Issue | Status | Started | Completed | Notes), filled from the journal. */
public final class StatusTable {

    public static final List<String> HEADERS = List.of("Phase", "Issue", "Status", "Started", "Completed", "Notes");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private StatusTable() {
    }

    public record Row(String phase, String issue, PhaseStatus status, String started, String completed, String notes) {
    }

    public static List<Row> rows(Plan plan, IncidentState state) {
        return plan.phases().stream().map(phase -> row(phase, state.phase(phase.id()))).toList();
    }

    private static Row row(Phase phase, PhaseState state) {
        String notes = Objects.requireNonNullElse(state.statusReason(), "");
        if (!state.confirmedOpenItems().isEmpty()) {
            notes = (notes.isEmpty() ? "" : notes + "; ") + "completed with " + state.confirmedOpenItems().size()
                    + " open item" + (state.confirmedOpenItems().size() == 1 ? "" : "s");
        }
        if (state.status() == PhaseStatus.COMPLETE && !state.verified()) {
            notes = (notes.isEmpty() ? "" : notes + "; ") + "COMPLETE (unverified)";
        }
        if (!state.gateOverrides().isEmpty()) {
            PhaseState.GateOverride last = state.gateOverrides().get(state.gateOverrides().size() - 1);
            notes = (notes.isEmpty() ? "" : notes + "; ") + "gate overridden by " + last.operator() + ": "
                    + last.reason();
        }
        return new Row(phase.label(), PhaseGates.issues(phase), state.status(), time(state.startedAt()),
                time(state.completedAt()), notes);
    }

    private static String time(Instant at) {
        return at == null ? "-" : TIME.format(at);
    }

    /** The seed's legend marks. */
    public static String emoji(PhaseStatus status) {
        return switch (status) {
            case PENDING -> "🟡";
            case IN_PROGRESS -> "🔵";
            case COMPLETE -> "🟢";
            case EVAL -> "🟠";
            case BLOCKED -> "🔴";
            case ROLLING_BACK -> "⏪";
            case ROLLED_BACK -> "↩️";
        };
    }

    /** As a Markdown table, the way the plan document writes it, ready to paste into a ticket. */
    public static String toMarkdown(Plan plan, IncidentState state) {
        StringBuilder out = new StringBuilder();
        out.append("| ").append(String.join(" | ", HEADERS)).append(" |\n");
        out.append("|-------|-------|--------|---------|-----------|-------|\n");
        for (Row row : rows(plan, state)) {
            out.append("| ").append(cell(row.phase())).append(" | ").append(cell(row.issue())).append(" | ")
                    .append(emoji(row.status())).append(' ').append(row.status().label()).append(" | ")
                    .append(row.started()).append(" | ").append(row.completed()).append(" | ")
                    .append(cell(row.notes())).append(" |\n");
        }
        return out.toString();
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }

    /** For the console's table renderer: status in the third column. */
    public static Block.Table toBlock(Plan plan, IncidentState state) {
        return new Block.Table(HEADERS, rows(plan, state).stream().map(r -> List.of(r.phase(), r.issue(),
                r.status().label(), r.started(), r.completed(), r.notes())).toList(), 2);
    }
}
