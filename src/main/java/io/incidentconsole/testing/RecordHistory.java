package io.incidentconsole.testing;

import io.incidentconsole.incident.TestRecord;

import java.util.AbstractList;
import java.util.RandomAccess;

/**
 * One test record's results as a row's history, each entry made when it is read. Rows are rebuilt for every refresh
 * of the Tests area and of each phase card; copying every result into new entries each time was the largest
 * allocation of a tick with 100,000 events in the journal (issue #22). Unmodifiable; two views of the same record
 * are equal at once (a state keeps an unchanged record as the same object), else element by element.
 */
final class RecordHistory extends AbstractList<TestRow.HistoryEntry> implements RandomAccess {

    private final TestRecord record;

    RecordHistory(TestRecord record) {
        this.record = record;
    }

    @Override
    public TestRow.HistoryEntry get(int index) {
        return new TestRow.HistoryEntry(record.key().phaseId(), record.history().get(index));
    }

    @Override
    public int size() {
        return record.history().size();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RecordHistory view && view.record == record || super.equals(other);
    }

    @Override
    public int hashCode() {
        return super.hashCode();
    }
}
