package io.incidentconsole.incident;

import io.incidentconsole.plan.PhaseStatus;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Where one phase stands. Immutable; the fold replaces it with a changed copy. {@code statusReason} is the
 * reason given with the last status change (initially the plan's status note).
 */
public record PhaseState(
        String phaseId,
        PhaseStatus status,
        String statusReason,
        Instant startedAt,
        Instant completedAt,
        List<String> confirmedOpenItems,
        Set<String> tickedTasks,
        Set<String> guidedStepsDone,
        Map<String, Wait> waits,
        List<GateOverride> gateOverrides,
        List<AuditRecord> audits) {

    public PhaseState {
        // Sets and maps keep the order things happened in (the board lists ticked tasks in tick order).
        confirmedOpenItems = List.copyOf(confirmedOpenItems);
        tickedTasks = Collections.unmodifiableSet(new LinkedHashSet<>(tickedTasks));
        guidedStepsDone = Collections.unmodifiableSet(new LinkedHashSet<>(guidedStepsDone));
        waits = Collections.unmodifiableMap(new LinkedHashMap<>(waits));
        gateOverrides = List.copyOf(gateOverrides);
        audits = List.copyOf(audits);
    }

    static PhaseState initial(String phaseId, PhaseStatus status, String note) {
        return new PhaseState(phaseId, status, note, null, null, List.of(), Set.of(), Set.of(), Map.of(), List.of(),
                List.of());
    }

    /** A wait of a guided step: from {@code startedAt} for {@code duration}, unless cut short. */
    public record Wait(String stepId, Instant startedAt, Duration duration, Instant cutShortAt, String cutShortReason) {
        public Instant endsAt() {
            return cutShortAt != null ? cutShortAt : startedAt.plus(duration);
        }
    }

    public record GateOverride(String gate, String reason, String operator, Instant at) {
    }

    public record AuditRecord(String outputSha256, boolean passed, List<EventPayload.FieldVerdict> fields,
                              String operator, Instant at) {
        public AuditRecord {
            fields = List.copyOf(fields);
        }
    }

    public boolean isTicked(String taskId) {
        return tickedTasks.contains(taskId);
    }

    PhaseState withStatus(PhaseStatus newStatus, String reason, Instant at) {
        Instant started = startedAt == null && newStatus != PhaseStatus.PENDING ? at : startedAt;
        Instant completed = newStatus == PhaseStatus.COMPLETE ? at : null;
        return new PhaseState(phaseId, newStatus, reason, started, completed, confirmedOpenItems, tickedTasks,
                guidedStepsDone, waits, gateOverrides, audits);
    }

    PhaseState started(Instant at) {
        return new PhaseState(phaseId, PhaseStatus.IN_PROGRESS, null, startedAt == null ? at : startedAt, null,
                confirmedOpenItems, tickedTasks, guidedStepsDone, waits, gateOverrides, audits);
    }

    PhaseState completed(List<String> openItems, Instant at) {
        return new PhaseState(phaseId, PhaseStatus.COMPLETE, null, startedAt == null ? at : startedAt, at, openItems,
                tickedTasks, guidedStepsDone, waits, gateOverrides, audits);
    }

    PhaseState withTask(String taskId, boolean ticked) {
        if (tickedTasks.contains(taskId) == ticked) {
            return this;
        }
        Set<String> tasks = new LinkedHashSet<>(tickedTasks);
        if (ticked) {
            tasks.add(taskId);
        } else {
            tasks.remove(taskId);
        }
        return new PhaseState(phaseId, status, statusReason, startedAt, completedAt, confirmedOpenItems, tasks,
                guidedStepsDone, waits, gateOverrides, audits);
    }

    PhaseState withStepDone(String stepId) {
        if (guidedStepsDone.contains(stepId)) {
            return this;
        }
        Set<String> steps = new LinkedHashSet<>(guidedStepsDone);
        steps.add(stepId);
        return new PhaseState(phaseId, status, statusReason, startedAt, completedAt, confirmedOpenItems, tickedTasks,
                steps, waits, gateOverrides, audits);
    }

    PhaseState withWait(Wait wait) {
        Map<String, Wait> all = new LinkedHashMap<>(waits);
        all.put(wait.stepId(), wait);
        return new PhaseState(phaseId, status, statusReason, startedAt, completedAt, confirmedOpenItems, tickedTasks,
                guidedStepsDone, all, gateOverrides, audits);
    }

    PhaseState withOverride(GateOverride override) {
        return new PhaseState(phaseId, status, statusReason, startedAt, completedAt, confirmedOpenItems, tickedTasks,
                guidedStepsDone, waits, Stream.concat(gateOverrides.stream(), Stream.of(override)).toList(), audits);
    }

    PhaseState withAudit(AuditRecord audit) {
        return new PhaseState(phaseId, status, statusReason, startedAt, completedAt, confirmedOpenItems, tickedTasks,
                guidedStepsDone, waits, gateOverrides, Stream.concat(audits.stream(), Stream.of(audit)).toList());
    }
}
