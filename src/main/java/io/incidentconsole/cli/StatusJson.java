package io.incidentconsole.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.incidentconsole.incident.Incident;
import io.incidentconsole.incident.IncidentState;
import io.incidentconsole.incident.AlertState;
import io.incidentconsole.incident.DecisionRecord;
import io.incidentconsole.incident.SignOffRecord;
import io.incidentconsole.incident.TestRecord;
import io.incidentconsole.incident.TestResult;
import io.incidentconsole.incident.PhaseLifecycle;
import io.incidentconsole.incident.PhaseState;
import io.incidentconsole.incident.TestOutcome;
import io.incidentconsole.plan.Criterion;
import io.incidentconsole.plan.GuidedStep;
import io.incidentconsole.plan.Phase;
import io.incidentconsole.plan.Plan;
import io.incidentconsole.plan.PlanItems;
import io.incidentconsole.plan.SignOff;
import io.incidentconsole.plan.Task;

import java.time.Instant;
import java.util.Optional;

/**
 * {@code status DIR --json}: the incident's state for scripts. The documented fields (README) stay; more may be
 * added. Test results are PASS, FAIL, SKIP or BLOCKED (null: not run, or reopened by a rollback).
 */
final class StatusJson {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private StatusJson() {
    }

    static String of(Incident incident) {
        IncidentState state = incident.state();
        Plan plan = state.plan();
        ObjectNode root = MAPPER.createObjectNode();
        root.put("incident", incident.id());
        root.put("drill", incident.metadata().drill());
        root.put("plan", plan.plan().title());
        state.started().ifPresent(s -> {
            root.put("startedAt", s.at().toString());
            root.put("startedBy", s.operator());
        });
        root.put("events", state.events().size());
        ArrayNode phases = root.putArray("phases");
        for (Phase phase : plan.phases()) {
            phases.add(phase(state, phase));
        }
        ArrayNode approvals = root.putArray("approvals");
        for (SignOff.Approval approval : plan.signOff().approvals()) {
            ObjectNode node = approvals.addObject();
            node.put("id", approval.id());
            node.put("title", approval.title());
            node.put("phase", approval.phase());
            Optional<SignOffRecord> signed = state.signOffs().stream()
                    .filter(s -> s.approvalId().equals(approval.id())).reduce((a, b) -> b);
            node.put("signed", signed.isPresent());
            node.put("by", signed.map(SignOffRecord::operator).orElse(null));
            node.put("role", signed.map(SignOffRecord::role).orElse(null));
        }
        ArrayNode decisions = root.putArray("decisions");
        plan.decisions().forEach(tree -> {
            ObjectNode node = decisions.addObject();
            node.put("id", tree.id());
            node.put("outcome", state.decision(tree.id()).map(DecisionRecord::outcomeId).orElse(null));
        });
        ArrayNode alerts = root.putArray("alerts");
        for (AlertState alert : state.openAlerts()) {
            ObjectNode node = alerts.addObject();
            node.put("id", alert.alertId());
            node.put("metric", alert.metricId());
            if (alert.value() != null) {
                node.put("value", alert.value());
            }
            node.put("message", alert.message());
            node.put("firedAt", alert.firedAt().toString());
        }
        try {
            return MAPPER.writeValueAsString(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write the status as JSON", e);
        }
    }

    private static ObjectNode phase(IncidentState state, Phase phase) {
        PhaseState ps = state.phase(phase.id());
        ObjectNode node = MAPPER.createObjectNode();
        node.put("id", phase.id());
        node.put("label", phase.label());
        node.put("status", ps.status().label());
        node.put("statusText", PhaseLifecycle.label(state, phase.id()));
        node.put("verified", ps.status() == io.incidentconsole.plan.PhaseStatus.COMPLETE && ps.verified());
        node.put("reason", ps.statusReason());
        node.put("startedAt", time(ps.startedAt()));
        node.put("completedAt", time(ps.completedAt()));
        ArrayNode overridden = node.putArray("overridden");
        ps.overriddenGates().forEach(overridden::add);
        ArrayNode overrides = node.putArray("overrides");
        ps.gateOverrides().forEach(o -> {
            ObjectNode override = overrides.addObject();
            override.put("gate", o.gate());
            override.put("reason", o.reason());
            override.put("by", o.operator());
            override.put("at", o.at().toString());
        });
        ArrayNode tasks = node.putArray("tasks");
        for (Task task : phase.tasks()) {
            ObjectNode t = tasks.addObject();
            t.put("id", task.id());
            t.put("text", task.text());
            t.put("done", ps.isTicked(task.id()));
        }
        ArrayNode steps = node.putArray("steps");
        for (GuidedStep step : phase.guidedSteps()) {
            ObjectNode s = steps.addObject();
            s.put("id", step.id());
            s.put("title", step.title());
            s.put("done", PhaseLifecycle.isStepDone(state, phase.id(), step));
        }
        ArrayNode tests = node.putArray("tests");
        for (PlanItems.TestItemRef item : PlanItems.testItemsOf(state.plan(), phase.id())) {
            ObjectNode t = tests.addObject();
            t.put("id", item.testId());
            t.put("suite", item.suiteId());
            t.put("text", item.text());
            Optional<TestResult> latest = state.testsOf(phase.id()).stream()
                    .filter(r -> r.key().suiteId().equals(item.suiteId()) && r.key().testId().equals(item.testId()))
                    .findFirst().map(TestRecord::latest);
            t.put("result", latest.map(r -> result(r.outcome())).orElse(null));
            t.put("note", latest.map(TestResult::note).orElse(null));
        }
        ArrayNode criteria = node.putArray("criteria");
        for (Criterion criterion : phase.successCriteria()) {
            ObjectNode c = criteria.addObject();
            c.put("id", criterion.id());
            c.put("text", criterion.text());
            c.put("met", state.tickedCriteria(phase.id()).contains(criterion.id()));
            c.put("observed", state.observed(phase.id(), criterion.id()).orElse(null));
            c.put("condition", criterion.when() == null ? null : criterion.when().toString());
        }
        ArrayNode gates = node.putArray("gates");
        for (PhaseLifecycle.Gate gate : PhaseLifecycle.allGates(state, phase.id())) {
            ObjectNode g = gates.addObject();
            g.put("kind", gate.kind().word());
            g.put("id", gate.id());
            g.put("open", gate.open());
            g.put("overridden", gate.overridden());
            g.put("says", gate.says());
        }
        return node;
    }

    static String result(TestOutcome outcome) {
        return outcome == TestOutcome.SKIPPED ? "SKIP" : outcome.name();
    }

    private static String time(Instant at) {
        return at == null ? null : at.toString();
    }
}
