package io.incidentconsole.team;

/**
 * Closes a journal when the JVM is ended by SIGTERM (logout, shutdown, kill), so the console leaves the connected
 * list at once instead of lingering there for the presence timeout: the hook closes the journal as closing the
 * incident would.
 */
final class CloseOnExit {

    private final Thread hook;

    CloseOnExit(AutoCloseable journal, String incidentId) {
        this.hook = new Thread(() -> {
            try {
                journal.close();
            } catch (Exception e) {
                // Exiting anyway: the presence row expires by itself.
            }
        }, "team-journal-exit-" + incidentId);
    }

    void register() {
        try {
            Runtime.getRuntime().addShutdownHook(hook);
        } catch (IllegalStateException e) {
            // Already shutting down: nothing to leave early.
        }
    }

    /** The journal was closed by other means; nothing left to do at exit (a no-op when called by the hook itself). */
    void forget() {
        if (Thread.currentThread() == hook) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // Shutting down: the hook runs (or ran) and finds the journal closed.
        }
    }
}
