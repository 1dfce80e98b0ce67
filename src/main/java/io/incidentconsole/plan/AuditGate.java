package io.incidentconsole.plan;

import java.util.List;

/**
 * Evidence a phase needs before its changes: a command whose JSON output must satisfy every
 * expectation. {@code sampleOutput} is the output the plan documents as passing.
 */
public record AuditGate(String title, @Required String command, List<FieldExpectation> expect, String sampleOutput) {
    public AuditGate {
        expect = Lists.copy(expect);
    }
}
