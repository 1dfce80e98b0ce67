package io.incidentconsole.metrics;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Against a real Prometheus (Debian package {@code prometheus}) started on loopback, scraping itself every
 * second: the source reads real series, and stopping the server turns the source stale. Without the binary the
 * test is skipped loudly, except under CI=true where it fails.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PrometheusIntegrationTest {

    private static Process prometheus;
    private static Path workDir;
    private static String baseUrl;

    @BeforeAll
    static void startPrometheus() throws Exception {
        Optional<Path> binary = findOnPath("prometheus");
        if (binary.isEmpty()) {
            String message = "PROMETHEUS NOT FOUND on PATH: the real-Prometheus integration test did NOT run. "
                    + "Install it with: apt-get install -y --no-install-recommends prometheus";
            if ("true".equals(System.getenv("CI"))) {
                Assertions.fail(message + " (CI=true: this test must run)");
            }
            System.err.println("\n!!!!!!!! " + message + " !!!!!!!!\n");
            Assumptions.abort(message);
        }
        workDir = Files.createTempDirectory("prometheus-it");
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        baseUrl = "http://127.0.0.1:" + port;
        Path config = workDir.resolve("prometheus.yml");
        Files.writeString(config, """
                global:
                  scrape_interval: 1s
                  evaluation_interval: 1s
                scrape_configs:
                  - job_name: self
                    static_configs:
                      - targets: ['127.0.0.1:%d']
                """.formatted(port));
        prometheus = new ProcessBuilder(binary.get().toString(), "--config.file=" + config,
                "--storage.tsdb.path=" + workDir.resolve("data"), "--web.listen-address=127.0.0.1:" + port)
                .redirectErrorStream(true).redirectOutput(workDir.resolve("prometheus.log").toFile()).start();
        waitForSamples();
    }

    /** Waits (up to 60 s) until the server has scraped itself a few times. */
    private static void waitForSamples() throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (!prometheus.isAlive()) {
                Assertions.fail("prometheus exited with " + prometheus.exitValue() + ": "
                        + Files.readString(workDir.resolve("prometheus.log")));
            }
            try {
                long now = Instant.now().getEpochSecond();
                HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(baseUrl
                        + "/api/v1/query_range?query=up&step=1&start=" + (now - 30) + "&end=" + now)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 200 && answer.body().split("\"1\"").length > 3) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        Assertions.fail("prometheus did not scrape itself within 60 s: "
                + Files.readString(workDir.resolve("prometheus.log")));
    }

    @AfterAll
    static void stopPrometheus() throws Exception {
        if (prometheus != null && prometheus.isAlive()) {
            prometheus.destroy();
            if (!prometheus.waitFor(10, TimeUnit.SECONDS)) {
                prometheus.destroyForcibly();
            }
        }
        if (workDir != null) {
            try (Stream<Path> files = Files.walk(workDir)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    private static Optional<Path> findOnPath(String name) {
        String path = System.getenv().getOrDefault("PATH", "");
        return Stream.of(path.split(File.pathSeparator)).filter(s -> !s.isEmpty()).map(dir -> Path.of(dir, name))
                .filter(Files::isExecutable).findFirst();
    }

    private PrometheusSource source(CoalescingBuffer buffer, Map<String, String> queries) {
        PrometheusSettings settings = new PrometheusSettings(PrometheusSettings.parseBaseUrl(baseUrl),
                Duration.ofSeconds(1), Duration.ofMinutes(2), Duration.ofSeconds(3), 2, Duration.ofMillis(100));
        ManualScheduler unusedTimer = new ManualScheduler(Instant.now());
        PrometheusSource source = new PrometheusSource(settings, queries, Optional.empty(),
                PrometheusSource.httpClient(settings), Clock.systemUTC(), unusedTimer,
                PrometheusSource.Sleeper.real());
        source.start(buffer);
        return source;
    }

    @Test
    @Order(1)
    void readsRealSeriesAndReportsARefusedQuery() {
        CoalescingBuffer buffer = new CoalescingBuffer();
        Map<String, String> queries = new LinkedHashMap<>();
        queries.put("up", "up{job=\"self\"}");
        queries.put("samples", "sum(scrape_samples_scraped)");
        queries.put("broken", "sum(");
        queries.put("nan", "vector(0)/0");
        source(buffer, queries).poll();
        CoalescingBuffer.Drained d = buffer.drain();
        Map<String, Integer> counts = new LinkedHashMap<>();
        Map<String, Double> last = new LinkedHashMap<>();
        for (int i = 0; i < d.samples().size(); i++) {
            counts.merge(d.samples().metricId(i), 1, Integer::sum);
            last.put(d.samples().metricId(i), d.samples().value(i));
        }
        assertThat(counts.get("up")).isGreaterThanOrEqualTo(3);
        assertThat(last.get("up")).isEqualTo(1.0);
        assertThat(last.get("samples")).isGreaterThan(10);
        assertThat(last.get("nan")).isNaN();
        assertThat(counts).doesNotContainKey("broken");
        assertThat(d.statuses()).anySatisfy(u -> {
            assertThat(u.metricId()).isEqualTo("broken");
            assertThat(u.status()).isInstanceOfSatisfying(SourceStatus.Error.class,
                    e -> assertThat(e.message()).contains("bad_data").contains("parse error"));
        });
        assertThat(d.statuses()).anySatisfy(u -> {
            assertThat(u.metricId()).isNull();
            assertThat(u.status()).isInstanceOf(SourceStatus.Live.class);
        });
    }

    @Test
    @Order(2)
    void aStoppedServerTurnsTheSourceStale() throws Exception {
        CoalescingBuffer buffer = new CoalescingBuffer();
        PrometheusSource source = source(buffer, Map.of("up", "up{job=\"self\"}"));
        StalenessTracker tracker = new StalenessTracker(3);
        tracker.register("up", PrometheusSource.ID, source.expectedInterval(), Instant.now());
        Instant beforePoll = Instant.now();
        source.poll();
        CoalescingBuffer.Drained before = buffer.drain();
        assertThat(before.samples().size()).isPositive();
        Instant lastArrival = Instant.now();
        tracker.sampleArrived("up", lastArrival);
        before.statuses().forEach(tracker::status);
        assertThat(tracker.freshness("up", Instant.now()).isCurrent()).isTrue();

        prometheus.destroy();
        assertThat(prometheus.waitFor(20, TimeUnit.SECONDS)).as("prometheus stopped").isTrue();
        // Let the next 1 s evaluation step fall due so the poll has something to ask for.
        Thread.sleep(1100);
        source.poll();
        CoalescingBuffer.Drained after = buffer.drain();
        assertThat(after.samples().size()).isZero();
        after.statuses().forEach(tracker::status);
        Freshness freshness = tracker.freshness("up", Instant.now());
        assertThat(freshness.state()).isEqualTo(Freshness.State.STALE);
        assertThat(freshness.since()).as("stale since the last good answer").isBetween(beforePoll, lastArrival);
        assertThat(freshness.reason()).contains("connection refused").contains(baseUrl);
    }
}
