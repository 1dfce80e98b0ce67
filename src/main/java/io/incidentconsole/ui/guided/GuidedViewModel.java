package io.incidentconsole.ui.guided;

import io.incidentconsole.ui.incident.IncidentSession;

import io.incidentconsole.guided.AuditCheck;
import io.incidentconsole.guided.AuditResult;
import io.incidentconsole.guided.DecisionWalk;
import io.incidentconsole.guided.GuidedProgress;
import io.incidentconsole.guided.StepCommand;
import io.incidentconsole.guided.WaitClock;
import io.incidentconsole.guided.WatchReading;
import io.incidentconsole.incident.EventPayload;
import io.incidentconsole.incident.IncidentState;
import io.incidentconsole.incident.PhaseState;
import io.incidentconsole.plan.AuditGate;
import io.incidentconsole.plan.DecisionTree;
import io.incidentconsole.plan.GuidedStep;
import io.incidentconsole.plan.Parameter;
import io.incidentconsole.plan.Phase;
import io.incidentconsole.plan.PhaseStatus;
import io.incidentconsole.plan.Plan;
import io.incidentconsole.plan.SignOff;
import javafx.beans.InvalidationListener;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableValue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Guided mode for one phase at a time: the step to do now with its command filled in, checks, values to record,
 * waits computed from the journal; the phase's audit gate, the plan's decisions and the approvals to sign.
 * Ticked checks and typed values stay here (per step) until Next records them; everything else is read from
 * the incident state, so a restarted console shows the same step and the same countdown.
 */
public final class GuidedViewModel {

    private final IncidentSession session;
    private final ObservableValue<Plan> plan;
    private final WaitClock clock;
    private final Consumer<String> rollbackOpener;
    private final ReadOnlyObjectWrapper<Page> page = new ReadOnlyObjectWrapper<>(this, "page");
    private final InvalidationListener changed = obs -> refresh();
    private final Map<String, Set<String>> ticks = new HashMap<>();
    private final Map<String, Map<String, String>> entered = new HashMap<>();
    private final Map<String, DecisionWalk> walks = new HashMap<>();
    private final Map<String, String> auditText = new HashMap<>();
    private final Map<String, AuditResult> auditResults = new HashMap<>();
    private final Set<String> reasking = new java.util.HashSet<>();
    private String chosenPhase;
    private long revision;

    private final io.incidentconsole.ui.metrics.LiveReadings readings;
    private final ReadOnlyObjectWrapper<Map<String, WatchReading>> watch =
            new ReadOnlyObjectWrapper<>(this, "watch", Map.of());
    private Runnable stopReadings = () -> { };

    /** {@code rollbackOpener} shows the rollback area for a phase ("Something is wrong"). No live metrics. */
    public GuidedViewModel(IncidentSession session, ObservableValue<Plan> plan, WaitClock clock,
                           Consumer<String> rollbackOpener) {
        this(session, plan, clock, rollbackOpener, io.incidentconsole.ui.metrics.LiveReadings.NONE);
    }

    /** {@code readings}: the live values shown beside each step's "Watch" metrics. */
    public GuidedViewModel(IncidentSession session, ObservableValue<Plan> plan, WaitClock clock,
                           Consumer<String> rollbackOpener, io.incidentconsole.ui.metrics.LiveReadings readings) {
        this.session = session;
        this.plan = plan;
        this.clock = clock;
        this.rollbackOpener = rollbackOpener;
        this.readings = readings;
    }

    /**
     * The live value of every metric a guided step of the plan watches, by metric id; replaced only when a text
     * changed.
     */
    public ReadOnlyObjectProperty<Map<String, WatchReading>> watchProperty() {
        return watch.getReadOnlyProperty();
    }

    private void refreshWatch() {
        Plan current = plan.getValue();
        Map<String, WatchReading> now = new HashMap<>();
        if (current != null) {
            current.phases().stream().flatMap(p -> p.guidedSteps().stream()).flatMap(s -> s.watch().stream())
                    .distinct().forEach(id -> now.put(id, WatchReading.of(current, id, readings.values())));
        }
        if (!now.equals(watch.get())) {
            watch.set(Map.copyOf(now));
        }
    }

    /**
     * What guided mode shows. {@code state} is null when no incident is open for this plan. {@code revision} grows
     * with every refresh, so a change that is local to this view model (an audit checked but not recorded, a
     * decision walked back) still reaches the view.
     */
    public record Page(Plan plan, IncidentState state, Phase phase, GuidedProgress progress, boolean writable,
                       long revision) {
        public boolean live() {
            return state != null;
        }

        public Optional<GuidedStep> step() {
            return progress.current();
        }
    }

    public void activate() {
        plan.addListener(changed);
        session.stateProperty().addListener(changed);
        session.writableBinding().addListener(changed);
        stopReadings = readings.listen(this::refreshWatch);
        refresh();
        refreshWatch();
    }

    public void deactivate() {
        plan.removeListener(changed);
        session.stateProperty().removeListener(changed);
        session.writableBinding().removeListener(changed);
        stopReadings.run();
        stopReadings = () -> { };
    }

    public ReadOnlyObjectProperty<Page> pageProperty() {
        return page.getReadOnlyProperty();
    }

    /** Shows guided mode for a phase (the board's "Guided mode…" button). */
    public void open(String phaseId) {
        chosenPhase = phaseId;
        refresh();
    }

    private void refresh() {
        Plan current = plan.getValue();
        if (current == null || current.phases().isEmpty()) {
            page.set(null);
            return;
        }
        IncidentState state = session.stateProperty().get();
        if (state != null && state.plan() != current) {
            state = null; // the operator is reading another plan than the incident's
        }
        Phase phase = current.phase(Objects.requireNonNullElse(chosenPhase, ""))
                .orElseGet(() -> defaultPhase(current, session.stateProperty().get()));
        PhaseState phaseState = state == null ? null : state.phase(phase.id());
        page.set(new Page(current, state, phase, GuidedProgress.of(phase, phaseState),
                state != null && session.writableBinding().get(), ++revision));
    }

    /** The phase started last that is still in progress; else the first phase with guided steps. */
    static Phase defaultPhase(Plan plan, IncidentState state) {
        if (state != null && state.plan() == plan) {
            Optional<Phase> running = plan.phases().stream()
                    .filter(p -> state.phase(p.id()).status() == PhaseStatus.IN_PROGRESS)
                    .filter(p -> state.phase(p.id()).startedAt() != null)
                    .max(Comparator.comparing(p -> state.phase(p.id()).startedAt()));
            if (running.isPresent()) {
                return running.get();
            }
        }
        return plan.phases().stream().filter(p -> !p.guidedSteps().isEmpty()).findFirst()
                .orElse(plan.phases().get(0));
    }

    // ---- the current step ----

    /**
     * The values of a step's command parameters (as typed here, else recorded earlier, else the plan's default) and
     * of the fields it records (as typed here, else the default: a value recorded at an earlier step, such as an
     * earlier deploy's commit, must not pass for this step's).
     */
    public Map<String, String> values(GuidedStep step) {
        Map<String, String> values = new LinkedHashMap<>(StepCommand.initialValues(step.parameters(), this::recorded));
        values.putAll(StepCommand.initialValues(step.records(), name -> Optional.empty()));
        values.putAll(entered.getOrDefault(step.id(), Map.of()));
        return values;
    }

    private Optional<String> recorded(String name) {
        Page current = page.get();
        if (current == null || !current.live()) {
            return Optional.empty();
        }
        return Optional.ofNullable(current.state().parameters().get(name)).map(IncidentState.ParameterValue::value);
    }

    public void setValue(GuidedStep step, String name, String value) {
        entered.computeIfAbsent(step.id(), k -> new LinkedHashMap<>()).put(name, value);
    }

    public StepCommand command(GuidedStep step) {
        return StepCommand.of(step, values(step));
    }

    /** Problems of the values the step records (e.g. the deployed commit), by name. */
    public Map<String, String> recordProblems(GuidedStep step) {
        return StepCommand.validate(step.records(), values(step));
    }

    /** A check is ticked here, or, when it is a test item of the phase, wherever that item passed. */
    public boolean isTicked(GuidedStep step, int check) {
        if (ticks.getOrDefault(step.id(), Set.of()).contains(step.id() + "#" + check)) {
            return true;
        }
        Page current = page.get();
        if (current == null || !current.live()) {
            return false;
        }
        return linkedItem(current, step, check).flatMap(item -> current.state().latestOutcome(current.phase().id(),
                item.suiteId(), item.testId())).filter(o -> o == io.incidentconsole.incident.TestOutcome.PASS)
                .isPresent();
    }

    private static Optional<io.incidentconsole.plan.PlanItems.TestItemRef> linkedItem(Page current, GuidedStep step,
                                                                                       int check) {
        return io.incidentconsole.plan.PlanItems.testItemOf(current.plan(), current.phase(), step.checks().get(check));
    }

    /**
     * Ticks a check. A check that is a test item of the phase is recorded as that item's pass at once (one tick for
     * both); other checks are kept here until Next.
     */
    public void setTicked(GuidedStep step, int check, boolean ticked) {
        Page current = page.get();
        if (ticked && current != null && current.live() && current.writable()) {
            Optional<io.incidentconsole.plan.PlanItems.TestItemRef> item = linkedItem(current, step, check);
            if (item.isPresent()) {
                if (!isTicked(step, check)) {
                    session.record(new EventPayload.TestResultSet(item.get().suiteId(), item.get().testId(),
                            current.phase().id(), io.incidentconsole.incident.TestOutcome.PASS, "ticked in guided mode"));
                }
                return;
            }
        }
        Set<String> set = ticks.computeIfAbsent(step.id(), k -> new LinkedHashSet<>());
        if (ticked) {
            set.add(step.id() + "#" + check);
        } else {
            set.remove(step.id() + "#" + check);
        }
    }

    /**
     * Next: on a wait not yet started, starts it; otherwise checks that the wait is over, every check is ticked and
     * every value is valid, then records the values and the step as done. Returns what stops it, if anything.
     */
    public Optional<String> next() {
        Page current = page.get();
        Optional<String> blocked = writableProblem(current);
        if (blocked.isPresent()) {
            return blocked;
        }
        Optional<GuidedStep> maybeStep = current.step();
        if (maybeStep.isEmpty()) {
            return Optional.of("Every guided step of this phase is done.");
        }
        GuidedStep step = maybeStep.get();
        if (step.waitFor() != null) {
            WaitClock.Status wait = waitStatus().orElseThrow();
            if (wait.state() == WaitClock.State.NOT_STARTED) {
                startWait();
                return Optional.empty();
            }
            if (!wait.over()) {
                return Optional.of("Still waiting: " + WaitClock.format(wait.remaining())
                        + " left. To move on now, cut the wait short with a reason.");
            }
        }
        long ticked = step.checks().isEmpty() ? 0 : java.util.stream.IntStream.range(0, step.checks().size())
                .filter(i -> isTicked(step, i)).count();
        if (ticked < step.checks().size()) {
            return Optional.of("Tick every check before moving on: " + ticked + " of " + step.checks().size()
                    + " ticked.");
        }
        Map<String, String> problems = new LinkedHashMap<>(StepCommand.validate(step.parameters(), values(step)));
        problems.putAll(recordProblems(step));
        if (!problems.isEmpty()) {
            return Optional.of("Fix before moving on: " + String.join("; ", problems.entrySet().stream()
                    .map(e -> e.getKey() + " — " + e.getValue()).toList()));
        }
        List<EventPayload> events = new ArrayList<>();
        IncidentState state = current.state();
        String phaseId = current.phase().id();
        if (state.phase(phaseId).status() != PhaseStatus.IN_PROGRESS) {
            // Guided mode starts the phase through its gates (dependencies, approvals, decisions).
            Optional<io.incidentconsole.incident.PhaseLifecycle.Refusal> refused =
                    io.incidentconsole.incident.PhaseLifecycle.check(state, phaseId,
                            io.incidentconsole.incident.PhaseLifecycle.Action.START);
            if (refused.isPresent()) {
                return Optional.of(refused.get().message() + (refused.get().overridable()
                        ? ". Sign off or decide here, or start it anyway on the board with a reason." : "."));
            }
            events.add(new EventPayload.PhaseStarted(phaseId));
        } else {
            Optional<io.incidentconsole.incident.PhaseLifecycle.Refusal> held =
                    io.incidentconsole.incident.PhaseLifecycle.stepRefusal(state, phaseId, step.id());
            if (held.isPresent()) {
                return Optional.of(held.get().message() + ".");
            }
        }
        Map<String, String> values = values(step);
        for (Parameter parameter : step.parameters()) {
            String value = values.get(parameter.name());
            if (!value.isEmpty() && !recorded(parameter.name()).equals(Optional.of(value))) {
                events.add(new EventPayload.ParameterEntered(parameter.name(), value, step.id()));
            }
        }
        for (Parameter field : step.records()) {
            String value = values.get(field.name());
            if (!value.isEmpty()) {
                events.add(new EventPayload.ParameterEntered(field.name(), value, step.id()));
            }
        }
        events.add(io.incidentconsole.incident.PhaseLifecycle.stepDone(current.plan(), phaseId, step.id()));
        recordInOrder(events);
        return Optional.empty();
    }

    // ---- the end of a phase: its verification and completion ----

    /** What still stands between the phase and a verified completion (empty: it can be completed verified). */
    public List<String> verificationGaps() {
        Page current = page.get();
        if (current == null || !current.live()) {
            return List.of();
        }
        return io.incidentconsole.incident.PhaseLifecycle.completionGates(current.state(), current.phase().id())
                .stream().filter(g -> !g.open())
                .map(g -> g.kind().word() + ": " + g.says()).toList();
    }

    /**
     * Completes the phase: verified when its gates are open; otherwise only with a reason, which overrides the
     * gates that hold it (the phase then shows COMPLETE (unverified)). Returns what stops it, if anything.
     */
    public Optional<String> complete(String reason) {
        Page current = page.get();
        Optional<String> blocked = writableProblem(current);
        if (blocked.isPresent()) {
            return blocked;
        }
        String phaseId = current.phase().id();
        Optional<io.incidentconsole.incident.PhaseLifecycle.Refusal> refused =
                io.incidentconsole.incident.PhaseLifecycle.check(current.state(), phaseId,
                        io.incidentconsole.incident.PhaseLifecycle.Action.COMPLETE);
        List<EventPayload> events = new ArrayList<>();
        if (refused.isPresent()) {
            if (!refused.get().overridable()) {
                return Optional.of(refused.get().message() + ".");
            }
            if (reason == null || reason.isBlank()) {
                return Optional.of(refused.get().message() + ". To complete it anyway, say why: the phase then shows "
                        + "COMPLETE (unverified).");
            }
            refused.get().gates().stream().map(g -> g.kind().word()).distinct()
                    .forEach(gate -> events.add(new EventPayload.GateOverridden(phaseId, gate, reason.strip())));
        }
        List<String> open = io.incidentconsole.board.PhaseGates.openItems(current.plan(), current.state(), phaseId)
                .stream().map(Object::toString).toList();
        events.add(new EventPayload.PhaseCompleted(phaseId, open));
        recordInOrder(events);
        return Optional.empty();
    }

    private void recordInOrder(List<EventPayload> events) {
        if (events.isEmpty()) {
            return;
        }
        session.record(events.get(0), done -> recordInOrder(events.subList(1, events.size())));
    }

    private static Optional<String> writableProblem(Page current) {
        if (current == null || !current.live()) {
            return Optional.of("No incident is open: start or resume one (Ctrl+I) to work through the steps.");
        }
        if (!current.writable()) {
            return Optional.of("This incident is open read-only: nothing can be recorded.");
        }
        return Optional.empty();
    }

    /** The copied command of the current step, recorded as copied; empty when it cannot be filled yet. */
    public Optional<String> copyCommand() {
        Page current = page.get();
        if (current == null) {
            return Optional.empty();
        }
        return current.step().flatMap(step -> {
            StepCommand command = command(step);
            if (!command.ready()) {
                return Optional.empty();
            }
            if (writableProblem(current).isEmpty()) {
                session.record(new EventPayload.CommandCopied(step.id(), AuditCheck.sha256(command.text())));
            }
            return Optional.of(command.text());
        });
    }

    /** The current step's wait, when it is a wait step. */
    public Optional<WaitClock.Status> waitStatus() {
        Page current = page.get();
        if (current == null) {
            return Optional.empty();
        }
        return current.step().filter(s -> s.waitFor() != null).map(step -> clock.status(
                current.live() ? current.state().phase(current.phase().id()).waits().get(step.id()) : null));
    }

    public void startWait() {
        Page current = page.get();
        if (writableProblem(current).isPresent() || current.step().isEmpty() || current.step().get().waitFor() == null) {
            return;
        }
        GuidedStep step = current.step().get();
        if (waitStatus().map(s -> s.state() == WaitClock.State.NOT_STARTED).orElse(false)) {
            session.record(new EventPayload.WaitStarted(current.phase().id(), step.id(), step.waitFor()));
        }
    }

    /** Cuts the running wait short; a reason is required and recorded. */
    public Optional<String> cutShort(String reason) {
        Page current = page.get();
        Optional<String> blocked = writableProblem(current);
        if (blocked.isPresent()) {
            return blocked;
        }
        Optional<WaitClock.Status> wait = waitStatus();
        if (wait.isEmpty() || wait.get().state() != WaitClock.State.WAITING) {
            return Optional.of("There is no running wait to cut short.");
        }
        if (reason == null || reason.isBlank()) {
            return Optional.of("Say why the wait may end early: the reason is recorded in the journal.");
        }
        session.record(new EventPayload.WaitCutShort(current.phase().id(), current.step().orElseThrow().id(),
                reason.strip()));
        return Optional.empty();
    }

    /** "Something is wrong": the rollback area for this phase, which pre-fills the values recorded so far. */
    public void somethingWrong() {
        Page current = page.get();
        if (current != null) {
            rollbackOpener.accept(current.phase().id());
        }
    }

    // ---- audit gate ----

    public Optional<AuditGate> audit() {
        Page current = page.get();
        return current == null ? Optional.empty() : Optional.ofNullable(current.phase().audit());
    }

    public String auditText() {
        Page current = page.get();
        return current == null ? "" : auditText.getOrDefault(current.phase().id(), "");
    }

    public void setAuditText(String text) {
        Page current = page.get();
        if (current != null) {
            auditText.put(current.phase().id(), text);
        }
    }

    /** The result of the last check done here for this phase (not recorded when the output could not be read). */
    public Optional<AuditResult> auditResult() {
        Page current = page.get();
        return current == null ? Optional.empty() : Optional.ofNullable(auditResults.get(current.phase().id()));
    }

    /**
     * Checks the pasted output. A readable output is recorded with its verdict (pass or fail, field by field);
     * output that is not a JSON object is not evidence of anything, so it is only reported, not recorded.
     */
    public Optional<AuditResult> checkAudit() {
        Page current = page.get();
        if (current == null || current.phase().audit() == null) {
            return Optional.empty();
        }
        AuditResult result = AuditCheck.check(current.phase().audit(), auditText());
        auditResults.put(current.phase().id(), result);
        if (result.parsed() && writableProblem(current).isEmpty()) {
            session.record(new EventPayload.AuditChecked(current.phase().id(), result.outputSha256(), result.passed(),
                    result.verdicts()));
        }
        refresh();
        return Optional.of(result);
    }

    public Optional<String> copyAuditCommand() {
        Page current = page.get();
        return audit().map(gate -> {
            if (writableProblem(current).isEmpty()) {
                session.record(new EventPayload.CommandCopied("audit:" + current.phase().id(), AuditCheck.sha256(gate.command())));
            }
            return gate.command();
        });
    }

    // ---- decisions ----

    /** Every decision tree of the plan: this phase's first, then those of the whole plan and other phases. */
    public List<DecisionTree> decisions() {
        Page current = page.get();
        if (current == null) {
            return List.of();
        }
        // A decision is asked in the phase it belongs to (or in every phase when it names none), not elsewhere.
        String phaseId = current.phase().id();
        return current.plan().decisions().stream()
                .filter(t -> t.phase() == null || phaseId.equals(t.phase()))
                .sorted(Comparator.comparing(t -> phaseId.equals(t.phase()) ? 0 : 1))
                .toList();
    }

    public DecisionWalk walk(DecisionTree tree) {
        return walks.computeIfAbsent(tree.id(), id -> DecisionWalk.start(tree));
    }

    /** Answers the current question; reaching an outcome records the decision with its path of answers. */
    public Optional<String> answer(DecisionTree tree, int index) {
        DecisionWalk walk = walk(tree);
        if (walk.finished() || index < 0 || index >= walk.current().orElseThrow().answers().size()) {
            return Optional.of("There is no answer " + (index + 1) + " to this question.");
        }
        Optional<String> blocked = writableProblem(page.get());
        if (blocked.isPresent()) {
            return blocked;
        }
        DecisionWalk next = walk.answer(index);
        walks.put(tree.id(), next);
        if (next.outcome().isPresent()) {
            reasking.remove(tree.id());
            session.record(new EventPayload.DecisionTaken(tree.id(), next.path(), next.outcome().get().id()));
        }
        refresh();
        return next.problem();
    }

    /** Asks the tree's questions again although a decision is recorded; a new outcome is recorded as the latest. */
    public void restartDecision(DecisionTree tree) {
        walks.put(tree.id(), DecisionWalk.start(tree));
        reasking.add(tree.id());
        refresh();
    }

    public void backDecision(DecisionTree tree) {
        walks.put(tree.id(), walk(tree).back());
        refresh();
    }

    /** Whether the tree's questions are to be asked: not decided yet, or asked again. */
    public boolean asking(DecisionTree tree) {
        return decided(tree.id()).isEmpty() || reasking.contains(tree.id());
    }

    /** The latest recorded decision of a tree. */
    public Optional<IncidentState.DecisionRecord> decided(String treeId) {
        Page current = page.get();
        if (current == null || !current.live()) {
            return Optional.empty();
        }
        List<IncidentState.DecisionRecord> all = current.state().decisions().stream()
                .filter(d -> d.treeId().equals(treeId)).toList();
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    // ---- sign-off ----

    /** The approvals for this phase, then those for the whole plan. */
    public List<SignOff.Approval> approvals() {
        Page current = page.get();
        if (current == null) {
            return List.of();
        }
        String phaseId = current.phase().id();
        return current.plan().signOff().approvals().stream()
                .filter(a -> a.phase() == null || a.phase().equals(phaseId))
                .sorted(Comparator.comparing(a -> a.phase() == null ? 1 : 0))
                .toList();
    }

    public List<IncidentState.SignOffRecord> signOffs(String approvalId) {
        Page current = page.get();
        if (current == null || !current.live()) {
            return List.of();
        }
        return current.state().signOffs().stream().filter(s -> s.approvalId().equals(approvalId)).toList();
    }

    /** Signs an approval as the incident's operator; the role is required, the note optional. */
    public Optional<String> signOff(SignOff.Approval approval, String role, String note) {
        Optional<String> blocked = writableProblem(page.get());
        if (blocked.isPresent()) {
            return blocked;
        }
        if (role == null || role.isBlank()) {
            return Optional.of("Say in which role you sign (e.g. Incident commander).");
        }
        session.record(new EventPayload.SignOffGiven(approval.id(), role.strip(),
                note == null || note.isBlank() ? null : note.strip()));
        return Optional.empty();
    }

    /** Parameters a step asks for (its command's) and records, for the form. */
    public static List<Parameter> formFields(GuidedStep step) {
        return Stream.concat(step.parameters().stream(), step.records().stream()).toList();
    }
}
