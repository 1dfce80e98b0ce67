package io.incidentconsole.rollback;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;

/** Starts one step's command as its own process. */
public interface StepExecutor {

    /**
     * @param logFile where every output line goes (the full log; the journal keeps only the tail)
     * @param onLine  each output line, on the executor's thread
     * @throws IOException when the process cannot be started or the log cannot be written
     */
    StepExecution start(StepCommand step, Path workingDirectory, Path logFile, Consumer<String> onLine)
            throws IOException;

    /** The next start goes through a drill's stubs (recorded on the step's start); false outside drills. */
    default boolean stubbed() {
        return false;
    }
}
