package io.incidentconsole.plan;

/** Counts shown by {@code validate} and in the console's header. */
public record PlanSummary(int issues, int phases, int checks, int testCases, int runbooks, int procedures,
                          int metrics) {

    @Override
    public String toString() {
        return count(issues, "issue") + ", " + count(phases, "phase") + ", " + count(checks + testCases, "test")
                + " (" + count(checks, "check") + ", " + count(testCases, "test case") + "), "
                + count(runbooks, "runbook") + " (" + count(procedures, "procedure") + "), " + count(metrics, "metric");
    }

    /** "1 issue", "2 issues". */
    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
