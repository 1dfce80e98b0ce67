package io.incidentconsole.incident;

/** A phase action the lifecycle refused; nothing was recorded. The refusal names the gates and how to override. */
public final class GateRefusedException extends IncidentException {
    private static final long serialVersionUID = 1L;


    private final PhaseLifecycle.Refusal refusal;

    public GateRefusedException(PhaseLifecycle.Refusal refusal) {
        super(refusal.message() + ". Nothing was recorded.");
        this.refusal = refusal;
    }

    public PhaseLifecycle.Refusal refusal() {
        return refusal;
    }
}
