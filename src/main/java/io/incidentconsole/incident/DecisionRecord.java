package io.incidentconsole.incident;

import java.time.Instant;
import java.util.List;

/** A decision tree walked to an outcome: the answers given, in order. */
public record DecisionRecord(String treeId, List<EventPayload.Answer> answers, String outcomeId, String operator,
                             Instant at) {
    public DecisionRecord {
        answers = List.copyOf(answers);
    }
}
