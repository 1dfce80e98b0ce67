package io.incidentconsole.ui.rollback;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class OutputBufferTest {

    @Test
    void drainsInOrderOnceThenIsEmpty() {
        OutputBuffer buffer = new OutputBuffer(10);
        buffer.append("one");
        buffer.append("two");

        assertThat(buffer.drain()).containsExactly("one", "two");
        assertThat(buffer.drain()).isEmpty();
    }

    @Test
    void keepsTheNewestLinesAndSaysHowManyWereDropped() {
        OutputBuffer buffer = new OutputBuffer(3);
        for (int i = 1; i <= 5; i++) {
            buffer.append("line " + i);
        }

        assertThat(buffer.drain()).containsExactly("[console: 2 earlier lines were not shown]", "line 3", "line 4",
                "line 5");
        buffer.append("line 6");
        assertThat(buffer.drain()).containsExactly("line 6");
    }

    @Test
    void concurrentWritersLoseNothingBelowCapacity() throws Exception {
        OutputBuffer buffer = new OutputBuffer(100_000);
        List<Thread> writers = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            int writer = w;
            writers.add(new Thread(() -> {
                for (int i = 0; i < 5_000; i++) {
                    buffer.append(writer + ":" + i);
                }
            }));
        }
        List<String> drained = new ArrayList<>();
        writers.forEach(Thread::start);
        for (Thread t : writers) {
            while (t.isAlive()) {
                drained.addAll(buffer.drain());
            }
            t.join();
        }
        drained.addAll(buffer.drain());

        assertThat(drained).hasSize(20_000).doesNotHaveDuplicates();
        for (int w = 0; w < 4; w++) {
            String prefix = w + ":";
            List<String> own = drained.stream().filter(l -> l.startsWith(prefix)).toList();
            assertThat(own).as("writer %d in order", w)
                    .isEqualTo(IntStream.range(0, 5_000).mapToObj(i -> prefix + i).toList());
        }
    }
}
