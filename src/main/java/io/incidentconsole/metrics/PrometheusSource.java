package io.incidentconsole.metrics;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Reads plan metrics from a Prometheus server: each metric is bound to a PromQL query that must yield one
 * series. On start it backfills {@code settings.backfill()} with {@code /api/v1/query_range}; every poll then
 * asks {@code query_range} for the steps since the last answered one, so a gap while the server was away is
 * filled when it comes back. Evaluation times are whole multiples of the step (the poll interval).
 *
 * <p>Failures: transient ones (refused, timeout, 5xx) are retried with doubling backoff; if a round still
 * fails the source turns {@link SourceStatus.Stale stale} since its last good answer. A refused query marks
 * that one metric {@link SourceStatus.Error}; a wrong URL, a rejected token or a malformed answer marks the
 * whole source in error. Polling continues either way, so a fixed server is picked up by itself.
 */
public final class PrometheusSource implements MetricSource {

    public static final String ID = "prometheus";
    /** Prometheus refuses ranges above 11,000 points per series. */
    static final int MAX_POINTS = 11_000;

    private final PrometheusSettings settings;
    private final Map<String, String> queries;
    private final Optional<BearerToken> token;
    private final HttpClient http;
    private final Clock clock;
    private final TaskScheduler scheduler;
    private final Sleeper sleeper;
    private final PrometheusResponseParser parser = new PrometheusResponseParser();
    private final Map<String, Long> answeredUpTo = new HashMap<>();
    private final Map<String, String> metricProblems = new HashMap<>();
    private final Set<String> metricsWithData = new HashSet<>();

    private final Object lifecycle = new Object();
    private final Object pollLock = new Object();
    /** Set by start, cleared by stop; a poll delivers only while it is still the sink the poll began with. */
    private volatile SampleSink sink;
    /** The sink of the poll in progress (only touched under pollLock). */
    private SampleSink out;
    private TaskScheduler.Cancellable task;
    private SourceStatus sourceStatus;
    private Instant lastGoodAnswer;

    /**
     * @param queries plan metric id → PromQL
     * @param sleeper waits between retries ({@code Thread::sleep} in production)
     */
    public PrometheusSource(PrometheusSettings settings, Map<String, String> queries, Optional<BearerToken> token,
                            HttpClient http, Clock clock, TaskScheduler scheduler, Sleeper sleeper) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.queries = Map.copyOf(new LinkedHashMap<>(queries));
        this.token = token;
        this.http = http;
        this.clock = clock;
        this.scheduler = scheduler;
        this.sleeper = sleeper;
    }

    /** An HTTP client suitable for {@link PrometheusSource}: connect timeout from the settings, no redirects to other hosts. */
    public static HttpClient httpClient(PrometheusSettings settings) {
        return HttpClient.newBuilder().connectTimeout(settings.requestTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Set<String> metricIds() {
        return new LinkedHashSet<>(queries.keySet());
    }

    @Override
    public Duration expectedInterval() {
        return settings.pollInterval();
    }

    public PrometheusSettings settings() {
        return settings;
    }

    @Override
    public void start(SampleSink sink) {
        synchronized (lifecycle) {
            if (this.sink != null) {
                throw new IllegalStateException("the Prometheus source is already running");
            }
            this.sink = sink;
            task = scheduler.everyPeriod(this::poll, Duration.ZERO, settings.pollInterval());
        }
    }

    /** Returns at once, even while a request is in flight (its answer is then discarded). */
    @Override
    public void stop() {
        synchronized (lifecycle) {
            SampleSink stopped = sink;
            if (stopped == null) {
                return;
            }
            task.cancel();
            sink = null;
            stopped.status(StatusUpdate.ofSource(ID, new SourceStatus.Stopped(clock.instant())));
        }
    }

    /**
     * One round: for every bound metric, fetch the steps not yet answered (the whole backfill window the first
     * time). Called by the scheduler; public so tests can drive rounds without waiting.
     */
    public void poll() {
        synchronized (pollLock) {
            SampleSink current = sink;
            if (current == null) {
                return;
            }
            if (current != out) {
                // A new run: announce statuses afresh.
                out = current;
                sourceStatus = null;
                metricProblems.clear();
            }
            pollRound();
        }
    }

    private void pollRound() {
        long step = settings.pollInterval().toMillis();
        long now = clock.millis();
        long end = Math.floorDiv(now, step) * step;
        long earliest = Math.max(end - settings.backfill().toMillis(), end - (MAX_POINTS - 1) * step);
        PrometheusException sourceFailure = null;
        boolean anyAnswer = false;
        for (Map.Entry<String, String> binding : queries.entrySet()) {
            String metricId = binding.getKey();
            Long done = answeredUpTo.get(metricId);
            long start = done == null ? Math.floorDiv(earliest + step - 1, step) * step : Math.max(done + step, earliest);
            if (start > end) {
                continue; // nothing new to ask for yet; says nothing about the server's health
            }
            try {
                List<PrometheusSeries> series = queryRange(binding.getValue(), start, end, step);
                if (sink != out) {
                    return; // stopped while the request was in flight
                }
                anyAnswer = true;
                answeredUpTo.put(metricId, end);
                deliver(metricId, binding.getValue(), series);
            } catch (PrometheusException e) {
                if (sink != out) {
                    return;
                }
                if (e.kind() == PrometheusException.Kind.BAD_QUERY) {
                    anyAnswer = true;
                    metricProblem(metricId, new SourceStatus.Error(clock.instant(), "metric " + metricId + ": "
                            + e.getMessage()));
                } else {
                    sourceFailure = e;
                    break;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        if (sourceFailure != null) {
            sourceFailed(sourceFailure);
        } else if (anyAnswer) {
            lastGoodAnswer = clock.instant();
            changeSourceStatus(new SourceStatus.Live(clock.instant()));
        }
    }

    private void deliver(String metricId, String query, List<PrometheusSeries> series) {
        if (series.size() > 1) {
            metricProblem(metricId, new SourceStatus.Error(clock.instant(), "metric " + metricId + ": the query '"
                    + query + "' returned " + series.size() + " series; a metric needs exactly one — aggregate it,"
                    + " e.g. sum(" + query + ")"));
            return;
        }
        if (series.isEmpty() || series.get(0).size() == 0) {
            if (!metricsWithData.contains(metricId)) {
                metricProblem(metricId, new SourceStatus.Stale(clock.instant(), "metric " + metricId
                        + ": the query '" + query + "' returned no data"));
            }
            return;
        }
        metricsWithData.add(metricId);
        PrometheusSeries only = series.get(0);
        for (int i = 0; i < only.size(); i++) {
            out.sample(metricId, only.times()[i], only.values()[i]);
        }
        metricProblem(metricId, null);
    }

    /** Reports a per-metric status when it changes; {@code null} means the metric is fine again. */
    private void metricProblem(String metricId, SourceStatus status) {
        String key = status == null ? null : status.getClass().getSimpleName() + ":" + message(status);
        String previous = metricProblems.get(metricId);
        if (Objects.equals(previous, key)) {
            return;
        }
        if (status == null) {
            metricProblems.remove(metricId);
            out.status(StatusUpdate.ofMetric(ID, metricId, new SourceStatus.Live(clock.instant())));
        } else {
            metricProblems.put(metricId, key);
            out.status(StatusUpdate.ofMetric(ID, metricId, status));
        }
    }

    private void sourceFailed(PrometheusException e) {
        if (e.isTransient()) {
            Instant since = lastGoodAnswer != null ? lastGoodAnswer : clock.instant();
            if (sourceStatus instanceof SourceStatus.Stale stale && stale.reason().equals(e.getMessage())) {
                return;
            }
            changeSourceStatus(new SourceStatus.Stale(since, e.getMessage()));
        } else {
            if (sourceStatus instanceof SourceStatus.Error error && error.message().equals(e.getMessage())) {
                return;
            }
            changeSourceStatus(new SourceStatus.Error(clock.instant(), e.getMessage()));
        }
    }

    private void changeSourceStatus(SourceStatus status) {
        boolean same = sourceStatus != null && sourceStatus.getClass() == status.getClass()
                && Objects.equals(message(sourceStatus), message(status));
        if (!same) {
            sourceStatus = status;
            out.status(StatusUpdate.ofSource(ID, status));
        }
    }

    private static String message(SourceStatus status) {
        if (status instanceof SourceStatus.Stale stale) {
            return stale.reason();
        }
        if (status instanceof SourceStatus.Error error) {
            return error.message();
        }
        return "";
    }

    /** Runs a range query with retries for transient failures. */
    List<PrometheusSeries> queryRange(String query, long startMillis, long endMillis, long stepMillis)
            throws PrometheusException, InterruptedException {
        URI uri = URI.create(settings.baseUrl() + "/api/v1/query_range?query=" + encode(query)
                + "&start=" + seconds(startMillis) + "&end=" + seconds(endMillis) + "&step=" + seconds(stepMillis));
        String where = settings.displayUrl() + "/api/v1/query_range";
        Duration backoff = settings.firstBackoff();
        for (int attempt = 1; ; attempt++) {
            try {
                return once(uri, where);
            } catch (PrometheusException e) {
                if (!e.isTransient() || attempt >= settings.attempts()) {
                    throw attempt > 1 ? new PrometheusException(e.kind(), e.getMessage() + " (after " + attempt
                            + " attempts)") : e;
                }
                sleeper.sleep(backoff);
                backoff = backoff.multipliedBy(2);
            }
        }
    }

    private List<PrometheusSeries> once(URI uri, String where) throws PrometheusException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(settings.requestTimeout())
                .header("Accept", "application/json").GET();
        token.ifPresent(t -> request.header("Authorization", t.headerValue()));
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            throw new PrometheusException(PrometheusException.Kind.TIMEOUT, where + " did not answer within "
                    + settings.requestTimeout().toMillis() + " ms");
        } catch (ConnectException e) {
            throw new PrometheusException(PrometheusException.Kind.UNREACHABLE, "cannot connect to "
                    + settings.displayUrl() + " (connection refused: is Prometheus running there?)");
        } catch (IOException e) {
            throw new PrometheusException(PrometheusException.Kind.UNREACHABLE, "cannot reach "
                    + settings.displayUrl() + ": " + describe(e));
        } catch (UnresolvedAddressException e) {
            throw new PrometheusException(PrometheusException.Kind.UNREACHABLE, "cannot reach "
                    + settings.displayUrl() + ": unknown host");
        }
        return parser.parse(response.statusCode(), response.body(), where);
    }

    private static String describe(IOException e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getMessage() == null) {
            cause = cause.getCause();
        }
        if (cause instanceof UnresolvedAddressException || cause.getCause() instanceof UnresolvedAddressException) {
            return "unknown host";
        }
        String text = cause.getMessage();
        return text == null ? cause.getClass().getSimpleName() : text;
    }

    private static String encode(String query) {
        return URLEncoder.encode(query, StandardCharsets.UTF_8);
    }

    private static String seconds(long millis) {
        return BigDecimal.valueOf(millis, 3).stripTrailingZeros().toPlainString();
    }

    @Override
    public String toString() {
        return "PrometheusSource[" + settings.displayUrl() + ", " + queries.size() + " queries, token "
                + token.map(BearerToken::toString).orElse("none") + "]";
    }

    /** Waits between retries; injected so tests do not sleep. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;

        static Sleeper real() {
            return duration -> Thread.sleep(duration.toMillis());
        }
    }
}
