package io.incidentconsole.ui;

import io.incidentconsole.board.PhaseGates;
import io.incidentconsole.board.PhaseGates.Availability;
import io.incidentconsole.board.PhaseGates.OpenItem;
import io.incidentconsole.board.StatusTable;
import io.incidentconsole.incident.EventPayload;
import io.incidentconsole.incident.IncidentState;
import io.incidentconsole.incident.PhaseState;
import io.incidentconsole.plan.Phase;
import io.incidentconsole.plan.PhaseStatus;
import io.incidentconsole.plan.Plan;
import io.incidentconsole.plan.outline.Block;
import io.incidentconsole.testing.TestProgress;
import io.incidentconsole.testing.TestSheet;
import javafx.beans.InvalidationListener;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableValue;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The phase board: every phase with its status, gate, tasks and success criteria, live from the incident.
 * Starting a gated phase needs an override with a reason; completing a phase with open items needs a confirmation.
 */
public final class PhaseBoardViewModel {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MMM d HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final IncidentSession session;
    private final ObservableValue<Plan> plan;
    private final ReadOnlyObjectWrapper<Board> board = new ReadOnlyObjectWrapper<>(this, "board");
    private final InvalidationListener changed = obs -> refresh();

    public PhaseBoardViewModel(IncidentSession session, ObservableValue<Plan> plan) {
        this.session = session;
        this.plan = plan;
    }

    /** What the board shows. {@code state} is null when no incident is open: the plan only, read-only. */
    public record Board(Plan plan, IncidentState state, List<Card> cards, Block.Table statusTable) {
        public boolean live() {
            return state != null;
        }
    }

    /** One phase card. */
    public record Card(Phase phase, PhaseStatus status, Availability availability, String blockedBecause,
                       String timing, Set<String> tickedTasks, Set<String> confirmedCriteria, String progress,
                       String override, boolean testsAtRisk) {
    }

    public void activate() {
        plan.addListener(changed);
        session.stateProperty().addListener(changed);
        refresh();
    }

    public void deactivate() {
        plan.removeListener(changed);
        session.stateProperty().removeListener(changed);
    }

    private void refresh() {
        Plan current = plan.getValue();
        if (current == null) {
            board.set(null);
            return;
        }
        IncidentState state = session.stateProperty().get();
        if (state != null && state.plan() != current) {
            state = null; // the open plan is not the incident's (the operator is reading another plan)
        }
        IncidentState s = state;
        List<Card> cards = current.phases().stream().map(p -> card(current, s, p)).toList();
        Block.Table table = s == null ? null : StatusTable.toBlock(current, s);
        board.set(new Board(current, s, cards, table));
    }

    private static Card card(Plan plan, IncidentState state, Phase phase) {
        if (state == null) {
            return new Card(phase, phase.status(), null, "", "", Set.of(), Set.of(),
                    phase.tasks().size() + " tasks", "", false);
        }
        PhaseState ps = state.phase(phase.id());
        Availability availability = PhaseGates.availability(plan, state, phase.id());
        String timing = (ps.startedAt() == null ? "Not started" : "Started " + TIME.format(ps.startedAt()))
                + (ps.completedAt() == null ? "" : "  ·  Completed " + TIME.format(ps.completedAt()));
        List<OpenItem> open = PhaseGates.openItems(plan, state, phase.id());
        long openTasks = open.stream().filter(i -> i.kind() == OpenItem.Kind.TASK).count();
        TestProgress tests = TestProgress.ofPhase(new TestSheet(plan, state), phase.id());
        String progress = "Tasks " + (phase.tasks().size() - openTasks) + "/" + phase.tasks().size()
                + (tests.total() == 0 ? "" : "  ·  " + tests.phrase() + (tests.atRisk() ? " — success at risk" : ""));
        String override = PhaseGates.dependencyOverride(state, phase.id())
                .map(o -> "Gate overridden by " + o.operator() + ": " + o.reason()).orElse("");
        return new Card(phase, ps.status(), availability, PhaseGates.blockedBecause(plan, state, phase.id()), timing,
                ps.tickedTasks(), state.tickedCriteria(phase.id()), progress, override, tests.atRisk());
    }

    public ReadOnlyObjectProperty<Board> boardProperty() {
        return board.getReadOnlyProperty();
    }

    public void setTask(String phaseId, String taskId, boolean ticked) {
        session.record(ticked ? new EventPayload.TaskTicked(phaseId, taskId) : new EventPayload.TaskUnticked(phaseId, taskId));
    }

    public void setCriterion(String phaseId, String criterionId, boolean confirmed) {
        session.record(new EventPayload.CriterionTicked(phaseId, criterionId, confirmed));
    }

    /** Starts the phase when its gate is open; returns false when it needs an override (nothing recorded then). */
    public boolean start(String phaseId) {
        Board current = board.get();
        if (current == null || !current.live()) {
            return false;
        }
        Availability availability = PhaseGates.availability(current.plan(), current.state(), phaseId);
        if (availability == Availability.BLOCKED) {
            return false;
        }
        session.record(new EventPayload.PhaseStarted(phaseId));
        return true;
    }

    /** Overrides the dependency gate and starts; returns the validation problem instead when the reason is empty. */
    public Optional<String> overrideAndStart(String phaseId, String reason) {
        if (reason == null || reason.isBlank()) {
            return Optional.of("Say why the gate may be overridden: the reason is recorded in the journal.");
        }
        session.record(new EventPayload.GateOverridden(phaseId, PhaseGates.DEPENDENCIES, reason.strip()),
                done -> session.record(new EventPayload.PhaseStarted(phaseId)));
        return Optional.empty();
    }

    public List<OpenItem> openItems(String phaseId) {
        Board current = board.get();
        return current == null || !current.live() ? List.of()
                : PhaseGates.openItems(current.plan(), current.state(), phaseId);
    }

    /** Completes the phase, recording the open items the operator confirmed. */
    public void complete(String phaseId) {
        List<String> open = openItems(phaseId).stream().map(OpenItem::toString).toList();
        session.record(new EventPayload.PhaseCompleted(phaseId, open));
    }

    public String statusTableMarkdown() {
        Board current = board.get();
        return current == null || !current.live() ? "" : StatusTable.toMarkdown(current.plan(), current.state());
    }
}
