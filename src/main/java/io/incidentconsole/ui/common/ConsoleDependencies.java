package io.incidentconsole.ui.common;

import io.incidentconsole.settings.AppDirectories;
import io.incidentconsole.settings.Settings;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Executor;

/**
 * What every part of the console is built from, made once where the console starts ({@code ConsoleApplication})
 * and handed down, so a test controls all of it in one place (ADR 0014).
 *
 * @param clock            "now" for the journal, waits, the timeline, reminders and reports
 * @param tasks            background work whose result comes back on the FX thread
 * @param fxThread         runs an action on the FX thread (work that starts elsewhere, such as a script's output)
 * @param directories      where incidents (data) and preferences (config) are kept
 * @param workingDirectory where rollback scripts run until the operator picks another folder
 * @param settings         the operator's preferences
 */
public record ConsoleDependencies(Clock clock, BackgroundTasks tasks, Executor fxThread, AppDirectories directories,
                                  Path workingDirectory, Settings settings) {

    /** The operator's preferences file in {@code directories}; read before the console, for its first frame. */
    public static Settings settingsIn(AppDirectories directories) {
        return new Settings(directories.config().resolve("settings.properties"));
    }

    /** The same dependencies with another clock. */
    public ConsoleDependencies withClock(Clock other) {
        return new ConsoleDependencies(other, tasks, fxThread, directories, workingDirectory, settings);
    }
}
