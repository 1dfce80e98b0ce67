package io.incidentconsole.rollback;

import io.incidentconsole.plan.Plan;
import io.incidentconsole.plan.Procedure;
import io.incidentconsole.plan.Runbook;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A runbook and the one procedure of it to generate. */
public record RollbackTarget(Runbook runbook, Procedure procedure) {

    /** Either a target or the reason there is none, with the ids that would have worked. */
    public record Resolution(Optional<RollbackTarget> target, String error) {
        public boolean found() {
            return target.isPresent();
        }
    }

    /**
     * Finds what an id names: a procedure id, or a runbook id when that runbook has exactly one procedure.
     * A runbook with several procedures, or an unknown id, gives an error listing the ids to choose from.
     */
    public static Resolution resolve(Plan plan, String id) {
        for (Runbook runbook : plan.runbooks()) {
            for (Procedure procedure : runbook.procedures()) {
                if (procedure.id().equals(id)) {
                    return found(runbook, procedure);
                }
            }
        }
        Optional<Runbook> runbook = plan.runbook(id);
        if (runbook.isPresent()) {
            List<Procedure> procedures = runbook.get().procedures();
            if (procedures.size() == 1) {
                return found(runbook.get(), procedures.get(0));
            }
            StringBuilder error = new StringBuilder("runbook '" + id + "' has " + procedures.size()
                    + " procedures; name one of them:");
            procedures.forEach(p -> error.append("\n  ").append(describe(p)));
            return new Resolution(Optional.empty(), error.toString());
        }
        StringBuilder error = new StringBuilder("no runbook or procedure '" + id + "' in the plan");
        if (plan.runbooks().isEmpty()) {
            error.append(" (it has no runbooks)");
        } else {
            error.append("; known ids:");
            for (String known : knownIds(plan)) {
                error.append("\n  ").append(known);
            }
        }
        return new Resolution(Optional.empty(), error.toString());
    }

    /** The procedures that undo a phase ("If Phase 2 Causes Issues"), with their runbooks, in plan order. */
    public static List<RollbackTarget> forPhase(Plan plan, String phaseId) {
        List<RollbackTarget> targets = new ArrayList<>();
        for (Runbook runbook : plan.runbooks()) {
            for (Procedure procedure : runbook.procedures()) {
                if (procedure.phases().contains(phaseId)) {
                    targets.add(new RollbackTarget(runbook, procedure));
                }
            }
        }
        return targets;
    }

    /** Every runbook id and, indented under it, its procedure ids and titles. */
    public static List<String> knownIds(Plan plan) {
        List<String> ids = new ArrayList<>();
        for (Runbook runbook : plan.runbooks()) {
            ids.add(runbook.id() + (runbook.title() == null ? "" : "  (" + runbook.title() + ")"));
            runbook.procedures().forEach(p -> ids.add("  " + describe(p)));
        }
        return ids;
    }

    private static String describe(Procedure procedure) {
        return procedure.id() + (procedure.title() == null ? "" : "  (" + procedure.title() + ")");
    }

    private static Resolution found(Runbook runbook, Procedure procedure) {
        return new Resolution(Optional.of(new RollbackTarget(runbook, procedure)), null);
    }
}
