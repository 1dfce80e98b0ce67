package io.incidentconsole.app;

import io.incidentconsole.cli.Cli;
import io.incidentconsole.cli.ConsoleStarter;
import io.incidentconsole.cli.StartRequest;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;

/**
 * The process entry point. A plain class, not the {@link Application}: JavaFX refuses to start from the
 * classpath when the main class extends Application.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        System.exit(run(Launcher::startConsole, out, err, args));
    }

    /**
     * With no arguments (the desktop entry, the packaged launcher) the console starts straight away: building the
     * command line first (picocli's model of every subcommand, and their collaborators such as the plan loader's
     * Jackson mapper) would sit on the path to the first frame for nothing. Anything else goes through the CLI.
     */
    static int run(ConsoleStarter starter, PrintWriter out, PrintWriter err, String... args) {
        if (args.length == 0) {
            return starter.start(StartRequest.defaults());
        }
        return Cli.run(starter, out, err, args);
    }

    /**
     * Starts JavaFX and the console with the request as it is: {@link Application#launch} could only pass it as
     * strings to be parsed again. Returns when the console's window has closed and the application has stopped.
     */
    private static int startConsole(StartRequest request) {
        RenderingPipeline.chooseBeforeToolkitStarts();
        ConsoleApplication application = new ConsoleApplication(request);
        CountDownLatch stopped = new CountDownLatch(1);
        Platform.startup(() -> {
            Stage stage = new Stage();
            stage.setOnHidden(e -> stop(application, stopped));
            try {
                application.start(stage);
            } catch (RuntimeException e) {
                e.printStackTrace();
                stop(application, stopped);
            }
        });
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
        return 0;
    }

    private static void stop(ConsoleApplication application, CountDownLatch stopped) {
        try {
            application.stop();
        } finally {
            Platform.exit();
            stopped.countDown();
        }
    }
}
