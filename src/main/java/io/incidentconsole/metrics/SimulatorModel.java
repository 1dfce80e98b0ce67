package io.incidentconsole.metrics;

import io.incidentconsole.plan.Metric;
import io.incidentconsole.plan.Milestone;
import io.incidentconsole.plan.Phase;
import io.incidentconsole.plan.Plan;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The simulated incident as a pure function: the value of a metric at a time depends only on the seed, the
 * plan and the phase completions recorded so far. So the same seed replays the same story, samples can be
 * generated for any virtual time range, and tests never sleep.
 *
 * <p>Each metric with a baseline starts there. Completing a phase sets a new goal: the metric's milestone
 * for that phase (e.g. #330 phase 1 → 2.8M calls), or, for phases without a milestone, a point interpolated
 * between the surrounding milestones, reaching the target when the issue's last phase is complete. The level
 * glides towards the goal exponentially ({@code settle} is the time constant). Rates get noise (2 %
 * Gaussian plus a slow 1 % wave); small whole-number counts (50 {@code as any} casts, $65) do not.
 *
 * <p>An {@value #ERROR_RATE} series is always produced: from the plan metric of that id when there is one,
 * else a built-in one (1.2 % errors during the outage, 0.4 % after the first phase, 0.2 % at the end).
 */
public final class SimulatorModel {

    public static final String ERROR_RATE = "error_rate";
    static final double BUILT_IN_ERROR_BASELINE = 0.012;
    static final double BUILT_IN_ERROR_AFTER_FIRST_PHASE = 0.004;
    static final double BUILT_IN_ERROR_TARGET = 0.002;
    static final double ERROR_SPIKE_LEVEL = 0.06;

    private final long seed;
    private final Duration settle;
    private final Map<String, Track> tracks = new LinkedHashMap<>();
    private final List<PhaseEvent> events = new ArrayList<>();
    private final List<Spike> spikes = new ArrayList<>();
    private final List<Ramp> ramps = new ArrayList<>();

    public SimulatorModel(long seed, Plan plan, Duration settle) {
        if (settle.isNegative() || settle.isZero()) {
            throw new IllegalArgumentException("settle time must be positive");
        }
        this.seed = seed;
        this.settle = settle;
        for (Metric metric : plan.metrics()) {
            if (metric.baseline() != null) {
                tracks.put(metric.id(), Track.of(metric, plan));
            }
        }
        if (!tracks.containsKey(ERROR_RATE)) {
            tracks.put(ERROR_RATE, Track.builtInErrorRate(plan));
        }
    }

    /** The metric ids this model produces, in plan order ({@value #ERROR_RATE} last unless the plan has it). */
    public Set<String> metricIds() {
        return Collections.unmodifiableSet(new LinkedHashSet<>(tracks.keySet()));
    }

    public synchronized void phaseCompleted(String phaseId, Instant at) {
        events.add(new PhaseEvent(phaseId, at.toEpochMilli(), true));
        events.sort((a, b) -> Long.compare(a.at, b.at));
    }

    /** A phase was reopened (its completion undone): metrics head back to the previous goal. */
    public synchronized void phaseReopened(String phaseId, Instant at) {
        events.add(new PhaseEvent(phaseId, at.toEpochMilli(), false));
        events.sort((a, b) -> Long.compare(a.at, b.at));
    }

    /** Errors jump to {@value #ERROR_SPIKE_LEVEL} for a while, e.g. to rehearse the rollback alert. */
    public synchronized void errorSpike(Instant from, Duration length) {
        spikes.add(new Spike(from.toEpochMilli(), from.plus(length).toEpochMilli()));
    }

    /**
     * From {@code from}, the metric moves by {@code percent} of its value (negative: falls), linearly over
     * {@code over}, and stays moved: a drill scenario's "adapter_calls rises 40 % over 2 minutes".
     */
    public synchronized void ramp(String metricId, Instant from, Duration over, double percent) {
        if (!tracks.containsKey(metricId)) {
            throw new IllegalArgumentException("the simulator has no metric '" + metricId + "'");
        }
        ramps.add(new Ramp(metricId, from.toEpochMilli(), Math.max(0, over.toMillis()), percent / 100));
    }

    private double rampFactor(String metricId, long epochMillis) {
        double factor = 1;
        for (Ramp ramp : ramps) {
            if (ramp.metricId.equals(metricId) && epochMillis >= ramp.from) {
                double progress = ramp.over == 0 ? 1 : Math.min(1, (epochMillis - ramp.from) / (double) ramp.over);
                factor *= 1 + ramp.fraction * progress;
            }
        }
        return factor;
    }

    /** The simulated value of {@code metricId} at {@code epochMillis}. */
    public synchronized double value(String metricId, long epochMillis) {
        return rawValue(metricId, epochMillis) * rampFactor(metricId, epochMillis);
    }

    private double rawValue(String metricId, long epochMillis) {
        Track track = tracks.get(metricId);
        if (track == null) {
            throw new IllegalArgumentException("the simulator has no metric '" + metricId + "'");
        }
        if (ERROR_RATE.equals(metricId)) {
            for (Spike spike : spikes) {
                if (epochMillis >= spike.from && epochMillis < spike.to) {
                    return ERROR_SPIKE_LEVEL * (1 + 0.05 * noise(metricId, epochMillis));
                }
            }
        }
        double level = level(track, epochMillis);
        if (!track.noisy) {
            return Math.round(level);
        }
        double wave = 0.01 * Math.sin(2 * Math.PI * epochMillis / 600_000.0 + phaseShift(metricId));
        return Math.max(0, level * (1 + wave + track.noise * noise(metricId, epochMillis)));
    }

    /** The noise-free level (what the simulator is heading to, as seen at that time). */
    public synchronized double level(String metricId, long epochMillis) {
        Track track = tracks.get(metricId);
        if (track == null) {
            throw new IllegalArgumentException("the simulator has no metric '" + metricId + "'");
        }
        return level(track, epochMillis);
    }

    private double level(Track track, long t) {
        Set<String> completed = new LinkedHashSet<>();
        double anchor = track.start;
        double goal = track.start;
        long anchorAt = Long.MIN_VALUE;
        for (PhaseEvent event : events) {
            if (event.at > t) {
                break;
            }
            double current = glide(anchor, goal, anchorAt, event.at);
            if (event.completed) {
                completed.add(event.phaseId);
            } else {
                completed.remove(event.phaseId);
            }
            anchor = current;
            anchorAt = event.at;
            goal = track.goalAfter(completed);
        }
        return glide(anchor, goal, anchorAt, t);
    }

    private double glide(double anchor, double goal, long anchorAt, long t) {
        if (anchorAt == Long.MIN_VALUE || anchor == goal) {
            return goal;
        }
        return goal + (anchor - goal) * Math.exp(-(double) (t - anchorAt) / settle.toMillis());
    }

    private double noise(String metricId, long epochMillis) {
        return new SplittableRandom(mix(seed, metricId.hashCode(), epochMillis)).nextGaussian();
    }

    private double phaseShift(String metricId) {
        return new SplittableRandom(mix(seed, metricId.hashCode(), 0x5EEDL)).nextDouble(2 * Math.PI);
    }

    private static long mix(long seed, int metric, long time) {
        long h = seed * 0x9E3779B97F4A7C15L + metric;
        h = (h ^ (h >>> 31)) * 0xBF58476D1CE4E5B9L + time;
        return (h ^ (h >>> 29)) * 0x94D049BB133111EBL;
    }

    private record PhaseEvent(String phaseId, long at, boolean completed) {
    }

    private record Spike(long from, long to) {
    }

    private record Ramp(String metricId, long from, long over, double fraction) {
    }

    /** One metric's path: its start value and the goal after each phase of its issue, in plan order. */
    private record Track(double start, List<String> phaseOrder, double[] goals, boolean noisy, double noise) {

        static Track of(Metric metric, Plan plan) {
            List<Phase> phases = metric.issue() == null ? plan.phases() : plan.phasesOf(metric.issue());
            List<String> order = phases.stream().map(Phase::id).toList();
            double[] goals = new double[order.size()];
            Double[] known = new Double[order.size()];
            for (Milestone milestone : metric.milestones()) {
                int index = order.indexOf(milestone.afterPhase());
                if (index >= 0) {
                    known[index] = milestone.expected();
                }
            }
            if (!order.isEmpty() && known[order.size() - 1] == null && metric.target() != null) {
                known[order.size() - 1] = metric.target();
            }
            interpolate(metric.baseline(), known, goals);
            boolean wholeCounts = isSmallWhole(metric.baseline()) && (metric.target() == null || isSmallWhole(metric.target()));
            return new Track(metric.baseline(), order, goals, !wholeCounts, ERROR_RATE.equals(metric.id()) ? 0.08 : 0.02);
        }

        static Track builtInErrorRate(Plan plan) {
            List<String> order = plan.phases().stream().map(Phase::id).toList();
            Double[] known = new Double[order.size()];
            if (!order.isEmpty()) {
                known[0] = BUILT_IN_ERROR_AFTER_FIRST_PHASE;
                known[order.size() - 1] = order.size() == 1 ? BUILT_IN_ERROR_AFTER_FIRST_PHASE : BUILT_IN_ERROR_TARGET;
            }
            double[] goals = new double[order.size()];
            interpolate(BUILT_IN_ERROR_BASELINE, known, goals);
            return new Track(BUILT_IN_ERROR_BASELINE, order, goals, true, 0.08);
        }

        /** Fills phases without a known value on a straight line between their known neighbours. */
        private static void interpolate(double start, Double[] known, double[] goals) {
            int previous = -1;
            double previousValue = start;
            for (int i = 0; i < known.length; i++) {
                if (known[i] == null) {
                    continue;
                }
                for (int j = previous + 1; j < i; j++) {
                    goals[j] = previousValue + (known[i] - previousValue) * (j - previous) / (double) (i - previous);
                }
                goals[i] = known[i];
                previous = i;
                previousValue = known[i];
            }
            for (int j = previous + 1; j < known.length; j++) {
                goals[j] = previousValue;
            }
        }

        private static boolean isSmallWhole(double v) {
            return v == Math.rint(v) && Math.abs(v) < 1000;
        }

        /** The goal is that of the furthest phase (in plan order) completed so far. */
        double goalAfter(Set<String> completed) {
            int furthest = -1;
            for (int i = 0; i < phaseOrder.size(); i++) {
                if (completed.contains(phaseOrder.get(i))) {
                    furthest = i;
                }
            }
            return furthest < 0 ? start : goals[furthest];
        }
    }
}
