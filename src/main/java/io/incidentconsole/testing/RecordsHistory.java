package io.incidentconsole.testing;

import io.incidentconsole.incident.Disagreement;
import io.incidentconsole.incident.TestRecord;
import io.incidentconsole.incident.TestResult;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.RandomAccess;

/**
 * The results of a test item's records (one per phase it was recorded for) as a row's history, in journal order.
 * Rows are rebuilt for every refresh of the Tests area and of each phase card, and with 100,000 events in the journal
 * a test can have thousands of results (issue #22): so one record's entries are made when read, several records are
 * merged only when read, two histories of the same records are equal at once (a state keeps an unchanged record as the
 * same object), two of different lengths at once, and what operators disagree about is worked out once per history.
 * Unmodifiable; what it works out when read is kept in immutable objects, so that rows can be read on any thread.
 */
final class RecordsHistory extends AbstractList<TestRow.HistoryEntry> implements RandomAccess {

    private final List<TestRecord> records;
    private final int size;
    private List<TestRow.HistoryEntry> merged;
    private DisagreementFound disagreement;

    /** The answer for one question ({@code asked}), kept as one object so that a reader sees both or neither. */
    private record DisagreementFound(String asked, Optional<Disagreement> found) {
    }

    RecordsHistory(List<TestRecord> records) {
        this.records = List.copyOf(records);
        this.size = this.records.stream().mapToInt(record -> record.history().size()).sum();
    }

    @Override
    public TestRow.HistoryEntry get(int index) {
        if (records.size() == 1) {
            TestRecord record = records.get(0);
            return new TestRow.HistoryEntry(record.key().phaseId(), record.history().get(index));
        }
        if (index == size - 1 && index >= 0 && merged == null) {
            return last(); // every refresh asks for the latest result: no need to merge for it
        }
        return merged().get(index);
    }

    /** The last entry of the merge: the latest of the record whose latest is latest (the last such record on a tie). */
    private TestRow.HistoryEntry last() {
        TestRecord latest = null;
        for (TestRecord record : records) {
            if (latest == null || record.latest().seq() >= latest.latest().seq()) {
                latest = record;
            }
        }
        return new TestRow.HistoryEntry(latest.key().phaseId(), latest.latest());
    }

    @Override
    public int size() {
        return size;
    }

    private List<TestRow.HistoryEntry> merged() {
        if (merged == null) {
            List<TestRow.HistoryEntry> entries = new ArrayList<>(size);
            for (TestRecord record : records) {
                record.history().forEach(result -> entries.add(new TestRow.HistoryEntry(record.key().phaseId(), result)));
            }
            entries.sort(Comparator.comparingLong(entry -> entry.result().seq()));
            merged = List.copyOf(entries);
        }
        return merged;
    }

    /**
     * What operators disagree about: over every result, or ({@code onlyPhase}) over those of the record for that
     * phase (null: the record kept without a phase), as {@link TestRow#disagreement()} asks.
     */
    Optional<Disagreement> disagreement(boolean onlyPhase, String phaseId) {
        String asked = onlyPhase ? "phase:" + phaseId : "all";
        DisagreementFound known = disagreement;
        if (known == null || !asked.equals(known.asked())) {
            List<TestResult> results;
            if (onlyPhase) {
                results = records.stream().filter(record -> Objects.equals(record.key().phaseId(), phaseId))
                        .findFirst().map(TestRecord::history).orElse(List.of());
            } else if (records.size() == 1) {
                results = records.get(0).history();
            } else {
                results = merged().stream().map(TestRow.HistoryEntry::result).toList();
            }
            known = new DisagreementFound(asked, Disagreement.among(results));
            disagreement = known;
        }
        return known.found();
    }

    @Override
    public boolean equals(Object other) {
        if (other == this) {
            return true;
        }
        if (!(other instanceof List<?> list) || list.size() != size) {
            return false;
        }
        if (other instanceof RecordsHistory that && that.records.size() == records.size()) {
            boolean sameRecords = true;
            for (int i = 0; i < records.size() && sameRecords; i++) {
                sameRecords = records.get(i) == that.records.get(i);
            }
            if (sameRecords) {
                return true;
            }
        }
        return super.equals(other);
    }

    @Override
    public int hashCode() {
        return super.hashCode();
    }
}
