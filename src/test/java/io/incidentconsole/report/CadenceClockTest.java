package io.incidentconsole.report;

import io.incidentconsole.incident.EventPayload;
import io.incidentconsole.incident.IncidentState;
import io.incidentconsole.plan.Communication.Cadence;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CadenceClockTest {

    private final IncidentScript script = new IncidentScript();

    private static CadenceClock clockAt(Instant now) {
        return new CadenceClock(Clock.fixed(now, ZoneOffset.UTC));
    }

    private Cadence cadence(String id) {
        return script.plan.communication().cadences().stream().filter(c -> c.id().equals(id)).findFirst()
                .orElseThrow();
    }

    @Test
    void nothingIsDueBeforeAnyPhaseOfACadenceStarts() {
        assertThat(clockAt(script.minute(5)).dueUpdates(script.state())).isEmpty();
    }

    @Test
    void theHourlyUpdateIsDueAnHourAfterTheEmergencyPhaseStartsAndOverdueAfterThat() {
        script.atMinute(10, new EventPayload.PhaseStarted("p330-1"));
        IncidentState state = script.state();

        CadenceClock.Due due = clockAt(script.minute(30)).dueFor(state, cadence("emergency-stakeholders"))
                .orElseThrow();
        assertThat(due.reason()).isEqualTo(CadenceClock.Reason.PERIODIC);
        assertThat(due.dueAt()).isEqualTo(script.minute(70));
        assertThat(due.remaining(script.minute(30))).isEqualTo(Duration.ofMinutes(40));
        assertThat(due.overdue(script.minute(70))).isFalse();
        assertThat(due.overdue(script.minute(75))).isTrue();
        assertThat(CadenceClock.inWords(due.remaining(script.minute(75)))).isEqualTo("5 min");
        assertThat(due.because()).isEqualTo("every hour while p330-1 runs");
    }

    @Test
    void publishingAnUpdateForTheCadenceResetsTheTimerAndOtherCadencesDoNot() {
        script.atMinute(10, new EventPayload.PhaseStarted("p330-1"));
        script.atMinute(80, new EventPayload.UpdatePublished("github-330", "GitHub issue #330", "posted"));
        Cadence hourly = cadence("emergency-stakeholders");
        assertThat(clockAt(script.minute(81)).dueFor(script.state(), hourly).orElseThrow().dueAt())
                .as("an update for another cadence does not count").isEqualTo(script.minute(70));

        script.atMinute(85, new EventPayload.UpdatePublished("emergency-stakeholders", "Stakeholders", "text"));
        CadenceClock.Due due = clockAt(script.minute(86)).dueFor(script.state(), hourly).orElseThrow();
        assertThat(due.dueAt()).isEqualTo(script.minute(145));
        assertThat(due.overdue(script.minute(86))).isFalse();
        assertThat(due.lastPublished()).isEqualTo(script.minute(85));
    }

    @Test
    void anUndonePublicationDoesNotResetTheTimer() {
        script.atMinute(10, new EventPayload.PhaseStarted("p330-1"));
        script.atMinute(85, new EventPayload.UpdatePublished("emergency-stakeholders", "Stakeholders", "text"));
        script.atMinute(86, new EventPayload.Undo(script.lastEventId()));
        assertThat(clockAt(script.minute(90)).dueFor(script.state(), cadence("emergency-stakeholders"))
                .orElseThrow().dueAt()).isEqualTo(script.minute(70));
    }

    @Test
    void theHourlyCadenceStopsWhenItsPhasesAreNotRunning() {
        script.atMinute(10, new EventPayload.PhaseStarted("p330-1"));
        script.atMinute(50, new EventPayload.PhaseCompleted("p330-1", List.of()));
        assertThat(clockAt(script.minute(200)).dueFor(script.state(), cadence("emergency-stakeholders"))).isEmpty();

        script.atMinute(210, new EventPayload.PhaseStarted("p330-2"));
        CadenceClock.Due due = clockAt(script.minute(215)).dueFor(script.state(), cadence("emergency-stakeholders"))
                .orElseThrow();
        assertThat(due.dueAt()).as("still anchored at the cadence's activation: long overdue")
                .isEqualTo(script.minute(70));
        assertThat(due.because()).isEqualTo("every hour while p330-2 runs");
    }

    @Test
    void aMilestoneCadenceOwesAnUpdateForEachPhaseStartOrCompletionSinceItsLastUpdate() {
        Cadence github = cadence("github-330");
        script.atMinute(10, new EventPayload.PhaseStarted("p330-1"));
        CadenceClock.Due due = clockAt(script.minute(12)).dueFor(script.state(), github).orElseThrow();
        assertThat(due.reason()).isEqualTo(CadenceClock.Reason.MILESTONE);
        assertThat(due.because()).isEqualTo("milestone: p330-1 started");
        assertThat(due.dueAt()).isEqualTo(script.minute(10).plus(CadenceClock.DEFAULT_MILESTONE_GRACE));

        script.atMinute(20, new EventPayload.UpdatePublished("github-330", "GitHub issue #330", "started"));
        assertThat(clockAt(script.minute(21)).dueFor(script.state(), github)).isEmpty();

        script.atMinute(50, new EventPayload.PhaseCompleted("p330-1", List.of()));
        due = clockAt(script.minute(70)).dueFor(script.state(), github).orElseThrow();
        assertThat(due.because()).isEqualTo("milestone: p330-1 completed");
        assertThat(due.overdue(script.minute(70))).isTrue();
        assertThat(due.remaining(script.minute(70))).isEqualTo(Duration.ofMinutes(-5));
    }

    @Test
    void oneClockFollowsAGrowingJournalAndAnotherIncident() {
        Cadence github = cadence("github-330");
        CadenceClock clock = clockAt(script.minute(100));
        assertThat(clock.dueFor(script.state(), github)).isEmpty();
        script.atMinute(10, new EventPayload.PhaseStarted("p330-1"));
        assertThat(clock.dueFor(script.state(), github).orElseThrow().because()).isEqualTo("milestone: p330-1 started");
        script.atMinute(11, new EventPayload.Undo(script.lastEventId()));
        assertThat(clock.dueFor(script.state(), github)).as("undone after it was first seen").isEmpty();
        script.atMinute(50, new EventPayload.PhaseCompleted("p330-1", List.of()));
        assertThat(clock.dueFor(script.state(), github).orElseThrow().because())
                .isEqualTo("milestone: p330-1 completed");

        IncidentScript other = new IncidentScript();
        assertThat(clock.dueFor(other.state(), github)).as("a journal that does not extend the last one").isEmpty();
        other.atMinute(5, new EventPayload.PhaseStarted("p330-1"));
        assertThat(clock.dueFor(other.state(), github).orElseThrow().dueAt())
                .isEqualTo(other.minute(5).plus(CadenceClock.DEFAULT_MILESTONE_GRACE));
    }

    @Test
    void theMostUrgentUpdateComesFirst() {
        script.atMinute(10, new EventPayload.PhaseStarted("p330-1"));
        List<CadenceClock.Due> due = clockAt(script.minute(12)).dueUpdates(script.state());
        assertThat(due).extracting(d -> d.cadence().id()).containsExactly("github-330", "emergency-stakeholders");
        assertThat(clockAt(script.minute(12)).next(script.state())).get()
                .extracting(d -> d.cadence().id()).isEqualTo("github-330");
    }

    @Test
    void aDueTimeSaysHowLongFromNowAndTheClockTime() {
        Instant dueAt = Instant.parse("2026-12-07T05:10:00Z");
        assertThat(CadenceClock.dueWords(dueAt, dueAt.minus(Duration.ofMinutes(14)))).isEqualTo("in 14 min (05:10 UTC)");
        assertThat(CadenceClock.dueWords(dueAt, dueAt.minusSeconds(20))).isEqualTo("in under a minute (05:10 UTC)");
        assertThat(CadenceClock.dueWords(dueAt, dueAt.minus(Duration.ofMinutes(125))))
                .isEqualTo("in 2 h 5 min (05:10 UTC)");
        assertThat(CadenceClock.dueWords(dueAt, dueAt.plus(Duration.ofMinutes(5))))
                .isEqualTo("OVERDUE by 5 min (was due 05:10 UTC)");
    }

    @Test
    void timeLeftInWordsIsNeverMistakenForAClockTime() {
        assertThat(CadenceClock.inWords(Duration.ofSeconds(20))).isEqualTo("under a minute");
        assertThat(CadenceClock.inWords(Duration.ofMinutes(5).plusSeconds(10))).isEqualTo("5 min");
        assertThat(CadenceClock.inWords(Duration.ofMinutes(14))).isEqualTo("14 min");
        assertThat(CadenceClock.inWords(Duration.ofHours(1))).isEqualTo("1 h");
        assertThat(CadenceClock.inWords(Duration.ofMinutes(125))).isEqualTo("2 h 5 min");
        assertThat(CadenceClock.inWords(Duration.ofMinutes(-3))).isEqualTo("3 min");
    }

    @Test
    void aCadenceIsNamedWithoutRepeatingItsAudience() {
        Cadence github = new Cadence("github-330", "GitHub issue #330 updates", "GitHub issue #330", List.of(), null,
                true, List.of());
        Cadence stakeholders = new Cadence("s", "Stakeholder updates during the emergency", "Stakeholders", List.of(),
                Duration.ofHours(1), false, List.of());

        assertThat(github.label()).isEqualTo("GitHub issue #330 updates");
        assertThat(stakeholders.label()).isEqualTo("Stakeholders: Stakeholder updates during the emergency");
    }
}
