package io.incidentconsole.ui.rollback;

import java.util.Optional;

/**
 * "Something is wrong" in another area (a guided step, a failed test) asks the rollback area for the procedure of
 * one phase; the area takes the request when it is next shown. FX thread only.
 */
public final class RollbackRequests {

    private String pendingPhase;

    /** The next time the rollback area shows, it selects the procedure that covers {@code phaseId}. */
    public void forPhase(String phaseId) {
        pendingPhase = phaseId;
    }

    Optional<String> take() {
        String phase = pendingPhase;
        pendingPhase = null;
        return Optional.ofNullable(phase);
    }
}
