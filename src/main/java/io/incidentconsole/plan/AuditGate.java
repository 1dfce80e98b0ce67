package io.incidentconsole.plan;

import java.util.List;

/**
 * Evidence a phase needs before its changes: a command whose JSON output must satisfy every
 * expectation. {@code sampleOutput} is the output the plan documents as passing. {@code step}: the id of the
 * guided step where the audit is run; the steps after it (the changes) and the phase's completion wait for a
 * passing audit. Absent, the first step whose command is the audit's command; without such a step, only the
 * completion waits.
 */
public record AuditGate(String title, @Required String command, List<FieldExpectation> expect, String sampleOutput,
                        String step) {
    public AuditGate {
        expect = Lists.copy(expect);
    }

    public AuditGate(String title, String command, List<FieldExpectation> expect, String sampleOutput) {
        this(title, command, expect, sampleOutput, null);
    }
}
