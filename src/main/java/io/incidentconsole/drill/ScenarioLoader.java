package io.incidentconsole.drill;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.TreeSet;
import com.fasterxml.jackson.databind.JsonNode;
import io.incidentconsole.metrics.SimulatorModel;
import io.incidentconsole.plan.LocatedYaml;
import io.incidentconsole.plan.Plan;
import io.incidentconsole.plan.PlanItems;
import io.incidentconsole.plan.Problem;
import io.incidentconsole.plan.Procedure;
import io.incidentconsole.plan.Runbook;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a scenario file and checks it against the plan it is to drive: every problem is located
 * ({@code file:line:column: path: message}), as for a plan, and all of them are reported at once.
 */
public final class ScenarioLoader {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]*");
    private static final Pattern PERCENT = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*%?");
    private static final Set<String> HEADER_FIELDS = Set.of("name", "title", "description", "plan");
    private static final Set<String> EVENT_FIELDS = Set.of("at", "metric", "rise", "fall", "over", "alert", "message",
            "failTest", "note", "failStep", "exitCode", "output", "times");

    /** A scenario, or the problems that stopped it. */
    public record Result(Scenario scenario, List<Problem> problems) {
        public Result {
            problems = List.copyOf(problems);
        }

        public boolean ok() {
            return scenario != null;
        }
    }

    public Result load(String source, String text, Plan plan) {
        List<Problem> problems = new ArrayList<>();
        LocatedYaml yaml = LocatedYaml.parse(text, source, "a drill scenario (a mapping with 'scenario' and 'events')",
                problems).orElse(null);
        if (yaml == null) {
            return new Result(null, problems);
        }
        Reading reading = new Reading(yaml, plan, problems);
        Scenario scenario = reading.read(text);
        return new Result(problems.isEmpty() ? scenario : null, problems);
    }

    private static final class Reading {
        private final LocatedYaml yaml;
        private final Plan plan;
        private final List<Problem> problems;

        Reading(LocatedYaml yaml, Plan plan, List<Problem> problems) {
            this.yaml = yaml;
            this.plan = plan;
            this.problems = problems;
        }

        Scenario read(String text) {
            JsonNode root = yaml.root();
            if (!root.isObject()) {
                problem("", "a scenario is a mapping with 'scenario' (its name) and 'events'");
                return null;
            }
            unknownFields(root, "", Set.of("scenario", "events"));
            JsonNode header = root.path("scenario");
            String name = null;
            String title = null;
            String description = null;
            String planTitle = null;
            if (!header.isObject()) {
                problem("scenario", header.isMissingNode() ? "missing: a scenario starts with 'scenario:' and its name"
                        : "expected a mapping with 'name', 'title', 'description' and 'plan'");
            } else {
                unknownFields(header, "scenario", HEADER_FIELDS);
                name = text(header, "scenario", "name", true);
                if (name != null && !NAME.matcher(name).matches()) {
                    problem("scenario.name", "'" + name + "' is not a scenario name: lower-case letters, digits and "
                            + "'-' (it names the file and is typed on the command line)");
                }
                title = text(header, "scenario", "title", false);
                description = text(header, "scenario", "description", false);
                planTitle = text(header, "scenario", "plan", false);
                if (planTitle != null && !planTitle.equals(plan.plan().title())) {
                    problem("scenario.plan", "written for the plan '" + planTitle + "', not for '"
                            + plan.plan().title() + "'");
                }
            }
            JsonNode events = root.path("events");
            List<ScenarioEvent> read = new ArrayList<>();
            if (!events.isArray() || events.isEmpty()) {
                problem("events", events.isMissingNode() ? "missing: a scenario lists its events"
                        : "expected a list of events, each with 'at' and one action");
            } else {
                for (int i = 0; i < events.size(); i++) {
                    ScenarioEvent event = event(events.get(i), "events[" + i + "]", i + 1);
                    if (event != null) {
                        read.add(event);
                    }
                }
            }
            return new Scenario(name, title, description, planTitle, read, text, sha256(text));
        }

        private ScenarioEvent event(JsonNode node, String path, int number) {
            if (!node.isObject()) {
                problem(path, "expected a mapping with 'at' and one action (metric, alert, failTest or failStep)");
                return null;
            }
            unknownFields(node, path, EVENT_FIELDS);
            ScenarioTime at = null;
            String atText = text(node, path, "at", true);
            if (atText != null) {
                try {
                    at = ScenarioTime.parse(atText);
                    if (at.phaseId() != null && plan.phase(at.phaseId()).isEmpty()) {
                        problem(path + ".at", "no phase '" + at.phaseId() + "' in the plan" + phaseIds());
                        at = null;
                    }
                } catch (IllegalArgumentException e) {
                    problem(path + ".at", e.getMessage());
                }
            }
            List<String> kinds = new ArrayList<>();
            for (String kind : List.of("alert", "failTest", "failStep")) {
                if (node.has(kind)) {
                    kinds.add(kind);
                }
            }
            if (node.has("rise") || node.has("fall")) {
                kinds.add(node.has("rise") ? "rise" : "fall");
                if (node.has("rise") && node.has("fall")) {
                    problem(path + ".fall", "a metric either rises or falls in one event, not both");
                    return null;
                }
            }
            if (kinds.size() != 1) {
                problem(path, kinds.isEmpty()
                        ? "no action: give one of 'metric' with 'rise'/'fall' and 'over', 'alert', 'failTest', 'failStep'"
                        : "one action per event, found " + String.join(" and ", kinds) + ": split it into events");
                return null;
            }
            ScenarioAction action = switch (kinds.get(0)) {
                case "alert" -> alert(node, path);
                case "failTest" -> failTest(node, path);
                case "failStep" -> failStep(node, path);
                default -> metricChange(node, path);
            };
            return at == null || action == null ? null : new ScenarioEvent(number, at, action);
        }

        private ScenarioAction metricChange(JsonNode node, String path) {
            String metric = metricId(node, path, true);
            boolean rises = node.has("rise");
            String field = rises ? "rise" : "fall";
            String amount = text(node, path, field, true);
            String overText = text(node, path, "over", true);
            Double percent = null;
            if (amount != null) {
                Matcher m = PERCENT.matcher(amount.strip());
                if (!m.matches()) {
                    problem(path + "." + field, "'" + amount + "' is not a percentage: expected e.g. 40%");
                } else {
                    percent = Double.parseDouble(m.group(1));
                    if (percent <= 0 || (!rises && percent > 100) || percent > 10_000) {
                        problem(path + "." + field, (rises ? "a rise" : "a fall") + " is more than 0 % and at most "
                                + (rises ? "10000 %" : "100 % (to zero)"));
                        percent = null;
                    }
                }
            }
            Duration over = null;
            if (overText != null) {
                try {
                    over = DrillDurations.parse(overText);
                } catch (IllegalArgumentException e) {
                    problem(path + ".over", e.getMessage());
                }
            }
            if (metric == null || percent == null || over == null) {
                return null;
            }
            return new ScenarioAction.MetricChange(metric, rises ? percent : -percent, over);
        }

        private ScenarioAction alert(JsonNode node, String path) {
            String alertId = text(node, path, "alert", true);
            String metric = node.has("metric") ? metricId(node, path, false) : null;
            String message = text(node, path, "message", false);
            return alertId == null || (node.has("metric") && metric == null) ? null
                    : new ScenarioAction.AlertFires(alertId, metric, message);
        }

        private ScenarioAction failTest(JsonNode node, String path) {
            String testId = text(node, path, "failTest", true);
            String note = text(node, path, "note", false);
            if (testId == null) {
                return null;
            }
            return PlanItems.testItem(plan, testId)
                    .<ScenarioAction>map(item -> new ScenarioAction.TestFails(item.suiteId(), item.testId(), note))
                    .orElseGet(() -> {
                        problem(path + ".failTest", "no test item '" + testId + "' in the plan (a check or test "
                                + "case id, as `status --json` lists them)");
                        return null;
                    });
        }

        private ScenarioAction failStep(JsonNode node, String path) {
            String stepId = text(node, path, "failStep", true);
            String output = text(node, path, "output", false);
            int exitCode = number(node, path, "exitCode", 1, 1, 255);
            int times = number(node, path, "times", 1, 1, 1000);
            if (stepId == null || exitCode < 0 || times < 0) {
                return null;
            }
            if (!procedureStepIds().contains(stepId)) {
                problem(path + ".failStep", "no rollback step '" + stepId + "' in the plan (a procedure step id, "
                        + "e.g. '" + procedureStepIds().stream().findFirst().orElse("procedure.step-1") + "')");
                return null;
            }
            return new ScenarioAction.StepFails(stepId, exitCode, output, times);
        }

        private Set<String> procedureStepIds() {
            Set<String> ids = new LinkedHashSet<>();
            for (Runbook runbook : plan.runbooks()) {
                for (Procedure procedure : runbook.procedures()) {
                    for (int i = 0; i < procedure.steps().size(); i++) {
                        ids.add(procedure.stepId(i));
                    }
                }
            }
            return ids;
        }

        private String metricId(JsonNode node, String path, boolean required) {
            String id = text(node, path, "metric", required);
            if (id == null) {
                return null;
            }
            if (plan.metric(id).isEmpty() && !SimulatorModel.ERROR_RATE.equals(id)) {
                problem(path + ".metric", "no metric '" + id + "' in the plan (nor the simulator's "
                        + SimulatorModel.ERROR_RATE + ")");
                return null;
            }
            if (plan.metric(id).map(m -> m.baseline() == null).orElse(false)) {
                problem(path + ".metric", "metric '" + id + "' has no baseline, so the simulator does not play it");
                return null;
            }
            return id;
        }

        private String text(JsonNode parent, String path, String field, boolean required) {
            JsonNode value = parent.get(field);
            if (value == null || value.isNull()) {
                if (required) {
                    problem(path.isEmpty() ? field : path + "." + field, "missing");
                }
                return null;
            }
            if (!value.isValueNode()) {
                problem(path + "." + field, "expected text, found a " + (value.isArray() ? "list" : "mapping"));
                return null;
            }
            String text = value.asText().strip();
            if (text.isEmpty()) {
                problem(path + "." + field, "empty");
                return null;
            }
            return text;
        }

        /** The number, {@code fallback} when absent, -1 after a problem. */
        private int number(JsonNode parent, String path, String field, int fallback, int min, int max) {
            JsonNode value = parent.get(field);
            if (value == null) {
                return fallback;
            }
            if (!value.canConvertToInt() || !value.isIntegralNumber() || value.asInt() < min || value.asInt() > max) {
                problem(path + "." + field, "expected a whole number from " + min + " to " + max);
                return -1;
            }
            return value.asInt();
        }

        private void unknownFields(JsonNode node, String path, Set<String> known) {
            for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!known.contains(name)) {
                    problem(path.isEmpty() ? name : path + "." + name, "unknown field; expected one of "
                            + String.join(", ", new TreeSet<>(known)));
                }
            }
        }

        private String phaseIds() {
            return ": " + String.join(", ", plan.phases().stream().map(p -> p.id()).toList());
        }

        private void problem(String path, String message) {
            problems.add(yaml.problem(path, message));
        }
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
