package io.incidentconsole.metrics;

import java.time.Duration;
import java.util.Set;

/** Something that produces metric samples in the background: the simulator, Prometheus, a file. */
public interface MetricSource {

    /** A short stable id used in statuses and problems ("simulator", "prometheus", "file"). */
    String id();

    /** The plan metric ids this source feeds. */
    Set<String> metricIds();

    /** How often a healthy source delivers a new sample per metric; staleness is judged against it. */
    Duration expectedInterval();

    /** Starts delivering to the sink from the source's own thread(s). Starting twice is an error. */
    void start(SampleSink sink);

    /** Stops delivering and releases threads/files; idempotent. */
    void stop();
}
