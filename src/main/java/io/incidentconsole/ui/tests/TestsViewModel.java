package io.incidentconsole.ui.tests;

import io.incidentconsole.incident.Incident;
import io.incidentconsole.ui.common.BackgroundTasks;
import io.incidentconsole.ui.incident.IncidentSession;

import io.incidentconsole.output.OutputFiles;

import io.incidentconsole.incident.EventPayload;
import io.incidentconsole.incident.IncidentState;
import io.incidentconsole.incident.StartRecord;
import io.incidentconsole.incident.TestOutcome;
import io.incidentconsole.plan.Phase;
import io.incidentconsole.plan.Plan;
import io.incidentconsole.plan.Runbook;
import io.incidentconsole.testing.ExportFormat;
import io.incidentconsole.testing.TestProgress;
import io.incidentconsole.testing.TestResultsExport;
import io.incidentconsole.testing.TestRow;
import io.incidentconsole.testing.TestSheet;
import javafx.beans.InvalidationListener;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The tests area: the checks and test cases of a phase (or of the whole plan), with their results from the
 * journal. Recording moves the selection on to the next item not yet run, so a checklist is worked with one key
 * per item.
 *
 * <p>Notes: a note is saved with a result. On an item that has a result, saving a note records that outcome again
 * with the note (a new entry in its history). On an item not yet run, the note is kept as a draft, shown in the
 * row, and recorded with the next P/F/S/B on that item; drafts are not durable until then.
 */
public final class TestsViewModel {

    /** Which items the list shows. */
    public enum Filter {
        ALL("All"), NOT_RUN("Not run"), FAILED("Failed");

        private final String label;

        Filter(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** A phase, or {@code phaseId} null for every phase of the plan. */
    public record Scope(String phaseId, String label) {
        @Override
        public String toString() {
            return label;
        }
    }

    public static final Scope ALL_PHASES = new Scope(null, TestProgress.ALL_PHASES);

    private final IncidentSession session;
    private final ObservableValue<Plan> plan;
    private final BackgroundTasks tasks;
    private final Consumer<String> showRollback;
    private final ObservableList<Scope> scopes = FXCollections.observableArrayList();
    private final ObjectProperty<Scope> scope = new SimpleObjectProperty<>(this, "scope", ALL_PHASES);
    private final ObjectProperty<Filter> filter = new SimpleObjectProperty<>(this, "filter", Filter.ALL);
    private final StringProperty search = new SimpleStringProperty(this, "search", "");
    private final ObservableList<TestRow> rows = FXCollections.observableArrayList();
    private final ObservableList<TestRow> rowsView = FXCollections.unmodifiableObservableList(rows);
    private final ObservableList<Scope> scopesView = FXCollections.unmodifiableObservableList(scopes);
    private final ReadOnlyObjectWrapper<TestProgress> progress = new ReadOnlyObjectWrapper<>(this, "progress");
    private final ReadOnlyObjectWrapper<TestProgress> overall = new ReadOnlyObjectWrapper<>(this, "overall");
    private final ReadOnlyBooleanWrapper live = new ReadOnlyBooleanWrapper(this, "live");
    private final ReadOnlyStringWrapper rollbackHint = new ReadOnlyStringWrapper(this, "rollbackHint", "");
    private final StringProperty selectedKey = new SimpleStringProperty(this, "selectedKey");
    private final StringProperty openKey = new SimpleStringProperty(this, "openKey");
    private final ReadOnlyObjectWrapper<TestRow> openRow = new ReadOnlyObjectWrapper<>(this, "openRow");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final Map<String, String> drafts = new HashMap<>();
    private final InvalidationListener changed = obs -> refresh();
    private Plan scopesOf;
    private boolean rebuildingScopes;
    /** The scope last refreshed with: the scope goes null while the scope box's list is replaced. */
    private Scope lastScope = ALL_PHASES;
    private List<TestRow> scopeRows = List.of();

    public TestsViewModel(IncidentSession session, ObservableValue<Plan> plan, BackgroundTasks tasks,
                          Consumer<String> showRollback) {
        this.session = session;
        this.plan = plan;
        this.tasks = tasks;
        this.showRollback = showRollback;
    }

    public void activate() {
        plan.addListener(changed);
        session.stateProperty().addListener(changed);
        scope.addListener(changed);
        filter.addListener(changed);
        search.addListener(changed);
        openKey.addListener(changed);
        refresh();
    }

    public void deactivate() {
        plan.removeListener(changed);
        session.stateProperty().removeListener(changed);
        scope.removeListener(changed);
        filter.removeListener(changed);
        search.removeListener(changed);
        openKey.removeListener(changed);
    }

    /** The incident's state if it belongs to the open plan; null when reading a plan without an incident. */
    private IncidentState state(Plan current) {
        IncidentState state = session.stateProperty().get();
        return state != null && state.plan() == current ? state : null;
    }

    private void refresh() {
        Plan current = plan.getValue();
        if (current == null) {
            scopes.clear();
            rows.clear();
            scopeRows = List.of();
            progress.set(null);
            overall.set(null);
            openRow.set(null);
            live.set(false);
            return;
        }
        if (rebuildingScopes) {
            return; // the scope list is being replaced: refreshed once it is
        }
        if (current != scopesOf) {
            scopesOf = current;
            Scope selected = scope.get() != null ? scope.get() : lastScope;
            rebuildingScopes = true;
            try {
                // Replacing the list makes the scope box drop its value (the scope goes null on the way).
                scopes.setAll(ALL_PHASES);
                current.phases().forEach(p -> scopes.add(scopeOf(p)));
                drafts.clear();
                openKey.set(null);
            } finally {
                rebuildingScopes = false;
            }
            Scope kept = scopes.stream().filter(s -> Objects.equals(s.phaseId(), selected.phaseId())).findFirst()
                    .orElse(ALL_PHASES);
            if (scope.get() != kept) {
                scope.set(kept); // re-enters refresh with the scope of this plan
                return;
            }
        }
        if (scope.get() == null) {
            scope.set(lastScope); // a view let go of its choice: keep the last one rather than fail
            return;
        }
        lastScope = scope.get();
        IncidentState state = state(current);
        live.set(state != null);
        TestSheet sheet = new TestSheet(current, state);
        String phaseId = scope.get().phaseId();
        scopeRows = sheet.rows(phaseId);
        overall.set(TestProgress.overall(sheet));
        TestProgress scoped = phaseId == null ? overall.get() : TestProgress.ofPhase(sheet, phaseId);
        progress.set(scoped);
        rollbackHint.set(rollbackHint(current, phaseId, scoped));
        rows.setAll(scopeRows.stream().filter(this::shown).toList());
        openRow.set(openKey.get() == null ? null
                : scopeRows.stream().filter(r -> r.key().equals(openKey.get())).findFirst().orElse(null));
        if (selectedKey.get() == null || rows.stream().noneMatch(r -> r.key().equals(selectedKey.get()))) {
            selectedKey.set(rows.isEmpty() ? null : firstNotRunOrFirst());
        }
    }

    private String firstNotRunOrFirst() {
        return rows.stream().filter(TestRow::notRun).findFirst().orElse(rows.get(0)).key();
    }

    private static Scope scopeOf(Phase phase) {
        String issues = String.join(" ", phase.issues().stream().map(i -> "#" + i).toList());
        return new Scope(phase.id(), phase.label() + (issues.isEmpty() ? "" : "  (" + issues + ")"));
    }

    private static String rollbackHint(Plan plan, String phaseId, TestProgress progress) {
        if (!progress.atRisk()) {
            return "";
        }
        List<Runbook> runbooks = phaseId == null ? plan.runbooks() : plan.runbooksOf(phaseId);
        String failed = progress.failed() == 1 ? "1 test failed" : progress.failed() + " tests failed";
        return "Success at risk: " + failed + (runbooks.isEmpty() ? "."
                : ". Check the rollback decision criteria of " + String.join(", ",
                runbooks.stream().map(Runbook::title).toList()) + ".");
    }

    private boolean shown(TestRow row) {
        boolean byFilter = switch (filter.get()) {
            case ALL -> true;
            case NOT_RUN -> row.notRun();
            case FAILED -> row.failed();
        };
        if (!byFilter) {
            return false;
        }
        String query = search.get() == null ? "" : search.get().strip().toLowerCase(Locale.ROOT);
        if (query.isEmpty()) {
            return true;
        }
        return (row.item().title() + "\n" + row.item().suite().title() + "\n" + row.note() + "\n"
                + String.join("\n", row.item().steps())).toLowerCase(Locale.ROOT).contains(query);
    }

    /**
     * Records the outcome for the row in the current scope (for the whole plan: for every phase of its suite),
     * with the row's draft note if it has one; then selects the next item not yet run.
     */
    public void record(TestRow row, TestOutcome outcome) {
        record(row, outcome, true);
    }

    /** As {@link #record(TestRow, TestOutcome)}; {@code advance} false keeps the selection (the case panel). */
    public void record(TestRow row, TestOutcome outcome, boolean advance) {
        if (row == null || !canRecord()) {
            return;
        }
        String note = drafts.remove(draftKey(row));
        if (advance) {
            selectedKey.set(nextNotRunAfter(row.key()));
        }
        message.set("");
        session.record(new EventPayload.TestResultSet(row.item().suiteId(), row.item().id(), scope.get().phaseId(),
                outcome, note));
    }

    private boolean canRecord() {
        if (!live.get()) {
            message.set("No incident is open: start or resume one (Ctrl+I) to record results.");
            return false;
        }
        if (!session.writableBinding().get()) {
            message.set("This incident is open read-only: nothing can be recorded.");
            return false;
        }
        return true;
    }

    /** The next shown row after {@code key} that is not run, wrapping round; {@code key} itself when none is. */
    private String nextNotRunAfter(String key) {
        int at = indexOf(key);
        for (int i = 1; i <= rows.size(); i++) {
            TestRow candidate = rows.get((at + i + rows.size()) % rows.size());
            if (candidate.notRun() && !candidate.key().equals(key)) {
                return candidate.key();
            }
        }
        return key;
    }

    private int indexOf(String key) {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).key().equals(key)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Saves a note: recorded with the row's outcome when it has one, else kept as the draft for its next result.
     * A blank note clears the draft.
     */
    public void saveNote(TestRow row, String text) {
        if (row == null) {
            return;
        }
        String note = text == null ? "" : text.strip();
        if (note.isEmpty()) {
            drafts.remove(draftKey(row));
            refresh();
            return;
        }
        if (row.outcome() == null) {
            drafts.put(draftKey(row), note);
            message.set("Note kept as a draft: it is recorded with the next result (P / F / S / B).");
            refresh();
            return;
        }
        if (!canRecord()) {
            return;
        }
        message.set("");
        session.record(new EventPayload.TestResultSet(row.item().suiteId(), row.item().id(), scope.get().phaseId(),
                row.outcome(), note));
    }

    /** The draft note of a row, or "". */
    public String draft(TestRow row) {
        return drafts.getOrDefault(draftKey(row), "");
    }

    private String draftKey(TestRow row) {
        return scope.get().phaseId() + "|" + row.key();
    }

    /** Ticks a step (1-based) of a test case if it is not ticked, unticks it if it is. */
    public void toggleStep(TestRow row, int step) {
        if (row == null || !row.item().isCase() || step < 1 || step > row.item().steps().size() || !canRecord()) {
            return;
        }
        session.record(new EventPayload.TestStepTicked(row.item().suiteId(), row.item().id(), step,
                !row.tickedSteps().contains(step)));
    }

    /** Unticks every step, for re-running a case after a fix; its earlier results stay in the history. */
    public void resetSteps(TestRow row) {
        if (row == null || row.tickedSteps().isEmpty() || !canRecord()) {
            return;
        }
        for (int step : row.tickedSteps().stream().sorted().toList()) {
            session.record(new EventPayload.TestStepTicked(row.item().suiteId(), row.item().id(), step, false));
        }
    }

    public void open(TestRow row) {
        openKey.set(row == null ? null : row.key());
    }

    public void close() {
        openKey.set(null);
    }

    /** Switches to the rollback area for the current phase (its decision criteria). */
    public void showRollbackCriteria() {
        showRollback.accept(scope.get().phaseId());
    }

    /** Writes the incident's results to {@code file} in the background; the outcome is in {@link #messageProperty()}. */
    public void export(Path file, ExportFormat format) {
        IncidentState state = state(plan.getValue());
        if (state == null) {
            message.set("No incident is open: there are no results to export.");
            return;
        }
        List<String> warnings = session.warningLines();
        Incident incident = session.incidentProperty().get();
        boolean drill = incident != null && incident.metadata().drill();
        tasks.run(() -> {
            // The save dialog has asked about replacing an existing file.
            return OutputFiles.write(file, TestResultsExport.export(state, format, warnings, drill), true);
        }, written -> message.set("Exported the results to " + written),
                error -> message.set("Not exported: " + file + ": " + error.getMessage()));
    }

    /** "tests-INCIDENT.md". */
    public String exportFileName(ExportFormat format) {
        IncidentState state = state(plan.getValue());
        String id = state == null ? "plan" : state.started().map(StartRecord::incidentId).orElse("incident");
        return "tests-" + id.replaceAll("[^A-Za-z0-9._-]", "-") + "." + format.extension();
    }

    public TestRow selectedRow() {
        String key = selectedKey.get();
        return key == null ? null : rows.stream().filter(r -> r.key().equals(key)).findFirst().orElse(null);
    }

    public ObservableList<Scope> scopes() {
        return scopesView;
    }

    /** Selects the scope of a phase (null: all phases). */
    public void selectPhase(String phaseId) {
        scopes.stream().filter(s -> Objects.equals(s.phaseId(), phaseId)).findFirst().ifPresent(scope::set);
    }

    public ObjectProperty<Scope> scopeProperty() {
        return scope;
    }

    public ObjectProperty<Filter> filterProperty() {
        return filter;
    }

    public StringProperty searchProperty() {
        return search;
    }

    public ObservableList<TestRow> rows() {
        return rowsView;
    }

    public StringProperty selectedKeyProperty() {
        return selectedKey;
    }

    public ReadOnlyObjectProperty<TestRow> openRowProperty() {
        return openRow.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<TestProgress> progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<TestProgress> overallProperty() {
        return overall.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty rollbackHintProperty() {
        return rollbackHint.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty liveProperty() {
        return live.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
