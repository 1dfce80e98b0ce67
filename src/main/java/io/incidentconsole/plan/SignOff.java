package io.incidentconsole.plan;

import java.util.List;

/** The plan's approval block and the approvals the incident needs (for the plan, or per phase). */
public record SignOff(String status, String nextAction, String owner, List<Approval> approvals) {

    static final SignOff NONE = new SignOff(null, null, null, List.of());

    public SignOff {
        approvals = Lists.copy(approvals);
    }

    /** {@code phase} absent means an approval of the whole plan. */
    public record Approval(String id, @Required String title, String role, String phase) {
    }
}
