package io.incidentconsole.ui.metrics;

import java.time.Clock;
import io.incidentconsole.app.ConsoleApplication;
import io.incidentconsole.ui.common.ConsoleDependencies;
import io.incidentconsole.ui.fixture.ConsoleFixture;
import io.incidentconsole.incident.Timeline;
import io.incidentconsole.metrics.ManualScheduler;

import io.incidentconsole.app.ConsoleApplication.Console;
import io.incidentconsole.app.MetricsWiring;
import io.incidentconsole.incident.EventPayload;
import io.incidentconsole.incident.Incident;
import io.incidentconsole.incident.IncidentState;
import io.incidentconsole.incident.AlertState;
import io.incidentconsole.metrics.Freshness;
import io.incidentconsole.metrics.MetricsSettings;
import io.incidentconsole.metrics.SourceProblem;
import io.incidentconsole.plan.PlanLoadResult;
import io.incidentconsole.plan.PlanLoader;
import io.incidentconsole.settings.AppDirectories;
import io.incidentconsole.ui.common.BackgroundTasks;
import io.incidentconsole.ui.common.ConsoleArea;
import io.incidentconsole.ui.fixture.Screenshots;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ToggleButton;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The metrics dashboard on the real console, with a hand-driven clock and scheduler: simulated numbers follow
 * the journal's phase completions, a silent metrics file turns its charts stale with since-when and why, and an
 * alert shows a banner, is recorded once, acknowledged (recorded) and offers its rollback runbook.
 */
@ExtendWith(ApplicationExtension.class)
class MetricsViewTest {

    @TempDir
    Path home;

    private Stage stage;
    private Console console;
    private ManualScheduler time;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void stop() throws Exception {
        if (console != null) {
            fx(() -> {
                console.closeMetrics().run();
                console.model().session().close();
                return null;
            });
        }
    }

    private void show(MetricsSettings settings) throws Exception {
        // Incidents stamp events with the real clock: start the hand-driven one there, so completions line up.
        time = new ManualScheduler(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        fx(() -> {
            AppDirectories dirs = new AppDirectories(home.resolve("data"), home.resolve("config"));
            ConsoleDependencies deps = ConsoleFixture.dependencies(dirs, BackgroundTasks.direct(), Clock.systemUTC());
            console = Console.create(deps, new MetricsWiring(time, time, name -> null, settings),
                    ConsoleApplication.productionTeamDatabase(dirs, deps.clock()));
            Scene scene = new Scene(console.view().root(), 1360, 880);
            console.model().themeProperty().get().applyTo(scene);
            stage.setScene(scene);
            stage.show();
            return null;
        });
    }

    private Incident startIncident(PlanLoadResult loaded, String text) throws Exception {
        return fx(() -> {
            Incident incident = console.store().create(loaded.plan(), loaded.source(), text, "ana");
            console.model().openIncident(incident);
            console.model().select(ConsoleArea.METRICS);
            return incident;
        });
    }

    /** Moves the clock in one-second steps of the sources, draining once a "frame" as the pump does. */
    private void run(Duration span) throws Exception {
        fx(() -> {
            for (long s = 0; s < span.toSeconds(); s += 10) {
                time.advance(Duration.ofSeconds(Math.min(10, span.toSeconds() - s)));
                console.metrics().pump();
            }
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        fx(() -> {
            console.metrics().pump();
            return null;
        });
    }

    private double lastValue(String metricId) {
        return console.metrics().live().orElseThrow().store().series(metricId).orElseThrow().lastValue();
    }

    @Test
    void simulatedDashboardFollowsPhaseCompletions(FxRobot robot) throws Exception {
        show(MetricsSettings.simulator(MetricsWiring.SIMULATOR_SEED));
        PlanLoader loader = new PlanLoader();
        startIncident(loader.loadBundledSeed(), loader.bundledSeedText());
        run(Duration.ofSeconds(30));

        assertThat(lastValue("convex_calls")).isCloseTo(3_200_000, within(200_000.0));
        Label value = robot.lookup("#chart-value-convex_calls").queryAs(Label.class);
        assertThat(value.getText()).matches("3\\.\\d+M calls/day");
        assertThat(robot.lookup("#chart-convex_calls").queryAs(MetricChart.class).getPseudoClassStates())
                .doesNotContain(MetricChart.STALE);
        // Simulated numbers say so on every chart and on the source line, not in small grey text.
        assertThat(robot.lookup(".metric-chart").queryAllAs(MetricChart.class)).isNotEmpty()
                .allSatisfy(c -> assertThat(c.isSimulated()).as(c.getId()).isTrue());
        assertThat(robot.lookup("#chart-simulated-convex_calls").queryAs(Label.class).isVisible()).isTrue();
        assertThat(robot.lookup("#metrics-sources").queryAs(Label.class).getPseudoClassStates())
                .contains(MetricChart.SIMULATED);
        MetricChart chart = robot.lookup("#chart-convex_calls").queryAs(MetricChart.class);
        assertThat(chart.getChildrenUnmodifiable().get(0).lookupAll(".chart-change")).singleElement()
                .satisfies(node -> assertThat(((Label) node).getText()).endsWith("% vs baseline"));
        long drawn = chart.redraws();
        fx(() -> {
            console.metrics().pump();
            return null;
        });
        assertThat(chart.redraws()).as("nothing changed: no redraw").isEqualTo(drawn);

        // Completing #330 phase 1 in the incident moves the simulated calls toward 2.8M (milestone).
        fx(() -> {
            console.model().session().record(new EventPayload.SignOffGiven("approve-p330-1", "Lead", null));
            console.model().session().record(new EventPayload.PhaseStarted("p330-1"));
            console.model().session().record(new EventPayload.GateOverridden("p330-1", "verification", "simulated"));
            console.model().session().record(new EventPayload.PhaseCompleted("p330-1", List.of()));
            return null;
        });
        IncidentState state = console.model().session().stateProperty().get();
        assertThat(state.phase("p330-1").completedAt()).isNotNull();
        run(Duration.ofMinutes(20));
        assertThat(lastValue("convex_calls")).isCloseTo(2_800_000, within(150_000.0));
        assertThat(value.getText()).matches("2\\.\\d+M calls/day");

        // The hover crosshair reports time and value.
        fx(() -> {
            chart.hoverAt(300);
            chart.redrawIfDirty();
            return null;
        });
        assertThat(chart.hoverText()).matches("\\d\\d:\\d\\d:\\d\\d UTC {2}2\\.\\d+M calls/day");

        // Keys 1–5 pick the window when the view has focus.
        fx(() -> {
            console.view().root().lookup("#metrics-window-1").requestFocus();
            return null;
        });
        robot.type(KeyCode.DIGIT2);
        assertThat(robot.lookup("#metrics-window-2").queryAs(ToggleButton.class).isSelected())
                .isTrue();

        // The 1 h window shows the phase markers and the fall after the completion.
        run(Duration.ofSeconds(2));
        fx(() -> Screenshots.save(stage.getScene(), "metrics-dark"));
        fx(() -> {
            console.model().toggleTheme();
            return null;
        });
        run(Duration.ofSeconds(2));
        fx(() -> Screenshots.save(stage.getScene(), "metrics-light"));
        fx(() -> {
            console.model().toggleTheme();
            return null;
        });
    }

    @Test
    void aSilentMetricsFileTurnsItsChartsStale(FxRobot robot) throws Exception {
        Path file = home.resolve("metrics.csv");
        show(new MetricsSettings(Optional.empty(), Optional.empty(), Optional.of(file), 1));
        Instant start = time.instant();
        StringBuilder lines = new StringBuilder("timestamp,metric,value\n");
        for (int i = 60; i >= 0; i--) {
            lines.append(start.minusSeconds(i * 30L)).append(",convex_calls,").append(3_100_000 - i * 1000).append('\n');
        }
        Files.writeString(file, lines);
        PlanLoader loader = new PlanLoader();
        startIncident(loader.loadBundledSeed(), loader.bundledSeedText());
        run(Duration.ofSeconds(2));
        assertThat(console.metrics().live().orElseThrow().freshness("convex_calls").state())
                .isEqualTo(Freshness.State.LIVE);
        Label value = robot.lookup("#chart-value-convex_calls").queryAs(Label.class);
        assertThat(value.getText()).isEqualTo("3.1M calls/day");
        assertThat(console.metrics().simulator()).as("no simulated numbers beside real ones").isEmpty();
        assertThat(robot.lookup("#chart-convex_calls").queryAs(MetricChart.class).isSimulated())
                .as("a chart fed by a real file is not marked simulated").isFalse();
        assertThat(robot.lookup("#metrics-sources").queryAs(Label.class).getPseudoClassStates())
                .doesNotContain(MetricChart.SIMULATED);

        Files.writeString(file, time.instant() + ",convex_calls,3050000\n", StandardOpenOption.APPEND);
        run(Duration.ofSeconds(5));

        // The file stops growing: after three expected intervals (2 min each) the chart says since when and why.
        run(Duration.ofMinutes(7));
        Freshness freshness = console.metrics().live().orElseThrow().freshness("convex_calls");
        assertThat(freshness.state()).isEqualTo(Freshness.State.STALE);
        Label status = robot.lookup("#chart-status-convex_calls").queryAs(Label.class);
        assertThat(status.isVisible()).isTrue();
        assertThat(status.getText()).startsWith("No data since ").contains(" UTC — ").contains("no new sample");
        assertThat(status.getText()).contains(ChartText.clock(freshness.lastSampleAt()));
        assertThat(value.getText()).isEqualTo("last known 3.05M calls/day");
        assertThat(robot.lookup("#chart-convex_calls").queryAs(MetricChart.class).getPseudoClassStates())
                .contains(MetricChart.STALE);
        fx(() -> Screenshots.save(stage.getScene(), "metrics-stale"));
    }

    @Test
    void skippedLinesAreListedWithTheirLinesTheNoticeGoesWhenDataResumesAndChartTextIsLegible(FxRobot robot)
            throws Exception {
        Path file = home.resolve("metrics.csv");
        show(new MetricsSettings(Optional.empty(), Optional.empty(), Optional.of(file), 1));
        Instant start = time.instant();
        Files.writeString(file, "timestamp,metric,value\n"
                + start.minusSeconds(60) + ",convex_calls,3100000\n"
                + start.minusSeconds(50) + ",convex_calls,lots\n"
                + start.minusSeconds(40) + ",convex_calls,3050000\n"
                + "garbage\n"
                + start.minusSeconds(30) + ",convex_calls,3000000\n");
        PlanLoader loader = new PlanLoader();
        startIncident(loader.loadBundledSeed(), loader.bundledSeedText());
        run(Duration.ofSeconds(2));

        Label notice = robot.lookup("#metrics-problems").queryAs(Label.class);
        assertThat(notice.getText()).startsWith("Metrics input skipped: " + file + ":5: ")
                .endsWith("(and 1 more: see the list)");
        assertThat(console.metrics().problems()).extracting(p -> p.location())
                .containsExactly(file + ":3", file + ":5");
        ToggleButton showAll = robot.lookup("#metrics-show-problems").queryAs(ToggleButton.class);
        assertThat(showAll.getText()).isEqualTo("Input problems (2)");
        assertThat(robot.lookup("#metrics-problem-list").query().isVisible()).isFalse();

        // The file is truncated and written again: the notice says so, then goes once samples flow again.
        Files.writeString(file, time.instant() + ",convex_calls,2900000\n");
        run(Duration.ofSeconds(2));
        assertThat(notice.getText()).contains("the file was truncated; reading it again from the start");
        Files.writeString(file, time.instant() + ",convex_calls,2850000\n", StandardOpenOption.APPEND);
        run(Duration.ofSeconds(2));
        assertThat(notice.isVisible()).as("data resumed: %s", notice.getText()).isFalse();
        assertThat(console.metrics().problems()).hasSize(3);
        fx(() -> {
            showAll.fire();
            return null;
        });
        @SuppressWarnings("unchecked")
        ListView<SourceProblem> list = robot.lookup("#metrics-problem-list").queryAs(ListView.class);
        assertThat(list.isVisible()).isTrue();
        assertThat(list.getItems()).extracting(MetricsViewModel::describe).satisfiesExactly(
                first -> assertThat(first).contains(file + ":3: "),
                second -> assertThat(second).contains(file + ":5: "),
                third -> assertThat(third).contains(file + ": the file was truncated"));

        // Level labels keep away from the right edge, where the newest points are drawn.
        MetricChart chart = robot.lookup("#chart-convex_calls").queryAs(MetricChart.class);
        assertThat(chart.labelBoxes()).isNotEmpty().allSatisfy(box ->
                assertThat(box[0] + box[2]).isLessThan(chart.plotRight() - 0.3 * chart.plotWidth()));

        // The file goes away: the chart's message is long, and wrapped onto lines that fit the plot.
        Files.delete(file);
        run(Duration.ofSeconds(3));
        assertThat(console.metrics().live().orElseThrow().freshness("convex_calls").state())
                .isEqualTo(Freshness.State.STALE);
        fx(() -> {
            chart.markDirty();
            chart.redrawIfDirty();
            return null;
        });
        assertThat(chart.overlayLines()).hasSizeGreaterThan(1);
        Text measure = new Text();
        measure.setFont(Font.font(13));
        assertThat(chart.overlayLines()).allSatisfy(line -> {
            measure.setText(line);
            assertThat(measure.getLayoutBounds().getWidth()).isLessThanOrEqualTo(chart.plotWidth() - 20);
        });
        assertThat(String.join("", chart.overlayLines()).replace(" ", "")).as("all of it, nothing squeezed")
                .isEqualTo(MetricChart.staleText(console.metrics().live().orElseThrow().freshness("convex_calls"))
                        .replace(" ", ""));
        fx(() -> Screenshots.save(stage.getScene(), "metrics-stale-wrapped-and-problems-list"));
    }

    @Test
    void anAlertShowsABannerIsRecordedOnceAndCanBeAcknowledged(FxRobot robot) throws Exception {
        PlanLoadResult loaded = showWithAlertPlan();
        startIncident(loaded, Files.readString(ALERT_PLAN));
        run(Duration.ofSeconds(10));

        Label banner = robot.lookup("#alert-banner .alert-text").queryAs(Label.class);
        assertThat(banner.getText()).startsWith("⚠ convex_calls crossed 900K at ").contains(" UTC — ");
        // The status bar has room for the headline only; the banner says the rule's name too.
        assertThat(robot.lookup("#metrics-alert-status").queryAs(Label.class).getText())
                .matches("⚠ 1 alert: convex_calls crossed 900K at \\d\\d:\\d\\d UTC");
        Map<String, AlertState> alerts = console.model().session().stateProperty().get().alerts();
        assertThat(alerts).containsOnlyKeys("calls-over-free-tier");
        assertThat(alerts.get("calls-over-free-tier").timesFired()).isEqualTo(1);
        assertThat(alerts.get("calls-over-free-tier").metricId()).isEqualTo("convex_calls");
        assertThat(robot.lookup("#chart-convex_calls").queryAs(MetricChart.class).getPseudoClassStates())
                .contains(MetricChart.ALERTING);

        run(Duration.ofMinutes(1));
        assertThat(console.model().session().stateProperty().get().alerts().get("calls-over-free-tier").timesFired())
                .as("the same firing is recorded once").isEqualTo(1);
        fx(() -> Screenshots.save(stage.getScene(), "metrics-alert"));

        Button open = robot.lookup("#alert-open-runbook-calls-over-free-tier").queryButton();
        assertThat(open.getText()).isEqualTo("Open rollback runbook rb330");
        fx(() -> {
            open.fire();
            return null;
        });
        assertThat(console.model().selectedAreaProperty().get()).isEqualTo(ConsoleArea.ROLLBACK);

        fx(() -> {
            robot.lookup("#alert-acknowledge-calls-over-free-tier").queryButton().fire();
            return null;
        });
        AlertState acknowledged = console.model().session().stateProperty().get().alerts()
                .get("calls-over-free-tier");
        assertThat(acknowledged.acknowledged()).isTrue();
        assertThat(acknowledged.acknowledgedBy()).isEqualTo("ana");
        assertThat(robot.lookup("#alert-banner").query().isVisible()).isFalse();
        assertThat(robot.lookup("#metrics-alert-status").queryAs(Label.class).getText()).isEmpty();
    }

    @Test
    void anAlertThatFiredBeforeTheIncidentWasOpenedIsRecordedInItOnceWithItsFiringTime(FxRobot robot) throws Exception {
        PlanLoadResult loaded = showWithAlertPlan();
        fx(() -> {
            console.model().openPlan(ALERT_PLAN);
            return null;
        });
        run(Duration.ofSeconds(10));
        Label banner = robot.lookup("#alert-banner .alert-text").queryAs(Label.class);
        assertThat(banner.getText()).startsWith("⚠ convex_calls crossed 900K at ");
        assertThat(console.model().session().stateProperty().get()).as("no incident open yet").isNull();

        run(Duration.ofMinutes(2));
        startIncident(loaded, Files.readString(ALERT_PLAN));

        AlertState recorded = console.model().session().stateProperty().get().alerts()
                .get("calls-over-free-tier");
        assertThat(recorded).as("the active alert is in the incident's journal").isNotNull();
        assertThat(recorded.timesFired()).isEqualTo(1);
        // The message keeps the time it fired, which is before the incident started (within the hour).
        Matcher at = Pattern.compile("at (\\d{2}:\\d{2}:\\d{2}) UTC")
                .matcher(recorded.message());
        assertThat(at.find()).as(recorded.message()).isTrue();
        int firedAt = LocalTime.parse(at.group(1)).toSecondOfDay();
        int started = LocalTime.ofInstant(console.model().session().stateProperty().get().started().orElseThrow().at(),
                ZoneOffset.UTC).toSecondOfDay();
        assertThat(Math.floorMod(started - firedAt, 86_400)).as("seconds from firing to the incident's start")
                .isBetween(1, 3_600);

        run(Duration.ofMinutes(1));
        assertThat(console.model().session().stateProperty().get().alerts().get("calls-over-free-tier").timesFired())
                .as("the same firing is recorded once").isEqualTo(1);
    }

    @Test
    void anAlertsWholeLifeIsRecordedAndEveryViewAgreesOnWhatIsOpen(FxRobot robot) throws Exception {
        Path file = home.resolve("metrics.csv");
        show(new MetricsSettings(Optional.empty(), Optional.empty(), Optional.of(file), 1));
        PlanLoadResult loaded = new PlanLoader().load(ALERT_PLAN);
        Files.writeString(file, "timestamp,metric,value\n" + time.instant() + ",convex_calls,950000\n");
        startIncident(loaded, Files.readString(ALERT_PLAN));
        run(Duration.ofSeconds(2));
        assertThat(alert().firing()).isTrue();
        assertThat(bannerTexts(robot)).singleElement().asString().startsWith("⚠ convex_calls crossed 900K at ");

        // The value falls back: the clearing is recorded with its value, and the alert stays open (nobody saw it).
        append(file, 850_000);
        AlertState cleared = alert();
        assertThat(cleared.firing()).isFalse();
        assertThat(cleared.clearedValue()).isEqualTo(850_000.0);
        assertThat(cleared.open()).isTrue();
        assertThat(state().openAlerts()).extracting(AlertState::alertId).containsExactly("calls-over-free-tier");
        assertThat(bannerTexts(robot)).singleElement().asString().contains(" · cleared at ").endsWith("(value 850K)");
        assertThat(robot.lookup("#alert-line-calls-over-free-tier").query().getPseudoClassStates())
                .extracting(Object::toString).contains("cleared");
        assertThat(robot.lookup("#metrics-alert-status").queryAs(Label.class).getText()).startsWith("⚠ 1 alert: ");
        assertThat(robot.lookup("#chart-convex_calls").queryAs(MetricChart.class).getPseudoClassStates())
                .as("cleared: the chart no longer burns").doesNotContain(MetricChart.ALERTING);
        fx(() -> Screenshots.save(stage.getScene(), "metrics-alert-cleared-unacknowledged"));

        // Acknowledging the cleared alert closes it everywhere.
        fx(() -> {
            robot.lookup("#alert-acknowledge-calls-over-free-tier").queryButton().fire();
            return null;
        });
        assertThat(alert().acknowledged()).isTrue();
        assertThat(state().openAlerts()).isEmpty();
        assertThat(robot.lookup("#alert-banner").query().isVisible()).isFalse();
        assertThat(robot.lookup("#metrics-alert-status").queryAs(Label.class).getText()).isEmpty();

        // It crosses again: a second firing, open again, and the timeline tells the whole life in order.
        append(file, 960_000);
        assertThat(alert().timesFired()).isEqualTo(2);
        assertThat(alert().open()).isTrue();
        // (The plan's 900K threshold line is crossed too now, and has its own line in the banner.)
        assertThat(robot.lookup("#alert-text-calls-over-free-tier").queryAs(Label.class).getText())
                .startsWith("⚠ convex_calls crossed 900K at ").doesNotContain("cleared");
        assertThat(robot.lookup("#alert-line-calls-over-free-tier").query().getPseudoClassStates())
                .extracting(Object::toString).doesNotContain("cleared");
        assertThat(new Timeline(state()).entries().stream()
                .filter(e -> e.summary().contains("calls-over-free-tier")).map(e -> e.summary()).toList())
                .satisfiesExactly(
                        fired -> assertThat(fired).startsWith("Alert calls-over-free-tier fired (convex_calls = 950K): "),
                        clearing -> assertThat(clearing).startsWith(
                                "Alert calls-over-free-tier cleared (convex_calls = 850K): convex_calls back within 900K at "),
                        ack -> assertThat(ack).isEqualTo(
                                "Acknowledged alert calls-over-free-tier — acknowledged from the alert banner"),
                        again -> assertThat(again).startsWith(
                                "Alert calls-over-free-tier fired again (2nd time) (convex_calls = 960K): "));
        fx(() -> {
            console.model().select(ConsoleArea.TIMELINE);
            return null;
        });
        fx(() -> Screenshots.save(stage.getScene(), "timeline-alert-life"));
    }

    private IncidentState state() {
        return console.model().session().stateProperty().get();
    }

    private AlertState alert() {
        return state().alerts().get("calls-over-free-tier");
    }

    private void append(Path file, double value) throws Exception {
        run(Duration.ofSeconds(1));
        Files.writeString(file, time.instant() + ",convex_calls," + (long) value + "\n", StandardOpenOption.APPEND);
        run(Duration.ofSeconds(2));
    }

    private static List<String> bannerTexts(FxRobot robot) {
        return robot.lookup("#alert-banner .alert-text").queryAllAs(Label.class).stream().map(Label::getText).toList();
    }

    private static final Path ALERT_PLAN = resourceOrFail("/metrics-ui/alert-plan.yaml");

    /** The simulated console, and the plan with one alert rule (convex_calls over 900K), read and checked. */
    private PlanLoadResult showWithAlertPlan() throws Exception {
        show(MetricsSettings.simulator(MetricsWiring.SIMULATOR_SEED));
        PlanLoadResult loaded = new PlanLoader().load(ALERT_PLAN);
        assertThat(loaded.ok()).as(loaded.problems().toString()).isTrue();
        return loaded;
    }

    private static Path resourceOrFail(String name) {
        try {
            return resource(name);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(MetricsViewTest.class.getResource(name).toURI());
    }

    private static <T> T fx(Callable<T> work) throws Exception {
        T result = WaitForAsyncUtils.asyncFx(work).get();
        WaitForAsyncUtils.waitForFxEvents();
        return result;
    }
}
