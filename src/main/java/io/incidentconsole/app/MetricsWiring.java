package io.incidentconsole.app;

import io.incidentconsole.metrics.ExecutorTaskScheduler;
import io.incidentconsole.metrics.MetricsSettings;
import io.incidentconsole.metrics.TaskScheduler;

import java.time.Clock;
import java.util.function.Function;

/**
 * What the console's live metrics run on: a clock, a scheduler for the sources' threads, the environment (for
 * the Prometheus token) and the settings from the command line. Tests pass a hand-driven clock and scheduler.
 */
public record MetricsWiring(Clock clock, TaskScheduler scheduler, Function<String, String> environment,
                            MetricsSettings settings) {

    /** Seed of the simulated story: the same seed replays the same numbers. */
    public static final long SIMULATOR_SEED = 330;

    public static MetricsWiring simulated() {
        return real(MetricsSettings.simulator(SIMULATOR_SEED));
    }

    public static MetricsWiring real(MetricsSettings settings) {
        return new MetricsWiring(Clock.systemUTC(), new ExecutorTaskScheduler("metrics", 3,
                error -> System.err.println("metrics: " + error)), System::getenv, settings);
    }

    /** Ends the scheduler's threads when the console owns them. */
    public void close() {
        if (scheduler instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                System.err.println("metrics: could not stop the scheduler: " + e.getMessage());
            }
        }
    }
}
