package io.incidentconsole.cli;

/**
 * Opens the graphical console. The CLI does not know JavaFX; the launcher supplies this.
 * Returns the exit code once the console has closed.
 */
@FunctionalInterface
public interface ConsoleStarter {
    int start(StartRequest request);
}
