package io.incidentconsole.team;

import org.junit.jupiter.api.Test;

import static io.incidentconsole.team.TrailingNotice.DELAY_NANOS;
import static org.assertj.core.api.Assertions.assertThat;

class TrailingNoticeTest {

    private final TrailingNotice notice = new TrailingNotice();

    @Test
    void anUnnotifiedAppendIsDueAfterTheWindowAndTakenOnce() {
        notice.appended(7, false, 1_000);
        assertThat(notice.millisUntilDue(1_000)).isEqualTo(25);
        assertThat(notice.takeDue(1_000 + DELAY_NANOS - 1)).isZero();
        assertThat(notice.takeDue(1_000 + DELAY_NANOS)).isEqualTo(7);
        assertThat(notice.takeDue(1_000 + 2 * DELAY_NANOS)).as("taken").isZero();
        assertThat(notice.millisUntilDue(1_000 + 2 * DELAY_NANOS)).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void aLaterAppendReplacesTheWaitingOneAndANotifiedOneClearsIt() {
        notice.appended(7, false, 0);
        notice.appended(8, false, 10_000_000);
        assertThat(notice.takeDue(DELAY_NANOS)).as("the later one is due later").isZero();
        assertThat(notice.takeDue(10_000_000 + DELAY_NANOS)).isEqualTo(8);

        notice.appended(9, false, 0);
        notice.appended(10, true, 0);
        assertThat(notice.takeAny()).as("the notification of 10 covers 9").isZero();
    }

    @Test
    void anOlderEventSentAgainLeavesTheNewerWaiting() {
        notice.appended(9, false, 0);
        notice.appended(4, false, 0);
        notice.appended(5, true, 0);
        assertThat(notice.takeAny()).isEqualTo(9);
        assertThat(notice.takeAny()).isZero();
    }
}
