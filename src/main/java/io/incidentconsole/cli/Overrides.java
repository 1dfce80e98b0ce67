package io.incidentconsole.cli;

import io.incidentconsole.incident.EventPayload;
import io.incidentconsole.incident.GateRefusedException;
import io.incidentconsole.incident.Incident;
import io.incidentconsole.incident.PhaseLifecycle;
import io.incidentconsole.incident.PhaseLifecycle.GateKind;
import io.incidentconsole.incident.PhaseLifecycle.Refusal;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code --override-gate G --reason TEXT}: goes ahead despite the named gates. Nothing is recorded unless every gate
 * that holds the action is named; then each override is recorded with the reason, followed by the action.
 */
final class Overrides {

    @Option(names = "--override-gate", paramLabel = "GATE",
            description = "Go ahead although this gate holds the action: dependencies, approval, decision, audit or "
                    + "verification (repeatable). Needs --reason; the override is recorded and shown as overridden.")
    List<String> gates = new ArrayList<>();

    Set<GateKind> kinds() throws IncidentRecorder.BadValueException {
        Set<GateKind> kinds = new LinkedHashSet<>();
        for (String gate : gates) {
            kinds.add(GateKind.parse(gate).orElseThrow(() -> new IncidentRecorder.BadValueException(
                    "--override-gate " + gate + ": no such gate; use dependencies, approval, decision, audit or "
                            + "verification")));
        }
        return kinds;
    }

    /**
     * Records {@code action} when {@code refusal} is empty, or when every gate holding it is named (recording the
     * overrides first, with {@code reason}). Otherwise throws the refusal; nothing is recorded.
     */
    void recordThrough(Incident incident, String phaseId, Optional<Refusal> refusal, String reason,
                       EventPayload action) throws IncidentRecorder.BadValueException {
        Set<GateKind> named = kinds();
        if (refusal.isEmpty()) {
            incident.record(action);
            return;
        }
        Refusal refused = refusal.get();
        boolean allNamed = refused.overridable()
                && refused.gates().stream().allMatch(g -> named.contains(g.kind()));
        if (!allNamed) {
            throw new GateRefusedException(refused);
        }
        if (reason == null || reason.isBlank()) {
            throw new IncidentRecorder.BadValueException("an override needs --reason TEXT saying why the "
                    + String.join(", ", named.stream().map(GateKind::word).toList())
                    + " gate may be passed; it is recorded");
        }
        for (GateKind kind : refused.gates().stream().map(PhaseLifecycle.Gate::kind).distinct().toList()) {
            incident.record(new EventPayload.GateOverridden(phaseId, kind.word(), reason.strip()));
        }
        incident.record(action);
    }
}
