package io.incidentconsole.ui.main;

import io.incidentconsole.importer.SectionChoice;
import io.incidentconsole.plan.outline.OutlineSection;
import io.incidentconsole.plan.outline.PlanOutline;
import io.incidentconsole.ui.common.ConsoleArea;
import io.incidentconsole.ui.common.Theme;
import io.incidentconsole.ui.common.UncachedScrollPaneSkin;
import io.incidentconsole.ui.fixture.ConsoleFixture;
import io.incidentconsole.ui.fixture.Screenshots;
import io.incidentconsole.ui.plan.PlanDocumentView;

import io.incidentconsole.app.ConsoleApplication.Console;
import io.incidentconsole.testing.TestRow;
import javafx.scene.Node;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;

/** Drives the real main window headless: open a plan, navigate, a bad file's dialog, theme, recent files. */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {

    @TempDir
    static Path home;

    private Console console;

    @Start
    void start(Stage stage) {
        console = ConsoleFixture.show(stage, home);
    }

    private void open(Path plan) {
        WaitForAsyncUtils.asyncFx(() -> console.model().openPlan(plan));
        WaitForAsyncUtils.waitForFxEvents();
        waitForDocuments();
    }

    /** The plan's document goes in a batch per pulse; every section is there once no body is still rendering. */
    static void waitForDocuments() {
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> new FxRobot()
                    .lookup(".document-body").queryAll().stream()
                    .noneMatch(n -> n.getPseudoClassStates().contains(PlanDocumentView.RENDERING)));
        } catch (TimeoutException e) {
            throw new AssertionError("the plan document was still rendering after 10 s", e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void sectionsArrivingBelowDoNotMoveWhatTheOperatorScrolledTo(FxRobot robot) throws Exception {
        double[] scrolledTo = WaitForAsyncUtils.asyncFx(() -> {
            console.model().openBundledPlan();
            ScrollPane scroller = robot.lookup("#document-overview")
                    .queryAs(ScrollPane.class);
            scroller.applyCss();
            scroller.layout();
            double range = scrollRange(scroller);
            assertThat(range).as("the first screenful can be scrolled").isPositive();
            double offset = Math.min(120, range / 2);
            scroller.setVvalue(offset / range);
            return new double[] {offset};
        }).get();

        waitForDocuments();
        double offset = WaitForAsyncUtils.asyncFx(() -> {
            ScrollPane scroller = robot.lookup("#document-overview")
                    .queryAs(ScrollPane.class);
            return scroller.getVvalue() * scrollRange(scroller);
        }).get();
        assertThat(offset).as("pixels scrolled, after every section came in").isCloseTo(scrolledTo[0],
                Offset.offset(1.0));
    }

    private static double scrollRange(ScrollPane scroller) {
        return scroller.getContent().getLayoutBounds().getHeight() - scroller.getViewportBounds().getHeight();
    }

    @Test
    void showsTheFirstScreenOfALargePlanAtOnceAndTheRestInTheFramesAfter(FxRobot robot) throws Exception {
        // With direct background tasks the plan is read and shown inside this one FX-thread call, so no pulse can
        // come between: what is in the document here is what the first frame with the plan shows.
        int[] atOnce = WaitForAsyncUtils.asyncFx(() -> {
            console.model().openBundledPlan();
            Node body = robot.lookup(".document-body").query();
            return new int[] {((VBox) body).getChildren().size(),
                    body.getPseudoClassStates().contains(PlanDocumentView.RENDERING) ? 1 : 0};
        }).get();
        List<String> expected = PlanOutline.of(console.model().currentPlan()
                .orElseThrow().plan()).stream().map(OutlineSection::title).toList();

        assertThat(atOnce[0]).as("sections in the first frame").isBetween(1, expected.size() - 1);
        assertThat(atOnce[1]).as("marked as still rendering").isEqualTo(1);

        waitForDocuments();
        assertThat(robot.lookup(".section-title").queryAllAs(Label.class).stream().map(Label::getText).toList())
                .as("every section, in the plan's order").isEqualTo(expected);
        assertThat(robot.lookup(".plan-title").queryAs(Label.class).getText())
                .isEqualTo("Issue #324 & #330 Coordination Plan");
    }

    @Test
    void opensAPlanAndShowsItsTitleSummaryAndEverySection(FxRobot robot) {
        open(ConsoleFixture.resource("small-plan.yaml"));

        assertThat(robot.lookup(".plan-title").queryAs(Label.class).getText())
                .isEqualTo("Payment Gateway Timeout Plan");
        assertThat(robot.lookup(".plan-subtitle").queryAs(Label.class).getText())
                .contains("#501 critical").contains("2 phases");
        List<String> titles = robot.lookup(".section-title").queryAllAs(Label.class).stream()
                .map(Label::getText).toList();
        assertThat(titles).contains("Summary", "Issue comparison", "Status tracking",
                "Phase 1: Hotfix pool leak (#501)", "Hotfix testing", "Hotfix rollback", "Success metrics",
                "Planned timeline", "Approval & sign-off", "Analysis");
        assertThat(robot.lookup("git revert {{commit}}").tryQuery()).isEmpty(); // commands live in code blocks
        assertThat(texts(robot, ".text-area")).anyMatch(t -> t.contains("git revert {{commit}}"));
        assertThat(robot.lookup("#status-message").queryAs(Label.class).getText())
                .startsWith("Opened small-plan.yaml");
    }

    @Test
    void navigatesBetweenAreasByKeyboardAndShowsOnlyTheirSections(FxRobot robot) {
        open(ConsoleFixture.resource("small-plan.yaml"));

        robot.press(KeyCode.CONTROL, KeyCode.DIGIT3).release(KeyCode.DIGIT3, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(console.model().selectedAreaProperty().get()).isEqualTo(ConsoleArea.TESTS);
        // The tests area is the tests view: the plan's checks and cases, not run while no incident is open.
        assertThat(robot.lookup("#tests-table").<TableView<TestRow>>query().getItems())
                .extracting(row -> row.item().label())
                .containsExactly("Hotfix testing › Checkout completes", "Hotfix testing › Refund completes",
                        "Hotfix testing › Test Case 1: Card payment");

        robot.press(KeyCode.CONTROL, KeyCode.DIGIT4).release(KeyCode.DIGIT4, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#rollback-procedure-title").queryAs(Label.class).getText())
                .isEqualTo("Revert the hotfix");
        assertThat(visibleSectionTitles(robot)).contains("Runbook procedures", "Parameters to fill in first");

        robot.clickOn("#nav-phase_board");
        assertThat(console.model().selectedAreaProperty().get()).isEqualTo(ConsoleArea.PHASE_BOARD);
        assertThat(visibleSectionTitles(robot)).contains("Status tracking");
        assertThat(robot.lookup(".phase-name").queryAllAs(Label.class)).extracting(Label::getText)
                .containsExactly("1: Hotfix pool leak", "1: Quiet retry logging  (optional)");
        AreaNavigation nav = robot.lookup(".navigation").queryAs(AreaNavigation.class);
        assertThat(nav.selectedProperty().get()).isEqualTo(ConsoleArea.PHASE_BOARD);
        assertThat(robot.lookup("#nav-phase_board").query().getPseudoClassStates()).contains(AreaNavigation.SELECTED);
        assertThat(robot.lookup("#nav-overview").query().getPseudoClassStates()).doesNotContain(AreaNavigation.SELECTED);
    }

    @Test
    void everyScrollPaneDrawsItsViewportWithoutACachedImage(FxRobot robot) {
        open(ConsoleFixture.resource("small-plan.yaml"));
        Set<ScrollPane> seen = new HashSet<>();
        // The overview, the board, the rollback runbook, the metrics and guided mode each scroll.
        for (KeyCode area : List.of(KeyCode.DIGIT1, KeyCode.DIGIT2, KeyCode.DIGIT4, KeyCode.DIGIT5, KeyCode.DIGIT7)) {
            robot.press(KeyCode.CONTROL, area).release(area, KeyCode.CONTROL);
            WaitForAsyncUtils.waitForFxEvents();
            Set<ScrollPane> shown = robot.lookup(".scroll-pane").queryAllAs(ScrollPane.class);
            assertThat(shown).as("area %s", area).isNotEmpty();
            for (ScrollPane scrollPane : shown) {
                assertThat(scrollPane.getSkin()).as(scrollPane.getId()).isInstanceOf(UncachedScrollPaneSkin.class);
                assertThat(scrollPane.lookup(".viewport").isCache()).as(scrollPane.getId()).isFalse();
            }
            seen.addAll(shown);
        }
        assertThat(seen).hasSizeGreaterThanOrEqualTo(5);
    }

    @Test
    void aBadFileShowsEveryProblemWithItsLocationAndKeepsTheOpenPlan(FxRobot robot) {
        open(ConsoleFixture.resource("small-plan.yaml"));
        open(ConsoleFixture.resource("broken-plan.yaml"));

        Window dialog = robot.listTargetWindows().stream()
                .filter(w -> w instanceof Stage s && "plan-problems".equals(s.getProperties().get("incident-console.dialog")))
                .findFirst().orElseThrow();
        assertThat(((Stage) dialog).getTitle()).isEqualTo("Cannot open broken-plan.yaml: 2 problems");
        ListView<?> problems = robot.from(dialog.getScene().getRoot()).lookup(".problem-list").queryAs(ListView.class);
        assertThat(problems.getItems()).map(String::valueOf).satisfiesExactly(
                first -> assertThat(first).endsWith("broken-plan.yaml:6:5: phases[0].dependOn: unknown field "
                        + "'dependOn' in a phase; did you mean 'dependsOn'?"),
                second -> assertThat(second).endsWith("broken-plan.yaml:9:17: phases[1].dependsOn[0]: unknown phase "
                        + "'nowhere'; the plan defines: a, b"));
        assertThat(robot.lookup(".plan-title").queryAs(Label.class).getText())
                .isEqualTo("Payment Gateway Timeout Plan");
        assertThat(robot.lookup("#status-message").queryAs(Label.class).getText())
                .contains("Could not open").contains("keeping the open plan");

        robot.clickOn(robot.from(dialog.getScene().getRoot()).lookup("Close").queryButton());
        assertThat(dialog.isShowing()).isFalse();
    }

    @Test
    void importingAMarkdownPlanShowsThePlanAndTheImportReport(FxRobot robot) throws Exception {
        Path markdown = Path.of(getClass().getResource("/importer/db-migration-cutover.md").toURI());
        WaitForAsyncUtils.asyncFx(() -> console.model().importMarkdown(markdown));
        WaitForAsyncUtils.waitForFxEvents();

        Window report = robot.listTargetWindows().stream()
                .filter(w -> w.isShowing() && w.getScene() != null
                        && w.getScene().getRoot() instanceof DialogPane pane
                        && "import-report".equals(pane.getProperties().get("incident-console.dialog")))
                .findFirst().orElseThrow(() -> new AssertionError("no import report shown"));
        TextArea text = robot.from(report.getScene().getRoot())
                .lookup(".text-area").queryAs(TextArea.class);
        assertThat(text.getText()).contains("phase");
        assertThat(robot.lookup("#status-message").queryAs(Label.class).getText())
                .startsWith("Imported db-migration-cutover.md");
        assertThat(console.model().currentPlan().orElseThrow().plan().phases()).isNotEmpty();
        WaitForAsyncUtils.asyncFx(() -> ((Stage) report).close()).get();
    }

    @Test
    void theOperatorReassignsASectionInTheImportReportAndTheChoiceIsRememberedForTheFile(FxRobot robot) throws Exception {
        Path markdown = home.resolve("handover.md");
        Files.writeString(markdown, """
                # Handover

                ## Deploy
                - [ ] Ship the build
                - [ ] Watch the dashboards

                ## Background
                Why this change was made.

                - Restart the workers
                - Flush the cache
                """);
        WaitForAsyncUtils.asyncFx(() -> console.model().importMarkdown(markdown));
        WaitForAsyncUtils.waitForFxEvents();
        Window report = importReport(robot);
        @SuppressWarnings("unchecked")
        ChoiceBox<SectionChoice> background = robot
                .from(report.getScene().getRoot()).lookup("#section-choice-1").queryAs(ChoiceBox.class);
        assertThat(background.getValue()).isEqualTo(SectionChoice.NOTES);
        assertThat(console.model().currentPlan().orElseThrow().plan().runbooks()).isEmpty();

        WaitForAsyncUtils.asyncFx(() -> background.setValue(SectionChoice.RUNBOOK)).get();
        WaitForAsyncUtils.waitForFxEvents();
        int colours = WaitForAsyncUtils.asyncFx(() -> Screenshots.save(report.getScene(), "import-report-reassign")).get();
        assertThat(colours).isGreaterThan(20);
        robot.clickOn(robot.from(report.getScene().getRoot()).lookup("#reimport").queryButton());
        WaitForAsyncUtils.waitForFxEvents();

        Window again = importReport(robot);
        assertThat(console.model().currentPlan().orElseThrow().plan().runbooks()).singleElement()
                .satisfies(runbook -> assertThat(runbook.title()).isEqualTo("Background"));
        assertThat(robot.from(again.getScene().getRoot()).lookup(".text-area")
                .queryAs(TextArea.class).getText())
                .contains("section 'Background' read as runbook (the operator's choice)");
        assertThat(console.model().importChoices(markdown).of("Background"))
                .isEqualTo(SectionChoice.RUNBOOK);
        assertThat(Files.readString(home.resolve("config/settings.properties"))).contains("import-choices.");
        WaitForAsyncUtils.asyncFx(() -> ((Stage) again).close()).get();
    }

    private static Window importReport(FxRobot robot) {
        return robot.listTargetWindows().stream()
                .filter(w -> w.isShowing() && w.getScene() != null
                        && w.getScene().getRoot() instanceof DialogPane pane
                        && "import-report".equals(pane.getProperties().get("incident-console.dialog")))
                .reduce((first, second) -> second).orElseThrow(() -> new AssertionError("no import report shown"));
    }

    @Test
    void rememberedRecentPlansAndThemeSwitch(FxRobot robot) throws Exception {
        open(ConsoleFixture.resource("small-plan.yaml"));
        assertThat(console.model().recentPlans()).first()
                .isEqualTo(ConsoleFixture.resource("small-plan.yaml").toAbsolutePath().normalize());
        assertThat(Files.readString(home.resolve("config/recent-plans.txt"))).contains("small-plan.yaml");

        assertThat(robot.lookup(".plan-title").query().getScene().getStylesheets().get(0)).endsWith("palette-dark.css");
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.T).release(KeyCode.T, KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(console.model().themeProperty().get()).isEqualTo(Theme.LIGHT);
        assertThat(robot.lookup(".plan-title").query().getScene().getStylesheets().get(0)).endsWith("palette-light.css");
        assertThat(Files.readString(home.resolve("config/settings.properties"))).contains("theme=LIGHT");
        WaitForAsyncUtils.asyncFx(() -> console.model().toggleTheme());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static List<String> visibleSectionTitles(FxRobot robot) {
        return robot.lookup(".section-title").queryAllAs(Label.class).stream()
                .filter(Node::isVisible).filter(l -> l.getScene() != null)
                .map(Label::getText).toList();
    }

    private static List<String> texts(FxRobot robot, String query) {
        return robot.lookup(query).queryAllAs(TextArea.class).stream()
                .map(TextArea::getText).toList();
    }
}
