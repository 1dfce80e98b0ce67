package io.incidentconsole.app;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class StartupProbeTest {

    private final PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    private final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);

    @Test
    void isOffWhenThePropertyIsUnsetOrBlank() {
        assertThat(StartupProbe.fromProperty(null, out, err)).isEmpty();
        assertThat(StartupProbe.fromProperty("  ", out, err)).isEmpty();
    }

    @Test
    void onlyExitEndsTheProcessAtTheFirstFrame() {
        assertThat(StartupProbe.fromProperty("print", out, err))
                .hasValueSatisfying(p -> assertThat(p.exitsAtFirstFrame()).isFalse());
        assertThat(StartupProbe.fromProperty(" EXIT ", out, err))
                .hasValueSatisfying(p -> assertThat(p.exitsAtFirstFrame()).isTrue());
        assertThat(StartupProbe.fromProperty("ready", out, err))
                .hasValueSatisfying(p -> assertThat(p.exitsAtFirstFrame()).isFalse());
    }

    @Test
    void anUnknownValueIsReportedAndLeavesTheProbeOff() {
        assertThat(StartupProbe.fromProperty("yes", out, err)).isEmpty();
        assertThat(errBytes.toString(StandardCharsets.UTF_8))
                .isEqualTo("-Dincident-console.startup-probe=yes: expected print, exit or ready; start-up probe off"
                        + System.lineSeparator());
    }

    @Test
    void theReportLineIsWhatTheBenchmarkHarnessParses() {
        // bench/startup/run.sh reads this line with: sed -n 's/^first-frame epoch-ms=\([0-9]*\).*/\1/p'
        assertThat(StartupProbe.reportLine("first-frame", 1_795_768_524_258L, "rendered"))
                .isEqualTo("first-frame epoch-ms=1795768524258 drawn=rendered");
        // and this one with: sed -n 's/^console-ready epoch-ms=\([0-9]*\).*/\1/p'
        assertThat(StartupProbe.reportLine("console-ready", 1_795_768_525_001L, "pulse"))
                .isEqualTo("console-ready epoch-ms=1795768525001 drawn=pulse");
    }

    @Test
    void marksAreLinesTheHarnessCanTellApart() {
        // bench/startup/run.sh reads marks with: sed -n 's/^startup-mark \([a-z-]*\) epoch-ms=/\1 /p'
        assertThat(StartupProbe.markLine("console-built", 1_795_768_524_100L))
                .isEqualTo("startup-mark console-built epoch-ms=1795768524100")
                .doesNotStartWith("first-frame");
    }
}
