package io.incidentconsole.ui.guided;

import io.incidentconsole.guided.AuditCheck;
import io.incidentconsole.guided.AuditResult;
import io.incidentconsole.incident.EventPayload;
import io.incidentconsole.plan.AuditGate;
import io.incidentconsole.ui.incident.IncidentSession;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The audit gate of the phase guided mode shows: the pasted output (kept per phase until checked) and its check,
 * recorded with its verdict when the output could be read.
 */
public final class GuidedAuditModel {

    private final Supplier<GuidedViewModel.Page> page;
    private final IncidentSession session;
    private final Runnable refresh;
    private final Map<String, String> auditText = new HashMap<>();
    private final Map<String, AuditResult> auditResults = new HashMap<>();

    GuidedAuditModel(Supplier<GuidedViewModel.Page> page, IncidentSession session, Runnable refresh) {
        this.page = page;
        this.session = session;
        this.refresh = refresh;
    }

    public Optional<AuditGate> gate() {
        GuidedViewModel.Page current = page.get();
        return current == null ? Optional.empty() : Optional.ofNullable(current.phase().audit());
    }

    public String text() {
        GuidedViewModel.Page current = page.get();
        return current == null ? "" : auditText.getOrDefault(current.phase().id(), "");
    }

    public void setText(String text) {
        GuidedViewModel.Page current = page.get();
        if (current != null) {
            auditText.put(current.phase().id(), text);
        }
    }

    /** The result of the last check done here for this phase (not recorded when the output could not be read). */
    public Optional<AuditResult> result() {
        GuidedViewModel.Page current = page.get();
        return current == null ? Optional.empty() : Optional.ofNullable(auditResults.get(current.phase().id()));
    }

    /**
     * Checks the pasted output. A readable output is recorded with its verdict (pass or fail, field by field);
     * output that is not a JSON object is not evidence of anything, so it is only reported, not recorded.
     */
    public Optional<AuditResult> check() {
        GuidedViewModel.Page current = page.get();
        if (current == null || current.phase().audit() == null) {
            return Optional.empty();
        }
        AuditResult result = AuditCheck.check(current.phase().audit(), text());
        auditResults.put(current.phase().id(), result);
        if (result.parsed() && GuidedViewModel.writableProblem(current).isEmpty()) {
            session.record(new EventPayload.AuditChecked(current.phase().id(), result.outputSha256(), result.passed(),
                    result.verdicts()));
        }
        refresh.run();
        return Optional.of(result);
    }

    /** The gate's command, recorded as copied. */
    public Optional<String> copyCommand() {
        GuidedViewModel.Page current = page.get();
        return gate().map(gate -> {
            if (GuidedViewModel.writableProblem(current).isEmpty()) {
                session.record(new EventPayload.CommandCopied("audit:" + current.phase().id(),
                        AuditCheck.sha256(gate.command())));
            }
            return gate.command();
        });
    }
}
