package io.incidentconsole.app;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/** The JavaFX application: builds the console and shows it. */
public final class ConsoleApplication extends Application {

    @Override
    public void start(Stage stage) {
        stage.setTitle("Incident Console");
        stage.setScene(new Scene(new Label("Incident Console"), 1280, 800));
        stage.show();
    }
}
