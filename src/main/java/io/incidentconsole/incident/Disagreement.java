package io.incidentconsole.incident;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Operators disagree about a test: the latest result counts, and each other operator whose own latest result
 * says something else is listed (oldest first). Every result stays in the history either way.
 */
public record Disagreement(TestResult latest, List<TestResult> dissent) {
    public Disagreement {
        dissent = List.copyOf(dissent);
    }

    /**
     * {@code results} oldest first, as recorded; empty when all operators' latest results agree. A pass the plan
     * declared ({@code done: true}) is nobody's opinion, so it never disputes an operator's result.
     */
    public static Optional<Disagreement> among(List<TestResult> results) {
        if (results.isEmpty()) {
            return Optional.empty();
        }
        TestResult latest = results.get(results.size() - 1);
        Map<String, TestResult> latestByOperator = new LinkedHashMap<>();
        for (TestResult result : results) {
            if (IncidentState.PLAN_OPERATOR.equals(result.operator())) {
                continue;
            }
            latestByOperator.remove(result.operator());
            latestByOperator.put(result.operator(), result);
        }
        List<TestResult> dissent = latestByOperator.values().stream()
                .filter(r -> r.outcome() != latest.outcome())
                .toList();
        return dissent.isEmpty() ? Optional.empty() : Optional.of(new Disagreement(latest, dissent));
    }
}
