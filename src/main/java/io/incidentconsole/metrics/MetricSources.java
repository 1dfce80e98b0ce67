package io.incidentconsole.metrics;

import io.incidentconsole.plan.Metric;
import io.incidentconsole.plan.Plan;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Builds the sources a plan needs from {@link MetricsSettings}. The simulator runs only when no real source is
 * configured: simulated numbers must never sit next to real ones during an incident.
 */
public final class MetricSources {

    public static final Duration SIMULATOR_INTERVAL = Duration.ofSeconds(1);
    public static final Duration SIMULATOR_HISTORY = Duration.ofMinutes(15);
    public static final Duration SIMULATOR_SETTLE = Duration.ofMinutes(3);
    public static final Duration FILE_POLL = Duration.ofMillis(500);
    public static final Duration FILE_EXPECTED_INTERVAL = Duration.ofMinutes(2);

    private final Clock clock;
    private final TaskScheduler scheduler;
    private final Function<String, String> environment;
    private final Duration simulatorHistory;

    /** @param environment {@code System::getenv} in production; only the token variable named in settings is read */
    public MetricSources(Clock clock, TaskScheduler scheduler, Function<String, String> environment) {
        this(clock, scheduler, environment, SIMULATOR_HISTORY);
    }

    /** @param simulatorHistory what the simulator backfills on start (see {@link SimulatorHistory}) */
    public MetricSources(Clock clock, TaskScheduler scheduler, Function<String, String> environment,
                         Duration simulatorHistory) {
        this.clock = clock;
        this.scheduler = scheduler;
        this.environment = environment;
        this.simulatorHistory = simulatorHistory;
    }

    /**
     * The sources for the plan, plus any problem worth telling the user (e.g. the token variable is unset).
     *
     * @throws IllegalArgumentException when the Prometheus URL is not usable (the message says why)
     */
    public Built build(Plan plan, MetricsSettings settings) {
        List<MetricSource> sources = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        if (settings.prometheusUrl().isPresent()) {
            PrometheusSettings prometheus = PrometheusSettings.forUrl(settings.prometheusUrl().get());
            Map<String, String> queries = new LinkedHashMap<>();
            for (Metric metric : plan.metrics()) {
                if (metric.source() != null && metric.source().prometheus() != null
                        && !metric.source().prometheus().isBlank()) {
                    queries.put(metric.id(), metric.source().prometheus());
                }
            }
            if (queries.isEmpty()) {
                warnings.add("a Prometheus server is configured but no plan metric has a 'source.prometheus' query");
            }
            Optional<BearerToken> token = Optional.empty();
            if (settings.tokenVariable().isPresent()) {
                token = BearerToken.fromEnvironment(settings.tokenVariable().get(), environment);
                if (token.isEmpty()) {
                    warnings.add("the environment variable " + settings.tokenVariable().get()
                            + " named for the Prometheus token is not set; querying without a token");
                }
            }
            sources.add(new PrometheusSource(prometheus, queries, token, PrometheusSource.httpClient(prometheus),
                    clock, scheduler, PrometheusSource.Sleeper.real()));
        }
        if (settings.metricsFile().isPresent()) {
            Map<String, String> series = new LinkedHashMap<>();
            for (Metric metric : plan.metrics()) {
                String name = metric.source() != null && metric.source().series() != null
                        && !metric.source().series().isBlank() ? metric.source().series() : metric.id();
                series.put(name, metric.id());
            }
            sources.add(new FileSource(settings.metricsFile().get(), series, false, clock, scheduler, FILE_POLL,
                    FILE_EXPECTED_INTERVAL));
        }
        if (!settings.usesRealSources()) {
            SimulatorModel model = new SimulatorModel(settings.simulatorSeed(), plan, SIMULATOR_SETTLE);
            sources.add(new SimulatorSource(model, clock, scheduler, SIMULATOR_INTERVAL, simulatorHistory));
        }
        return new Built(sources, warnings);
    }

    /** {@link LiveMetrics} over the plan's sources and rules (3 missed intervals make a metric stale). */
    public LiveMetrics liveMetrics(Plan plan, Built built) {
        return new LiveMetrics(built.sources(), new CoalescingBuffer(), new StalenessTracker(3),
                new RuleEvaluator(Rule.fromPlan(plan)), clock);
    }

    public record Built(List<MetricSource> sources, List<String> warnings) {
        public Built {
            sources = List.copyOf(sources);
            warnings = List.copyOf(warnings);
        }

        public Optional<SimulatorSource> simulator() {
            return sources.stream().filter(SimulatorSource.class::isInstance).map(SimulatorSource.class::cast)
                    .findFirst();
        }
    }
}
