package io.incidentconsole.plan;

/** A field of an audit's JSON output (dotted path, e.g. {@code details.orphanedRecordsExist}) and its required value. */
public record FieldExpectation(@Required String field, @Required Object equals) {
}
