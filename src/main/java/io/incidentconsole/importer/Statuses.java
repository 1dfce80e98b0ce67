package io.incidentconsole.importer;

import io.incidentconsole.plan.PhaseStatus;

import java.util.Locale;
import java.util.regex.Pattern;

/** Status words and their emoji as status tables write them ("🟡 PENDING", "✅", "In progress"). */
final class Statuses {

    private static final Pattern IN_PROGRESS_WORDS = Pattern.compile("\\b(IN PROGRESS|ACTIVE|ONGOING|RUNNING|STARTED|WIP|DOING)\\b");
    private static final Pattern COMPLETE_WORDS = Pattern.compile("\\b(COMPLETE|COMPLETED|DONE|FINISHED|VERIFIED|CLOSED|RESOLVED)\\b");
    private static final Pattern BLOCKED_WORDS = Pattern.compile("\\b(BLOCKED|STUCK|ON HOLD|HALTED)\\b");
    private static final Pattern EVAL_WORDS = Pattern.compile("\\b(EVAL|EVALUATE|EVALUATION|DECISION|REVIEW|TBD)\\b");
    private static final Pattern PENDING_WORDS = Pattern.compile("\\b(PENDING|TODO|TO DO|NOT STARTED|WAITING|PLANNED|QUEUED)\\b");

    private Statuses() {
    }

    static PhaseStatus parse(String text) {
        String t = text.toUpperCase(Locale.ROOT).replace('_', ' ').replace('-', ' ');
        if (IN_PROGRESS_WORDS.matcher(t).find()) {
            return PhaseStatus.IN_PROGRESS;
        }
        if (COMPLETE_WORDS.matcher(t).find()) {
            return PhaseStatus.COMPLETE;
        }
        if (BLOCKED_WORDS.matcher(t).find()) {
            return PhaseStatus.BLOCKED;
        }
        if (EVAL_WORDS.matcher(t).find()) {
            return PhaseStatus.EVAL;
        }
        if (PENDING_WORDS.matcher(t).find()) {
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
