package io.incidentconsole.incident;

import java.time.Instant;

/** {@code finishedAt} null while the rollback runs. */
public record RollbackRecord(String runbookId, String procedureId, String reason, String startedBy,
                             Instant startedAt, Instant finishedAt, Boolean succeeded, String finishNote) {
    public boolean running() {
        return finishedAt == null;
    }
}
