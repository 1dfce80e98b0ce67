package io.incidentconsole.incident.storage;

import io.incidentconsole.incident.Incident;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The child process of {@link IncidentStoreTest}: a second console on the same machine. Opens the incident,
 * prints whether it got it writable, and holds it until its stdin closes.
 */
public final class LockHolder {

    private LockHolder() {
    }

    public static void main(String[] args) throws IOException {
        IncidentStore store = new IncidentStore(Path.of(args[0]));
        try (Incident incident = store.open(args[1], args[2])) {
            System.out.println(incident.isReadOnly() ? "READ-ONLY " + incident.readOnlyReason().orElseThrow() : "WRITABLE");
            System.out.flush();
            while (System.in.read() >= 0) {
                // hold the incident open until the parent closes our stdin
            }
        }
    }
}
