package io.incidentconsole.testing;

import io.incidentconsole.incident.Disagreement;
import io.incidentconsole.incident.TestResult;
import io.incidentconsole.incident.TestOutcome;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A test item as it stands in one scope (a phase, or {@code phaseId} null for the whole plan): the outcome that
 * counts (null: not run), the latest result, every earlier result (re-runs keep them) and the ticked steps.
 * {@code coverage} says, for the whole-plan scope of a suite covering several phases, how many of them have a
 * result ("2 of 3 phases run"); it is empty otherwise.
 */
public record TestRow(TestItem item, String phaseId, TestOutcome outcome, TestResult latest,
                      List<HistoryEntry> history, Set<Integer> tickedSteps, String coverage) {

    public TestRow {
        history = history instanceof RecordsHistory ? history : List.copyOf(history);
        tickedSteps = Set.copyOf(tickedSteps);
    }

    /** One recorded result; {@code phaseId} null: it was recorded for every phase of the suite. */
    public record HistoryEntry(String phaseId, TestResult result) {
    }

    public boolean notRun() {
        return outcome == null;
    }

    public boolean failed() {
        return outcome == TestOutcome.FAIL;
    }

    public Optional<TestResult> latestResult() {
        return Optional.ofNullable(latest);
    }

    /**
     * Whether operators disagree about this item: the latest result counts, and those whose own latest result says
     * otherwise are listed. For the whole plan, the results of the phase the latest result belongs to are compared.
     */
    public Optional<Disagreement> disagreement() {
        if (history.isEmpty()) {
            return Optional.empty();
        }
        String lastPhase = history.get(history.size() - 1).phaseId();
        if (history instanceof RecordsHistory records) {
            return records.disagreement(phaseId == null, lastPhase);
        }
        return Disagreement.among(history.stream()
                .filter(entry -> phaseId != null || Objects.equals(entry.phaseId(), lastPhase))
                .map(HistoryEntry::result)
                .toList());
    }

    /** The note of the latest result, or "". */
    public String note() {
        return latest == null || latest.note() == null ? "" : latest.note();
    }

    /** Identifies the row within its scope across refreshes. */
    public String key() {
        return item.suiteId() + "/" + item.id();
    }
}
