package io.incidentconsole.metrics;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * How to talk to a Prometheus server: the base URL (from {@code --prometheus URL} or settings), how often to
 * poll, how much history to backfill, and how patient to be (timeout, attempts, first backoff which doubles).
 */
public record PrometheusSettings(URI baseUrl, Duration pollInterval, Duration backfill, Duration requestTimeout,
                                 int attempts, Duration firstBackoff) {

    public static final Duration DEFAULT_POLL = Duration.ofSeconds(15);
    public static final Duration DEFAULT_BACKFILL = Duration.ofHours(6);
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    public PrometheusSettings {
        Objects.requireNonNull(baseUrl, "baseUrl");
        if (pollInterval.toMillis() < 1000) {
            throw new IllegalArgumentException("the Prometheus poll interval must be at least 1s, got " + pollInterval);
        }
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1, got " + attempts);
        }
    }

    /** Defaults for a server URL: poll every 15 s, 6 h of backfill, 10 s timeout, 3 attempts from 500 ms. */
    public static PrometheusSettings forUrl(String url) {
        return new PrometheusSettings(parseBaseUrl(url), DEFAULT_POLL, DEFAULT_BACKFILL, DEFAULT_TIMEOUT, 3,
                Duration.ofMillis(500));
    }

    /**
     * Checks a server URL as the user typed it and returns it without a trailing slash.
     *
     * @throws IllegalArgumentException saying what is wrong, e.g. a missing {@code http://}
     */
    public static URI parseBaseUrl(String url) {
        String text = url == null ? "" : url.strip();
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("the Prometheus URL '" + text + "' is not a URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("the Prometheus URL '" + text
                    + "' must start with http:// or https://, like http://localhost:9090");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new IllegalArgumentException("the Prometheus URL '" + text + "' has no host, like http://localhost:9090");
        }
        if (uri.getQuery() != null || uri.getFragment() != null) {
            throw new IllegalArgumentException("the Prometheus URL '" + text
                    + "' must be the server's base URL without ?query or #fragment");
        }
        if (uri.getUserInfo() != null) {
            throw new IllegalArgumentException("the Prometheus URL must not contain user:password (it would show in "
                    + "process lists and files): put a bearer token in an environment variable and start the console "
                    + "with --prometheus-token-env=NAME");
        }
        String path = uri.getPath() == null ? "" : uri.getPath().replaceAll("/+$", "");
        try {
            return new URI(scheme, null, uri.getHost(), uri.getPort(), path, null, null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("the Prometheus URL '" + text + "' is not a URL: " + e.getReason());
        }
    }

    /** The base URL as shown to people. */
    public String displayUrl() {
        return baseUrl.getScheme() + "://" + baseUrl.getHost() + (baseUrl.getPort() < 0 ? "" : ":" + baseUrl.getPort())
                + baseUrl.getPath();
    }

    @Override
    public String toString() {
        return "PrometheusSettings[" + displayUrl() + ", poll " + pollInterval + ", backfill " + backfill
                + ", timeout " + requestTimeout + ", " + attempts + " attempts]";
    }
}
