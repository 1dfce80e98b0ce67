package io.incidentconsole.testing;

import io.incidentconsole.incident.Event;
import io.incidentconsole.incident.EventPayload;
import io.incidentconsole.incident.IncidentState;
import io.incidentconsole.incident.TestKey;
import io.incidentconsole.incident.TestRecord;
import io.incidentconsole.incident.TestOutcome;
import io.incidentconsole.plan.Phase;
import io.incidentconsole.plan.Plan;
import io.incidentconsole.plan.PlanLoader;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/** Each row's history (read through the sheet's index of records) is every matching result, in journal order. */
class TestSheetHistoryPropertyTest {

    private static final Plan PLAN = new PlanLoader().loadBundledSeed().plan();
    private static final List<TestItem> ITEMS = TestItem.of(PLAN);

    record Result(int item, int phase, TestOutcome outcome, int undo) {
    }

    @Provide
    Arbitrary<Result> results() {
        return Combinators.combine(Arbitraries.integers().between(0, ITEMS.size() - 1),
                Arbitraries.integers().between(-1, 3), Arbitraries.of(TestOutcome.class),
                Arbitraries.integers().between(-8, 200)).as(Result::new);
    }

    @Property(tries = 200)
    void everyRowsHistoryIsEveryMatchingResultInJournalOrder(@ForAll @Size(max = 60) List<@From("results") Result> results) {
        List<Event> events = new ArrayList<>();
        add(events, new EventPayload.IncidentStarted("inc", "Plan", "sha"));
        results.forEach(r -> addResult(events, r));
        IncidentState state = IncidentState.replay(PLAN, events);
        TestSheet sheet = new TestSheet(PLAN, state);

        for (TestRow row : sheet.rows(null)) {
            List<TestRow.HistoryEntry> expected = reference(state, row.item(), key -> true);
            // The latest first: the row read it before its history was merged.
            assertThat(row.latest()).isEqualTo(expected.isEmpty() ? null : expected.get(expected.size() - 1).result());
            assertThat(row.history()).isEqualTo(expected);
            assertSameAsPlainRow(row);
        }
        for (Phase phase : PLAN.phases()) {
            for (TestRow row : sheet.rows(phase.id())) {
                assertThat(row.history()).isEqualTo(reference(state, row.item(),
                        key -> key.phaseId() == null || key.phaseId().equals(phase.id())));
                assertSameAsPlainRow(row);
            }
        }
    }

    /**
     * Rows of two states compare as their histories do, entry by entry (the Tests area announces a row as changed
     * when it is not equal to the one shown): the same state, or one more result, or an undone one.
     */
    @Property(tries = 200)
    void rowsOfTwoStatesAreEqualExactlyWhenTheirEntriesAre(
            @ForAll @Size(max = 40) List<@From("results") Result> results,
            @ForAll @From("results") Result next) {
        List<Event> events = new ArrayList<>();
        add(events, new EventPayload.IncidentStarted("inc", "Plan", "sha"));
        results.forEach(r -> addResult(events, r));
        IncidentState before = IncidentState.replay(PLAN, events);
        addResult(events, next);
        IncidentState after = IncidentState.replay(PLAN, events);
        IncidentState afterAgain = before;
        for (Event event : events.subList(before.events().size(), events.size())) {
            afterAgain = afterAgain.apply(event);
        }
        List<String> scopes = new ArrayList<>();
        scopes.add(null);
        PLAN.phases().forEach(p -> scopes.add(p.id()));
        for (String scope : scopes) {
            List<TestRow> old = new TestSheet(PLAN, before).rows(scope);
            List<TestRow> now = new TestSheet(PLAN, after).rows(scope);
            List<TestRow> folded = new TestSheet(PLAN, afterAgain).rows(scope);
            for (int i = 0; i < old.size(); i++) {
                List<TestRow.HistoryEntry> plainOld = new ArrayList<>(old.get(i).history());
                List<TestRow.HistoryEntry> plainNow = new ArrayList<>(now.get(i).history());
                assertThat(old.get(i).history().equals(now.get(i).history())).isEqualTo(plainOld.equals(plainNow));
                assertThat(folded.get(i).history().equals(now.get(i).history())).isTrue();
                assertThat(folded.get(i)).isEqualTo(now.get(i));
                assertThat(old.get(i).history().hashCode()).isEqualTo(plainOld.hashCode());
            }
        }
    }

    /** A row reads the same through its records as through a plain copy of its entries. */
    private static void assertSameAsPlainRow(TestRow row) {
        TestRow plain = new TestRow(row.item(), row.phaseId(), row.outcome(), row.latest(),
                new ArrayList<>(row.history()), row.tickedSteps(), row.coverage());
        assertThat(row.disagreement()).isEqualTo(plain.disagreement());
        assertThat(row.history().isEmpty() ? null : row.history().get(row.history().size() - 1))
                .isEqualTo(plain.history().isEmpty() ? null : plain.history().get(plain.history().size() - 1));
        assertThat(plain).isEqualTo(row);
        assertThat(row.history()).isEqualTo(plain.history());
    }

    private static void addResult(List<Event> events, Result r) {
        TestItem item = ITEMS.get(r.item());
        List<String> phases = item.suite().phases();
        String phase = r.phase() < 0 || phases.isEmpty() ? null : phases.get(r.phase() % phases.size());
        add(events, new EventPayload.TestResultSet(item.suiteId(), item.id(), phase, r.outcome(), null));
        if (r.undo() >= 0) {
            add(events, new EventPayload.Undo(events.get(r.undo() % events.size()).id()));
        }
    }

    /** The history as the sheet computed it before it indexed records: every record scanned for every row. */
    private static List<TestRow.HistoryEntry> reference(IncidentState state, TestItem item,
                                                        Predicate<TestKey> keep) {
        List<TestRow.HistoryEntry> history = new ArrayList<>();
        for (TestRecord record : state.tests().values()) {
            TestKey key = record.key();
            if (key.suiteId().equals(item.suiteId()) && key.testId().equals(item.id()) && keep.test(key)) {
                record.history().forEach(result -> history.add(new TestRow.HistoryEntry(key.phaseId(), result)));
            }
        }
        history.sort(Comparator.comparingLong(entry -> entry.result().seq()));
        return history;
    }

    private static void add(List<Event> events, EventPayload payload) {
        events.add(new Event("e" + events.size(), events.size() + 1,
                Instant.parse("2026-11-27T08:00:00Z").plusSeconds(events.size()), "ana", payload));
    }
}
