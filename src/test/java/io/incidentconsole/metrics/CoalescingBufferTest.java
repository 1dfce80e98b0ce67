package io.incidentconsole.metrics;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CoalescingBufferTest {

    @Test
    void drainReturnsEverythingSinceLastDrainOnce() {
        CoalescingBuffer buffer = new CoalescingBuffer();
        buffer.sample("a", 1, 1.5);
        buffer.sample("b", 2, 2.5);
        CoalescingBuffer.Drained first = buffer.drain();
        assertThat(first.samples().size()).isEqualTo(2);
        assertThat(first.samples().metricId(1)).isEqualTo("b");
        assertThat(first.samples().value(0)).isEqualTo(1.5);
        assertThat(buffer.hasPending()).isFalse();
        assertThat(buffer.drain().isEmpty()).isTrue();
        buffer.sample("c", 3, 3);
        assertThat(buffer.drain().samples().metricId(0)).isEqualTo("c");
    }

    @Test
    void keepsOnlyTheLatestStatusPerKey() {
        CoalescingBuffer buffer = new CoalescingBuffer();
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        buffer.status(StatusUpdate.ofSource("prometheus", new SourceStatus.Live(t)));
        buffer.status(StatusUpdate.ofMetric("prometheus", "x", new SourceStatus.Error(t, "bad query")));
        buffer.status(StatusUpdate.ofSource("prometheus", new SourceStatus.Stale(t, "connection refused")));
        List<StatusUpdate> statuses = buffer.drain().statuses();
        assertThat(statuses).hasSize(2);
        assertThat(statuses.get(1).status()).isInstanceOf(SourceStatus.Stale.class);
    }

    @Test
    void countsSamplesBeyondTheCapInsteadOfHidingThem() {
        CoalescingBuffer buffer = new CoalescingBuffer(3);
        for (int i = 0; i < 5; i++) {
            buffer.sample("a", i, i);
        }
        CoalescingBuffer.Drained d = buffer.drain();
        assertThat(d.samples().size()).isEqualTo(3);
        assertThat(d.lostSamples()).isEqualTo(2);
    }

    @Test
    void concurrentWritersLoseNothing() throws Exception {
        CoalescingBuffer buffer = new CoalescingBuffer();
        int writers = 4;
        int perWriter = 50_000;
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            String id = "m" + w;
            Thread thread = new Thread(() -> {
                for (int i = 0; i < perWriter; i++) {
                    buffer.sample(id, i, i);
                }
            });
            threads.add(thread);
            thread.start();
        }
        long[] lastSeen = new long[writers];
        Arrays.fill(lastSeen, -1);
        long total = 0;
        while (threads.stream().anyMatch(Thread::isAlive) || buffer.hasPending()) {
            SampleBatch batch = buffer.drain().samples();
            for (int i = 0; i < batch.size(); i++) {
                int w = batch.metricId(i).charAt(1) - '0';
                assertThat(batch.time(i)).isEqualTo(lastSeen[w] + 1);
                lastSeen[w] = batch.time(i);
            }
            total += batch.size();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        total += buffer.drain().samples().size();
        assertThat(total).isEqualTo((long) writers * perWriter);
    }

    @Test
    void aBurstDoesNotKeepItsBufferForTheLifeOfTheConsole() {
        CoalescingBuffer buffer = new CoalescingBuffer();
        int burst = 24 * 3600 * 7; // a 24 h backfill of seven metrics
        for (int i = 0; i < burst; i++) {
            buffer.sample("m" + (i % 7), i, i);
        }
        CoalescingBuffer.Drained backfill = buffer.drain();
        assertThat(backfill.samples().size()).isEqualTo(burst);
        assertThat(backfill.samples().time(burst - 1)).isEqualTo(burst - 1);

        buffer.sample("m0", burst, 1.0);
        CoalescingBuffer.Drained next = buffer.drain(); // the grown buffer is cleared here
        assertThat(next.samples().size()).isEqualTo(1);
        assertThat(next.samples().time(0)).isEqualTo(burst);
        assertThat(buffer.retainedCapacity()).isEqualTo(2 * CoalescingBuffer.INITIAL_CAPACITY);

        // Steady state, a few samples per frame, keeps its buffers.
        for (int i = 0; i < 100; i++) {
            buffer.sample("m0", burst + 1 + i, i);
        }
        assertThat(buffer.drain().samples().size()).isEqualTo(100);
        assertThat(buffer.retainedCapacity()).isEqualTo(2 * CoalescingBuffer.INITIAL_CAPACITY);
    }
}
