package io.incidentconsole.incident;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Who disputes a test's latest result, however the results of several operators (and the plan's) interleave. */
class DisagreementPropertiesTest {

    record Said(int operator, TestOutcome outcome) {
    }

    @Provide
    Arbitrary<Said> said() {
        return Combinators.combine(Arbitraries.integers().between(0, 3), Arbitraries.of(TestOutcome.class))
                .as(Said::new);
    }

    @Property(tries = 500)
    void theDissentIsEachOtherOperatorsLatestThatDiffersOldestFirst(@ForAll @Size(max = 40) List<@From("said") Said> said) {
        List<TestResult> results = new ArrayList<>();
        for (Said s : said) {
            String operator = s.operator() == 0 ? IncidentState.PLAN_OPERATOR : "op" + s.operator();
            results.add(new TestResult(s.outcome(), null, operator, Instant.EPOCH.plusSeconds(results.size()),
                    results.size() + 1));
        }
        assertThat(Disagreement.among(results)).isEqualTo(reference(results));
    }

    /** The rule as first written: each operator's latest, kept in the order of those latest results. */
    private static Optional<Disagreement> reference(List<TestResult> results) {
        if (results.isEmpty()) {
            return Optional.empty();
        }
        TestResult latest = results.get(results.size() - 1);
        Map<String, TestResult> latestByOperator = new LinkedHashMap<>();
        for (TestResult result : results) {
            if (!IncidentState.PLAN_OPERATOR.equals(result.operator())) {
                latestByOperator.remove(result.operator());
                latestByOperator.put(result.operator(), result);
            }
        }
        List<TestResult> dissent = latestByOperator.values().stream()
                .filter(r -> r.outcome() != latest.outcome()).toList();
        return dissent.isEmpty() ? Optional.empty() : Optional.of(new Disagreement(latest, dissent));
    }
}
