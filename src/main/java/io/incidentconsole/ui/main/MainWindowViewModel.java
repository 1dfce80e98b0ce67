package io.incidentconsole.ui.main;

import io.incidentconsole.ui.incident.RecoveryNotice;
import io.incidentconsole.ui.common.CurrentPlan;
import io.incidentconsole.ui.plan.ImportNotice;
import io.incidentconsole.settings.Product;
import io.incidentconsole.team.TeamJournal;
import io.incidentconsole.ui.common.BackgroundTasks;
import io.incidentconsole.ui.common.ConsoleArea;
import io.incidentconsole.ui.common.Theme;
import io.incidentconsole.ui.incident.IncidentSession;
import io.incidentconsole.ui.plan.PlanProblems;

import io.incidentconsole.input.BoundedRead;

import io.incidentconsole.plan.Plan;
import io.incidentconsole.plan.PlanLoadResult;
import io.incidentconsole.plan.PlanLoader;
import io.incidentconsole.plan.PlanRead;
import io.incidentconsole.plan.Problem;
import io.incidentconsole.settings.RecentPlans;
import io.incidentconsole.settings.Settings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import io.incidentconsole.importer.ImportChoices;
import io.incidentconsole.importer.ImportResult;
import io.incidentconsole.importer.MarkdownImporter;
import io.incidentconsole.importer.MarkdownText;
import io.incidentconsole.incident.Incident;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/**
 * State and actions of the console frame: which plan is open, which area is shown, the theme, recent
 * files, and what went wrong when a plan could not be opened. Plans load in the background; a failed load
 * leaves the current plan in place.
 */
public final class MainWindowViewModel {

    static final String THEME_KEY = "theme";

    private final Supplier<PlanLoader> newLoader;
    private PlanLoader loader;
    private MarkdownImporter importer;
    private final RecentPlans recentPlans;
    private final Settings settings;
    private final BackgroundTasks tasks;

    private final ReadOnlyObjectWrapper<Plan> plan = new ReadOnlyObjectWrapper<>(this, "plan");
    private final ReadOnlyStringWrapper planSource = new ReadOnlyStringWrapper(this, "planSource", "");
    /** The full path behind {@link #planSourceProperty()}, which names only its last folders (a tooltip). */
    private final ReadOnlyStringWrapper planSourcePath = new ReadOnlyStringWrapper(this, "planSourcePath", "");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", Product.NAME);
    private final ReadOnlyStringWrapper subtitle = new ReadOnlyStringWrapper(this, "subtitle", "Loading plan…");
    private final ReadOnlyStringWrapper statusMessage = new ReadOnlyStringWrapper(this, "statusMessage", "");
    private final ReadOnlyBooleanWrapper statusFailed = new ReadOnlyBooleanWrapper(this, "statusFailed");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyObjectWrapper<PlanProblems> problems = new ReadOnlyObjectWrapper<>(this, "problems");
    private final ObjectProperty<ConsoleArea> selectedArea =
            new SimpleObjectProperty<>(this, "selectedArea", ConsoleArea.OVERVIEW);
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(this, "theme", Theme.DARK);
    private final ObservableList<Path> recent = FXCollections.observableArrayList();
    private final ObservableList<Path> recentView = FXCollections.unmodifiableObservableList(recent);
    private final ReadOnlyObjectWrapper<ImportNotice> importNotice = new ReadOnlyObjectWrapper<>(this, "importNotice");
    private final ReadOnlyObjectWrapper<RecoveryNotice> recovery = new ReadOnlyObjectWrapper<>(this, "recovery");
    private final IncidentSession session;
    private CurrentPlan current;

    public MainWindowViewModel(PlanLoader loader, RecentPlans recentPlans, Settings settings, BackgroundTasks tasks,
                               IncidentSession session) {
        this(() -> loader, recentPlans, settings, tasks, session);
    }

    /**
     * {@code newLoader} is called once, on the background thread, when the first plan is opened: making a loader
     * (its Jackson mapper) is start-up work that has no business on the FX thread before the first frame.
     */
    public MainWindowViewModel(Supplier<PlanLoader> newLoader, RecentPlans recentPlans, Settings settings,
                               BackgroundTasks tasks, IncidentSession session) {
        this.newLoader = newLoader;
        this.session = session;
        this.recentPlans = recentPlans;
        this.settings = settings;
        this.tasks = tasks;
        theme.set(savedTheme(settings));
        theme.addListener((obs, old, now) -> settings.put(THEME_KEY, now.name()));
        recent.setAll(recentPlans.list());
    }

    /** The theme the operator chose last time (dark when none). */
    public static Theme savedTheme(Settings settings) {
        return settings.get(THEME_KEY).map(Theme::parse).orElse(Theme.DARK);
    }

    public void openBundledPlan() {
        openBundledPlan(() -> PlanRead.bundled(loader()));
    }

    /** Opens the bundled plan as {@code read} reads it (the application may have started reading it already). */
    public void openBundledPlan(Callable<PlanRead> read) {
        load("the bundled plan", () -> Loaded.of(read.call()), null);
    }

    private synchronized PlanLoader loader() {
        if (loader == null) {
            loader = newLoader.get();
        }
        return loader;
    }

    private synchronized MarkdownImporter importer() {
        if (importer == null) {
            importer = new MarkdownImporter(loader());
        }
        return importer;
    }

    public void openPlan(Path file) {
        openPlan(file, () -> PlanRead.file(loader(), file));
    }

    /** Opens a plan file as {@code read} reads it (the application may have started reading it already). */
    public void openPlan(Path file, Callable<PlanRead> read) {
        load(file.getFileName().toString(), () -> Loaded.of(read.call()), file);
    }

    /**
     * Imports a Markdown coordination plan and shows the plan built from it; what the importer understood is
     * published as an {@link ImportNotice}. The imported plan is not a file, so it is not added to the recent plans.
     */
    public void importMarkdown(Path file) {
        ImportChoices choices = importChoices(file);
        load(file.getFileName().toString(), () -> {
            MarkdownText markdown = MarkdownText.decodeDocument(BoundedRead.read(file, MarkdownImporter.MAX_BYTES,
                    "a Markdown plan"));
            ImportResult imported = importer().importDocument(file.toString(), markdown.text(), choices);
            PlanLoadResult result = PlanRead.withinConsoleLimits(
                    new PlanLoadResult(file.toString(), imported.plan(), List.of()));
            return new Loaded(result, imported.yaml(),
                    new ImportNotice(file, imported.report(), markdown.readAsLatin1(), choices));
        }, null);
    }

    /**
     * Imports the document again with the operator's reading of some sections (phase, runbook, test suite, notes,
     * ignore); the choices are remembered for this file and applied to every later import of it.
     */
    public void reimport(Path file, ImportChoices choices) {
        settings.put(choicesKey(file), choices.encode());
        importMarkdown(file);
    }

    /** The choices remembered for a document (none when it was never reassigned). */
    public ImportChoices importChoices(Path file) {
        return settings.get(choicesKey(file)).map(ImportChoices::decode).orElse(ImportChoices.NONE);
    }

    private static String choicesKey(Path file) {
        return IMPORT_CHOICES_KEY + file.toAbsolutePath().normalize();
    }

    static final String IMPORT_CHOICES_KEY = "import-choices.";

    public ReadOnlyObjectProperty<ImportNotice> importNoticeProperty() {
        return importNotice.getReadOnlyProperty();
    }

    /** Opens a plan file, or imports it when it is a Markdown document (.md, .markdown). */
    public void openOrImport(Path file) {
        if (isMarkdown(file)) {
            importMarkdown(file);
        } else {
            openPlan(file);
        }
    }

    public static boolean isMarkdown(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".md") || name.endsWith(".markdown");
    }

    /** A load's result with the plan's text, which a new incident copies into its folder. */
    private record Loaded(PlanLoadResult result, String text, ImportNotice imported) {
        static Loaded of(PlanRead read) {
            return new Loaded(read.result(), read.text(), null);
        }
    }

    public Optional<CurrentPlan> currentPlan() {
        return Optional.ofNullable(current);
    }

    private void load(String what, Callable<Loaded> work, Path file) {
        begin(what);
        tasks.run(work, loaded -> finish(loaded, file), error -> fail(what, file, error));
    }

    /**
     * Opens a plan whose read has already finished ({@code read} returns at once), on the calling thread: the
     * application read the first plan ahead, and showing it in the same pulse as the console saves styling the
     * window once without it (issue #22, goal 1). {@code file} is null for the bundled plan.
     */
    public void openReadPlan(Path file, Callable<PlanRead> read) {
        String what = file == null ? "the bundled plan" : file.getFileName().toString();
        begin(what);
        Loaded loaded;
        try {
            loaded = Loaded.of(read.call());
        } catch (Exception e) {
            fail(what, file, e);
            return;
        }
        finish(loaded, file);
    }

    private void begin(String what) {
        busy.set(true);
        statusFailed.set(false);
        statusMessage.set("Opening " + what + "…");
    }

    // busy turns false last: whoever waits for it (the start-up incident dialog) sees the outcome.
    private void finish(Loaded loaded, Path file) {
        PlanLoadResult result = loaded.result();
        if (result.ok()) {
            current = new CurrentPlan(result.plan(), file == null ? result.source() : file.toAbsolutePath().toString(),
                    loaded.text());
            show(result, file);
            if (loaded.imported() != null) {
                planSource.set("Imported from " + loaded.imported().file().toAbsolutePath() + " (not saved as a plan file)");
                statusMessage.set("Imported " + loaded.imported().file().getFileName() + " — "
                        + result.plan().summary());
                importNotice.set(null); // an equal report of the same file must show again
                importNotice.set(loaded.imported());
            }
        } else {
            refuse(result.source(), result.problems());
        }
        busy.set(false);
    }

    private void fail(String what, Path file, Exception error) {
        String source = file == null ? what : file.toString();
        refuse(source, List.of(new Problem(source, 0, 0, "", "cannot open: " + error.getMessage())));
        busy.set(false);
    }

    private void show(PlanLoadResult result, Path file) {
        Plan loaded = result.plan();
        plan.set(loaded);
        planSource.set(file == null ? "Bundled plan: " + result.source().replaceFirst("^bundled:", "")
                : "Plan: " + shortPath(file.toAbsolutePath()));
        planSourcePath.set(file == null ? "" : file.toAbsolutePath().toString());
        title.set(loaded.plan().title());
        subtitle.set(subtitleOf(loaded));
        statusFailed.set(false);
        statusMessage.set("Opened " + (file == null ? "the bundled plan" : file.getFileName()) + " — "
                + loaded.summary());
        if (file != null) {
            try {
                recent.setAll(recentPlans.add(file));
            } catch (RuntimeException e) {
                statusMessage.set(statusMessage.get() + " (could not update recent files: " + e.getMessage() + ")");
            }
        }
    }

    private void refuse(String source, List<Problem> found) {
        statusFailed.set(true);
        statusMessage.set("Could not open " + source + ": " + found.size()
                + (found.size() == 1 ? " problem" : " problems") + (plan.get() == null ? "" : "; keeping the open plan"));
        if (plan.get() == null) {
            title.set("No plan open");
            subtitle.set("Open a plan with File → Open (Ctrl+O), a recent file, or by dropping a .yaml or .json file here.");
        }
        // The same file refused twice has equal problems: clear first, or the second refusal shows no dialog.
        problems.set(null);
        problems.set(new PlanProblems(source, found));
    }

    static String subtitleOf(Plan plan) {
        StringBuilder out = new StringBuilder();
        if (plan.plan().status() != null) {
            out.append(plan.plan().status()).append("  ·  ");
        }
        if (plan.plan().date() != null) {
            out.append(plan.plan().date()).append("  ·  ");
        }
        plan.issues().forEach(i -> out.append(i.label())
                .append(i.priority() == null ? "" : " " + i.priority().name().toLowerCase(Locale.ROOT))
                .append("  ·  "));
        out.append(plan.summary());
        return out.toString();
    }

    /** Works on an incident: its own copy of the plan is shown, and every action is recorded in its journal. */
    public void openIncident(Incident incident) {
        session.attach(incident);
        current = null;
        plan.set(incident.plan());
        planSource.set(incident.journal() instanceof TeamJournal team
                ? "Team incident " + incident.id() + " on " + team.databaseLabel()
                : "Journal and plan copy: " + shortPath(incident.directory()));
        planSourcePath.set(incident.directory() == null ? "" : incident.directory().toAbsolutePath().toString());
        title.set(incident.plan().plan().title());
        subtitle.set(subtitleOf(incident.plan()));
        statusFailed.set(false);
        statusMessage.set((incident.isReadOnly() ? "Opened read-only: " + incident.readOnlyReason().orElse("")
                : "Working on incident " + incident.id() + " as " + incident.operator())
                + (incident.recovery().warnings().isEmpty() ? "" : "; the journal needed recovery, see the warning"));
        if (!incident.recovery().warnings().isEmpty()) {
            recovery.set(new RecoveryNotice(incident, incident.recovery()));
        }
    }

    public ReadOnlyObjectProperty<RecoveryNotice> recoveryProperty() {
        return recovery.getReadOnlyProperty();
    }

    public IncidentSession session() {
        return session;
    }

    public void toggleTheme() {
        theme.set(theme.get().other());
    }

    public void select(ConsoleArea area) {
        selectedArea.set(area);
    }

    public ReadOnlyObjectProperty<Plan> planProperty() {
        return plan.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty planSourcePathProperty() {
        return planSourcePath.getReadOnlyProperty();
    }

    /**
     * "…/incidents/20261207-0204-9958db": the last two names of a path. The status bar is for what is happening;
     * a long temporary folder path would take half of it (the full path is the tooltip).
     */
    static String shortPath(Path path) {
        if (path == null) {
            return "";
        }
        int names = path.getNameCount();
        return names <= 2 ? path.toString() : "…/" + path.subpath(names - 2, names);
    }

    public ReadOnlyStringProperty planSourceProperty() {
        return planSource.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty subtitleProperty() {
        return subtitle.getReadOnlyProperty();
    }

    /** Puts a plain notice in the status bar (e.g. who this console now records as, after a takeover). */
    public void announce(String message) {
        statusFailed.set(false);
        statusMessage.set(message);
    }

    public ReadOnlyStringProperty statusMessageProperty() {
        return statusMessage.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty statusFailedProperty() {
        return statusFailed.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<PlanProblems> problemsProperty() {
        return problems.getReadOnlyProperty();
    }

    public ObjectProperty<ConsoleArea> selectedAreaProperty() {
        return selectedArea;
    }

    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    public ObservableList<Path> recentPlans() {
        return recentView;
    }
}
