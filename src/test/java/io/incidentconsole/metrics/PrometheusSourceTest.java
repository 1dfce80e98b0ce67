package io.incidentconsole.metrics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The source against a scripted HTTP server on loopback (the real Prometheus is in PrometheusIT). */
class PrometheusSourceTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00.400Z");
    private HttpServer server;
    private final List<Map<String, String>> requests = new CopyOnWriteArrayList<>();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private Function<Map<String, String>, Answer> script;
    private final List<Duration> sleeps = new ArrayList<>();
    private ManualScheduler clock;
    private CoalescingBuffer buffer;

    record Answer(int status, String body, long delayMillis) {
        static Answer ok(String body) {
            return new Answer(200, body, 0);
        }
    }

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r);
            t.setDaemon(true);
            return t;
        }));
        server.start();
        clock = new ManualScheduler(NOW);
        buffer = new CoalescingBuffer();
        script = q -> Answer.ok(matrix(q));
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        Map<String, String> query = new HashMap<>();
        query.put("path", exchange.getRequestURI().getPath());
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                String[] kv = pair.split("=", 2);
                query.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
            }
        }
        requests.add(query);
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        if (auth != null) {
            authorizations.add(auth);
        }
        Answer answer = script.apply(query);
        // A server that answers late on purpose, to exercise the source's real HTTP timeout.
        if (answer.delayMillis > 0) {
            try {
                Thread.sleep(answer.delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        byte[] body = answer.body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(answer.status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
        exchange.close();
    }

    /** A one-series matrix with value = epoch seconds at each requested step. */
    private static String matrix(Map<String, String> q) {
        double start = Double.parseDouble(q.get("start"));
        double end = Double.parseDouble(q.get("end"));
        double step = Double.parseDouble(q.get("step"));
        StringBuilder values = new StringBuilder();
        for (double t = start; t <= end; t += step) {
            values.append(values.length() == 0 ? "" : ",").append("[").append((long) t).append(",\"").append((long) t)
                    .append("\"]");
        }
        return "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[{\"metric\":{},\"values\":["
                + values + "]}]}}";
    }

    private PrometheusSource source(String url, Map<String, String> queries, Optional<BearerToken> token,
                                    Duration timeout) {
        PrometheusSettings settings = new PrometheusSettings(PrometheusSettings.parseBaseUrl(url),
                Duration.ofSeconds(15), Duration.ofMinutes(10), timeout, 3, Duration.ofMillis(500));
        PrometheusSource source = new PrometheusSource(settings, queries, token,
                PrometheusSource.httpClient(settings), clock, clock, sleeps::add);
        source.start(buffer);
        return source;
    }

    private String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    @Test
    void backfillsThenAsksOnlyForNewStepsWithTheToken() {
        Optional<BearerToken> token = BearerToken.fromEnvironment("PROM_TOKEN", Map.of("PROM_TOKEN", "s3cret")::get);
        PrometheusSource source = source(url(), Map.of("convex_calls", "sum(rate(x[5m]))"), token,
                Duration.ofSeconds(5));
        source.poll();
        CoalescingBuffer.Drained first = buffer.drain();
        // 10 minutes of 15 s steps, inclusive of both ends: 41 points, aligned to the step grid.
        assertThat(first.samples().size()).isEqualTo(41);
        assertThat(first.samples().time(40)).isEqualTo(Instant.parse("2026-03-01T10:00:00Z").toEpochMilli());
        assertThat(first.samples().time(0)).isEqualTo(Instant.parse("2026-03-01T09:50:00Z").toEpochMilli());
        assertThat(first.statuses()).extracting(StatusUpdate::status).hasOnlyElementsOfType(SourceStatus.Live.class);
        assertThat(requests.get(0)).containsEntry("path", "/api/v1/query_range")
                .containsEntry("query", "sum(rate(x[5m]))").containsEntry("step", "15");

        // The scheduler polls every 15 s: at 10:00:00.4 nothing is new, then one step each at :15 and :30.
        clock.advance(Duration.ofSeconds(31));
        source.poll();
        assertThat(requests).hasSize(3);
        assertThat(requests.get(1)).containsEntry("start", "1772359215").containsEntry("end", "1772359215");
        assertThat(requests.get(2)).containsEntry("start", "1772359230").containsEntry("end", "1772359230");
        assertThat(buffer.drain().samples().size()).isEqualTo(2);
        assertThat(authorizations).containsOnly("Bearer s3cret");
        assertThat(source.toString()).doesNotContain("s3cret").contains("PROM_TOKEN");
        assertThat(token.orElseThrow().toString()).doesNotContain("s3cret");
    }

    @Test
    void transientFailuresAreRetriedWithDoublingBackoff() {
        int[] calls = {0};
        script = q -> ++calls[0] <= 2 ? new Answer(503, "overloaded", 0) : Answer.ok(matrix(q));
        source(url(), Map.of("m", "up"), Optional.empty(), Duration.ofSeconds(5)).poll();
        assertThat(sleeps).containsExactly(Duration.ofMillis(500), Duration.ofMillis(1000));
        assertThat(buffer.drain().samples().size()).isEqualTo(41);
    }

    @Test
    void aRefusedQueryMarksOnlyItsMetric() {
        script = q -> q.get("query").equals("sum(") ? new Answer(400,
                PrometheusResponseParserTest.fixture("error_bad_query.json"), 0) : Answer.ok(matrix(q));
        Map<String, String> queries = new LinkedHashMap<>();
        queries.put("broken", "sum(");
        queries.put("fine", "up");
        source(url(), queries, Optional.empty(), Duration.ofSeconds(5)).poll();
        CoalescingBuffer.Drained d = buffer.drain();
        assertThat(d.samples().size()).isEqualTo(41);
        assertThat(d.samples().metricId(0)).isEqualTo("fine");
        assertThat(sleeps).isEmpty();
        StatusUpdate broken = d.statuses().stream().filter(u -> "broken".equals(u.metricId())).findFirst().orElseThrow();
        assertThat(broken.status()).isInstanceOfSatisfying(SourceStatus.Error.class,
                e -> assertThat(e.message()).contains("metric broken").contains("unclosed left parenthesis"));
        StatusUpdate whole = d.statuses().stream().filter(u -> u.metricId() == null).findFirst().orElseThrow();
        assertThat(whole.status()).isInstanceOf(SourceStatus.Live.class);
    }

    @Test
    void aWrongUrlIsAnErrorThatNamesTheFix() {
        script = q -> new Answer(404, "404 page not found\n", 0);
        source(url() + "prometheus", Map.of("m", "up"), Optional.empty(), Duration.ofSeconds(5)).poll();
        assertThat(buffer.drain().statuses()).singleElement().satisfies(u -> assertThat(u.status())
                .isInstanceOfSatisfying(SourceStatus.Error.class, e -> assertThat(e.message())
                        .contains("/prometheus/api/v1/query_range answered HTTP 404")
                        .contains("Prometheus base URL")));
    }

    @Test
    void aMalformedAnswerIsAnError() {
        script = q -> Answer.ok("<html>login</html>");
        source(url(), Map.of("m", "up"), Optional.empty(), Duration.ofSeconds(5)).poll();
        assertThat(buffer.drain().statuses()).singleElement().satisfies(u -> assertThat(u.status())
                .isInstanceOfSatisfying(SourceStatus.Error.class,
                        e -> assertThat(e.message()).contains("not Prometheus JSON")));
    }

    @Test
    void aServerThatGoesAwayMakesTheSourceStaleSinceItsLastAnswerAndTheGapIsRefilled() throws IOException {
        PrometheusSource source = source(url(), Map.of("m", "up"), Optional.empty(), Duration.ofSeconds(5));
        source.poll();
        buffer.drain();
        Instant lastAnswer = clock.instant();
        int port = server.getAddress().getPort();
        server.stop(0);
        clock.advance(Duration.ofSeconds(60));
        source.poll();
        CoalescingBuffer.Drained d = buffer.drain();
        assertThat(d.samples().size()).isZero();
        assertThat(d.statuses()).singleElement().satisfies(u -> assertThat(u.status())
                .isInstanceOfSatisfying(SourceStatus.Stale.class, s -> {
                    assertThat(s.since()).isEqualTo(lastAnswer);
                    assertThat(s.reason()).contains("connection refused").contains("after 3 attempts");
                }));

        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/", this::handle);
        server.start();
        clock.advance(Duration.ofSeconds(15));
        source.poll();
        CoalescingBuffer.Drained back = buffer.drain();
        assertThat(back.samples().size()).as("the 75 s gap is refilled").isEqualTo(5);
        assertThat(back.statuses()).singleElement()
                .satisfies(u -> assertThat(u.status()).isInstanceOf(SourceStatus.Live.class));
    }

    @Test
    void stoppingDoesNotWaitForARequestInFlightAndDiscardsItsAnswer() throws Exception {
        CountDownLatch arrived = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        script = q -> {
            arrived.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Answer.ok(matrix(q));
        };
        PrometheusSource source = source(url(), Map.of("m", "up"), Optional.empty(), Duration.ofSeconds(30));
        Thread poller = new Thread(source::poll);
        poller.start();
        assertThat(arrived.await(10, TimeUnit.SECONDS)).isTrue();
        source.stop();
        assertThat(poller.isAlive()).as("stop returned while the request was still held by the server").isTrue();
        release.countDown();
        poller.join();
        CoalescingBuffer.Drained d = buffer.drain();
        assertThat(d.samples().size()).isZero();
        assertThat(d.statuses()).singleElement()
                .satisfies(u -> assertThat(u.status()).isInstanceOf(SourceStatus.Stopped.class));
    }

    @Test
    void aSlowServerTimesOut() {
        script = q -> new Answer(200, matrix(q), 3_000);
        PrometheusSettings settings = new PrometheusSettings(PrometheusSettings.parseBaseUrl(url()),
                Duration.ofSeconds(15), Duration.ofMinutes(10), Duration.ofMillis(200), 1, Duration.ofMillis(1));
        PrometheusSource source = new PrometheusSource(settings, Map.of("m", "up"), Optional.empty(),
                PrometheusSource.httpClient(settings), clock, clock, sleeps::add);
        source.start(buffer);
        source.poll();
        assertThat(buffer.drain().statuses()).singleElement().satisfies(u -> assertThat(u.status())
                .isInstanceOfSatisfying(SourceStatus.Stale.class,
                        s -> assertThat(s.reason()).contains("did not answer within 200 ms")));
    }

    @Test
    void aQueryWithSeveralSeriesAsksForAggregation() {
        script = q -> Answer.ok("{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":["
                + "{\"metric\":{\"a\":\"1\"},\"values\":[[1772359200,\"1\"]]},"
                + "{\"metric\":{\"a\":\"2\"},\"values\":[[1772359200,\"2\"]]}]}}");
        source(url(), Map.of("m", "rate(x[1m])"), Optional.empty(), Duration.ofSeconds(5)).poll();
        CoalescingBuffer.Drained d = buffer.drain();
        assertThat(d.samples().size()).isZero();
        assertThat(d.statuses()).anySatisfy(u -> assertThat(u.status()).isInstanceOfSatisfying(
                SourceStatus.Error.class, e -> assertThat(e.message()).contains("returned 2 series")
                        .contains("sum(rate(x[1m]))")));
    }

    @Test
    void serverUrlsAreCheckedWithAClearMessage() throws IOException {
        assertThat(PrometheusSettings.parseBaseUrl("http://localhost:9090/").toString()).isEqualTo("http://localhost:9090");
        assertThatThrownBy(() -> PrometheusSettings.parseBaseUrl("localhost:9090"))
                .hasMessageContaining("must start with http:// or https://");
        assertThatThrownBy(() -> PrometheusSettings.parseBaseUrl("http://:9090"))
                .hasMessageContaining("no host");
        assertThatThrownBy(() -> PrometheusSettings.parseBaseUrl("http://u:pw@host:9090"))
                .hasMessageContaining("must not contain user:password").hasMessageNotContaining("pw")
                .hasMessageEndingWith("start the console with --prometheus-token-env=NAME")
                .hasMessageNotContaining("settings");
        assertThatThrownBy(() -> PrometheusSettings.parseBaseUrl("http://host:9090/api?query=up"))
                .hasMessageContaining("without ?query");
        assertThat(BearerToken.fromEnvironment("UNSET", name -> null)).isEmpty();
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        source("http://127.0.0.1:" + closedPort, Map.of("m", "up"), Optional.empty(), Duration.ofSeconds(2)).poll();
        assertThat(buffer.drain().statuses()).singleElement().satisfies(u -> assertThat(u.status())
                .isInstanceOf(SourceStatus.Stale.class));
    }
}
