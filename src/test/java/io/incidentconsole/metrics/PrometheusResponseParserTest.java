package io.incidentconsole.metrics;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Parses answers captured from a real Prometheus 2.42 (see src/test/resources/metrics/prometheus/README.md). */
class PrometheusResponseParserTest {

    private static final String WHERE = "http://127.0.0.1:9090/api/v1/query_range";
    private final PrometheusResponseParser parser = new PrometheusResponseParser();

    static String fixture(String name) {
        try (InputStream in = Objects.requireNonNull(
                PrometheusResponseParserTest.class.getResourceAsStream("/metrics/prometheus/" + name), name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void matrixBecomesMillisecondPoints() throws Exception {
        List<PrometheusSeries> series = parser.parse(200, fixture("query_range_up.json"), WHERE);
        assertThat(series).singleElement().satisfies(s -> {
            assertThat(s.labels()).containsEntry("job", "self").containsEntry("__name__", "up");
            assertThat(s.times()).hasSize(6).startsWith(1795767438_000L, 1795767439_000L);
            assertThat(s.values()).containsOnly(1.0);
        });
    }

    @Test
    void nanAndInfinitiesAreDoubles() throws Exception {
        List<PrometheusSeries> series = parser.parse(200, fixture("query_range_nan_inf.json"), WHERE);
        assertThat(series).hasSize(3);
        assertThat(series.get(0).labels()).containsEntry("kind", "nan");
        assertThat(Arrays.stream(series.get(0).values()).allMatch(Double::isNaN)).isTrue();
        assertThat(series.get(1).values()).containsOnly(Double.NEGATIVE_INFINITY);
        assertThat(series.get(2).values()).containsOnly(Double.POSITIVE_INFINITY);
        assertThat(parser.parse(200, fixture("query_vector_nan.json"), WHERE).get(0).values()[0]).isNaN();
    }

    @Test
    void vectorScalarAndFractionalTimestamps() throws Exception {
        PrometheusSeries up = parser.parse(200, fixture("query_vector_up.json"), WHERE).get(0);
        assertThat(up.times()).containsExactly(1795767443_167L);
        assertThat(up.values()).containsExactly(1.0);
        PrometheusSeries scalar = parser.parse(200, fixture("query_scalar.json"), WHERE).get(0);
        assertThat(scalar.values()).containsExactly(42.0);
        assertThat(parser.parse(200, fixture("query_vector_multi.json"), WHERE)).hasSize(2);
    }

    @Test
    void emptyResultsAreEmptyNotErrors() throws Exception {
        assertThat(parser.parse(200, fixture("query_range_empty.json"), WHERE)).isEmpty();
        assertThat(parser.parse(200, fixture("query_vector_empty.json"), WHERE)).isEmpty();
    }

    @Test
    void refusedQueriesCarryPrometheusOwnMessage() {
        assertThatThrownBy(() -> parser.parse(400, fixture("error_bad_query.json"), WHERE))
                .isInstanceOfSatisfying(PrometheusException.class,
                        e -> assertThat(e.kind()).isEqualTo(PrometheusException.Kind.BAD_QUERY))
                .hasMessage(WHERE + " refused the query (HTTP 400, bad_data): invalid parameter \"query\": 1:5: "
                        + "parse error: unclosed left parenthesis");
        assertThatThrownBy(() -> parser.parse(400, fixture("error_too_many_points.json"), WHERE))
                .hasMessageContaining("11,000 points");
        assertThatThrownBy(() -> parser.parse(400, fixture("error_bad_range.json"), WHERE))
                .hasMessageContaining("end timestamp must not be before start time");
        assertThatThrownBy(() -> parser.parse(200, fixture("query_string.json"), WHERE))
                .hasMessageContaining("returns a string");
    }

    @Test
    void wrongUrlsAndServerErrorsSaySo() {
        assertThatThrownBy(() -> parser.parse(404, fixture("not_found.txt"), WHERE))
                .isInstanceOfSatisfying(PrometheusException.class,
                        e -> assertThat(e.kind()).isEqualTo(PrometheusException.Kind.WRONG_URL))
                .hasMessageContaining("HTTP 404: \"404 page not found\"")
                .hasMessageContaining("http://host:9090");
        assertThatThrownBy(() -> parser.parse(503, "Service Unavailable", WHERE))
                .isInstanceOfSatisfying(PrometheusException.class, e -> assertThat(e.isTransient()).isTrue());
        assertThatThrownBy(() -> parser.parse(401, "", WHERE))
                .isInstanceOfSatisfying(PrometheusException.class,
                        e -> assertThat(e.kind()).isEqualTo(PrometheusException.Kind.UNAUTHORIZED))
                .hasMessageEndingWith("check the bearer token in the environment variable named by --prometheus-token-env");
        assertThatThrownBy(() -> parser.parse(503,
                "{\"status\":\"error\",\"errorType\":\"timeout\",\"error\":\"query timed out\"}", WHERE))
                .isInstanceOfSatisfying(PrometheusException.class, e -> assertThat(e.isTransient()).isTrue());
    }

    @Test
    void malformedBodiesAreReportedWithWhere() {
        assertThatThrownBy(() -> parser.parse(200, fixture("not_json.html"), WHERE))
                .isInstanceOfSatisfying(PrometheusException.class,
                        e -> assertThat(e.kind()).isEqualTo(PrometheusException.Kind.MALFORMED))
                .hasMessageContaining("not Prometheus JSON: \"<html><body>Sign in</body></html>\"");
        assertThatThrownBy(() -> parser.parse(200, fixture("malformed_truncated.json"), WHERE))
                .hasMessageContaining("not Prometheus JSON");
        assertThatThrownBy(() -> parser.parse(200, fixture("malformed_value.json"), WHERE))
                .hasMessageContaining("result[0].values[0] value 'lots' is not a number");
        assertThatThrownBy(() -> parser.parse(200, "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\","
                + "\"result\":[{\"metric\":{},\"values\":[[\"x\",\"1\"]]}]}}", WHERE))
                .hasMessageContaining("is not a [timestamp, \"value\"] pair");
        assertThatThrownBy(() -> parser.parse(200, "{\"status\":\"weird\"}", WHERE))
                .hasMessageContaining("\"status\"");
    }
}
