package io.incidentconsole.ui.rollback;

import io.incidentconsole.incident.Incident;
import io.incidentconsole.incident.IncidentState;
import io.incidentconsole.incident.ParameterValue;
import io.incidentconsole.plan.Plan;
import io.incidentconsole.plan.Runbook;
import io.incidentconsole.rollback.FieldState;
import io.incidentconsole.rollback.IncidentRef;
import io.incidentconsole.rollback.RollbackRecorder;
import io.incidentconsole.rollback.RollbackSession;
import io.incidentconsole.rollback.RollbackTarget;
import io.incidentconsole.rollback.ScriptFiles;
import io.incidentconsole.rollback.ScriptGenerator;
import io.incidentconsole.rollback.ValueSource;

import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The rollback area's session of each runbook, and the values the operator typed for it: the values survive
 * switching procedures, and a session is rebuilt (keeping them) when the incident, its recorded values or its
 * ticks change.
 */
final class RollbackSessions {

    private static final String DRILL_NAME = "DRILL: a rehearsal, not a real incident";

    /** A runbook's session and what it was built from; rebuilt when any of that changes. */
    private record SessionHolder(RollbackSession session, Key key) {
    }

    private record Key(Plan plan, String incidentId, boolean recording, Map<String, String> known, Set<String> ticked) {
    }

    private final RollbackRecorder journal;
    private final ScriptGenerator generator;
    private final ScriptFiles files;
    private final Clock clock;
    /** Values the operator typed, per runbook. */
    private final Map<String, Map<String, String>> entered = new HashMap<>();
    private final Map<String, SessionHolder> sessions = new HashMap<>();

    /** {@code journal}: where acts go while recording (an incident on the plan is open and writable). */
    RollbackSessions(RollbackRecorder journal, ScriptGenerator generator, ScriptFiles files, Clock clock) {
        this.journal = journal;
        this.generator = generator;
        this.files = files;
        this.clock = clock;
    }

    /** Forgets every session and typed value (another plan is shown). */
    void clear() {
        sessions.clear();
        entered.clear();
    }

    /** The operator's value for a parameter of a runbook. */
    void enter(String runbookId, String name, String value) {
        entered.computeIfAbsent(runbookId, id -> new LinkedHashMap<>()).put(name, value == null ? "" : value);
    }

    /**
     * The runbook's session on the target's procedure with the operator's values in it. {@code state} and
     * {@code incident}: the open incident on {@code plan}, or null.
     */
    RollbackSession sessionFor(RollbackTarget target, Plan plan, IncidentState state, Incident incident,
                               boolean recording) {
        Runbook runbook = target.runbook();
        Map<String, String> known = new LinkedHashMap<>();
        if (state != null) {
            state.parameters().forEach((name, value) -> known.put(name, value.value()));
        }
        Set<String> ticked = state == null ? null : state.tickedCriteria(runbook.id());
        Key key = new Key(plan, incident == null ? null : incident.id(), recording, known, ticked);
        SessionHolder holder = sessions.get(runbook.id());
        if (holder == null || !holder.key().equals(key)) {
            // A drill's script says so in its header, so a copy pasted elsewhere is not taken for a real one.
            IncidentRef ref = new IncidentRef(incident == null ? null : incident.id(),
                    incident != null && incident.metadata().drill() ? DRILL_NAME : null,
                    plan.plan().title(), incident == null ? null : incident.operator());
            RollbackRecorder recorder = recording ? journal : event -> { };
            Set<String> alreadyTicked = ticked != null ? ticked
                    : holder == null ? Set.of() : holder.session().checklist().ticked();
            RollbackSession next = new RollbackSession(ref, runbook, known, alreadyTicked, generator, files, recorder,
                    clock);
            holder = new SessionHolder(next, key);
            sessions.put(runbook.id(), holder);
        }
        RollbackSession rollback = holder.session();
        if (!rollback.form().procedure().id().equals(target.procedure().id())) {
            rollback.selectProcedure(target.procedure().id());
        }
        Map<String, String> typed = entered.getOrDefault(runbook.id(), Map.of());
        typed.forEach((name, value) -> {
            Optional<FieldState> field = rollback.form().field(name);
            if (field.isPresent() && !(field.get().source() == ValueSource.ENTERED
                    && field.get().value().equals(value))) {
                rollback.set(name, value);
            }
        });
        return rollback;
    }

    /** Where a field's value came from, for the form: "recorded at step 3 by ana", "plan default", … */
    static String origin(FieldState field, IncidentState state) {
        return switch (field.source()) {
            case ENTERED -> "entered";
            case INCIDENT -> {
                ParameterValue value = state == null ? null : state.parameters().get(field.name());
                if (value == null || value.sourceStep() == null) {
                    yield "recorded in the incident";
                }
                yield "recorded at step " + value.sourceStep() + (value.operator() == null ? "" : " by "
                        + value.operator());
            }
            case DEFAULT -> "plan default";
            case NONE -> "no value yet";
        };
    }
}
