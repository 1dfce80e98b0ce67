package io.incidentconsole.drill;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScenarioTimeTest {

    @Test
    void readsTheThreeForms() {
        assertThat(ScenarioTime.parse("start")).isEqualTo(new ScenarioTime(null, Duration.ZERO));
        assertThat(ScenarioTime.parse("start + 1h30m")).isEqualTo(new ScenarioTime(null, Duration.ofMinutes(90)));
        assertThat(ScenarioTime.parse("90s")).isEqualTo(new ScenarioTime(null, Duration.ofSeconds(90)));
        assertThat(ScenarioTime.parse("phase p330-2 started + 5m"))
                .isEqualTo(new ScenarioTime("p330-2", Duration.ofMinutes(5)));
        assertThat(ScenarioTime.parse("phase p330-2 started")).isEqualTo(new ScenarioTime("p330-2", Duration.ZERO));
        assertThatThrownBy(() -> ScenarioTime.parse("phase p330-2 + 5m"))
                .hasMessageContaining("is not a duration");
    }

    @Test
    void aPhaseTimeIsUnknownUntilThePhaseStarts() {
        Instant start = Instant.parse("2026-01-01T10:00:00Z");
        ScenarioTime time = ScenarioTime.parse("phase p1 started + 5m");
        assertThat(time.resolve(start, id -> null)).isEmpty();
        assertThat(time.resolve(start, id -> start.plusSeconds(60))).contains(start.plusSeconds(360));
        assertThat(ScenarioTime.parse("2m").resolve(start, id -> null)).contains(start.plusSeconds(120));
    }

    @Property
    void whatIsWrittenReadsBackTheSame(@ForAll @IntRange(min = 0, max = 400_000) int seconds, @ForAll boolean phase) {
        ScenarioTime time = new ScenarioTime(phase ? "p330-2" : null, Duration.ofSeconds(seconds));
        ScenarioTime again = ScenarioTime.parse(time.toString());
        // The written form keeps two units: it reads back to the same time rounded to them.
        assertThat(again.phaseId()).isEqualTo(time.phaseId());
        assertThat(again.offset()).isLessThanOrEqualTo(time.offset());
        assertThat(time.offset().minus(again.offset())).isLessThan(Duration.ofHours(1));
        if (seconds < 3600) {
            assertThat(again).isEqualTo(time);
        }
    }

    @Test
    void durationsAreWrittenWithTwoUnitsAndARealMinus() {
        assertThat(DrillDurations.format(Duration.ofSeconds(0))).isEqualTo("0s");
        assertThat(DrillDurations.format(Duration.ofSeconds(200))).isEqualTo("3m 20s");
        assertThat(DrillDurations.format(Duration.ofMinutes(65))).isEqualTo("1h 05m");
        assertThat(DrillDurations.format(Duration.ofHours(27))).isEqualTo("1d 3h");
        assertThat(DrillDurations.signed(Duration.ofSeconds(-45))).isEqualTo("\u221245s");
        assertThat(DrillDurations.signed(Duration.ofSeconds(45))).isEqualTo("+45s");
        assertThat(DrillDurations.parse("1h 30m")).isEqualTo(Duration.ofMinutes(90));
    }
}
