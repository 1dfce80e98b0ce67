package io.incidentconsole.team;

import io.incidentconsole.incident.Event;

/**
 * An event as the team database gave it, with its payload's JSON text as stored (null for an event that came
 * another way, from a notification): the local cache copies that text into its line instead of writing the payload
 * again from its record. A console copies every other console's events; under the 50-console load harness writing
 * them again was a third of the consoles' work.
 */
record StoredEvent(Event event, String payloadJson) {

    /** An event without its stored text: the cache writes its payload from the record. */
    static StoredEvent of(Event event) {
        return new StoredEvent(event, null);
    }
}
