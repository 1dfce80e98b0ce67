package io.incidentconsole.incident;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The fold's handler table: each concern registers how its event kinds change the {@link Fold}. A kind with no
 * handler must be in {@link IncidentState#INFORMATIONAL} ({@code FoldCoverageTest} checks).
 */
final class FoldHandlers {

    /** How one event kind changes the fold. */
    @FunctionalInterface
    interface Handler<P extends EventPayload> {
        void apply(Fold fold, Event event, P payload);
    }

    /** The table one concern at a time adds its kinds to; a kind can have one handler only. */
    static final class Table {
        private final Map<Class<? extends EventPayload>, BiConsumer<Fold, Event>> byKind = new HashMap<>();

        <P extends EventPayload> void on(Class<P> kind, Handler<P> handler) {
            BiConsumer<Fold, Event> typed = (fold, event) -> handler.apply(fold, event, kind.cast(event.payload()));
            if (byKind.putIfAbsent(kind, typed) != null) {
                throw new IllegalStateException("two fold handlers for " + kind.getSimpleName());
            }
        }
    }

    private static final Map<Class<? extends EventPayload>, BiConsumer<Fold, Event>> HANDLERS = build();

    private FoldHandlers() {
    }

    private static Map<Class<? extends EventPayload>, BiConsumer<Fold, Event>> build() {
        Table table = new Table();
        PhaseFold.register(table);
        StepFold.register(table);
        TestFold.register(table);
        RollbackFold.register(table);
        AlertFold.register(table);
        RecordFold.register(table);
        return Map.copyOf(table.byKind);
    }

    static void apply(Fold fold, Event event) {
        BiConsumer<Fold, Event> handler = HANDLERS.get(event.payload().getClass());
        if (handler != null) {
            handler.accept(fold, event);
        }
        // Informational kinds (see IncidentState.INFORMATIONAL) change no state.
    }

    /** The kinds the fold handles. */
    static Set<Class<? extends EventPayload>> kinds() {
        return HANDLERS.keySet();
    }
}
