package io.incidentconsole.incident;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The handler table takes one handler per kind: a second registration is a programming error, caught at once. */
class FoldHandlersTest {

    @Test
    void aKindRegisteredTwiceIsRefused() {
        FoldHandlers.Table table = new FoldHandlers.Table();
        table.on(EventPayload.NoteAdded.class, (fold, event, note) -> { });

        assertThatThrownBy(() -> table.on(EventPayload.NoteAdded.class, (fold, event, note) -> { }))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("NoteAdded");
    }
}
