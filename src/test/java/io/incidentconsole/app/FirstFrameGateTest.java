package io.incidentconsole.app;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class FirstFrameGateTest {

    private final List<String> ran = new ArrayList<>();
    private final FirstFrameGate gate = new FirstFrameGate(Runnable::run);

    @Test
    void holdsWorkUntilOpenedThenRunsItInArrivalOrder() {
        gate.execute(() -> ran.add("read the plan"));
        gate.execute(() -> ran.add("make the incident store"));
        assertThat(ran).isEmpty();
        assertThat(gate.isOpen()).isFalse();

        gate.open();

        assertThat(ran).containsExactly("read the plan", "make the incident store");
        assertThat(gate.isOpen()).isTrue();
    }

    @Test
    void onceOpenWorkGoesStraightThroughAndOpeningAgainRunsNothingTwice() {
        gate.execute(() -> ran.add("held"));
        gate.open();
        gate.execute(() -> ran.add("after"));
        gate.open();

        assertThat(ran).containsExactly("held", "after");
    }

    @Test
    void workArrivingFromTheBackgroundThreadIsKept() throws InterruptedException {
        List<String> shared = java.util.Collections.synchronizedList(new ArrayList<>());
        FirstFrameGate threaded = new FirstFrameGate(Runnable::run);
        CountDownLatch done = new CountDownLatch(4);
        for (int t = 0; t < 4; t++) {
            int id = t;
            new Thread(() -> {
                for (int i = 0; i < 250; i++) {
                    threaded.execute(() -> shared.add(id + ":" + 1));
                }
                done.countDown();
            }).start();
        }
        threaded.open();
        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();

        assertThat(shared).hasSize(1000);
    }
}
