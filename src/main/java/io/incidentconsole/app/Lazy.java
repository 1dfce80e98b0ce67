package io.incidentconsole.app;

import java.util.function.Supplier;

/** A value made on first use, once, whichever thread asks first. */
final class Lazy<T> implements Supplier<T> {

    private final Supplier<? extends T> make;
    private T value;

    private Lazy(Supplier<? extends T> make) {
        this.make = make;
    }

    static <T> Lazy<T> of(Supplier<? extends T> make) {
        return new Lazy<>(make);
    }

    @Override
    public synchronized T get() {
        if (value == null) {
            value = make.get();
        }
        return value;
    }
}
