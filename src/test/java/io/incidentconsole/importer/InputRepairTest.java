package io.incidentconsole.importer;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Repair keeps no second copy of a document it does not change, and still repairs what it must. */
class InputRepairTest {

    @Test
    void cleanTextComesBackAsTheSameString() {
        String clean = "# Plan\n\n- [x] deploy → verify 🟡\r\n";
        InputRepair.Repaired repaired = InputRepair.repair(clean);
        assertThat(repaired.text()).isSameAs(clean);
        assertThat(repaired.mojibakeSequences()).isZero();
        assertThat(repaired.replacedCharacters()).isZero();
    }

    @Test
    void mojibakeControlCharactersAndAByteOrderMarkAreStillRepaired() {
        assertThat(InputRepair.repair("a ‚Üí b\u0000").text()).isEqualTo("a → b\uFFFD");
        assertThat(InputRepair.repair("\uFEFF# Plan").text()).isEqualTo("# Plan");
    }
}
