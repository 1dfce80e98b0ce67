package io.incidentconsole.cli;

import io.incidentconsole.guided.DecisionWalk;
import io.incidentconsole.incident.EventPayload;
import io.incidentconsole.plan.DecisionTree;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "answer", mixinStandardHelpOptions = true,
        description = {"Take one of the plan's decisions: N is the number (from 1) of the answer to each question in "
                + "turn, until an outcome is reached; the decision is recorded with its path of answers.",
                "An outcome that blocks a phase keeps that phase from starting (its decision gate).",
                "Exit 0 recorded; 2 bad value (the message lists the question and its answers); 1 unreadable "
                        + "incident; 4 a console holds the incident."})
final class AnswerCommand implements Callable<Integer> {

    private final Clock clock;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "INCIDENT_DIR", description = "The incident's folder.")
    Path folder;

    @Parameters(index = "1", paramLabel = "DECISION_ID", description = "The decision's id, e.g. schema-cleanup.")
    String decisionId;

    @Parameters(index = "2..*", arity = "1..*", paramLabel = "N", description = "The answers, each counting from 1.")
    List<Integer> answers = new ArrayList<>();

    @Mixin
    RecorderOptions recorder = new RecorderOptions();

    AnswerCommand(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Integer call() {
        return IncidentRecorder.run(folder, recorder.operator(), clock, spec.commandLine().getErr(), incident -> {
            DecisionTree tree = incident.plan().decisions().stream().filter(d -> d.id().equals(decisionId))
                    .findFirst().orElseThrow(() -> new IncidentRecorder.BadValueException("the plan has no decision '"
                            + decisionId + "'"));
            DecisionWalk walk = DecisionWalk.start(tree);
            for (int answer : answers) {
                if (walk.finished()) {
                    throw new IncidentRecorder.BadValueException("the decision reached an outcome before answer "
                            + answer + "; give fewer answers");
                }
                try {
                    walk = walk.answer(answer - 1);
                } catch (IllegalArgumentException e) {
                    throw new IncidentRecorder.BadValueException(e.getMessage() + question(walk));
                }
            }
            if (walk.problem().isPresent()) {
                throw new IncidentRecorder.BadValueException(walk.problem().get());
            }
            if (walk.outcome().isEmpty()) {
                throw new IncidentRecorder.BadValueException("the answers do not reach an outcome yet;" + question(walk));
            }
            DecisionTree.Outcome outcome = walk.outcome().get();
            incident.record(new EventPayload.DecisionTaken(tree.id(), walk.path(), outcome.id()));
            spec.commandLine().getOut().println(tree.title() + ": " + outcome.title());
            return ExitCodes.DONE;
        });
    }

    private static String question(DecisionWalk walk) {
        return walk.current().map(node -> {
            StringBuilder text = new StringBuilder(" next question: " + node.question());
            for (int i = 0; i < node.answers().size(); i++) {
                text.append("\n  ").append(i + 1).append(": ").append(node.answers().get(i).label());
            }
            return text.toString();
        }).orElse("");
    }
}
