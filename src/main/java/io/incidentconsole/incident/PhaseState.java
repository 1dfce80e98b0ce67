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
 * reason given with the last status change (initially the plan's status note). {@code openOverrides}: gates
 * overridden since the last status change (they let the next change through); {@code overriddenGates}: the gates
 * that were overridden for the change into the current status (shown as overridden while it lasts).
 * {@code verified}: complete with its verification and audit gates open, not overridden. {@code retestAfterSeq}:
 * test results recorded at or before this journal position no longer count for the phase (it was rolled back).
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
        List<AuditRecord> audits,
        Set<String> openOverrides,
        Set<String> overriddenGates,
        boolean verified,
        long retestAfterSeq) {

    public PhaseState {
        // Sets and maps keep the order things happened in (the board lists ticked tasks in tick order).
        confirmedOpenItems = List.copyOf(confirmedOpenItems);
        tickedTasks = Collections.unmodifiableSet(new LinkedHashSet<>(tickedTasks));
        guidedStepsDone = Collections.unmodifiableSet(new LinkedHashSet<>(guidedStepsDone));
        waits = Collections.unmodifiableMap(new LinkedHashMap<>(waits));
        gateOverrides = List.copyOf(gateOverrides);
        audits = List.copyOf(audits);
        openOverrides = Collections.unmodifiableSet(new LinkedHashSet<>(openOverrides));
        overriddenGates = Collections.unmodifiableSet(new LinkedHashSet<>(overriddenGates));
    }

    /** A phase the plan declares complete counts as verified: it was done when the plan was written. */
    static PhaseState initial(String phaseId, PhaseStatus status, String note) {
        return new PhaseState(phaseId, status, note, null, null, List.of(), Set.of(), Set.of(), Map.of(), List.of(),
                List.of(), Set.of(), Set.of(), status == PhaseStatus.COMPLETE, 0);
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

    /**
     * A status change: the overrides recorded since the last change are spent on this one (and shown with it).
     * Leaving a status keeps when the phase started; COMPLETE stamps its completion time.
     */
    PhaseState withStatus(PhaseStatus newStatus, String reason, Instant at) {
        Instant started = startedAt == null && newStatus != PhaseStatus.PENDING ? at : startedAt;
        Instant completed = newStatus == PhaseStatus.COMPLETE ? at : null;
        return new PhaseState(phaseId, newStatus, reason, started, completed, confirmedOpenItems, tickedTasks,
                guidedStepsDone, waits, gateOverrides, audits, Set.of(), openOverrides, false, retestAfterSeq);
    }

    PhaseState started(Instant at) {
        return new PhaseState(phaseId, PhaseStatus.IN_PROGRESS, null, startedAt == null ? at : startedAt, null,
                confirmedOpenItems, tickedTasks, guidedStepsDone, waits, gateOverrides, audits, Set.of(),
                openOverrides, false, retestAfterSeq);
    }

    PhaseState completed(List<String> openItems, Instant at, boolean isVerified) {
        return new PhaseState(phaseId, PhaseStatus.COMPLETE, null, startedAt == null ? at : startedAt, at, openItems,
                tickedTasks, guidedStepsDone, waits, gateOverrides, audits, Set.of(), openOverrides, isVerified,
                retestAfterSeq);
    }

    /** Rolled back: results recorded up to {@code seq} no longer count; the phase's tests are to be run again. */
    PhaseState rolledBack(String reason, Instant at, long seq) {
        return new PhaseState(phaseId, PhaseStatus.ROLLED_BACK, reason, startedAt, null, List.of(), tickedTasks,
                guidedStepsDone, waits, gateOverrides, audits, Set.of(), Set.of(), false, seq);
    }

    PhaseState withStatusReason(String reason) {
        return new PhaseState(phaseId, status, reason, startedAt, completedAt, confirmedOpenItems, tickedTasks,
                guidedStepsDone, waits, gateOverrides, audits, openOverrides, overriddenGates, verified, retestAfterSeq);
    }

    PhaseState withStepUndone(String stepId) {
        if (!guidedStepsDone.contains(stepId)) {
            return this;
        }
        Set<String> steps = new LinkedHashSet<>(guidedStepsDone);
        steps.remove(stepId);
        return new PhaseState(phaseId, status, statusReason, startedAt, completedAt, confirmedOpenItems, tickedTasks,
                steps, waits, gateOverrides, audits, openOverrides, overriddenGates, verified, retestAfterSeq);
    }

    /** Whether the gate was overridden for the current status or since, so it does not hold the next change. */
    public boolean isOverridden(String gate) {
        return openOverrides.contains(gate) || overriddenGates.contains(gate);
    }

    private static Set<String> plus(Set<String> set, String value) {
        Set<String> more = new LinkedHashSet<>(set);
        more.add(value);
        return more;
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
                guidedStepsDone, waits, gateOverrides, audits, openOverrides, overriddenGates, verified, retestAfterSeq);
    }

    PhaseState withStepDone(String stepId) {
        if (guidedStepsDone.contains(stepId)) {
            return this;
        }
        Set<String> steps = new LinkedHashSet<>(guidedStepsDone);
        steps.add(stepId);
        return new PhaseState(phaseId, status, statusReason, startedAt, completedAt, confirmedOpenItems, tickedTasks,
                steps, waits, gateOverrides, audits, openOverrides, overriddenGates, verified, retestAfterSeq);
    }

    PhaseState withWait(Wait wait) {
        Map<String, Wait> all = new LinkedHashMap<>(waits);
        all.put(wait.stepId(), wait);
        return new PhaseState(phaseId, status, statusReason, startedAt, completedAt, confirmedOpenItems, tickedTasks,
                guidedStepsDone, all, gateOverrides, audits, openOverrides, overriddenGates, verified, retestAfterSeq);
    }

    PhaseState withOverride(GateOverride override) {
        return new PhaseState(phaseId, status, statusReason, startedAt, completedAt, confirmedOpenItems, tickedTasks,
                guidedStepsDone, waits, Stream.concat(gateOverrides.stream(), Stream.of(override)).toList(), audits,
                plus(openOverrides, override.gate()), overriddenGates, verified, retestAfterSeq);
    }

    PhaseState withAudit(AuditRecord audit) {
        return new PhaseState(phaseId, status, statusReason, startedAt, completedAt, confirmedOpenItems, tickedTasks,
                guidedStepsDone, waits, gateOverrides, Stream.concat(audits.stream(), Stream.of(audit)).toList(),
                openOverrides, overriddenGates, verified, retestAfterSeq);
    }
}
