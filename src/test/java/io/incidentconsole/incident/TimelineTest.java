package io.incidentconsole.incident;

import io.incidentconsole.incident.EventPayload.Unrecognized;
import io.incidentconsole.incident.EventPayload.Answer;
import io.incidentconsole.incident.EventPayload.DecisionTaken;
import io.incidentconsole.incident.EventPayload.IncidentStarted;
import io.incidentconsole.incident.EventPayload.NoteAdded;
import io.incidentconsole.incident.EventPayload.PhaseStarted;
import io.incidentconsole.incident.EventPayload.TaskTicked;
import io.incidentconsole.incident.EventPayload.TestResultSet;
import io.incidentconsole.incident.EventPayload.Undo;
import io.incidentconsole.plan.Plan;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import static org.assertj.core.api.Assertions.assertThat;

class TimelineTest {

    private final Plan plan = Fixtures.plan();
    private final List<Event> events = new ArrayList<>();

    private Event add(String operator, EventPayload payload) {
        Event event = new Event("e" + (events.size() + 1), events.size() + 1,
                Instant.parse("2026-11-27T08:00:00Z").plusSeconds(90L * events.size()), operator, payload);
        events.add(event);
        return event;
    }

    private Timeline timeline() {
        return new Timeline(IncidentState.replay(plan, events));
    }

    private void incident() {
        add("ana", new IncidentStarted("inc", "Database migration drill", "00"));
        add("ana", new PhaseStarted("migrate"));
        Event tick = add("ana", new TaskTicked("migrate", "migrate.run"));
        add("bo", new TestResultSet("smoke", "smoke.check-1", null, TestOutcome.FAIL, "login | 500"));
        add("bo", new DecisionTaken("go-no-go", List.of(new Answer("q1", "No")), "stop"));
        add("ana", new Undo(tick.id()));
        add("ana", new NoteAdded(null, "Paged the DBA\nsecond line"));
    }

    @Test
    void everyEventInOrderSaidInWordsWithPlanNames() {
        incident();
        List<TimelineEntry> entries = timeline().entries();
        assertThat(entries).extracting(e -> e.event().seq()).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
        assertThat(entries.get(2).summary()).isEqualTo("Ticked task “Run the migration” (2: Migrate)");
        assertThat(entries.get(2).undone()).isTrue();
        assertThat(entries.get(3).summary()).isEqualTo("Test “Login works”: FAIL — login | 500");
        assertThat(entries.get(4).summary()).isEqualTo("Decided “Proceed with cleanup?”: No → STOP and investigate");
        assertThat(entries.get(5).summary()).startsWith("Undid #3 (Ticked task “Run the migration”");
        assertThat(Timeline.line(entries.get(2)))
                .isEqualTo("#3 2026-11-27 08:03:00 UTC ana TaskTicked: Ticked task “Run the migration” (2: Migrate) [undone]");
    }

    @Test
    void filtersByKindPhaseAndText() {
        incident();
        Timeline timeline = timeline();
        assertThat(timeline.filter(new TimelineFilter(Set.of("TaskTicked", "NoteAdded"), Set.of(), "")))
                .extracting(TimelineEntry::kind).containsExactly("TaskTicked", "NoteAdded");
        // The test result names no phase but its suite covers migrate and cleanup; the decision's tree is for cleanup;
        // the undo of a migrate task concerns migrate.
        assertThat(timeline.filter(new TimelineFilter(Set.of(), Set.of("migrate"), "")))
                .extracting(e -> e.event().seq()).containsExactly(2L, 3L, 4L, 6L);
        assertThat(timeline.filter(new TimelineFilter(Set.of(), Set.of("cleanup"), "")))
                .extracting(e -> e.event().seq()).containsExactly(4L, 5L);
        assertThat(timeline.filter(new TimelineFilter(Set.of(), Set.of(), "dba"))).extracting(e -> e.event().seq())
                .containsExactly(7L);
        assertThat(timeline.filter(new TimelineFilter(Set.of(), Set.of(), "BO"))).extracting(e -> e.event().seq())
                .containsExactly(4L, 5L);
        assertThat(timeline.filter(new TimelineFilter(Set.of("TaskTicked"), Set.of("cleanup"), ""))).isEmpty();
        assertThat(timeline.kinds()).contains("Undo", "TestResultSet").hasSize(7);
    }

    @Test
    void markdownExportIsATableThatSurvivesPipesAndNewlines() {
        incident();
        String markdown = timeline().toMarkdown(new TimelineFilter(Set.of("TestResultSet", "NoteAdded", "TaskTicked"),
                Set.of(), ""));
        assertThat(markdown).startsWith("# Incident timeline: Database migration drill\n\n"
                + "3 events (filtered; kinds: NoteAdded, TaskTicked, TestResultSet)\n\n"
                + "| # | Time (UTC) | Operator | Kind | What happened |\n|---:|---|---|---|---|\n");
        assertThat(markdown).contains("| 4 | 2026-11-27 08:04:30 | bo | TestResultSet | Test “Login works”: FAIL — login \\| 500 |\n");
        assertThat(markdown).contains("| 7 | 2026-11-27 08:09:00 | ana | NoteAdded | Note: Paged the DBA second line |\n");
        assertThat(markdown).contains("| ~~Ticked task “Run the migration” (2: Migrate)~~ (undone) |");
        assertThat(markdown.lines().filter(l -> l.startsWith("| ")).count()).isEqualTo(4);
    }

    @Test
    void unknownEventsAreShownWithTheirFields() {
        add("ana", new Unrecognized("PagerRotated",
                JsonNodeFactory.instance.objectNode().put("to", "cy"),
                "a kind this version does not know"));
        assertThat(timeline().entries().get(0).summary())
                .isEqualTo("Event of unknown kind “PagerRotated” (a kind this version does not know): {\"to\":\"cy\"}");
    }

    @Test
    void everyKnownKindHasItsOwnWords() {
        Fixtures.everyKind().forEach(p -> add("ana", p));
        List<TimelineEntry> entries = timeline().entries();
        assertThat(entries).allSatisfy(e -> assertThat(e.summary()).doesNotContain("[").isNotBlank());
        assertThat(entries).extracting(TimelineEntry::summary).doesNotHaveDuplicates();
    }
}
