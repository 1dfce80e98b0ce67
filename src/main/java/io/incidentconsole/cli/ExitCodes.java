package io.incidentconsole.cli;

/** The exit codes of the recording verbs (phase, step, test, signoff, answer, note, criterion, tests --import-junit). */
final class ExitCodes {

    static final int DONE = 0;
    /** The folder is not a readable incident (no incident.json, a changed plan copy, a damaged journal). */
    static final int UNREADABLE = 1;
    /** Bad usage or a bad value (picocli's own usage errors exit 2 as well). */
    static final int BAD_VALUE = 2;
    /** A lifecycle gate (or the phase's status) refused the action; nothing was recorded. */
    static final int REFUSED = 3;
    /** A console holds the incident; nothing was recorded. */
    static final int HELD = 4;

    private ExitCodes() {
    }
}
