package io.incidentconsole.app;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class LazyTest {

    @Test
    void makesTheValueOnFirstUseOnly() {
        AtomicInteger made = new AtomicInteger();
        Lazy<String> lazy = Lazy.of(() -> "store " + made.incrementAndGet());

        assertThat(made).hasValue(0);
        assertThat(lazy.get()).isEqualTo("store 1");
        assertThat(lazy.get()).isEqualTo("store 1");
        assertThat(made).hasValue(1);
    }
}
