package io.incidentconsole.incident;

import io.incidentconsole.plan.Criterion;
import io.incidentconsole.plan.DecisionTree;
import io.incidentconsole.plan.GuidedStep;
import io.incidentconsole.plan.Phase;
import io.incidentconsole.plan.PhaseStatus;
import io.incidentconsole.plan.Plan;
import io.incidentconsole.plan.PlanItems;
import io.incidentconsole.plan.SignOff;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static io.incidentconsole.plan.PhaseStatus.BLOCKED;
import static io.incidentconsole.plan.PhaseStatus.COMPLETE;
import static io.incidentconsole.plan.PhaseStatus.EVAL;
import static io.incidentconsole.plan.PhaseStatus.IN_PROGRESS;
import static io.incidentconsole.plan.PhaseStatus.PENDING;
import static io.incidentconsole.plan.PhaseStatus.ROLLED_BACK;
import static io.incidentconsole.plan.PhaseStatus.ROLLING_BACK;

/**
 * The one owner of a phase's lifecycle rules (docs/decisions/0005-phase-lifecycle.md): which status may follow
 * which, what each action needs from the plan's gates, and how a refused action can be overridden. The fold, the
 * board, guided mode and the command line all ask here.
 */
public final class PhaseLifecycle {

    private PhaseLifecycle() {
    }

    /** What an operator (or a script) asks of a phase. */
    public enum Action {
        START("start", IN_PROGRESS),
        COMPLETE("complete", PhaseStatus.COMPLETE),
        BLOCK("block", BLOCKED),
        EVAL("eval", PhaseStatus.EVAL),
        ROLLBACK("rollback", ROLLING_BACK),
        ROLLED_BACK("rolled-back", PhaseStatus.ROLLED_BACK);

        private final String word;
        private final PhaseStatus target;

        Action(String word, PhaseStatus target) {
            this.word = word;
            this.target = target;
        }

        /** As the command line writes it: "rolled-back". */
        public String word() {
            return word;
        }

        public PhaseStatus target() {
            return target;
        }

        public static Optional<Action> parse(String text) {
            for (Action action : values()) {
                if (action.word.equalsIgnoreCase(text.strip())) {
                    return Optional.of(action);
                }
            }
            return Optional.empty();
        }
    }

    /** The gates a phase can be held by; {@link #word()} is what an override names. */
    public enum GateKind {
        /** Every phase it depends on is complete. */
        DEPENDENCIES("dependencies"),
        /** Every sign-off approval bound to the phase is given. */
        APPROVAL("approval"),
        /** Every decision that gates the phase is taken, and its outcome does not block the phase. */
        DECISION("decision"),
        /** The phase's audit passed (holds the steps after the audit step, and the completion). */
        AUDIT("audit"),
        /** Its tests passed (or were skipped or blocked with a note) and its success criteria are met. */
        VERIFICATION("verification");

        private final String word;

        GateKind(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }

        public static Optional<GateKind> parse(String text) {
            for (GateKind kind : values()) {
                if (kind.word.equalsIgnoreCase(text.strip())) {
                    return Optional.of(kind);
                }
            }
            return Optional.empty();
        }
    }

    /**
     * One gate of a phase: {@code id} is what it waits for (a phase, an approval, a decision, the phase itself for
     * audit and verification); {@code open} when it lets the action through by itself; {@code overridden} when it
     * is closed but an operator overrode it; {@code says} explains a closed gate to the operator.
     */
    public record Gate(GateKind kind, String id, boolean open, boolean overridden, String says) {
        public boolean holds() {
            return !open && !overridden;
        }
    }

    /**
     * Why an action was refused: either the phase's status does not allow it ({@code gates} empty; no override
     * helps), or gates hold it ({@code gates} lists them; each can be overridden with a reason).
     */
    public record Refusal(String phaseId, Action action, PhaseStatus status, List<Gate> gates, String message) {
        public Refusal {
            gates = List.copyOf(gates);
        }

        public boolean overridable() {
            return !gates.isEmpty();
        }

        /** "--override-gate dependencies --override-gate approval": what the command line needs to go ahead. */
        public String overrideHint() {
            StringBuilder hint = new StringBuilder();
            gates.stream().map(g -> g.kind().word()).distinct()
                    .forEach(word -> hint.append("--override-gate ").append(word).append(' '));
            return hint.append("--reason TEXT").toString();
        }
    }

    private static final Map<PhaseStatus, Set<PhaseStatus>> ALLOWED = new EnumMap<>(PhaseStatus.class);

    static {
        // COMPLETE from PENDING, BLOCKED and EVAL: journals of 0.1 completed phases without starting them; the
        // fold keeps replaying those. A command asks for IN PROGRESS first (see statusProblem).
        ALLOWED.put(PENDING, EnumSet.of(IN_PROGRESS, COMPLETE, BLOCKED, EVAL));
        ALLOWED.put(IN_PROGRESS, EnumSet.of(COMPLETE, BLOCKED, EVAL, ROLLING_BACK, PENDING));
        ALLOWED.put(BLOCKED, EnumSet.of(IN_PROGRESS, COMPLETE, EVAL, ROLLING_BACK, PENDING));
        ALLOWED.put(EVAL, EnumSet.of(IN_PROGRESS, COMPLETE, BLOCKED, ROLLING_BACK, PENDING));
        // COMPLETE -> IN PROGRESS: a completion reopened by a status change (team consoles of 0.1 could).
        ALLOWED.put(COMPLETE, EnumSet.of(ROLLING_BACK, IN_PROGRESS));
        ALLOWED.put(ROLLING_BACK, EnumSet.of(PhaseStatus.ROLLED_BACK));
        ALLOWED.put(PhaseStatus.ROLLED_BACK, EnumSet.of(IN_PROGRESS, BLOCKED, EVAL));
    }

    /** Whether the journal may move a phase from one status to another (the fold ignores any other move). */
    public static boolean allowed(PhaseStatus from, PhaseStatus to) {
        return ALLOWED.getOrDefault(from, Set.of()).contains(to);
    }

    /** The statuses a phase may move to from {@code from}. */
    public static Set<PhaseStatus> next(PhaseStatus from) {
        return Set.copyOf(ALLOWED.getOrDefault(from, Set.of()));
    }

    /**
     * Whether an operator may ask for the action while the phase has this status (its gates aside): what enables a
     * Start or Complete button. Stricter than {@link #allowed}, which also replays what 0.1 journals did.
     */
    public static boolean mayAsk(Action action, PhaseStatus status) {
        return actionableFrom(action).contains(status);
    }

    /** The statuses an action may be asked from: stricter than {@link #allowed} where 0.1 journals needed slack. */
    static Set<PhaseStatus> actionableFrom(Action action) {
        return switch (action) {
            case START -> EnumSet.of(PENDING, BLOCKED, EVAL, PhaseStatus.ROLLED_BACK);
            case COMPLETE -> EnumSet.of(IN_PROGRESS);
            case BLOCK -> EnumSet.of(PENDING, IN_PROGRESS, EVAL, PhaseStatus.ROLLED_BACK);
            case EVAL -> EnumSet.of(PENDING, IN_PROGRESS, BLOCKED, PhaseStatus.ROLLED_BACK);
            case ROLLBACK -> EnumSet.of(IN_PROGRESS, COMPLETE, BLOCKED, EVAL, ROLLING_BACK);
            case ROLLED_BACK -> EnumSet.of(ROLLING_BACK);
        };
    }

    /** The gates that hold an action (start: dependencies, approvals, decisions; completion: audit, verification). */
    public static List<Gate> gates(IncidentState state, String phaseId, Action action) {
        return switch (action) {
            case START -> startGates(state, phaseId);
            case COMPLETE -> completionGates(state, phaseId);
            default -> List.of();
        };
    }

    /** Every gate of a phase, start gates first (for status and the board). */
    public static List<Gate> allGates(IncidentState state, String phaseId) {
        List<Gate> all = new ArrayList<>(startGates(state, phaseId));
        all.addAll(completionGates(state, phaseId));
        return all;
    }

    /** The refusal of an action, or empty when it may go ahead now. */
    public static Optional<Refusal> check(IncidentState state, String phaseId, Action action) {
        Phase phase = state.plan().phase(phaseId).orElse(null);
        if (phase == null) {
            return Optional.of(new Refusal(phaseId, action, null, List.of(),
                    "the plan has no phase '" + phaseId + "'"));
        }
        PhaseStatus status = state.phase(phaseId).status();
        if (!actionableFrom(action).contains(status)) {
            return Optional.of(new Refusal(phaseId, action, status, List.of(), statusProblem(phase, status, action)));
        }
        List<Gate> holding = gates(state, phaseId, action).stream().filter(Gate::holds).toList();
        if (holding.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder message = new StringBuilder("cannot " + action.word() + " phase " + phase.label() + ": ");
        message.append(String.join("; ", holding.stream().map(g -> g.kind().word() + " gate: " + g.says()).toList()));
        return Optional.of(new Refusal(phaseId, action, status, holding, message.toString()));
    }

    private static String statusProblem(Phase phase, PhaseStatus status, Action action) {
        String prefix = "cannot " + action.word() + " phase " + phase.label() + ": it is " + status.label();
        return prefix + switch (action) {
            case START -> status == IN_PROGRESS ? " already" : "; a rollback must finish (or the phase be rolled "
                    + "back) before it starts again";
            case COMPLETE -> status == PhaseStatus.COMPLETE ? " already" : "; start it first (phase start)";
            case ROLLED_BACK -> "; start its rollback first (phase rollback)";
            case ROLLBACK -> "; nothing of it was done yet to roll back";
            case BLOCK, EVAL -> status == action.target() ? " already" : "";
        };
    }

    /** Why a guided step may not be done now (the phase is not in progress, or the audit holds it). */
    public static Optional<String> stepProblem(IncidentState state, String phaseId, String stepId) {
        return stepRefusal(state, phaseId, stepId).map(Refusal::message);
    }

    /**
     * The refusal of doing a guided step: its phase must be in progress (so its start gates were passed), and a
     * step after the audit step waits for a passing audit (an overridable gate).
     */
    public static Optional<Refusal> stepRefusal(IncidentState state, String phaseId, String stepId) {
        Phase phase = state.plan().phase(phaseId).orElse(null);
        if (phase == null) {
            return Optional.of(new Refusal(phaseId, null, null, List.of(), "the plan has no phase '" + phaseId + "'"));
        }
        PhaseState phaseState = state.phase(phaseId);
        if (phaseState.status() != IN_PROGRESS) {
            return Optional.of(notStarted(phase, phaseState.status()));
        }
        int index = indexOf(phase, stepId);
        Optional<Integer> auditStep = PlanItems.auditStepIndex(phase);
        if (auditStep.isPresent() && index > auditStep.get()) {
            Gate audit = auditGate(state, phase);
            if (audit.holds()) {
                return Optional.of(new Refusal(phaseId, null, phaseState.status(), List.of(audit),
                        "audit gate: " + audit.says() + " — the steps after \""
                                + phase.guidedSteps().get(auditStep.get()).title() + "\" wait for a passing audit"));
            }
        }
        return Optional.empty();
    }

    /**
     * Why ticking a task is refused now, by the rules a guided step follows: its phase is not in progress (start it
     * first: its gates are checked then), or the task is a step the audit gate holds. Empty when it can be ticked.
     * Unticking is never refused: taking back a tick is always allowed.
     */
    public static Optional<Refusal> taskRefusal(IncidentState state, String phaseId, String taskId) {
        Phase phase = state.plan().phase(phaseId).orElse(null);
        if (phase == null) {
            return Optional.of(new Refusal(phaseId, null, null, List.of(), "the plan has no phase '" + phaseId + "'"));
        }
        Optional<GuidedStep> step = PlanItems.stepOf(phase, taskId);
        if (step.isPresent()) {
            return stepRefusal(state, phaseId, step.get().id());
        }
        PhaseStatus status = state.phase(phaseId).status();
        return status == IN_PROGRESS ? Optional.empty() : Optional.of(notStarted(phase, status));
    }

    /**
     * Why confirming a success criterion is refused now: its phase has not been started, so there is nothing yet
     * whose success it could say. Once the phase is in progress, or complete (some criteria hold only a day later),
     * it can be confirmed. Clearing a confirmation is never refused.
     */
    public static Optional<Refusal> criterionRefusal(IncidentState state, String phaseId) {
        Phase phase = state.plan().phase(phaseId).orElse(null);
        if (phase == null) {
            return Optional.of(new Refusal(phaseId, null, null, List.of(), "the plan has no phase '" + phaseId + "'"));
        }
        PhaseStatus status = state.phase(phaseId).status();
        if (criteriaConfirmable(status)) {
            return Optional.empty();
        }
        return Optional.of(status == PENDING ? notStarted(phase, status) : new Refusal(phase.id(), null, status,
                List.of(), "phase " + phase.label() + " is " + status.label()
                        + "; its success criteria are confirmed while it is in progress or once it is complete"));
    }

    /** Whether a phase in {@code status} has had its criteria's confirmation opened ({@link #criterionRefusal}). */
    public static boolean criteriaConfirmable(PhaseStatus status) {
        return status == IN_PROGRESS || status == COMPLETE;
    }

    private static Refusal notStarted(Phase phase, PhaseStatus status) {
        return new Refusal(phase.id(), null, status, List.of(), "phase " + phase.label() + " is " + status.label()
                + "; start it first (its gates are checked then)");
    }

    private static int indexOf(Phase phase, String stepId) {
        for (int i = 0; i < phase.guidedSteps().size(); i++) {
            if (phase.guidedSteps().get(i).id().equals(stepId)) {
                return i;
            }
        }
        return -1;
    }

    /** The phase's start gates: its dependencies, its sign-off approvals, the decisions that gate it. */
    public static List<Gate> startGates(IncidentState state, String phaseId) {
        Plan plan = state.plan();
        Phase phase = plan.phase(phaseId).orElseThrow(() -> new IllegalArgumentException("no phase " + phaseId));
        PhaseState phaseState = state.phase(phaseId);
        List<Gate> gates = new ArrayList<>();
        boolean dependenciesOverridden = phaseState.isOverridden(GateKind.DEPENDENCIES.word());
        for (String dependency : phase.dependsOn()) {
            PhaseState dep = state.phases().get(dependency);
            boolean complete = dep != null && dep.status() == COMPLETE;
            String label = plan.phase(dependency).map(p -> label(p)).orElse(dependency);
            gates.add(new Gate(GateKind.DEPENDENCIES, dependency, complete, !complete && dependenciesOverridden,
                    complete ? label + " is complete" : label + " is " + (dep == null ? "unknown" : describe(state,
                            dependency)) + ", not complete"));
        }
        boolean approvalOverridden = phaseState.isOverridden(GateKind.APPROVAL.word());
        for (SignOff.Approval approval : plan.signOff().approvals()) {
            if (phaseId.equals(approval.phase()) && approval.id() != null) {
                Optional<SignOffRecord> signed = state.signOffs().stream()
                        .filter(s -> approval.id().equals(s.approvalId())).reduce((a, b) -> b);
                gates.add(new Gate(GateKind.APPROVAL, approval.id(), signed.isPresent(),
                        signed.isEmpty() && approvalOverridden, signed.map(s -> "\"" + approval.title()
                        + "\" signed by " + s.operator()).orElse("\"" + approval.title() + "\" is not signed off")));
            }
        }
        boolean decisionOverridden = phaseState.isOverridden(GateKind.DECISION.word());
        for (DecisionTree tree : plan.decisionsAbout(phaseId)) {
            boolean named = tree.gates().contains(phaseId);
            boolean canBlock = tree.outcomes().stream().anyMatch(o -> o.blocks().contains(phaseId));
            if (!named && !canBlock) {
                continue;
            }
            Optional<DecisionRecord> taken = state.decision(tree.id())
                    .filter(d -> d.outcomeId() != null);
            Optional<DecisionTree.Outcome> outcome = taken.flatMap(d -> tree.outcome(d.outcomeId()));
            boolean blocks = outcome.map(o -> o.blocks().contains(phaseId)).orElse(false);
            boolean open = taken.isPresent() ? !blocks : !named;
            String says = taken.isEmpty() ? "\"" + tree.title() + "\" is not decided yet"
                    : "\"" + tree.title() + "\" decided: " + outcome.map(DecisionTree.Outcome::title)
                    .orElse(taken.get().outcomeId()) + (blocks ? " — this outcome blocks the phase" : "");
            gates.add(new Gate(GateKind.DECISION, tree.id(), open, !open && decisionOverridden, says));
        }
        return gates;
    }

    /** The phase's completion gates: its audit (when it has one) and its verification. */
    public static List<Gate> completionGates(IncidentState state, String phaseId) {
        Phase phase = state.plan().phase(phaseId).orElseThrow(() -> new IllegalArgumentException("no phase " + phaseId));
        List<Gate> gates = new ArrayList<>();
        if (phase.audit() != null) {
            gates.add(auditGate(state, phase));
        }
        List<String> missing = unverified(state, phaseId);
        boolean overridden = state.phase(phaseId).isOverridden(GateKind.VERIFICATION.word());
        gates.add(new Gate(GateKind.VERIFICATION, phaseId, missing.isEmpty(), !missing.isEmpty() && overridden,
                missing.isEmpty() ? "tests passed and success criteria met" : String.join("; ", missing)));
        return gates;
    }

    private static Gate auditGate(IncidentState state, Phase phase) {
        PhaseState phaseState = state.phase(phase.id());
        List<PhaseState.AuditRecord> audits = phaseState.audits();
        PhaseState.AuditRecord last = audits.isEmpty() ? null : audits.get(audits.size() - 1);
        boolean passed = last != null && last.passed();
        String title = phase.audit().title() == null ? "the audit" : "\"" + phase.audit().title() + "\"";
        String says = last == null ? title + " has not been run" : passed ? title + " passed"
                : title + " FAILED (checked by " + last.operator() + ")";
        return new Gate(GateKind.AUDIT, phase.id(), passed, !passed && phaseState.isOverridden(GateKind.AUDIT.word()),
                says);
    }

    /**
     * What stands between a phase and a verified completion: each test item without a pass (a skip or block counts
     * when it has a note) and each success criterion not met.
     */
    public static List<String> unverified(IncidentState state, String phaseId) {
        Phase phase = state.plan().phase(phaseId).orElseThrow(() -> new IllegalArgumentException("no phase " + phaseId));
        List<String> missing = new ArrayList<>();
        for (PlanItems.TestItemRef item : PlanItems.testItemsOf(state.plan(), phaseId)) {
            Optional<TestResult> result = state.testsOf(phaseId).stream()
                    .filter(r -> r.key().suiteId().equals(item.suiteId()) && r.key().testId().equals(item.testId()))
                    .findFirst().map(TestRecord::latest);
            if (result.isEmpty()) {
                missing.add("test not run: " + item.text());
            } else if (!counts(result.get())) {
                missing.add("test " + result.get().outcome().name() + ": " + item.text()
                        + (result.get().outcome() == TestOutcome.FAIL ? "" : " (needs a note saying why)"));
            }
        }
        for (Criterion criterion : phase.successCriteria()) {
            if (criterion.id() != null && !state.tickedCriteria(phaseId).contains(criterion.id())) {
                missing.add("success criterion not met: " + criterion.text());
            }
        }
        return missing;
    }

    private static boolean counts(TestResult result) {
        return switch (result.outcome()) {
            case PASS -> true;
            case SKIPPED, BLOCKED -> result.note() != null && !result.note().isBlank();
            case FAIL -> false;
        };
    }

    /**
     * The refusal of an event about to be recorded, by the same rules as the actions; empty when it may be
     * recorded. Events that change no phase's status are never refused here.
     */
    public static Optional<Refusal> refusal(IncidentState state, EventPayload payload) {
        if (payload instanceof EventPayload.PhaseStarted p) {
            return check(state, p.phaseId(), Action.START);
        }
        if (payload instanceof EventPayload.PhaseCompleted p) {
            return check(state, p.phaseId(), Action.COMPLETE);
        }
        if (payload instanceof EventPayload.PhaseStatusChanged p) {
            Action action = p.status() == BLOCKED ? Action.BLOCK : p.status() == PhaseStatus.EVAL ? Action.EVAL : null;
            if (action == null) {
                return Optional.of(new Refusal(p.phaseId(), null, null, List.of(), "a phase is set "
                        + p.status().label() + " by its own action, not by a status change"));
            }
            if (p.reason() == null || p.reason().isBlank()) {
                return Optional.of(new Refusal(p.phaseId(), action, null, List.of(),
                        "say why the phase is " + p.status().label() + ": a reason is required"));
            }
            return check(state, p.phaseId(), action);
        }
        if (payload instanceof EventPayload.RollbackStarted p && p.phaseId() != null) {
            return check(state, p.phaseId(), Action.ROLLBACK);
        }
        if (payload instanceof EventPayload.RollbackFinished p && p.phaseId() != null) {
            return check(state, p.phaseId(), Action.ROLLED_BACK);
        }
        if (payload instanceof EventPayload.GuidedStepDone p) {
            return stepRefusal(state, p.phaseId(), p.stepId());
        }
        return Optional.empty();
    }

    /** "COMPLETE (unverified)" for a completion that was not verified; else the status's words. */
    public static String label(IncidentState state, String phaseId) {
        PhaseState phase = state.phase(phaseId);
        return phase.status() == COMPLETE && !phase.verified() ? "COMPLETE (unverified)" : phase.status().label();
    }

    private static String describe(IncidentState state, String phaseId) {
        return label(state, phaseId);
    }

    private static String label(Phase phase) {
        return String.join(", ", phase.issues().stream().map(i -> "#" + i).toList())
                + (phase.issues().isEmpty() ? "" : " ") + phase.label();
    }

    /** The tasks a guided step ticks (the same item, one event); see {@link PlanItems#tasksOf}. */
    public static List<String> tasksOf(Plan plan, String phaseId, String stepId) {
        return plan.phase(phaseId).flatMap(phase -> phase.guidedSteps().stream()
                        .filter(s -> s.id().equals(stepId)).findFirst().map(step -> PlanItems.tasksOf(phase, step)))
                .orElse(List.of());
    }

    /**
     * The guided step that ticking {@code taskId} completes: the step that is this task, once every other task of
     * the step is ticked. Empty when the task is no step or the step stays open.
     */
    public static Optional<String> stepCompletedBy(IncidentState state, String phaseId, String taskId) {
        Phase phase = state.plan().phase(phaseId).orElse(null);
        if (phase == null) {
            return Optional.empty();
        }
        Optional<GuidedStep> step = PlanItems.stepOf(phase, taskId);
        if (step.isEmpty()) {
            return Optional.empty();
        }
        PhaseState phaseState = state.phase(phaseId);
        boolean othersTicked = PlanItems.tasksOf(phase, step.get()).stream()
                .allMatch(t -> t.equals(taskId) || phaseState.isTicked(t));
        return othersTicked ? Optional.of(step.get().id()) : Optional.empty();
    }

    /** The guided step the task is part of (unticking it reopens the step). */
    public static Optional<String> stepOf(Plan plan, String phaseId, String taskId) {
        return plan.phase(phaseId).flatMap(phase -> PlanItems.stepOf(phase, taskId)).map(GuidedStep::id);
    }

    /**
     * The one event that ticks (or unticks) a task from any view: it names the guided step it completes or
     * reopens, so the step and the task stay one item.
     */
    public static EventPayload taskTick(IncidentState state, String phaseId, String taskId, boolean ticked) {
        if (ticked) {
            return new EventPayload.TaskTicked(phaseId, taskId,
                    stepCompletedBy(state, phaseId, taskId).orElse(null));
        }
        return new EventPayload.TaskUnticked(phaseId, taskId, stepOf(state.plan(), phaseId, taskId)
                .filter(step -> state.phase(phaseId).guidedStepsDone().contains(step)).orElse(null));
    }

    /** The one event that does a guided step from any view: it ticks the tasks the step is. */
    public static EventPayload.GuidedStepDone stepDone(Plan plan, String phaseId, String stepId) {
        return new EventPayload.GuidedStepDone(phaseId, stepId, tasksOf(plan, phaseId, stepId));
    }

    /** Whether a guided step is done: recorded as done, or every task it is ticked. */
    public static boolean isStepDone(IncidentState state, String phaseId, GuidedStep step) {
        PhaseState phaseState = state.phase(phaseId);
        if (phaseState.guidedStepsDone().contains(step.id())) {
            return true;
        }
        List<String> tasks = tasksOf(state.plan(), phaseId, step.id());
        return !tasks.isEmpty() && tasks.stream().allMatch(phaseState::isTicked);
    }
}
