package io.incidentconsole.metrics;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Evaluates rules continuously over incoming samples, in sample time: a rule fires once its condition has held
 * on every sample for at least its {@code for} duration (at once when it has none), and clears on the first
 * sample where it no longer holds. A {@link Rule.Kind#THRESHOLD threshold} fires only when it is crossed: a
 * metric already beyond it when the console starts (3.2M calls against a 900K alert line) is the known state
 * of the incident, not news. NaN samples say nothing and are ignored, as are samples older than the last one
 * seen for the metric. Owned by the thread that drains the {@link CoalescingBuffer}.
 */
public final class RuleEvaluator {

    private final Map<String, List<State>> byMetric = new LinkedHashMap<>();
    private final Map<String, State> byId = new LinkedHashMap<>();

    public RuleEvaluator(List<Rule> rules) {
        for (Rule rule : rules) {
            if (byId.containsKey(rule.id())) {
                throw new IllegalArgumentException("two rules have the id '" + rule.id() + "'");
            }
            State state = new State(rule);
            byId.put(rule.id(), state);
            byMetric.computeIfAbsent(rule.metricId(), k -> new ArrayList<>()).add(state);
        }
    }

    /** Feeds one sample; returns the alerts that fired or cleared because of it (usually none). */
    public List<AlertEvent> onSample(String metricId, long epochMillis, double value) {
        List<State> states = byMetric.get(metricId);
        if (states == null || Double.isNaN(value)) {
            return List.of();
        }
        List<AlertEvent> events = new ArrayList<>(0);
        for (State state : states) {
            if (epochMillis < state.lastSampleAt) {
                continue;
            }
            state.lastSampleAt = epochMillis;
            boolean holds = state.rule.condition().holdsFor(value);
            if (!holds) {
                state.seenNotHolding = true;
                state.holdingSince = Long.MIN_VALUE;
                if (state.firing) {
                    state.firing = false;
                    state.acknowledged = false;
                    events.add(new AlertEvent.Cleared(state.rule, Instant.ofEpochMilli(epochMillis), value));
                }
                continue;
            }
            if (state.rule.kind() == Rule.Kind.THRESHOLD && !state.seenNotHolding) {
                continue;
            }
            if (state.holdingSince == Long.MIN_VALUE) {
                state.holdingSince = epochMillis;
            }
            long held = epochMillis - state.holdingSince;
            if (!state.firing && held >= state.rule.condition().forAtLeast().toMillis()) {
                state.firing = true;
                state.firedAt = epochMillis;
                events.add(new AlertEvent.Fired(state.rule, Instant.ofEpochMilli(epochMillis), value,
                        Instant.ofEpochMilli(state.holdingSince)));
            }
        }
        return events;
    }

    /**
     * Acknowledges a firing alert. Empty when the rule is not firing or already acknowledged (nothing to record).
     *
     * @throws IllegalArgumentException for an unknown rule id
     */
    public Optional<AlertEvent.Acknowledged> acknowledge(String ruleId, String by, Instant at) {
        State state = byId.get(ruleId);
        if (state == null) {
            throw new IllegalArgumentException("no rule with id '" + ruleId + "'");
        }
        if (!state.firing || state.acknowledged) {
            return Optional.empty();
        }
        state.acknowledged = true;
        return Optional.of(new AlertEvent.Acknowledged(state.rule, at, by));
    }

    /**
     * Takes up a firing the incident recorded before these samples (the console restarted, or another console saw
     * it fire): the rule is firing since {@code firedAt}, so the first sample where its condition no longer holds
     * clears it, and a threshold may be crossed again after that. Nothing when the rule is firing already.
     *
     * @throws IllegalArgumentException for an unknown rule id
     */
    public void resumeFiring(String ruleId, Instant firedAt, boolean acknowledged) {
        State state = byId.get(ruleId);
        if (state == null) {
            throw new IllegalArgumentException("no rule with id '" + ruleId + "'");
        }
        if (state.firing) {
            return;
        }
        state.firing = true;
        state.acknowledged = acknowledged;
        state.seenNotHolding = true;
        state.firedAt = firedAt.toEpochMilli();
    }

    public boolean knows(String ruleId) {
        return byId.containsKey(ruleId);
    }

    /** The alerts firing now, in rule order. */
    public List<ActiveAlert> active() {
        List<ActiveAlert> active = new ArrayList<>();
        for (State state : byId.values()) {
            if (state.firing) {
                active.add(new ActiveAlert(state.rule, Instant.ofEpochMilli(state.firedAt), state.acknowledged));
            }
        }
        return active;
    }

    public List<Rule> rules() {
        return byId.values().stream().map(s -> s.rule).toList();
    }

    /** A firing alert as the banner shows it. */
    public record ActiveAlert(Rule rule, Instant firedAt, boolean acknowledged) {
    }

    private static final class State {
        final Rule rule;
        long lastSampleAt = Long.MIN_VALUE;
        long holdingSince = Long.MIN_VALUE;
        boolean firing;
        boolean acknowledged;
        boolean seenNotHolding;
        long firedAt;

        State(Rule rule) {
            this.rule = rule;
        }
    }
}
