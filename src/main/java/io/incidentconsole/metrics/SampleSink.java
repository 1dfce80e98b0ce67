package io.incidentconsole.metrics;

/**
 * Where sources deliver what they read. Implementations must accept calls from any thread; sources call
 * it from their own threads and never from the UI thread.
 */
public interface SampleSink {

    void sample(String metricId, long epochMillis, double value);

    /** The source's health changed (or a single metric of it, when {@link StatusUpdate#metricId()} is set). */
    void status(StatusUpdate update);

    /** Input the source skipped, e.g. a malformed line in a metrics file. */
    void problem(SourceProblem problem);
}
