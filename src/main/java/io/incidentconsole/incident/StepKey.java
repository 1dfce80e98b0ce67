package io.incidentconsole.incident;

/** A test case of a suite, whose steps are ticked one by one. */
record StepKey(String suiteId, String caseId) {
}
