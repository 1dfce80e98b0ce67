package io.incidentconsole.team;

import io.incidentconsole.incident.Event;
import io.incidentconsole.incident.EventPayload;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** What the listening worker heard: when it takes events in, and when it must read them back instead. */
class HeardEventsTest {

    private static EventStore.Notified carried(long seq) {
        return new EventStore.Notified(seq, Optional.of(new Event("e" + seq, seq, Instant.parse("2026-11-27T08:00:00Z"),
                "ana", new EventPayload.NoteAdded("backup", "n" + seq))));
    }

    private static EventStore.Notified bare(long seq) {
        return new EventStore.Notified(seq, Optional.empty());
    }

    private static TeamListening.Heard heard(EventStore.Notified... notes) {
        return new TeamListening.Heard(List.of(notes), false);
    }

    @Test
    void carriedEventsAfterWhatIsSyncedWaitInSeqOrderAndNothingIsReadBackMeanwhile() {
        HeardEvents heard = new HeardEvents();
        heard.add(heard(carried(5), carried(3), carried(4), carried(2)), 2);

        assertThat(heard.waiting()).isTrue();
        assertThat(heard.mustReadBack(2)).isFalse();
        assertThat(heard.drain()).extracting(Event::seq).containsExactly(3L, 4L, 5L);
        assertThat(heard.waiting()).isFalse();
        assertThat(heard.mustReadBack(5)).isFalse();
    }

    @Test
    void anEventHeardOfButNotCarriedIsReadBackUntilItIsSynced() {
        HeardEvents heard = new HeardEvents();
        heard.add(heard(bare(7)), 5);

        assertThat(heard.mustReadBack(5)).isTrue();
        assertThat(heard.mustReadBack(6)).as("still missing").isTrue();
        assertThat(heard.mustReadBack(7)).isFalse();
    }

    @Test
    void anUnreadableNotificationIsReadBackOnceNotForever() {
        HeardEvents heard = new HeardEvents();
        heard.add(heard(bare(Long.MAX_VALUE)), 5);

        assertThat(heard.mustReadBack(5)).isTrue();
        assertThat(heard.mustReadBack(5)).isFalse();
    }
}
