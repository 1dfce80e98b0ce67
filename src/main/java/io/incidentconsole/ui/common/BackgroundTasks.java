package io.incidentconsole.ui.common;

import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The one way views and view models run slow work: on {@code background}, with the result handed back on
 * {@code ui} (Platform::runLater in the app; direct executors in tests, which makes everything synchronous).
 */
public final class BackgroundTasks {

    private final Executor background;
    private final Executor ui;

    public BackgroundTasks(Executor background, Executor ui) {
        this.background = background;
        this.ui = ui;
    }

    public static BackgroundTasks direct() {
        return new BackgroundTasks(Runnable::run, Runnable::run);
    }

    public <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Exception> onFailure) {
        background.execute(() -> {
            T result;
            try {
                result = work.call();
            } catch (Exception e) {
                ui.execute(() -> onFailure.accept(e));
                return;
            }
            ui.execute(() -> onSuccess.accept(result));
        });
    }

    public void onUi(Runnable action) {
        ui.execute(action);
    }
}
