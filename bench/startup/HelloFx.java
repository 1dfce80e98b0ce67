import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The floor of the start-up benchmark: the least a JavaFX window can do. It reports its first frame by the same rule
 * as io.incidentconsole.app.StartupProbe, with the same "fx-start" mark (Application.start entered: JVM and JavaFX
 * toolkit up), then exits. "Drawn" is when the render thread has painted the frame (JavaFX's scene tracker, reachable
 * with --add-exports javafx.graphics/com.sun.javafx.perf=ALL-UNNAMED: "drawn=rendered"), else the start of the second
 * pulse after show ("drawn=pulse", the rule of builds before 2026-12-07, which can come before the paint has ended).
 */
public final class HelloFx extends Application {

    private final AtomicBoolean reported = new AtomicBoolean();

    @Override
    public void start(Stage stage) {
        long started = System.currentTimeMillis();
        stage.setTitle("Hello");
        Scene scene = new Scene(new Label("Hello, JavaFX"), 1360, 880);
        stage.setScene(scene);
        stage.show();
        try {
            Class<?> type = Class.forName("com.sun.javafx.perf.PerformanceTracker");
            Object tracker = type.getMethod("getSceneTracker", Scene.class).invoke(null, scene);
            type.getMethod("setOnRenderedFrameTask", Runnable.class)
                    .invoke(tracker, (Runnable) () -> report(started, "rendered"));
            return;
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            // Not reachable: the pulse rule below.
        }
        new AnimationTimer() {
            private int pulses;

            @Override
            public void handle(long now) {
                if (++pulses < 2) {
                    return;
                }
                stop();
                report(started, "pulse");
            }
        }.start();
    }

    private void report(long started, String drawn) {
        if (!reported.compareAndSet(false, true)) {
            return;
        }
        long frame = System.currentTimeMillis();
        System.out.println("startup-mark fx-start epoch-ms=" + started);
        System.out.println("first-frame epoch-ms=" + frame + " drawn=" + drawn);
        Platform.runLater(Platform::exit);
    }

    /** A plain main class for the class path, like the console's Launcher. */
    public static final class Main {
        public static void main(String[] args) {
            Application.launch(HelloFx.class, args);
        }
    }
}
