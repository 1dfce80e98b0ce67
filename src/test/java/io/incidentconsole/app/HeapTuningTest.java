package io.incidentconsole.app;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class HeapTuningTest {

    @Test
    void readsOnlyValueFlagsFromAnOptionsFile() {
        assertThat(HeapTuning.valueFlags(List.of("# comment -XX:Foo=1", "-XX:+UseG1GC", "-Xmx1g", "",
                "  -XX:MaxHeapFreeRatio=20  ", "-XX:G1PeriodicGCInterval=30000")))
                .containsExactly(new HeapTuning.Flag("MaxHeapFreeRatio", "20"),
                        new HeapTuning.Flag("G1PeriodicGCInterval", "30000"));
    }

    @Test
    void theShippedOptionsSetTheHeapReturnFlagsInAnOrderTheJvmAccepts() {
        List<HeapTuning.Flag> flags = HeapTuning.valueFlags(HeapTuning.readOptions());
        assertThat(flags).extracting(HeapTuning.Flag::name)
                .containsSubsequence("MinHeapFreeRatio", "MaxHeapFreeRatio")
                .contains("G1PeriodicGCInterval");
        assertThat(HeapTuning.readOptions()).contains("-Xmx1g", "-Xmn10m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");
    }

    @Test
    void setsOnlyManageableFlagsTheOperatorLeftAtTheirDefault() {
        // MaxHeapFreeRatio was given on the command line; ReservedCodeCacheSize is not manageable; Nope is no flag.
        Map<String, Boolean> settable = Map.of("MinHeapFreeRatio", true, "MaxHeapFreeRatio", false,
                "ReservedCodeCacheSize", false);
        List<String> written = new ArrayList<>();
        HeapTuning.Vm vm = new HeapTuning.Vm() {
            @Override
            public Optional<Boolean> settableDefault(String name) {
                return Optional.ofNullable(settable.get(name));
            }

            @Override
            public void set(String name, String value) {
                written.add(name + "=" + value);
            }
        };
        List<HeapTuning.Flag> set = HeapTuning.apply(HeapTuning.valueFlags(List.of("-XX:MinHeapFreeRatio=10",
                "-XX:MaxHeapFreeRatio=20", "-XX:ReservedCodeCacheSize=64m", "-XX:Nope=1")), vm, System.err);
        assertThat(written).containsExactly("MinHeapFreeRatio=10");
        assertThat(set).containsExactly(new HeapTuning.Flag("MinHeapFreeRatio", "10"));
    }

    @Test
    void aRefusedValueIsReportedAndTheRestStillApplied() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> written = new ArrayList<>();
        HeapTuning.Vm vm = new HeapTuning.Vm() {
            @Override
            public Optional<Boolean> settableDefault(String name) {
                return Optional.of(true);
            }

            @Override
            public void set(String name, String value) {
                if (name.equals("MinHeapFreeRatio")) {
                    throw new IllegalArgumentException("MinHeapFreeRatio (50) must be less than or equal to"
                            + " MaxHeapFreeRatio (40)");
                }
                written.add(name);
            }
        };
        HeapTuning.apply(HeapTuning.valueFlags(List.of("-XX:MinHeapFreeRatio=50", "-XX:G1PeriodicGCInterval=1")),
                vm, new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(written).containsExactly("G1PeriodicGCInterval");
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("-XX:MinHeapFreeRatio=50 not applied: MinHeapFreeRatio (50) must be");
    }
}
