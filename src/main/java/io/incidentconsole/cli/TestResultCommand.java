package io.incidentconsole.cli;

import io.incidentconsole.incident.EventPayload;
import io.incidentconsole.incident.TestOutcome;
import io.incidentconsole.plan.PlanItems;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "test", mixinStandardHelpOptions = true,
        description = {"Record a test item's result (a check or a test case, by its id): pass, fail, skip or blocked.",
                "A skip or a block counts towards a phase's verification only with a --note saying why.",
                "Exit 0 recorded; 2 bad value; 1 unreadable incident; 4 a console holds the incident."})
final class TestResultCommand implements Callable<Integer> {

    private final Clock clock;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "INCIDENT_DIR", description = "The incident's folder.")
    Path folder;

    @Parameters(index = "1", paramLabel = "ITEM_ID", description = "The check's or test case's id, e.g. t330-p1.check-1.")
    String itemId;

    @Parameters(index = "2", paramLabel = "RESULT", description = "pass, fail, skip or blocked.")
    String result;

    @Option(names = "--note", paramLabel = "TEXT", description = "What was seen, or why it was skipped or blocked.")
    String note;

    @Mixin
    RecorderOptions recorder = new RecorderOptions();

    TestResultCommand(Clock clock) {
        this.clock = clock;
    }

    static TestOutcome outcome(String word) throws IncidentRecorder.BadValueException {
        return switch (word.strip().toLowerCase(Locale.ROOT)) {
            case "pass", "passed" -> TestOutcome.PASS;
            case "fail", "failed" -> TestOutcome.FAIL;
            case "skip", "skipped" -> TestOutcome.SKIPPED;
            case "blocked", "block" -> TestOutcome.BLOCKED;
            default -> throw new IncidentRecorder.BadValueException("result '" + word
                    + "': use pass, fail, skip or blocked");
        };
    }

    @Override
    public Integer call() {
        return IncidentRecorder.run(folder, recorder.operator(), clock, spec.commandLine().getErr(), incident -> {
            TestOutcome outcome = outcome(result);
            PlanItems.TestItemRef item = PlanItems.testItem(incident.plan(), itemId).orElseThrow(() ->
                    new IncidentRecorder.BadValueException("the plan has no check or test case '" + itemId
                            + "' (see `status DIR --json` for the ids)"));
            incident.record(new EventPayload.TestResultSet(item.suiteId(), item.testId(), null, outcome,
                    note == null || note.isBlank() ? null : note.strip()));
            spec.commandLine().getOut().println(outcome.name() + ": " + item.text());
            if ((outcome == TestOutcome.SKIPPED || outcome == TestOutcome.BLOCKED) && (note == null || note.isBlank())) {
                spec.commandLine().getErr().println("note: without --note this " + outcome.name().toLowerCase(Locale.ROOT)
                        + " does not count towards the phase's verification");
            }
            return ExitCodes.DONE;
        });
    }
}
