package io.incidentconsole.team;

import java.time.Duration;

/**
 * How often a team journal looks at its database: the longest wait for a notification before looking anyway
 * (the safety net for a lost NOTIFY), how often this console says it is still there, how long a console may stay
 * silent before it is no longer listed, and the reconnect back-off.
 */
public record TeamTiming(Duration poll, Duration heartbeat, Duration presenceTimeout, Duration backoffMin,
                         Duration backoffMax, int connectTimeoutSeconds, int socketTimeoutSeconds) {

    public static final TeamTiming DEFAULT = new TeamTiming(Duration.ofSeconds(2), Duration.ofSeconds(5),
            Duration.ofSeconds(15), Duration.ofSeconds(1), Duration.ofSeconds(10), 5, 15);
}
