package io.incidentconsole.testing;

import io.incidentconsole.plan.Phase;

import java.util.ArrayList;
import java.util.List;

/**
 * How far the testing of a phase (or of the whole plan) has come: "Phase 2: 5/7 passed, 1 failed". A failed test
 * puts the phase's success at risk.
 */
public record TestProgress(String label, int passed, int failed, int skipped, int blocked, int notRun) {

    public static final String ALL_PHASES = "All phases";

    public static TestProgress of(String label, List<TestRow> rows) {
        int passed = 0;
        int failed = 0;
        int skipped = 0;
        int blocked = 0;
        int notRun = 0;
        for (TestRow row : rows) {
            if (row.outcome() == null) {
                notRun++;
            } else {
                switch (row.outcome()) {
                    case PASS -> passed++;
                    case FAIL -> failed++;
                    case SKIPPED -> skipped++;
                    case BLOCKED -> blocked++;
                }
            }
        }
        return new TestProgress(label, passed, failed, skipped, blocked, notRun);
    }

    public static TestProgress ofPhase(TestSheet sheet, String phaseId) {
        Phase phase = sheet.plan().phase(phaseId)
                .orElseThrow(() -> new IllegalArgumentException("no phase '" + phaseId + "' in the plan"));
        return of(labelOf(phase), sheet.rows(phaseId));
    }

    /** Every test item of the plan once, its outcome combined over the phases its suite covers. */
    public static TestProgress overall(TestSheet sheet) {
        return of(ALL_PHASES, sheet.rows(null));
    }

    /** "Phase 2", or the phase's name when the plan gives it no number. */
    public static String labelOf(Phase phase) {
        return phase.number() == null || phase.number().isBlank() ? phase.name() : "Phase " + phase.number();
    }

    public int total() {
        return passed + failed + skipped + blocked + notRun;
    }

    public boolean atRisk() {
        return failed > 0;
    }

    public boolean complete() {
        return notRun == 0;
    }

    /** "5/7 passed, 1 failed" (blocked and skipped only when there are some); "no tests" when there are none. */
    public String summary() {
        if (total() == 0) {
            return "no tests";
        }
        List<String> parts = new ArrayList<>();
        parts.add(passed + "/" + total() + " passed");
        if (failed > 0) {
            parts.add(failed + " failed");
        }
        if (blocked > 0) {
            parts.add(blocked + " blocked");
        }
        if (skipped > 0) {
            parts.add(skipped + " skipped");
        }
        return String.join(", ", parts);
    }

    /** "Phase 2: 5/7 passed, 1 failed". */
    public String phrase() {
        return label + ": " + summary();
    }
}
