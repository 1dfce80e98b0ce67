package io.incidentconsole.app;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The window title names the plan, and a drill first: a rehearsal's window is never taken for the real one. */
class WindowTitleTest {

    @Test
    void aDrillsWindowSaysDrillFirst() {
        assertThat(ConsoleApplication.windowTitle("Issue #324", false)).isEqualTo("Incident Console — Issue #324");
        assertThat(ConsoleApplication.windowTitle("Issue #324", true))
                .isEqualTo("DRILL — Incident Console — Issue #324");
        assertThat(ConsoleApplication.windowTitle(null, false)).isEqualTo("Incident Console");
        assertThat(ConsoleApplication.windowTitle("Incident Console", true)).isEqualTo("DRILL — Incident Console");
    }
}
