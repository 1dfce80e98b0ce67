package io.incidentconsole.importer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.incidentconsole.importer.Drafts.PhaseDraft;
import io.incidentconsole.importer.ReadContext.PendingAudit;
import io.incidentconsole.importer.ReadContext.Unit;
import io.incidentconsole.plan.AuditGate;
import io.incidentconsole.plan.FieldExpectation;
import org.commonmark.node.Node;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Audit gates: a code block with the audit command and a JSON sample of its output, whose boolean fields
 * become the expectations; each gates the phase of its issue whose tasks mention the audit.
 */
final class AuditRecogniser {

    private final ReadContext ctx;

    AuditRecogniser(ReadContext ctx) {
        this.ctx = ctx;
    }

    void unit(Unit unit, String issue) {
        for (Node block : unit.blocks()) {
            String code = ReadContext.code(block);
            if (code == null) {
                continue;
            }
            int json = code.indexOf('{');
            if (json < 0) {
                continue;
            }
            String command = null;
            for (String line : code.substring(0, json).split("\n")) {
                String s = line.strip();
                if (!s.isEmpty() && !s.startsWith("#") && !s.startsWith("//")) {
                    command = s;
                }
            }
            String sample = code.substring(json).strip();
            List<FieldExpectation> expect = new ArrayList<>();
            try {
                JsonNode tree = new ObjectMapper().readTree(sample);
                expectations(tree, "", expect);
            } catch (IOException e) {
                ctx.log.decided(Outline.firstLine(block), "audit output is not JSON; kept as a note");
                continue;
            }
            if (command == null) {
                continue;
            }
            ctx.pendingAudits.add(new PendingAudit(issue, new AuditGate(unit.label(), command, expect, sample), unit.line()));
            ctx.use(block);
            ctx.markLabel(unit);
        }
    }

    private static void expectations(JsonNode node, String path, List<FieldExpectation> out) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                expectations(e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey(), out);
            }
        } else if (node.isBoolean()) {
            out.add(new FieldExpectation(path, node.booleanValue()));
        }
    }

    /** Gives each audit found the phase it gates, once all phases are known. */
    void assign() {
        for (PendingAudit audit : ctx.pendingAudits) {
            List<PhaseDraft> candidates = ctx.phases.ofOrAll(audit.issue());
            PhaseDraft target = candidates.stream()
                    .filter(p -> p.audit == null && p.tasks.stream().anyMatch(t -> t.text.toLowerCase(Locale.ROOT).contains("audit")))
                    .findFirst().orElse(candidates.stream().filter(p -> p.audit == null).findFirst().orElse(null));
            if (target == null) {
                ctx.log.decided(audit.line(), "audit '" + audit.gate().title() + "' has no phase to gate; kept as a note");
                continue;
            }
            target.audit = audit.gate();
            ctx.log.recognised("audit gate", target.id, audit.gate().command(), audit.line(),
                    audit.gate().expect().size() + " expectations");
        }
    }
}
