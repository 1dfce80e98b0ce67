package io.incidentconsole.incident;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The completion of a phase that counts: the first one recorded while the phase was not complete. */
public record Completion(String phaseId, String operator, Instant at, String eventId) {

    private static final DateTimeFormatter CLOCK_TIME =
            DateTimeFormatter.ofPattern("HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    /** "by ana at 10:02 UTC", for the messages that say why a phase cannot be completed again. */
    String byWhomAndWhen() {
        return "by " + operator + " at " + CLOCK_TIME.format(at);
    }
}
