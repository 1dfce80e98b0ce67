package io.incidentconsole.team;

import java.time.Duration;

/**
 * How often a team journal looks at its database: the longest wait for a notification before looking anyway
 * (the safety net for a lost NOTIFY), how often this console says it is still there, how long a console may stay
 * silent before it is no longer listed, the reconnect back-off, and how long an append may wait for the database
 * before its event is queued instead ({@code appendTimeout}: an operator's tick must not hang on a silent
 * network for the socket timeout; a late answer costs nothing, the queued event is sent again by its id).
 */
public record TeamTiming(Duration poll, Duration heartbeat, Duration presenceTimeout, Duration backoffMin,
                         Duration backoffMax, int connectTimeoutSeconds, int socketTimeoutSeconds,
                         Duration appendTimeout) {

    public static final TeamTiming DEFAULT = new TeamTiming(Duration.ofSeconds(2), Duration.ofSeconds(5),
            Duration.ofSeconds(15), Duration.ofSeconds(1), Duration.ofSeconds(10), 5, 15, Duration.ofSeconds(3));
}
