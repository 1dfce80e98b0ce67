package io.incidentconsole.app;

import io.incidentconsole.drill.ScenarioSimulation;
import java.util.Map;
import java.util.WeakHashMap;
import java.time.Duration;
import io.incidentconsole.rollback.ProcessStepExecutor;
import io.incidentconsole.rollback.ScriptRunner;
import io.incidentconsole.drill.Drills;
import io.incidentconsole.settings.Product;
import io.incidentconsole.incident.storage.IncidentStore;
import io.incidentconsole.incident.OperatorSettings;
import io.incidentconsole.plan.PlanLoader;
import io.incidentconsole.guided.WaitClock;
import io.incidentconsole.ui.common.GuidedRequest;
import io.incidentconsole.ui.guided.GuidedView;
import io.incidentconsole.ui.guided.GuidedViewModel;
import io.incidentconsole.ui.handoff.HandoffView;
import io.incidentconsole.ui.handoff.HandoffViewModel;
import io.incidentconsole.ui.incident.IncidentPickerViewModel;
import io.incidentconsole.ui.incident.IncidentSession;
import io.incidentconsole.ui.board.PhaseBoardView;
import io.incidentconsole.ui.board.PhaseBoardViewModel;
import io.incidentconsole.ui.team.TeamReopenLiveButton;
import io.incidentconsole.ui.timeline.TimelineView;
import io.incidentconsole.ui.timeline.TimelineViewModel;
import io.incidentconsole.ui.team.TeamJoinDialogs;
import io.incidentconsole.ui.team.TeamJoinViewModel;
import io.incidentconsole.ui.team.TeamSession;
import io.incidentconsole.ui.team.TeamStatusChip;
import io.incidentconsole.team.RecentTeamDatabases;
import io.incidentconsole.team.PostgresTeamDatabase;
import io.incidentconsole.team.TeamDatabaseConnector;
import io.incidentconsole.settings.AppDirectories;
import io.incidentconsole.settings.MachineName;
import io.incidentconsole.settings.RecentPlans;
import io.incidentconsole.settings.Settings;
import io.incidentconsole.ui.common.BackgroundTasks;
import io.incidentconsole.ui.common.ConsoleDependencies;
import io.incidentconsole.cli.StartRequest;
import io.incidentconsole.ui.common.ConsoleArea;
import io.incidentconsole.ui.main.MainWindowView;
import io.incidentconsole.ui.main.StartupFrame;
import io.incidentconsole.ui.metrics.AlertBanner;
import io.incidentconsole.ui.metrics.MetricsSession;
import io.incidentconsole.ui.metrics.MetricsView;
import io.incidentconsole.ui.metrics.MetricsViewModel;
import io.incidentconsole.metrics.MetricSources;
import io.incidentconsole.metrics.MetricsSettings;
import io.incidentconsole.metrics.SimulatorHistory;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Label;
import io.incidentconsole.ui.main.MainWindowViewModel;
import io.incidentconsole.ui.plan.PlanDocumentView;
import io.incidentconsole.ui.plan.PlanDocumentViewModel;
import io.incidentconsole.ui.rollback.RollbackRequests;
import io.incidentconsole.ui.rollback.RollbackViews;
import io.incidentconsole.ui.tests.TestsView;
import io.incidentconsole.ui.tests.TestsViewModel;
import io.incidentconsole.ui.reports.ReportsView;
import io.incidentconsole.ui.reports.ReportsViewModel;
import io.incidentconsole.ui.now.NowStripView;
import io.incidentconsole.ui.now.NowStripViewModel;
import io.incidentconsole.report.CadenceClock;
import io.incidentconsole.report.SimulatedMetricHistory;
import io.incidentconsole.report.MetricHistory;
import io.incidentconsole.report.StoreMetricHistory;
import io.incidentconsole.incident.IncidentState;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.scene.Scene;
import javafx.stage.Stage;
import io.incidentconsole.drill.DrillRuns;
import io.incidentconsole.ui.drill.DrillBand;
import io.incidentconsole.ui.drill.DrillViewModel;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** The JavaFX application: wires the console together and shows it. */
public final class ConsoleApplication extends Application {

    /**
     * The team database of the real application: PostgreSQL, keeping each shared incident's last synced copy and
     * offline queue under DATA/team. Made on the first connect (off the FX thread: it looks up the host name).
     */
    public static TeamDatabaseConnector productionTeamDatabase(AppDirectories directories, Clock clock) {
        String consoleId = UUID.randomUUID().toString();
        return address -> new PostgresTeamDatabase(directories.data().resolve("team"), clock, consoleId,
                MachineName.current()).connect(address);
    }


    /** What to open: the command line's request, handed over as it is (ADR 0014). */
    private final StartRequest request;
    /** Null in the real application: {@link #start} then uses {@link #productionTeamDatabase}. */
    private final TeamDatabaseConnector teamDatabase;

    /** What JavaFX calls when it is the main class (javafx:run): the bundled plan, the production team database. */
    public ConsoleApplication() {
        this(StartRequest.defaults(), null);
    }

    public ConsoleApplication(StartRequest request) {
        this(request, null);
    }

    public ConsoleApplication(StartRequest request, TeamDatabaseConnector teamDatabase) {
        this.request = request;
        this.teamDatabase = teamDatabase;
        this.firstPlan = FirstPlanRead.start(request, background);
    }

    private final ExecutorService background = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "console-background");
        thread.setDaemon(true);
        return thread;
    });
    /** Read from the moment this object exists: the launcher makes it before the toolkit starts. */
    private final FirstPlanRead firstPlan;

    @Override
    public void start(Stage stage) {
        Optional<StartupProbe> probe = StartupProbe.fromProperty(System.getProperty(StartupProbe.PROPERTY),
                System.out, System.err);
        probe.ifPresent(p -> p.mark("fx-start"));
        AppDirectories directories = AppDirectories.forCurrentUser(request.dataDir());
        Settings settings = ConsoleDependencies.settingsIn(directories);
        // The one place the console's dependencies are made; everything below gets them from here.
        ConsoleDependencies deps = new ConsoleDependencies(Clock.systemUTC(),
                new BackgroundTasks(background, Platform::runLater), Platform::runLater, directories,
                Path.of(System.getProperty("user.dir")), settings);

        // The first frame is the console's layout with "Starting…", in the operator's theme; the console is built
        // into the same window right after it (docs/decisions/0004-first-frame-before-the-console.md).
        StartupFrame startupFrame = new StartupFrame();
        Scene scene = new Scene(startupFrame.root(), 1360, 880);
        scene.getStylesheets().setAll(StartupFrame.stylesheets(MainWindowViewModel.savedTheme(settings)));
        stage.setTitle(Product.NAME);
        stage.setScene(scene);
        stage.show();
        probe.ifPresent(p -> {
            p.mark("shown");
            p.watchFirstFrame();
        });
        if (probe.map(StartupProbe::exitsAtFirstFrame).orElse(false)) {
            return;
        }
        FirstFrame.then(() -> {
            try {
                showConsole(stage, deps, probe);
            } catch (RuntimeException e) {
                // Thrown from an animation pulse it would only be printed, leaving "Starting…" on screen for ever.
                e.printStackTrace();
                startupFrame.failed(e.getMessage() == null ? e.toString() : e.getMessage());
            }
        });
    }

    /** Builds the console into the shown window, then reads the plan and the incident store in the background. */
    private void showConsole(Stage stage, ConsoleDependencies deps, Optional<StartupProbe> probe) {
        Console console = Console.create(deps, MetricsWiring.real(metricsSettings(request)),
                teamDatabase != null ? teamDatabase : productionTeamDatabase(deps.directories(), deps.clock()));
        this.console = console;
        probe.ifPresent(p -> p.mark("console-built"));
        // The view applies the theme's full set of style sheets when its root joins the scene.
        stage.getScene().setRoot(console.view().root());
        // The first plan has been read ahead on the background thread since before the toolkit started. Read by
        // now (the usual case), it goes in within this same pulse, before its CSS pass, so the window is styled and
        // laid out once, with the plan; otherwise it follows as any plan does (FirstPlanRead). After setRoot: a plan
        // that is refused shows its problems in a dialog owned by the window.
        firstPlan.openIn(console.model());
        // "Incident Console — <plan>"; while the plan loads the view model's title is the product name alone.
        // In a drill: "DRILL — Incident Console — <plan>", so no window of a rehearsal is taken for the real one.
        stage.titleProperty().bind(Bindings.createStringBinding(() -> windowTitle(console.model().titleProperty().get(),
                console.drill().activeProperty().get()), console.model().titleProperty(),
                console.drill().activeProperty()));

        // Once the plan is in, offer to resume the most recent incident or start a new one (or join the team's).
        Runnable planIn = () -> {
            probe.ifPresent(p -> {
                p.mark("plan-in");
                p.watchConsoleReady();
            });
            // Off the start-up path: the heap settings only matter for the long run (see HeapTuning).
            HeapTuning.startInBackground(System.getProperty(HeapTuning.PROPERTY), System.err);
            if (request.teamDatabase() != null) {
                console.teams().launch(request.teamDatabase(), request.teamIncident());
            } else if (console.model().currentPlan().isPresent()) {
                // After the plan's first frame: the plan is on screen at once, the dialog comes over it a frame
                // later (building it first held the plan back by ~0.1-0.3 s, issue 22 goal 1).
                FirstFrame.then(console.view()::showIncidentPicker);
            }
            // A plan that could not be opened shows its problems; the incident dialog would cover them (Ctrl+I
            // opens it, and the header says so).
        };
        if (console.model().busyProperty().get()) {
            console.model().busyProperty().addListener(new ChangeListener<>() {
                @Override
                public void changed(ObservableValue<? extends Boolean> obs, Boolean was, Boolean busy) {
                    if (!busy) {
                        obs.removeListener(this);
                        planIn.run();
                    }
                }
            });
        } else {
            planIn.run();
        }
        // Once the first incident is open, its ticks' domain work is rehearsed in the background, so that the
        // operator's first ticks run compiled code (TickWarmUp).
        console.model().session().stateProperty().addListener(new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends IncidentState> obs, IncidentState was, IncidentState now) {
                if (now != null) {
                    obs.removeListener(this);
                    // After the incident is drawn: not competing with its first frame for the cores.
                    FirstFrame.then(() -> TickWarmUp.startInBackground(System.getProperty(TickWarmUp.PROPERTY), now,
                            deps.clock(), System.err));
                }
            }
        });
        // After the plan, on the same background thread: the incident store and the remembered operator name, which
        // the incident dialog needs next (each has a Jackson mapper: not something to make on the FX thread).
        background.execute(() -> {
            console.store();
            console.operators().get();
        });
    }

    /** "Incident Console — PLAN", the product name alone while no plan is in, and "DRILL — " first in a drill. */
    static String windowTitle(String plan, boolean drill) {
        return Drills.prefix(drill) + (plan == null || plan.isBlank() || plan.equals(Product.NAME)
                ? Product.NAME : Product.NAME + " — " + plan);
    }

    /** {@code --prometheus=URL}, {@code --prometheus-token-env=NAME}, {@code --metrics-file=PATH}. */
    static MetricsSettings metricsSettings(StartRequest request) {
        return new MetricsSettings(Optional.ofNullable(request.prometheusUrl()),
                Optional.ofNullable(request.prometheusTokenEnv()),
                Optional.ofNullable(request.metricsFile()).map(Path::toAbsolutePath), MetricsWiring.SIMULATOR_SEED);
    }

    @Override
    public void stop() {
        if (console != null) {
            console.closeMetrics().run();
            console.model().session().close();
        }
        background.shutdownNow();
    }

    private Console console;

    /** The console's object graph, built by constructor injection; tests build it the same way. */
    public record Console(MainWindowViewModel model, MainWindowView view, Supplier<IncidentStore> stores,
                          Supplier<OperatorSettings> operators, MetricsSession metrics, Runnable closeMetrics,
                          ReportsViewModel reports, TeamJoinDialogs teams, DrillViewModel drill) {

        /** Where incidents are kept; made on first use (its Jackson mapper is not needed for the first frame). */
        public IncidentStore store() {
            return stores.get();
        }

        /**
         * The console, built from {@code deps} (ADR 0014). {@code wiring}: where metrics come from;
         * {@code teamDatabase}: how File → Join Team Incident… and --incident-db reach a team database.
         */
        public static Console create(ConsoleDependencies deps, MetricsWiring wiring, TeamDatabaseConnector teamDatabase) {
            AppDirectories directories = deps.directories();
            Settings settings = deps.settings();
            BackgroundTasks tasks = deps.tasks();
            Clock clock = deps.clock();
            IncidentSession session = new IncidentSession(tasks);
            TickProbe.fromProperty(System.getProperty(TickProbe.PROPERTY), System.out, System.err)
                    .ifPresent(session::setObserver);
            TeamSession team = new TeamSession(session, tasks);
            MainWindowViewModel model = new MainWindowViewModel(
                    PlanLoader::new,
                    new RecentPlans(directories.config().resolve("recent-plans.txt"), 10),
                    settings,
                    tasks,
                    session);
            Supplier<IncidentStore> store = Lazy.of(() -> new IncidentStore(directories.data(), clock));
            // Like the store, made when the incident dialog first asks (it has a Jackson mapper of its own).
            Supplier<OperatorSettings> operators = Lazy.of(
                    () -> new OperatorSettings(directories.config().resolve(OperatorSettings.FILE)));
            MetricsSession metrics = new MetricsSession(
                    new MetricSources(wiring.clock(), wiring.scheduler(), wiring.environment(),
                            SimulatorHistory.fromProperty(System.getProperty(SimulatorHistory.PROPERTY),
                                    System.err::println)), wiring.settings(),
                    session, model.planProperty(), wiring.clock());
            metrics.setOpenRunbook(runbookId -> model.select(ConsoleArea.ROLLBACK));
            // "Something is wrong" (guided mode, a failed test) opens the rollback area on the phase's procedure, which
            // pre-fills the values recorded during the steps.
            RollbackRequests rollbackRequests = new RollbackRequests();
            Consumer<String> rollBackPhase = phaseId -> {
                rollbackRequests.forPhase(phaseId);
                model.select(ConsoleArea.ROLLBACK);
            };
            DrillViewModel drill = new DrillViewModel(session, tasks, clock);
            // A drill's waits count its fast-forwards; a real incident has none, so its waits are wall-clock only.
            GuidedViewModel guided = new GuidedViewModel(session, model.planProperty(),
                    new WaitClock(clock, since -> drill.current()
                            .map(d -> d.state().advancedSince(since)).orElse(Duration.ZERO)),
                    rollBackPhase, metrics.readings());
            DrillRuns runs = new DrillRuns(drill::current, ScriptRunner.withDefaults(),
                    ProcessStepExecutor.daemonTimer(), clock);
            MainWindowView view = new MainWindowView(model,
                    area -> switch (area) {
                        case PHASE_BOARD -> new PhaseBoardView(new PhaseBoardViewModel(session, model.planProperty(), settings,
                                metrics.readings()),
                                session, team);
                        case ROLLBACK -> RollbackViews.create(session, model.planProperty(), deps,
                                rollbackRequests, runs);
                        case TIMELINE -> new TimelineView(new TimelineViewModel(session, model.planProperty(), clock));
                        case METRICS -> new MetricsView(new MetricsViewModel(metrics, session, wiring.clock()));
                        case TESTS -> new TestsView(new TestsViewModel(session, model.planProperty(), tasks,
                                rollBackPhase));
                        case GUIDED -> new GuidedView(guided);
                        default -> new PlanDocumentView(new PlanDocumentViewModel(model.planProperty(), area));
                    },
                    () -> new IncidentPickerViewModel(store.get(), operators.get(), model::currentPlan, tasks, model::openIncident));
            view.root().addEventHandler(GuidedRequest.OPEN, request -> {
                guided.open(request.phaseId());
                model.select(ConsoleArea.GUIDED);
            });
            view.addHeaderItem(new TeamStatusChip(team, drill.activeProperty()));
            team.databaseBackProperty().addListener((obs, was, back) -> view.showDatabaseBack(back));
            view.addHeaderItem(new TeamReopenLiveButton(team, model::openIncident));
            RecentTeamDatabases recentTeams = new RecentTeamDatabases(
                    directories.config().resolve("team-databases.txt"), 8);
            TeamJoinDialogs teams = new TeamJoinDialogs(() -> new TeamJoinViewModel(teamDatabase, recentTeams, operators.get(),
                    model::currentPlan, tasks, team, model::openIncident), view, model);
            view.addAboveContent(new AlertBanner(metrics));
            Label alertStatus = new Label();
            alertStatus.getStyleClass().add("metrics-alert-status");
            alertStatus.setId("metrics-alert-status");
            alertStatus.textProperty().bind(metrics.statusProperty());
            view.addStatusItem(alertStatus);
            metrics.start();
            feedScenarioToSimulator(session, drill, metrics);
            ReportsViewModel reports = new ReportsViewModel(session, clock, tasks,
                    state -> reportMetrics(metrics, wiring, state, clock));
            ReportsView reportsView = new ReportsView(reports, view, model);
            NowStripViewModel now = new NowStripViewModel(session, new CadenceClock(clock), part -> {
                switch (part.target()) {
                    case GUIDED -> {
                        guided.open(part.phaseId());
                        model.select(ConsoleArea.GUIDED);
                    }
                    case BOARD -> model.select(ConsoleArea.PHASE_BOARD);
                    case TESTS -> model.select(ConsoleArea.TESTS);
                    case METRICS -> model.select(ConsoleArea.METRICS);
                    case COMPOSE_UPDATE -> reportsView.compose(model);
                }
            });
            view.setNowStrip(new NowStripView(now).root());
            view.addHeaderBand(new DrillBand(drill, () -> model.themeProperty().get().stylesheets()));
            new HandoffView(new HandoffViewModel(session, clock, tasks,
                    operators, model::announce), view, model);
            return new Console(model, view, store, operators, metrics, () -> {
                metrics.stop();
                wiring.close();
            }, reports, teams, drill);
        }

        /**
         * A drill's scripted metric changes drive the simulator (the live charts and their alerts): applied when the
         * state changes and again to each new simulator (the metrics are rebuilt when the plan changes, as when the
         * drill is opened), each scenario event once per simulator.
         */
        private static void feedScenarioToSimulator(IncidentSession session, DrillViewModel drill,
                                                    MetricsSession metrics) {
            Map<Object, ScenarioSimulation> bySimulator = new WeakHashMap<>();
            Runnable apply = () -> {
                IncidentState state = session.stateProperty().get();
                if (state == null) {
                    return;
                }
                drill.current().ifPresent(d -> d.scenario().ifPresent(scenario -> metrics.simulator().ifPresent(sim ->
                        bySimulator.computeIfAbsent(sim.model(), k -> new ScenarioSimulation(
                                scenario, sim.model())).apply(state))));
            };
            session.stateProperty().addListener((obs, was, state) -> apply.run());
            metrics.addRebuildListener(apply);
        }

        /**
         * The values reports use: with the simulator, its story replayed over the whole incident (same seed as the
         * live charts); with real sources, what this console session has collected.
         */
        private static MetricHistory reportMetrics(MetricsSession metrics, MetricsWiring wiring, IncidentState state,
                                                   Clock clock) {
            if (metrics.simulator().isPresent()) {
                return SimulatedMetricHistory.replay(state, wiring.settings().simulatorSeed(), clock.instant());
            }
            return metrics.live().<MetricHistory>map(live -> new StoreMetricHistory(live.store(),
                    "live metrics collected by this console", false)).orElse(MetricHistory.none());
        }
    }
}
