package io.incidentconsole.incident;

import java.util.List;
import java.util.Optional;

/** The results of one test, oldest first; the latest counts. */
public record TestRecord(TestKey key, List<TestResult> history) {
    public TestRecord {
        history = List.copyOf(history);
    }

    public TestResult latest() {
        return history.get(history.size() - 1);
    }

    /** When operators' latest results differ (e.g. ana PASS, then bob FAIL): who said what. */
    public Optional<Disagreement> disagreement() {
        return Disagreement.among(history);
    }
}
