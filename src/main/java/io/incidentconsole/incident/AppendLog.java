package io.incidentconsole.incident;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * An immutable list that grows by making new snapshots which share storage with the old ones, so that folding one
 * more event into an incident state costs O(1) instead of copying the whole history (a shared incident can get
 * hundreds of events a second). A snapshot only ever reads the first {@code size} slots of its array, and slots are
 * only written past the newest snapshot's end, so old snapshots never change.
 */
final class AppendLog<T> extends AbstractList<T> implements RandomAccess {

    private static final int FIRST_CAPACITY = 16;

    /** The array and length of the newest snapshot taken from it; a builder at that length may extend it in place. */
    private static final class Storage {
        Object[] items;
        int size;

        Storage(Object[] items, int size) {
            this.items = items;
            this.size = size;
        }
    }

    private final Storage storage;
    private final Object[] items;
    private final int size;

    private AppendLog(Storage storage, Object[] items, int size) {
        this.storage = storage;
        this.items = items;
        this.size = size;
    }

    static <T> AppendLog<T> empty() {
        return new AppendLog<>(new Storage(new Object[FIRST_CAPACITY], 0), new Object[0], 0);
    }

    @Override
    @SuppressWarnings("unchecked")
    public T get(int index) {
        Objects.checkIndex(index, size);
        return (T) items[index];
    }

    @Override
    public int size() {
        return size;
    }

    /** A builder that starts from this snapshot; its additions do not change this one. */
    Builder<T> builder() {
        return new Builder<>(storage, items, size);
    }

    /** Appends for one fold (one thread); {@link #snapshot()} makes the immutable list. */
    static final class Builder<T> extends AbstractList<T> implements RandomAccess {
        private Storage storage;
        private Object[] items;
        private int size;

        private Builder(Storage storage, Object[] items, int size) {
            this.storage = storage;
            this.items = items;
            this.size = size;
        }

        @Override
        public boolean add(T item) {
            synchronized (storage) {
                if (storage.size == size) {
                    if (size == storage.items.length) {
                        storage.items = Arrays.copyOf(storage.items, Math.max(FIRST_CAPACITY, size * 2));
                    }
                    storage.items[size] = item;
                    storage.size = size + 1;
                    items = storage.items;
                    size++;
                    return true;
                }
            }
            // Another builder already extended the snapshot this one started from: branch off with a copy.
            Object[] copy = Arrays.copyOf(items, Math.max(FIRST_CAPACITY, size * 2));
            copy[size] = item;
            storage = new Storage(copy, size + 1);
            items = copy;
            size++;
            return true;
        }

        @Override
        @SuppressWarnings("unchecked")
        public T get(int index) {
            Objects.checkIndex(index, size);
            return (T) items[index];
        }

        @Override
        public int size() {
            return size;
        }

        AppendLog<T> snapshot() {
            return new AppendLog<>(storage, items, size);
        }
    }
}
