package io.incidentconsole.ui.board;

import io.incidentconsole.ui.incident.IncidentSession;

import io.incidentconsole.board.CriterionCheck;
import io.incidentconsole.board.PhaseGates;
import io.incidentconsole.board.PhaseGates.Availability;
import io.incidentconsole.board.PhaseGates.OpenItem;
import io.incidentconsole.board.StatusTable;
import io.incidentconsole.incident.Event;
import io.incidentconsole.incident.EventPayload;
import io.incidentconsole.incident.PhaseLifecycle;
import io.incidentconsole.incident.IncidentState;
import io.incidentconsole.incident.LatestTicks;
import io.incidentconsole.incident.PhaseState;
import io.incidentconsole.plan.Criterion;
import io.incidentconsole.plan.Phase;
import io.incidentconsole.plan.PhaseStatus;
import io.incidentconsole.plan.Plan;
import io.incidentconsole.plan.outline.Block;
import io.incidentconsole.settings.Settings;
import io.incidentconsole.testing.TestProgress;
import io.incidentconsole.testing.TestSheet;
import io.incidentconsole.ui.metrics.LiveReadings;
import javafx.beans.InvalidationListener;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableValue;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The phase board: every phase with its status, gate, tasks and success criteria, live from the incident.
 * Starting a gated phase needs an override with a reason; completing a phase with open items needs a confirmation.
 */
public final class PhaseBoardViewModel {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm 'UTC'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MMM d HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final IncidentSession session;
    /** Who ticked what, folded incrementally as the journal grows (the board refreshes on every event). */
    private final LatestTicks latestTicks = new LatestTicks();
    private final ObservableValue<Plan> plan;
    private final ReadOnlyObjectWrapper<Board> board = new ReadOnlyObjectWrapper<>(this, "board");
    private final InvalidationListener planChanged = obs -> {
        refresh();
        refreshChecks();
    };
    /** The live checks follow the plan and the readings, not the journal: a tick leaves them be. */
    private final InvalidationListener stateChanged = obs -> refresh();
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice", "");
    /**
     * Completions recorded here that count so far. One recorded offline may turn out, once the database's order is
     * known, to have raced another console's and lost: then the notice says so, once.
     */
    private final Set<String> pendingCompletions = new HashSet<>();

    private static final String STATUS_TABLE_KEY = "board.statusTableShown";
    private final Settings settings;
    private final BooleanProperty statusTableShown;
    private final LiveReadings readings;
    private final ReadOnlyObjectWrapper<Map<String, CriterionCheck>> checks =
            new ReadOnlyObjectWrapper<>(this, "checks", Map.of());
    private Runnable stopReadings = () -> { };

    /** {@code settings}: where the board remembers whether its status table is shown. No live metrics. */
    public PhaseBoardViewModel(IncidentSession session, ObservableValue<Plan> plan, Settings settings) {
        this(session, plan, settings, LiveReadings.NONE);
    }

    /** {@code readings}: the live values that success criteria with a metric condition are checked against. */
    public PhaseBoardViewModel(IncidentSession session, ObservableValue<Plan> plan, Settings settings,
                               LiveReadings readings) {
        this.session = session;
        this.plan = plan;
        this.settings = settings;
        this.readings = readings;
        statusTableShown = new SimpleBooleanProperty(this, "statusTableShown",
                !"false".equals(settings.get(STATUS_TABLE_KEY).orElse("true")));
    }

    /** Whether the status tracking table is shown above the cards (collapsed, the first card is at the top). */
    public ObservableBooleanValue statusTableShownProperty() {
        return statusTableShown;
    }

    public void toggleStatusTable() {
        statusTableShown.set(!statusTableShown.get());
        settings.put(STATUS_TABLE_KEY, Boolean.toString(statusTableShown.get()));
    }

    /** What the board shows. {@code state} is null when no incident is open: the plan only, read-only. */
    public record Board(Plan plan, IncidentState state, List<Card> cards, Block.Table statusTable) {
        public boolean live() {
            return state != null;
        }
    }

    /**
     * One phase card. {@code tickedBy} and {@code confirmedBy} say who ticked each ticked task / confirmed each
     * criterion and when ("ana 10:03 UTC"): with several consoles on one incident, who did what matters.
     */
    public record Card(Phase phase, PhaseStatus status, Availability availability, String blockedBecause,
                       String timing, Set<String> tickedTasks, Set<String> confirmedCriteria, String progress,
                       String override, boolean testsAtRisk, Map<String, String> tickedBy,
                       Map<String, String> confirmedBy, String statusText) {
        public Card {
            tickedBy = Map.copyOf(tickedBy);
            confirmedBy = Map.copyOf(confirmedBy);
        }

        /** Whether the lifecycle lets the operator ask to start it now (its gates may still need an override). */
        public boolean startAllowed() {
            return availability != null && PhaseLifecycle.mayAsk(PhaseLifecycle.Action.START, status);
        }

        /** Whether its success criteria can be confirmed now: on a live incident, once the phase is under way. */
        public boolean criteriaConfirmable() {
            return availability != null && PhaseLifecycle.criteriaConfirmable(status);
        }

        /** Whether the lifecycle lets the operator ask to complete it now (gates may need an override). */
        public boolean completeAllowed() {
            return availability != null && PhaseLifecycle.mayAsk(PhaseLifecycle.Action.COMPLETE, status);
        }
    }

    public void activate() {
        plan.addListener(planChanged);
        session.stateProperty().addListener(stateChanged);
        stopReadings = readings.listen(this::refreshChecks);
        refresh();
        refreshChecks();
    }

    public void deactivate() {
        plan.removeListener(planChanged);
        session.stateProperty().removeListener(stateChanged);
        stopReadings.run();
        stopReadings = () -> { };
    }

    /**
     * The live check of every success criterion with a metric condition, by {@link #checkKey}: what the card shows
     * beside it ("convex_calls = 2.7M at 10:42 UTC — condition holds: confirm?"). Replaced only when a text changed.
     */
    public ReadOnlyObjectProperty<Map<String, CriterionCheck>> checksProperty() {
        return checks.getReadOnlyProperty();
    }

    public static String checkKey(String phaseId, String criterionId) {
        return phaseId + "|" + criterionId;
    }

    private void refreshChecks() {
        Plan current = plan.getValue();
        Map<String, CriterionCheck> now = new HashMap<>();
        if (current != null) {
            for (Phase phase : current.phases()) {
                for (Criterion criterion : phase.successCriteria()) {
                    CriterionCheck.of(criterion, readings.values())
                            .ifPresent(check -> now.put(checkKey(phase.id(), criterion.id()), check));
                }
            }
        }
        if (!now.equals(checks.get())) {
            checks.set(Map.copyOf(now));
        }
    }

    /**
     * Confirms a criterion the live value proposes as met, recording the observed value with it. Checked again
     * now: when the value went stale or stopped meeting the condition, nothing is recorded and the notice says why.
     */
    public boolean confirmProposed(String phaseId, String criterionId) {
        Board shown = board.get();
        if (shown == null || !shown.live() || refusedCriterion(shown, phaseId)) {
            return false;
        }
        Plan current = plan.getValue();
        Optional<CriterionCheck> check = current == null ? Optional.empty() : current.phase(phaseId)
                .flatMap(p -> p.successCriteria().stream().filter(c -> c.id().equals(criterionId)).findFirst())
                .flatMap(c -> CriterionCheck.of(c, readings.values()));
        refreshChecks();
        if (check.isEmpty() || !check.get().proposesMet()) {
            notice.set("Not confirmed: " + check.map(CriterionCheck::says).orElse("the criterion has no metric "
                    + "condition") + ".");
            return false;
        }
        recordAsked(new EventPayload.CriterionTicked(phaseId, criterionId, true, check.get().observed()));
        return true;
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
        Map<String, Event> ticks = s == null ? Map.of() : latestTicks.of(s);
        TestSheet sheet = s == null ? null : new TestSheet(current, s); // one for every card: it indexes the results
        List<Card> cards = current.phases().stream().map(p -> card(current, s, sheet, p, ticks)).toList();
        Block.Table table = s == null ? null : StatusTable.toBlock(current, s);
        board.set(new Board(current, s, cards, table));
        if (s != null) {
            noticeIgnoredCompletions(s);
        }
    }

    private static Map<String, String> whoTicked(Map<String, Event> ticks, String prefix, Set<String> ids) {
        Map<String, String> who = new HashMap<>();
        for (String id : ids) {
            Event event = ticks.get(prefix + id);
            if (event != null) {
                String observed = event.payload() instanceof EventPayload.CriterionTicked c && c.observed() != null
                        ? " — observed " + c.observed() : "";
                who.put(id, event.operator() + " " + CLOCK.format(event.at()) + observed);
            }
        }
        return who;
    }

    private static Card card(Plan plan, IncidentState state, TestSheet sheet, Phase phase, Map<String, Event> ticks) {
        if (state == null) {
            return new Card(phase, phase.status(), null, "", "", Set.of(), Set.of(),
                    phase.tasks().size() + " tasks", "", false, Map.of(), Map.of(), phase.status().label());
        }
        PhaseState ps = state.phase(phase.id());
        Availability availability = PhaseGates.availability(plan, state, phase.id());
        String timing = (ps.startedAt() == null ? "Not started" : "Started " + TIME.format(ps.startedAt()))
                + (ps.completedAt() == null ? "" : "  ·  Completed " + TIME.format(ps.completedAt())
                + state.completion(phase.id()).map(c -> " by " + c.operator()).orElse(""));
        List<OpenItem> open = PhaseGates.openItems(plan, state, phase.id());
        long openTasks = open.stream().filter(i -> i.kind() == OpenItem.Kind.TASK).count();
        TestProgress tests = TestProgress.ofPhase(sheet, phase.id());
        String progress = "Tasks " + (phase.tasks().size() - openTasks) + "/" + phase.tasks().size()
                + (tests.total() == 0 ? "" : "  ·  " + tests.phrase() + (tests.atRisk() ? " — success at risk" : ""));
        String override = overrideText(ps);
        return new Card(phase, ps.status(), availability, PhaseGates.blockedBecause(plan, state, phase.id()), timing,
                ps.tickedTasks(), state.tickedCriteria(phase.id()), progress, override, tests.atRisk(),
                whoTicked(ticks, "T|" + phase.id() + "|", ps.tickedTasks()),
                whoTicked(ticks, "C|" + phase.id() + "|", state.tickedCriteria(phase.id())),
                PhaseLifecycle.label(state, phase.id()));
    }

    /**
     * "Overridden: approval — lead approved on the bridge (bob)" for the gates overridden for the current status, or
     * before the next change; a dependency override given before the start shows too.
     */
    static String overrideText(PhaseState ps) {
        List<String> parts = new ArrayList<>();
        Set<String> gates = new LinkedHashSet<>(ps.overriddenGates());
        gates.addAll(ps.openOverrides());
        for (String gate : gates) {
            ps.gateOverrides().stream().filter(o -> o.gate().equals(gate)).reduce((a, b) -> b).ifPresent(o ->
                    parts.add("Gate overridden: " + gate + " — " + o.reason() + " (" + o.operator() + ")"));
        }
        return String.join("\n", parts);
    }

    public ReadOnlyObjectProperty<Board> boardProperty() {
        return board.getReadOnlyProperty();
    }

    /**
     * Ticks a task; when it is a guided step's last open task, the same event does the step. A task is ticked by
     * the rules its step follows in guided mode: not before its phase is started (through its gates), nor past a
     * failing audit; then nothing is recorded and the notice says why.
     */
    public void setTask(String phaseId, String taskId, boolean ticked) {
        Board current = board.get();
        if (current == null || !current.live()) {
            return;
        }
        if (ticked) {
            Optional<PhaseLifecycle.Refusal> refused = PhaseLifecycle.taskRefusal(current.state(), phaseId, taskId);
            if (refused.isPresent()) {
                notice.set("Not ticked: " + refused.get().message() + ".");
                return;
            }
        }
        recordAsked(PhaseLifecycle.taskTick(current.state(), phaseId, taskId, ticked));
    }

    /** Confirms or clears a criterion; a confirmation before the phase has started is refused with a notice. */
    public void setCriterion(String phaseId, String criterionId, boolean confirmed) {
        Board current = board.get();
        if (current == null || !current.live()) {
            return;
        }
        if (confirmed && refusedCriterion(current, phaseId)) {
            return;
        }
        recordAsked(new EventPayload.CriterionTicked(phaseId, criterionId, confirmed));
    }

    /** Records what the operator asked for here: the notice about an earlier refusal is old news then. */
    private void recordAsked(EventPayload action) {
        notice.set("");
        session.record(action);
    }

    private boolean refusedCriterion(Board current, String phaseId) {
        Optional<PhaseLifecycle.Refusal> refused = PhaseLifecycle.criterionRefusal(current.state(), phaseId);
        refused.ifPresent(r -> notice.set("Not confirmed: " + r.message() + "."));
        return refused.isPresent();
    }

    /** Starts the phase when its gates are open; returns false when it needs an override (nothing recorded then). */
    public boolean start(String phaseId) {
        Board current = board.get();
        if (current == null || !current.live()) {
            return false;
        }
        Optional<PhaseLifecycle.Refusal> refused = PhaseLifecycle.check(current.state(), phaseId,
                PhaseLifecycle.Action.START);
        if (refused.isPresent()) {
            if (!refused.get().overridable()) {
                notice.set(refused.get().message() + ".");
            }
            return false;
        }
        recordAsked(new EventPayload.PhaseStarted(phaseId));
        return true;
    }

    /** Why a start is refused now (each gate and what it waits for); empty when it may start. */
    public Optional<PhaseLifecycle.Refusal> startRefusal(String phaseId) {
        Board current = board.get();
        return current == null || !current.live() ? Optional.empty()
                : PhaseLifecycle.check(current.state(), phaseId, PhaseLifecycle.Action.START);
    }

    /** Overrides the gates that hold the start and starts; returns the validation problem when the reason is empty. */
    public Optional<String> overrideAndStart(String phaseId, String reason) {
        return overrideAnd(phaseId, reason, PhaseLifecycle.Action.START,
                () -> recordAsked(new EventPayload.PhaseStarted(phaseId)));
    }

    private Optional<String> overrideAnd(String phaseId, String reason, PhaseLifecycle.Action action, Runnable then) {
        if (reason == null || reason.isBlank()) {
            return Optional.of("Say why the gate may be overridden: the reason is recorded in the journal.");
        }
        Board current = board.get();
        if (current == null || !current.live()) {
            return Optional.of("No incident is open.");
        }
        List<EventPayload> events = new ArrayList<>();
        PhaseLifecycle.check(current.state(), phaseId, action).ifPresent(refusal -> refusal.gates().stream()
                .map(g -> g.kind().word()).distinct()
                .forEach(gate -> events.add(new EventPayload.GateOverridden(phaseId, gate, reason.strip()))));
        recordInOrder(events, then);
        return Optional.empty();
    }

    private void recordInOrder(List<EventPayload> events, Runnable then) {
        if (events.isEmpty()) {
            then.run();
        } else {
            session.record(events.get(0), done -> recordInOrder(events.subList(1, events.size()), then));
        }
    }

    /** Why a completion is refused now (audit, verification); empty when it may be completed as verified. */
    public Optional<PhaseLifecycle.Refusal> completeRefusal(String phaseId) {
        Board current = board.get();
        return current == null || !current.live() ? Optional.empty()
                : PhaseLifecycle.check(current.state(), phaseId, PhaseLifecycle.Action.COMPLETE);
    }

    /** Completes through an override of the gates that hold it: shown COMPLETE (unverified). */
    public Optional<String> overrideAndComplete(String phaseId, String reason) {
        return overrideAnd(phaseId, reason, PhaseLifecycle.Action.COMPLETE, () -> complete(phaseId));
    }

    public List<OpenItem> openItems(String phaseId) {
        Board current = board.get();
        return current == null || !current.live() ? List.of()
                : PhaseGates.openItems(current.plan(), current.state(), phaseId);
    }

    /**
     * Completes the phase, recording the open items the operator confirmed. A phase the state shows complete is
     * not completed again ({@link #noticeProperty()} says who completed it); when this completion raced another
     * console's and lost, the notice says so once the database's order is known.
     */
    public void complete(String phaseId) {
        Board current = board.get();
        Optional<String> already = current == null || !current.live() ? Optional.empty()
                : current.state().alreadyCompleteReason(phaseId);
        if (already.isPresent()) {
            notice.set(already.get() + " Nothing was recorded.");
            return;
        }
        notice.set("");
        List<String> open = openItems(phaseId).stream().map(OpenItem::toString).toList();
        session.record(new EventPayload.PhaseCompleted(phaseId, open), event -> {
            pendingCompletions.add(event.id());
            IncidentState state = session.stateProperty().get();
            if (state != null) {
                noticeIgnoredCompletions(state);
            }
        });
    }

    private void noticeIgnoredCompletions(IncidentState state) {
        if (pendingCompletions.isEmpty()) {
            return;
        }
        for (Event event : state.events()) {
            if (pendingCompletions.contains(event.id())) {
                state.ignoredBecause(event.id()).ifPresent(reason -> {
                    pendingCompletions.remove(event.id());
                    notice.set("Your completion of " + phaseLabel(state, event)
                            + " was not counted: another console completed it first (" + reason
                            + "). It stays in the timeline.");
                });
            }
        }
    }

    private static String phaseLabel(IncidentState state, Event event) {
        String phaseId = ((EventPayload.PhaseCompleted) event.payload()).phaseId();
        return "phase " + state.plan().phase(phaseId).map(Phase::label).orElse(phaseId);
    }

    /** A message about the last completion asked for here ("" when there is nothing to say). */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    public void clearNotice() {
        notice.set("");
    }

    public String statusTableMarkdown() {
        Board current = board.get();
        return current == null || !current.live() ? "" : StatusTable.toMarkdown(current.plan(), current.state());
    }
}
