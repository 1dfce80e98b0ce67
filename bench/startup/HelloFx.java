import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/**
 * The floor of the start-up benchmark: the least a JavaFX window can do. It reports its first frame exactly as
 * io.incidentconsole.app.StartupProbe does (start of the second pulse after show), with the same "fx-start" mark
 * (Application.start entered: JVM and JavaFX toolkit up), then exits.
 */
public final class HelloFx extends Application {

    @Override
    public void start(Stage stage) {
        long started = System.currentTimeMillis();
        stage.setTitle("Hello");
        stage.setScene(new Scene(new Label("Hello, JavaFX"), 1360, 880));
        stage.show();
        new AnimationTimer() {
            private int pulses;

            @Override
            public void handle(long now) {
                if (++pulses < 2) {
                    return;
                }
                stop();
                long frame = System.currentTimeMillis();
                System.out.println("startup-mark fx-start epoch-ms=" + started);
                System.out.println("first-frame epoch-ms=" + frame);
                Platform.exit();
            }
        }.start();
    }

    /** A plain main class for the class path, like the console's Launcher. */
    public static final class Main {
        public static void main(String[] args) {
            Application.launch(HelloFx.class, args);
        }
    }
}
