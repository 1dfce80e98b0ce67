package io.incidentconsole.rollback;

/**
 * Where rollback events go (the incident journal). Called from the caller's thread and, for the end of a
 * run, from the runner's thread: implementations must be thread-safe.
 */
@FunctionalInterface
public interface RollbackRecorder {
    void record(RollbackEvent event);
}
