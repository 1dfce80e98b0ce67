package io.incidentconsole.ui.main;

import io.incidentconsole.ui.common.Theme;
import io.incidentconsole.ui.fixture.Screenshots;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** The main window's first frame: the console's layout with "Starting…", in the operator's theme. */
@ExtendWith(ApplicationExtension.class)
class StartupFrameTest {

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new Scene(new StartupFrame().root(), 1360, 880));
        stage.show();
    }

    @Test
    void showsTheProductNameAndAnIndeterminateBarInTheConsolesLayout(FxRobot robot) {
        assertThat(robot.lookup(".console-header .plan-title").queryAs(Label.class).getText())
                .isEqualTo("Incident Console");
        assertThat(robot.lookup(".console-header .plan-subtitle").queryAs(Label.class).getText())
                .isEqualTo("Starting…");
        assertThat(robot.lookup(".plan-loading").queryAs(ProgressBar.class).isIndeterminate()).isTrue();
        assertThat(robot.lookup(".status-bar .label").queryAs(Label.class).getText())
                .isEqualTo("Starting the console…");
        // The navigation column is where the console's list will be, so the window does not jump when it comes.
        assertThat(robot.lookup(".navigation").queryAll()).hasSize(1);
    }

    @Test
    void usesOnlyThePaletteAndTheFrameStyleSheetAndTakesTheThemesColours() throws Exception {
        for (Theme theme : Theme.values()) {
            assertThat(StartupFrame.stylesheets(theme)).hasSize(2);
            assertThat(StartupFrame.stylesheets(theme).get(0)).endsWith(
                    theme == Theme.DARK ? "/styles/palette-dark.css" : "/styles/palette-light.css");
            assertThat(StartupFrame.stylesheets(theme).get(1)).endsWith("/styles/console.css");

            WaitForAsyncUtils.asyncFx(() -> stage.getScene().getStylesheets().setAll(StartupFrame.stylesheets(theme)))
                    .get();
            WaitForAsyncUtils.waitForFxEvents();
            String name = "startup-frame-" + theme.name().toLowerCase(Locale.ROOT);
            int colours = WaitForAsyncUtils.asyncFx(() -> Screenshots.save(stage.getScene(), name)).get();
            assertThat(colours).as("distinct colours in %s", name).isGreaterThan(20);

            // The empty content area is the palette's background (-ic-bg), dark or light.
            Color content = WaitForAsyncUtils.asyncFx(() -> {
                WritableImage image = stage.getScene().snapshot(null);
                return image.getPixelReader().getColor(800, 500);
            }).get();
            assertThat(content).isEqualTo(theme == Theme.DARK ? Color.web("#15181d") : lightBackground());
        }
    }

    @Test
    void aConsoleThatCannotBeBuiltSaysSoInsteadOfStartingForEver(FxRobot robot) throws Exception {
        StartupFrame frame = new StartupFrame();
        WaitForAsyncUtils.asyncFx(() -> {
            stage.getScene().setRoot(frame.root());
            frame.failed("fxml/MainWindow.fxml is missing");
        }).get();
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup(".plan-subtitle").queryAs(Label.class).getText())
                .isEqualTo("The console could not start: fxml/MainWindow.fxml is missing");
        assertThat(robot.lookup(".plan-loading").query().isVisible()).isFalse();
        Label status = robot.lookup("#startup-status").queryAs(Label.class);
        assertThat(status.getText()).startsWith("Start-up failed");
        assertThat(status.getPseudoClassStates()).extracting(Object::toString).contains("failed");
    }

    private static Color lightBackground() throws Exception {
        String palette = new String(StartupFrameTest.class.getResourceAsStream("/styles/palette-light.css").readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8);
        java.util.regex.Matcher bg = java.util.regex.Pattern.compile("-ic-bg:\\s*(#[0-9a-fA-F]{6})").matcher(palette);
        assertThat(bg.find()).isTrue();
        return Color.web(bg.group(1));
    }
}
