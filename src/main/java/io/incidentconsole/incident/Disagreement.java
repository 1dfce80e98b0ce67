package io.incidentconsole.incident;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
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
        // Newest first, each operator's first result is their latest. A test re-run thousands of times is mostly one
        // operator after another's same name, which the previous name answers without hashing (issue #22).
        Map<String, TestResult> latestByOperator = new HashMap<>();
        List<TestResult> latestFirst = new ArrayList<>();
        String previous = null;
        for (int i = results.size() - 1; i >= 0; i--) {
            TestResult result = results.get(i);
            String operator = result.operator();
            if (operator.equals(previous) || IncidentState.PLAN_OPERATOR.equals(operator)) {
                continue;
            }
            previous = operator;
            if (latestByOperator.putIfAbsent(operator, result) == null) {
                latestFirst.add(result);
            }
        }
        Collections.reverse(latestFirst); // oldest first, as listed
        List<TestResult> dissent = latestFirst.stream()
                .filter(r -> r.outcome() != latest.outcome())
                .toList();
        return dissent.isEmpty() ? Optional.empty() : Optional.of(new Disagreement(latest, dissent));
    }
}
