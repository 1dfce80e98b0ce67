package io.incidentconsole.plan;

/** Counts shown by {@code validate} and in the console's header. */
public record PlanSummary(int issues, int phases, int checks, int testCases, int runbooks, int procedures,
                          int metrics) {

    @Override
    public String toString() {
        return issues + " issues, " + phases + " phases, " + (checks + testCases) + " tests ("
                + checks + " checks, " + testCases + " test cases), " + runbooks + " runbooks ("
                + procedures + " procedures), " + metrics + " metrics";
    }
}
