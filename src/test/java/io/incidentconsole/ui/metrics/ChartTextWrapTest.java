package io.incidentconsole.ui.metrics;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.ToDoubleFunction;

import static org.assertj.core.api.Assertions.assertThat;

/** Chart messages are wrapped onto lines rather than squeezed into a box narrower than they are. */
class ChartTextWrapTest {

    /** 7 units a character, like a 13 px font. */
    private static final ToDoubleFunction<String> SEVEN = text -> text.length() * 7.0;

    @Test
    void aLongStaleMessageIsBrokenAtSpacesIntoLinesThatFit() {
        List<String> lines = ChartText.wrap("No data since 09:12:04 UTC — connection refused by localhost:9090", 200,
                SEVEN);
        assertThat(lines).containsExactly("No data since 09:12:04 UTC —", "connection refused by", "localhost:9090");
        assertThat(ChartText.wrap("Waiting for data…", 200, SEVEN)).containsExactly("Waiting for data…");
        assertThat(ChartText.wrap("", 200, SEVEN)).containsExactly("");
    }

    @Test
    void aWordWiderThanALineIsCutWhereItMustBe() {
        assertThat(ChartText.wrap("see /var/log/metrics/convex-calls-2026-11-27.csv now", 70, SEVEN))
                .containsExactly("see", "/var/log/m", "etrics/con", "vex-calls-", "2026-11-27", ".csv now");
    }

    @Property
    void everyLineFitsAndNothingButTheBreaksIsLost(@ForAll @StringLength(max = 200) String text,
                                                    @ForAll @DoubleRange(min = 7, max = 400) double width) {
        String words = text.replaceAll("\\s+", " ").strip();
        List<String> lines = ChartText.wrap(words, width, SEVEN);

        assertThat(lines).allSatisfy(line -> assertThat(SEVEN.applyAsDouble(line)).isLessThanOrEqualTo(width));
        assertThat(String.join("", lines).replace(" ", "")).isEqualTo(words.replace(" ", ""));
    }
}
