package io.incidentconsole.drill;

import io.incidentconsole.plan.QuantityFormat;

import java.time.Duration;

/** What a scenario event does. */
public sealed interface ScenarioAction {

    /** One line for the timeline and the report: "error_rate rises +400% over 2m". */
    String describe();

    /**
     * The simulator moves a metric by {@code percent} (negative: falls) of its value, linearly over {@code over},
     * and keeps it there.
     */
    record MetricChange(String metricId, double percent, Duration over) implements ScenarioAction {
        @Override
        public String describe() {
            return metricId + (percent >= 0 ? " rises " : " falls ") + QuantityFormat.percent(percent)
                    + " over " + DrillDurations.format(over);
        }
    }

    /** An alert fires: {@code alertId} a plan alert rule's id or any name for a scripted one. */
    record AlertFires(String alertId, String metricId, String message) implements ScenarioAction {
        @Override
        public String describe() {
            return "alert " + alertId + " fires" + (message == null ? "" : ": " + message);
        }
    }

    /** A test item (check or case) is recorded as failed, as if someone had found it broken. */
    record TestFails(String suiteId, String testId, String note) implements ScenarioAction {
        @Override
        public String describe() {
            return "test " + testId + " fails" + (note == null ? "" : ": " + note);
        }
    }

    /**
     * A procedure step's stub exits {@code exitCode} with {@code output}, the first {@code times} times it runs.
     * {@code stepId} is the step's id as in a step-by-step run ({@code rb330-phase2.step-2}).
     */
    record StepFails(String stepId, int exitCode, String output, int times) implements ScenarioAction {
        @Override
        public String describe() {
            return "step " + stepId + " fails with exit code " + exitCode + (times == 1 ? "" : " (" + times + " times)");
        }
    }
}
