package io.incidentconsole.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Gives every checklist item, criterion and step a stable id when the plan file leaves it out, derived
 * from its owner and position ({@code p330-2.task-3}). Journal events refer to items by these ids; the
 * plan is copied into the incident, so positions cannot shift under a running incident.
 */
final class IdDefaults {

    private IdDefaults() {
    }

    static void apply(JsonNode root) {
        forEach(root, "phases", phase -> {
            String id = text(phase, "id");
            numberChildren(phase, "tasks", id, "task", true);
            numberChildren(phase, "successCriteria", id, "success", true);
            numberChildren(phase, "guidedSteps", id, "step");
        });
        forEach(root, "testSuites", suite -> {
            String id = text(suite, "id");
            numberChildren(suite, "checks", id, "check", true);
            numberChildren(suite, "cases", id, "case");
        });
        forEach(root, "runbooks", runbook -> {
            numberChildren(runbook, "criteria", text(runbook, "id"), "criterion", true);
            forEach(runbook, "procedures", procedure ->
                    numberChildren(procedure, "steps", text(procedure, "id"), "step"));
        });
        JsonNode signOff = root.get("signOff");
        if (signOff != null && signOff.isObject()) {
            numberChildren(signOff, "approvals", "signoff", "approval");
        }
        JsonNode communication = root.get("communication");
        if (communication != null && communication.isObject()) {
            numberChildren(communication, "cadences", "cadence", "");
        }
        numberChildren(root, "notes", "note", "");
    }

    private interface NodeAction {
        void apply(JsonNode node);
    }

    private static void forEach(JsonNode parent, String field, NodeAction action) {
        JsonNode list = parent.get(field);
        if (list != null && list.isArray()) {
            list.forEach(action::apply);
        }
    }

    private static void numberChildren(JsonNode parent, String field, String ownerId, String kind) {
        numberChildren(parent, field, ownerId, kind, false);
    }

    /**
     * {@code textShorthand}: the items have a {@code text} field, so a bare string stands for {@code {text: ...}};
     * it is expanded here, before ids are given, so that shorthand items get ids too.
     */
    private static void numberChildren(JsonNode parent, String field, String ownerId, String kind,
                                       boolean textShorthand) {
        if (ownerId == null) {
            return;
        }
        JsonNode list = parent.get(field);
        if (list == null || !list.isArray()) {
            return;
        }
        for (int i = 0; i < list.size(); i++) {
            JsonNode item = list.get(i);
            if (textShorthand && item.isTextual()) {
                ObjectNode expanded = JsonNodeFactory.instance.objectNode();
                expanded.set("text", item);
                ((ArrayNode) list).set(i, expanded);
                item = expanded;
            }
            if (item.isObject() && (item.get("id") == null || item.get("id").isNull())) {
                String suffix = kind.isEmpty() ? "-" + (i + 1) : "." + kind + "-" + (i + 1);
                ((ObjectNode) item).put("id", ownerId + suffix);
            }
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isValueNode() && !value.isNull() ? value.asText() : null;
    }
}
