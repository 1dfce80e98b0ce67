package io.incidentconsole.guided;

import io.incidentconsole.incident.PhaseState;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class WaitClockTest {

    private static final Instant START = Instant.parse("2026-11-27T09:00:00Z");

    private static WaitClock at(Instant now) {
        return new WaitClock(Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void aWaitNotStartedHasNoEnd() {
        WaitClock.Status status = at(START).status(null);

        assertThat(status.state()).isEqualTo(WaitClock.State.NOT_STARTED);
        assertThat(status.endsAt()).isNull();
        assertThat(status.over()).isFalse();
    }

    @Test
    void remainingTimeIsComputedFromWhenTheWaitStarted() {
        PhaseState.Wait wait = new PhaseState.Wait("s", START, Duration.ofHours(24), null, null);

        WaitClock.Status status = at(START.plusSeconds(3).plusMillis(400)).status(wait);

        assertThat(status.state()).isEqualTo(WaitClock.State.WAITING);
        assertThat(status.remaining()).isEqualTo(Duration.ofHours(24).minusMillis(3400));
        assertThat(WaitClock.format(status.remaining())).isEqualTo("23:59:56");
        assertThat(status.endsAt()).isEqualTo(START.plus(Duration.ofHours(24)));
    }

    @Test
    void theWaitIsOverWhenItsTimeHasPassed() {
        PhaseState.Wait wait = new PhaseState.Wait("s", START, Duration.ofHours(24), null, null);

        assertThat(at(START.plus(Duration.ofHours(24))).status(wait).state()).isEqualTo(WaitClock.State.ELAPSED);
        assertThat(at(START.plus(Duration.ofDays(3))).status(wait).remaining()).isZero();
        assertThat(at(START.plus(Duration.ofHours(24)).minusMillis(1)).status(wait).over()).isFalse();
    }

    @Test
    void aWaitCutShortIsOverWithItsReason() {
        PhaseState.Wait wait = new PhaseState.Wait("s", START, Duration.ofHours(24), START.plusSeconds(60),
                "Metrics flat for 6h; CTO approved");

        WaitClock.Status status = at(START.plusSeconds(120)).status(wait);

        assertThat(status.state()).isEqualTo(WaitClock.State.CUT_SHORT);
        assertThat(status.over()).isTrue();
        assertThat(status.cutShortReason()).isEqualTo("Metrics flat for 6h; CTO approved");
        assertThat(status.endsAt()).isEqualTo(START.plusSeconds(60));
    }

    @Test
    void formatShowsHoursPastADay() {
        assertThat(WaitClock.format(Duration.ofHours(48).minusSeconds(1))).isEqualTo("47:59:59");
        assertThat(WaitClock.format(Duration.ofMillis(999))).isEqualTo("00:00:00");
        assertThat(WaitClock.format(Duration.ofSeconds(-5))).isEqualTo("00:00:00");
    }
}
