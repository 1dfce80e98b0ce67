package io.incidentconsole.incident;

import io.incidentconsole.plan.outline.Quantities;
import io.incidentconsole.incident.DrillEvents.DrillScenarioAttached;
import io.incidentconsole.incident.DrillEvents.ScenarioEventPlayed;
import io.incidentconsole.incident.DrillEvents.DrillClockAdvanced;
import io.incidentconsole.incident.DrillEvents.DrillRunModeChosen;
import io.incidentconsole.incident.EventPayload.AlertAcknowledged;
import io.incidentconsole.incident.EventPayload.AlertCleared;
import io.incidentconsole.incident.EventPayload.AlertFired;
import io.incidentconsole.incident.EventPayload.Answer;
import io.incidentconsole.incident.EventPayload.AuditChecked;
import io.incidentconsole.incident.EventPayload.CommandCopied;
import io.incidentconsole.incident.EventPayload.CommandGenerated;
import io.incidentconsole.incident.EventPayload.CriterionTicked;
import io.incidentconsole.incident.EventPayload.DecisionTaken;
import io.incidentconsole.incident.EventPayload.GateOverridden;
import io.incidentconsole.incident.EventPayload.GuidedStepDone;
import io.incidentconsole.incident.EventPayload.HandoffShared;
import io.incidentconsole.incident.EventPayload.IncidentStarted;
import io.incidentconsole.incident.EventPayload.IncidentTakenOver;
import io.incidentconsole.incident.EventPayload.JournalContinued;
import io.incidentconsole.incident.EventPayload.NoteAdded;
import io.incidentconsole.incident.EventPayload.ParameterEntered;
import io.incidentconsole.incident.EventPayload.PhaseCompleted;
import io.incidentconsole.incident.EventPayload.PhaseStarted;
import io.incidentconsole.incident.EventPayload.PhaseStatusChanged;
import io.incidentconsole.incident.EventPayload.RollbackFinished;
import io.incidentconsole.incident.EventPayload.RollbackStarted;
import io.incidentconsole.incident.EventPayload.ScriptRun;
import io.incidentconsole.incident.EventPayload.SignOffGiven;
import io.incidentconsole.incident.EventPayload.StepFinished;
import io.incidentconsole.incident.EventPayload.StepOutcomeDecided;
import io.incidentconsole.incident.EventPayload.StepRunAborted;
import io.incidentconsole.incident.EventPayload.StepSkipped;
import io.incidentconsole.incident.EventPayload.StepStarted;
import io.incidentconsole.incident.EventPayload.TaskTicked;
import io.incidentconsole.incident.EventPayload.TaskUnticked;
import io.incidentconsole.incident.EventPayload.TestResultSet;
import io.incidentconsole.incident.EventPayload.TestStepTicked;
import io.incidentconsole.incident.EventPayload.Undo;
import io.incidentconsole.incident.EventPayload.Unrecognized;
import io.incidentconsole.incident.EventPayload.UpdatePublished;
import io.incidentconsole.incident.EventPayload.WaitCutShort;
import io.incidentconsole.incident.EventPayload.WaitStarted;
import io.incidentconsole.plan.CheckItem;
import io.incidentconsole.plan.DecisionTree;
import io.incidentconsole.plan.Phase;
import io.incidentconsole.plan.Plan;
import io.incidentconsole.plan.Procedure;
import io.incidentconsole.plan.ProcedureStep;
import io.incidentconsole.plan.QuantityFormat;
import io.incidentconsole.plan.Runbook;
import io.incidentconsole.plan.Task;
import io.incidentconsole.plan.TestCase;
import io.incidentconsole.plan.TestSuite;

import java.time.Duration;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Says in words what an event did, naming plan items by their text rather than their ids, and finds the phases
 * an event concerns (directly, or through its test suite, decision tree or rollback procedure).
 */
public final class EventDescriber {

    private final Plan plan;
    private final Map<String, Event> byId;
    private final EventCodec codec = new EventCodec();
    /** Which firing of its alert each AlertFired payload of the incident is (1 for the first), by identity. */
    private final Map<AlertFired, Integer> firings = new IdentityHashMap<>();

    public EventDescriber(Plan plan, List<Event> events) {
        this.plan = plan;
        this.byId = events.stream().collect(Collectors.toMap(Event::id, Function.identity(), (a, b) -> a));
        Map<String, Integer> count = new HashMap<>();
        for (Event event : events) {
            if (event.payload() instanceof AlertFired fired) {
                firings.put(fired, count.merge(fired.alertId(), 1, Integer::sum));
            }
        }
    }

    /**
     * A measured value for people: "5.69", "912K" (not 5.687080459770114). The one place the timeline and the
     * status command format a quantity, so that the project's quantity formatter can take it over.
     */
    public static String quantity(Double value) {
        return QuantityFormat.compact(value);
    }

    private static String ordinal(int n) {
        String suffix = n % 100 >= 11 && n % 100 <= 13 ? "th"
                : switch (n % 10) {
                    case 1 -> "st";
                    case 2 -> "nd";
                    case 3 -> "rd";
                    default -> "th";
                };
        return n + suffix;
    }

    /** The phases an event is about (empty for incident-wide events). */
    public Set<String> phasesOf(EventPayload payload) {
        Set<String> phases = new LinkedHashSet<>();
        if (payload.phaseId() != null) {
            phases.add(payload.phaseId());
        } else if (payload instanceof TestResultSet p) {
            suite(p.suiteId()).ifPresent(s -> phases.addAll(s.phases()));
        } else if (payload instanceof TestStepTicked p) {
            suite(p.suiteId()).ifPresent(s -> phases.addAll(s.phases()));
        } else if (payload instanceof DecisionTaken p) {
            tree(p.treeId()).map(DecisionTree::phase).ifPresent(phases::add);
        } else if (payload instanceof RollbackStarted p) {
            procedure(p.runbookId(), p.procedureId()).ifPresent(pr -> phases.addAll(pr.phases()));
            if (p.phaseId() != null) {
                phases.add(p.phaseId());
            }
        } else if (payload instanceof RollbackFinished p) {
            procedure(p.runbookId(), p.procedureId()).ifPresent(pr -> phases.addAll(pr.phases()));
            if (p.phaseId() != null) {
                phases.add(p.phaseId());
            }
        } else if (payload instanceof StepStarted p) {
            procedure(p.runbookId(), p.procedureId()).ifPresent(pr -> phases.addAll(pr.phases()));
        } else if (payload instanceof StepRunAborted p) {
            procedure(p.runbookId(), p.procedureId()).ifPresent(pr -> phases.addAll(pr.phases()));
        } else if (payload instanceof CriterionTicked p) {
            if (plan.phase(p.ownerId()).isPresent()) {
                phases.add(p.ownerId());
            } else {
                plan.runbook(p.ownerId()).ifPresent(r -> r.procedures().forEach(pr -> phases.addAll(pr.phases())));
            }
        } else if (payload instanceof Undo p && byId.containsKey(p.eventId())) {
            EventPayload target = byId.get(p.eventId()).payload();
            if (!(target instanceof Undo)) {
                phases.addAll(phasesOf(target));
            }
        }
        return phases;
    }

    /** One line, e.g. "Ticked task “Run the migration” (2: Migrate)". */
    public String describe(EventPayload payload) {
        if (payload instanceof IncidentStarted p) {
            return "Started the incident from plan “" + p.planTitle() + "”";
        } else if (payload instanceof PhaseStarted p) {
            return "Started phase " + phase(p.phaseId());
        } else if (payload instanceof PhaseCompleted p) {
            return "Completed phase " + phase(p.phaseId()) + (p.confirmedOpenItems().isEmpty() ? ""
                    : " with open items confirmed: " + String.join("; ", p.confirmedOpenItems()));
        } else if (payload instanceof PhaseStatusChanged p) {
            return "Set phase " + phase(p.phaseId()) + " to " + p.status().label() + reason(p.reason());
        } else if (payload instanceof GateOverridden p) {
            return "Overrode the " + p.gate() + " gate of phase " + phase(p.phaseId()) + reason(p.reason());
        } else if (payload instanceof TaskTicked p) {
            return "Ticked task " + task(p.phaseId(), p.taskId()) + " (" + phase(p.phaseId()) + ")"
                    + (p.stepId() == null ? "" : " — also guided step " + step(p.phaseId(), p.stepId()));
        } else if (payload instanceof TaskUnticked p) {
            return "Unticked task " + task(p.phaseId(), p.taskId()) + " (" + phase(p.phaseId()) + ")";
        } else if (payload instanceof TestResultSet p) {
            return "Test " + test(p.suiteId(), p.testId()) + ": " + p.outcome()
                    + (p.phaseId() == null ? "" : " for phase " + phase(p.phaseId()))
                    + (blank(p.note()) ? "" : " — " + p.note());
        } else if (payload instanceof TestStepTicked p) {
            return (p.ticked() ? "Ticked" : "Unticked") + " step " + p.step() + " of test " + test(p.suiteId(), p.caseId());
        } else if (payload instanceof GuidedStepDone p) {
            return "Done: step " + step(p.phaseId(), p.stepId()) + " of phase " + phase(p.phaseId())
                    + (p.taskIds().isEmpty() ? "" : " — ticks its task" + (p.taskIds().size() == 1 ? "" : "s") + " "
                    + p.taskIds().stream().map(t -> task(p.phaseId(), t)).collect(Collectors.joining(", ")));
        } else if (payload instanceof WaitStarted p) {
            return "Started waiting " + p.duration().toString().substring(2).toLowerCase() + " at step "
                    + step(p.phaseId(), p.stepId());
        } else if (payload instanceof WaitCutShort p) {
            return "Cut short the wait at step " + step(p.phaseId(), p.stepId()) + reason(p.reason());
        } else if (payload instanceof AuditChecked p) {
            long failed = p.fields().stream().filter(f -> !f.passed()).count();
            return "Audit of phase " + phase(p.phaseId()) + (p.passed() ? " passed" : " FAILED")
                    + (failed > 0 ? " (" + failed + " field(s) off: " + p.fields().stream().filter(f -> !f.passed())
                    .map(f -> f.field() + "=" + f.actual() + ", expected " + f.expected())
                    .collect(Collectors.joining("; ")) + ")" : "");
        } else if (payload instanceof ParameterEntered p) {
            return "Entered " + p.name() + " = " + p.value() + (blank(p.sourceStep()) ? "" : " at " + p.sourceStep());
        } else if (payload instanceof CommandGenerated p) {
            return "Generated the command of " + p.source() + " (sha256 " + shortHash(p.scriptSha256()) + ")";
        } else if (payload instanceof CommandCopied p) {
            return "Copied the command of " + p.source() + " (sha256 " + shortHash(p.scriptSha256()) + ")";
        } else if (payload instanceof ScriptRun p) {
            return (p.wasStubbed() ? "Drill: ran through the stubs the command of " : "Ran the command of ") + p.source() + " (sha256 " + shortHash(p.scriptSha256()) + "): exit code "
                    + p.exitCode();
        } else if (payload instanceof DecisionTaken p) {
            return "Decided “" + tree(p.treeId()).map(DecisionTree::title).orElse(p.treeId()) + "”: "
                    + p.answers().stream().map(Answer::label).collect(Collectors.joining(" → "))
                    + (p.outcomeId() == null ? "" : " → " + outcome(p.treeId(), p.outcomeId()));
        } else if (payload instanceof CriterionTicked p) {
            return plan.phase(p.ownerId()).isPresent()
                    ? (p.ticked() ? "Confirmed" : "Unconfirmed") + " success criterion " + successCriterion(p.ownerId(),
                    p.criterionId())
                    : (p.ticked() ? "Ticked" : "Unticked") + " rollback criterion " + criterion(p.ownerId(), p.criterionId());
        } else if (payload instanceof RollbackStarted p) {
            return "Started rollback " + rollback(p.runbookId(), p.procedureId())
                    + (p.phaseId() == null ? "" : " of phase " + phase(p.phaseId())) + reason(p.reason());
        } else if (payload instanceof RollbackFinished p) {
            return "Finished rollback " + rollback(p.runbookId(), p.procedureId())
                    + (p.succeeded() ? ": succeeded" : ": FAILED") + (blank(p.note()) ? "" : " — " + p.note());
        } else if (payload instanceof StepStarted p) {
            return (p.wasStubbed() ? "Drill: started through the stubs step " : "Started step ") + p.number() + (blank(p.title()) ? "" : " “" + p.title() + "”") + " of "
                    + p.procedureId() + (p.attempt() > 1 ? " (attempt " + p.attempt() + ")" : "")
                    + (blank(p.command()) ? "" : ": " + p.command());
        } else if (payload instanceof StepFinished p) {
            return "Step " + procedureStep(p.procedureId(), p.stepId()) + " of " + p.procedureId() + (p.timedOut() ? " timed out"
                    : p.cancelled() ? " was cancelled" : p.exitCode() == 0 ? " succeeded" : " FAILED")
                    + ": exit code " + p.exitCode() + (p.duration() == null ? "" : " after " + seconds(p.duration()));
        } else if (payload instanceof StepSkipped p) {
            return "Skipped step " + procedureStep(p.procedureId(), p.stepId()) + " of " + p.procedureId() + ": " + p.reason();
        } else if (payload instanceof StepOutcomeDecided p) {
            return "Decided step " + procedureStep(p.procedureId(), p.stepId()) + " of " + p.procedureId() + " " + switch (p.decision()) {
                case RAN -> "ran";
                case DID_NOT_RUN -> "did not run";
                case RETRY -> "is to be run again";
            } + (blank(p.note()) ? "" : " — " + p.note());
        } else if (payload instanceof StepRunAborted p) {
            return "Aborted the step-by-step run of " + p.procedureId() + reason(p.reason());
        } else if (payload instanceof HandoffShared p) {
            return ("saved".equals(p.action()) ? "Saved the handoff summary" + (blank(p.file()) ? "" : " as " + p.file())
                    : "Copied the handoff summary") + (blank(p.watchOut()) ? "" : " — watch out: " + p.watchOut());
        } else if (payload instanceof DrillScenarioAttached p) {
            return "Drill scenario " + p.name() + (blank(p.title()) ? "" : " “" + p.title() + "”");
        } else if (payload instanceof ScenarioEventPlayed p) {
            return "Drill scenario event #" + p.number() + ": " + p.description();
        } else if (payload instanceof DrillClockAdvanced p) {
            return "Drill clock fast-forwarded " + Quantities.duration(p.by()) + " (fast-forwarded in drill)"
                    + reason(p.reason());
        } else if (payload instanceof DrillRunModeChosen p) {
            return p.real() ? "Chose to run commands for real in this drill" + reason(p.reason())
                    : "Runs in this drill go through the stubs again" + reason(p.reason());
        } else if (payload instanceof IncidentTakenOver p) {
            return p.toOperator() + " took the incident over" + (blank(p.fromOperator()) ? "" : " from "
                    + p.fromOperator()) + (blank(p.note()) ? "" : " — " + p.note());
        } else if (payload instanceof AlertFired p) {
            int firing = firings.getOrDefault(p, 1);
            return "Alert " + p.alertId() + " fired" + (firing > 1 ? " again (" + ordinal(firing) + " time)" : "")
                    + (p.value() == null ? "" : " (" + p.metricId() + " = " + quantity(p.value()) + ")")
                    + (blank(p.message()) ? "" : ": " + p.message());
        } else if (payload instanceof AlertCleared p) {
            return "Alert " + p.alertId() + " cleared" + (p.value() == null ? "" : " (" + p.metricId() + " = "
                    + quantity(p.value()) + ")") + (blank(p.message()) ? "" : ": " + p.message());
        } else if (payload instanceof AlertAcknowledged p) {
            return "Acknowledged alert " + p.alertId() + (blank(p.note()) ? "" : " — " + p.note());
        } else if (payload instanceof NoteAdded p) {
            return "Note" + (p.phaseId() == null ? "" : " on " + phase(p.phaseId())) + ": " + p.text();
        } else if (payload instanceof SignOffGiven p) {
            return "Signed off " + approval(p.approvalId()) + (blank(p.role()) ? "" : " as " + p.role())
                    + (blank(p.note()) ? "" : " — " + p.note());
        } else if (payload instanceof UpdatePublished p) {
            return "Published an update" + (blank(p.audience()) ? "" : " to " + p.audience()) + ": " + p.text();
        } else if (payload instanceof Undo p) {
            Event target = byId.get(p.eventId());
            return "Undid " + (target == null ? "event " + p.eventId()
                    : "#" + target.seq() + " (" + describe(target.payload()) + ")");
        } else if (payload instanceof JournalContinued p) {
            return "Journal continued from event " + p.afterSeq() + " after " + p.damagedSegment() + " line "
                    + p.damagedLine() + ": " + p.reason();
        } else if (payload instanceof Unrecognized p) {
            return "Event of unknown kind “" + p.kind() + "” (" + p.problem() + "): "
                    + (p.fields() == null ? "{}" : codec.toJson(p.fields()));
        }
        return payload.toString();
    }

    /** "2 “Read the release notes back”" as the step-by-step view numbers it (alternatives not counted), else the id. */
    private String procedureStep(String procedureId, String stepId) {
        for (Runbook runbook : plan.runbooks()) {
            for (Procedure procedure : runbook.procedures()) {
                if (!procedure.id().equals(procedureId)) {
                    continue;
                }
                int number = 0;
                for (int i = 0; i < procedure.steps().size(); i++) {
                    ProcedureStep candidate = procedure.steps().get(i);
                    if (candidate.alternative()) {
                        continue;
                    }
                    number++;
                    String id = candidate.id() != null ? candidate.id() : procedureId + ".step-" + (i + 1);
                    if (id.equals(stepId)) {
                        return number + (blank(candidate.title()) ? "" : " “" + candidate.title() + "”");
                    }
                }
            }
        }
        return stepId;
    }

    private static String seconds(Duration duration) {
        long millis = duration.toMillis();
        return millis < 10_000 ? String.format(Locale.ROOT, "%.1f s", millis / 1000.0)
                : duration.toSeconds() + " s";
    }

    private static String reason(String reason) {
        return blank(reason) ? "" : ": " + reason;
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static String shortHash(String sha) {
        return sha.length() > 12 ? sha.substring(0, 12) : sha;
    }

    private String phase(String id) {
        return plan.phase(id).map(Phase::label).orElse(id);
    }

    private String task(String phaseId, String taskId) {
        return plan.phase(phaseId).flatMap(p -> p.tasks().stream().filter(t -> taskId.equals(t.id())).findFirst())
                .map(Task::text).map(t -> "“" + t + "”").orElse(taskId);
    }

    private String step(String phaseId, String stepId) {
        return plan.phase(phaseId).flatMap(p -> p.guidedSteps().stream().filter(s -> stepId.equals(s.id())).findFirst())
                .map(s -> "“" + s.title() + "”").orElse(stepId);
    }

    private Optional<TestSuite> suite(String id) {
        return plan.testSuites().stream().filter(s -> s.id().equals(id)).findFirst();
    }

    private String test(String suiteId, String testId) {
        Optional<TestSuite> suite = suite(suiteId);
        Optional<String> name = suite.flatMap(s -> s.checks().stream().filter(c -> testId.equals(c.id()))
                        .map(CheckItem::text).findFirst())
                .or(() -> suite.flatMap(s -> s.cases().stream().filter(c -> testId.equals(c.id()))
                        .map(TestCase::name).findFirst()));
        return name.map(n -> "“" + n + "”").orElse(testId);
    }

    private Optional<DecisionTree> tree(String id) {
        return plan.decisions().stream().filter(d -> d.id().equals(id)).findFirst();
    }

    private String outcome(String treeId, String outcomeId) {
        return tree(treeId).flatMap(t -> t.outcome(outcomeId)).map(DecisionTree.Outcome::title).orElse(outcomeId);
    }

    private Optional<Procedure> procedure(String runbookId, String procedureId) {
        return plan.runbook(runbookId).flatMap(r -> r.procedures().stream()
                .filter(p -> p.id().equals(procedureId)).findFirst());
    }

    private String rollback(String runbookId, String procedureId) {
        String runbook = plan.runbook(runbookId).map(Runbook::title).orElse(runbookId);
        return "“" + runbook + "”" + procedure(runbookId, procedureId)
                .map(p -> " / " + (p.title() == null ? p.id() : p.title())).orElse(
                        procedureId == null ? "" : " / " + procedureId);
    }

    private String criterion(String runbookId, String criterionId) {
        return plan.runbook(runbookId).flatMap(r -> r.criteria().stream()
                        .filter(c -> criterionId.equals(c.id())).findFirst())
                .map(c -> "“" + c.text() + "”").orElse(criterionId);
    }

    private String successCriterion(String phaseId, String criterionId) {
        return plan.phase(phaseId).flatMap(ph -> ph.successCriteria().stream()
                        .filter(c -> criterionId.equals(c.id())).findFirst())
                .map(c -> "“" + c.text() + "”").orElse(criterionId);
    }

    private String approval(String id) {
        return plan.signOff().approvals().stream().filter(a -> id.equals(a.id())).findFirst()
                .map(a -> "“" + a.title() + "”").orElse(id);
    }
}
