package io.incidentconsole.app;

import javafx.animation.AnimationTimer;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * "Drawn" as the render thread says it: the action runs when the frame of the next pulse has been painted, reported
 * by JavaFX's scene performance tracker ({@code com.sun.javafx.perf.PerformanceTracker}, internal: reachable when
 * JavaFX is on the class path, as with {@code java -jar}). {@link FirstFrame}'s rule (the start of the second pulse)
 * counts a whole pulse interval on top, up to 16.7 ms that are the timer's, not the console's; it stays the fallback
 * where the tracker cannot be reached (a jlinked runtime without {@code --add-exports
 * javafx.graphics/com.sun.javafx.perf=ALL-UNNAMED}). For the benchmarks only (issue #22: tick latency, start-up).
 */
final class RenderedFrames implements TickProbe.FrameWatch {

    private final Map<Scene, Queue<Runnable>> waitingByScene = new WeakHashMap<>();

    @Override
    public void then(Runnable action) {
        Optional<Scene> scene = mainScene();
        Optional<Queue<Runnable>> waiting = scene.flatMap(this::waiting);
        if (waiting.isEmpty()) {
            FirstFrame.then(action);
            return;
        }
        // Queued at the start of the next pulse, the one that lays out what the scene holds now: a frame the render
        // thread finishes before then shows an older state.
        new AnimationTimer() {
            @Override
            public void handle(long now) {
                stop();
                waiting.get().add(action);
            }
        }.start();
    }

    /** True when "drawn" is the render thread's (the tracker is reachable); false: the second pulse's start. */
    boolean rendered() {
        return mainScene().flatMap(this::waiting).isPresent();
    }

    private Optional<Queue<Runnable>> waiting(Scene scene) {
        Queue<Runnable> known = waitingByScene.get(scene);
        if (known != null) {
            return Optional.of(known);
        }
        Queue<Runnable> queue = new ConcurrentLinkedQueue<>();
        try {
            Class<?> type = Class.forName("com.sun.javafx.perf.PerformanceTracker");
            Object tracker = type.getMethod("getSceneTracker", Scene.class).invoke(null, scene);
            Method onRendered = type.getMethod("setOnRenderedFrameTask", Runnable.class);
            onRendered.invoke(tracker, (Runnable) () -> {
                for (Runnable next = queue.poll(); next != null; next = queue.poll()) {
                    next.run();
                }
            });
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return Optional.empty();
        }
        waitingByScene.put(scene, queue);
        return Optional.of(queue);
    }

    /** The console's window: the showing stage no other window owns. */
    private static Optional<Scene> mainScene() {
        return Window.getWindows().stream()
                .filter(w -> w.isShowing() && w instanceof Stage stage && stage.getOwner() == null)
                .map(Window::getScene)
                .filter(s -> s != null)
                .findFirst();
    }
}
