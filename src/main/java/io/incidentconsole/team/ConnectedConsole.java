package io.incidentconsole.team;

import java.time.Instant;
import java.util.Objects;

/**
 * A console that has a shared incident open, as the database last heard of it (each console refreshes its row
 * every few seconds; one not heard of for a while is no longer listed).
 *
 * @param consoleId unique per running console (one operator may have two)
 * @param self      whether this is the console asking
 */
public record ConnectedConsole(String consoleId, String operator, String host, Instant joinedAt, Instant lastSeen,
                               boolean self) {

    public ConnectedConsole {
        Objects.requireNonNull(consoleId, "consoleId");
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(joinedAt, "joinedAt");
        Objects.requireNonNull(lastSeen, "lastSeen");
    }
}
