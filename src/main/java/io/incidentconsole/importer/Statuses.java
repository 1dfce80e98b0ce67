package io.incidentconsole.importer;

import io.incidentconsole.plan.PhaseStatus;

import java.util.Locale;

/** Status words and their emoji as status tables write them ("🟡 PENDING", "✅", "In progress"). */
final class Statuses {

    private Statuses() {
    }

    static PhaseStatus parse(String text) {
        String t = text.toUpperCase(Locale.ROOT).replace('_', ' ').replace('-', ' ');
        if (t.matches(".*\\b(IN PROGRESS|ACTIVE|ONGOING|RUNNING|STARTED|WIP|DOING)\\b.*")) {
            return PhaseStatus.IN_PROGRESS;
        }
        if (t.matches(".*\\b(COMPLETE|COMPLETED|DONE|FINISHED|VERIFIED|CLOSED|RESOLVED)\\b.*")) {
            return PhaseStatus.COMPLETE;
        }
        if (t.matches(".*\\b(BLOCKED|STUCK|ON HOLD|HALTED)\\b.*")) {
            return PhaseStatus.BLOCKED;
        }
        if (t.matches(".*\\b(EVAL|EVALUATE|EVALUATION|DECISION|REVIEW|TBD)\\b.*")) {
            return PhaseStatus.EVAL;
        }
        if (t.matches(".*\\b(PENDING|TODO|TO DO|NOT STARTED|WAITING|PLANNED|QUEUED)\\b.*")) {
            return PhaseStatus.PENDING;
        }
        return byEmoji(text);
    }

    /** The seed's legend: 🟡 pending, 🔵 in progress, 🟢 complete, 🟠 eval, 🔴 blocked; ✅ ⏸ ❌ as usual. */
    private static PhaseStatus byEmoji(String text) {
        if (text.contains("\uD83D\uDFE1") || text.contains("⏳") || text.contains("⏸")) {
            return PhaseStatus.PENDING;
        }
        if (text.contains("\uD83D\uDD35") || text.contains("\uD83D\uDD04") || text.contains("\uD83D\uDEA7")) {
            return PhaseStatus.IN_PROGRESS;
        }
        if (text.contains("\uD83D\uDFE2") || text.contains("✅") || text.contains("✔")) {
            return PhaseStatus.COMPLETE;
        }
        if (text.contains("\uD83D\uDFE0")) {
            return PhaseStatus.EVAL;
        }
        if (text.contains("\uD83D\uDD34") || text.contains("❌") || text.contains("⛔") || text.contains("\uD83D\uDEAB")) {
            return PhaseStatus.BLOCKED;
        }
        return null;
    }
}
