package io.incidentconsole.ui;

import io.incidentconsole.app.ConsoleApplication.Console;
import io.incidentconsole.settings.AppDirectories;
import javafx.scene.Scene;
import javafx.stage.Stage;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** Builds the real console the way the app does, on temporary directories, with synchronous background work. */
final class ConsoleFixture {

    private ConsoleFixture() {
    }

    static Console show(Stage stage, Path home) {
        AppDirectories dirs = new AppDirectories(home.resolve("data"), home.resolve("config"));
        Console console = Console.create(dirs, BackgroundTasks.direct());
        Scene scene = new Scene(console.view().root(), 1360, 880);
        console.model().themeProperty().get().applyTo(scene);
        stage.setScene(scene);
        stage.show();
        return console;
    }

    static Path resource(String name) {
        try {
            return Path.of(ConsoleFixture.class.getResource("/plans/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
