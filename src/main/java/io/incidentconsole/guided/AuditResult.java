package io.incidentconsole.guided;

import io.incidentconsole.incident.EventPayload.FieldVerdict;

import java.util.List;
import java.util.Optional;

/**
 * The verdict on an audit's pasted output: each expected field with what was found, or, when the output is not
 * a JSON object, why not and where ({@code problem}; then there are no field verdicts and it did not pass).
 */
public record AuditResult(String outputSha256, List<FieldCheck> fields, String problem) {

    public AuditResult {
        fields = List.copyOf(fields);
    }

    /** One expected field. {@code actual} is the JSON found there, or null when the field is missing. */
    public record FieldCheck(String field, String expected, String actual, boolean passed) {
        public boolean missing() {
            return actual == null;
        }

        /** "safeToRemoveUserIdFallback: expected true, got false". */
        public String describe() {
            return field + ": expected " + expected + ", " + (missing() ? "the field is missing" : "got " + actual);
        }
    }

    /** The output could be read as a JSON object (it may still fail on values). */
    public boolean parsed() {
        return problem == null;
    }

    public boolean passed() {
        return parsed() && fields.stream().allMatch(FieldCheck::passed);
    }

    public Optional<String> problemMessage() {
        return Optional.ofNullable(problem);
    }

    public List<FieldCheck> failures() {
        return fields.stream().filter(f -> !f.passed()).toList();
    }

    /** The verdicts as the journal records them; a missing field's actual value is recorded as "(missing)". */
    public List<FieldVerdict> verdicts() {
        return fields.stream()
                .map(f -> new FieldVerdict(f.field(), f.expected(), f.missing() ? "(missing)" : f.actual(), f.passed()))
                .toList();
    }

    /** One line for the operator: passed, which fields failed, or why the output could not be read. */
    public String summary() {
        if (!parsed()) {
            return problem;
        }
        if (passed()) {
            return "PASS: all " + fields.size() + " expected fields hold";
        }
        List<FieldCheck> failed = failures();
        return "FAIL: " + failed.size() + " of " + fields.size() + " fields do not hold — "
                + String.join("; ", failed.stream().map(FieldCheck::describe).toList());
    }
}
