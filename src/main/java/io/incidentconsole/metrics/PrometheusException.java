package io.incidentconsole.metrics;

/**
 * Why a Prometheus request gave no samples, in words an operator can act on. Messages never contain the
 * bearer token (it only ever travels in a request header) nor URL credentials.
 */
public final class PrometheusException extends Exception {

    private static final long serialVersionUID = 1L;

    private final Kind kind;

    public PrometheusException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    /** True when trying again later may help (the server is down, slow or overloaded). */
    public boolean isTransient() {
        return kind.transientFailure;
    }

    public enum Kind {
        /** Connection refused, unknown host, reset: the server is not answering. */
        UNREACHABLE(true),
        TIMEOUT(true),
        /** HTTP 5xx or 429, or Prometheus errorType timeout/unavailable. */
        SERVER_ERROR(true),
        /** Prometheus refused the query (bad_data, execution): the plan's PromQL must change. */
        BAD_QUERY(false),
        /** HTTP 404 and other 4xx without a Prometheus error body: the URL is not a Prometheus API. */
        WRONG_URL(false),
        /** HTTP 401/403: the token is missing or not accepted. */
        UNAUTHORIZED(false),
        /** A body that is not the Prometheus JSON shape. */
        MALFORMED(false);

        private final boolean transientFailure;

        Kind(boolean transientFailure) {
            this.transientFailure = transientFailure;
        }
    }
}
