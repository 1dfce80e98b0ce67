import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The floor of the tick-latency benchmark: the least a JavaFX window can do for a key press that must be on disk and
 * on screen. P appends a line to a file and forces it to the disk (as the console's journal does), then changes one
 * label; the probe lines are the console's ({@code io.incidentconsole.app.TickProbe}: appended, shown, drawn) by the
 * same rule ("drawn": the render thread has painted the frame of the pulse after the change, JavaFX's scene tracker,
 * reachable with JavaFX on the class path). Same window size as HelloFx and the
 * console on the bench's display. Run by bench/tick/run.sh through TickBench --floor.
 */
public final class HelloTick extends Application {

    private final Queue<Runnable> afterRender = new ConcurrentLinkedQueue<>();
    private FileChannel journal;
    private long seq;
    private boolean ready;

    @Override
    public void start(Stage stage) throws IOException {
        Path file = Files.createTempFile("hello-tick", ".journal");
        file.toFile().deleteOnExit();
        journal = FileChannel.open(file, StandardOpenOption.APPEND);
        Label count = new Label("Pressed 0 times");
        VBox root = new VBox(8, new Label("Hello tick: press P"), count);
        root.setPadding(new Insets(12));
        Scene scene = new Scene(root, 1360, 880);
        scene.setOnKeyPressed(key -> {
            if (key.getCode() == KeyCode.P) {
                long appended = append();
                count.setText("Pressed " + seq + " times");
                long shown = micros();
                long pressSeq = seq;
                whenDrawn(() -> System.out.println("tick seq=" + pressSeq + " kind=Press appended-epoch-us=" + appended
                        + " shown-epoch-us=" + shown + " drawn-epoch-us=" + micros()));
            }
        });
        stage.setTitle("Hello tick");
        stage.setScene(scene);
        stage.show();
        try {
            Class<?> type = Class.forName("com.sun.javafx.perf.PerformanceTracker");
            Object tracker = type.getMethod("getSceneTracker", Scene.class).invoke(null, scene);
            type.getMethod("setOnRenderedFrameTask", Runnable.class).invoke(tracker, (Runnable) () -> {
                for (Runnable next = afterRender.poll(); next != null; next = afterRender.poll()) {
                    next.run();
                }
            });
        } catch (ReflectiveOperationException e) {
            System.err.println("hello tick: run with JavaFX on the class path (the scene tracker is internal)");
            Platform.exit();
            return;
        }
        whenDrawn(() -> {
            if (!ready) {
                ready = true;
                System.out.println("console-ready epoch-ms=" + System.currentTimeMillis());
            }
        });
    }

    private long append() {
        try {
            seq++;
            journal.write(ByteBuffer.wrap(("{\"seq\":" + seq + ",\"press\":\"P\"}\n").getBytes(StandardCharsets.UTF_8)));
            journal.force(true);
            return micros();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** As the console's probe: queued at the start of the next pulse, run when the render thread has painted it. */
    private void whenDrawn(Runnable action) {
        new AnimationTimer() {
            @Override
            public void handle(long now) {
                stop();
                afterRender.add(action);
            }
        }.start();
    }

    private static long micros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
    }

    /** Run as a source file ({@code java bench/tick/HelloTick.java}): the launcher calls the first class's main. */
    public static void main(String[] args) {
        Application.launch(HelloTick.class, args);
    }
}
