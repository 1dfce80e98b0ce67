package io.incidentconsole.app;

import io.incidentconsole.cli.Cli;
import io.incidentconsole.cli.ConsoleStarter;
import io.incidentconsole.cli.StartRequest;
import javafx.application.Application;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

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
            return starter.start(new StartRequest(null, null, List.of()));
        }
        return Cli.run(starter, out, err, args);
    }

    private static int startConsole(StartRequest request) {
        Application.launch(ConsoleApplication.class, toArguments(request).toArray(String[]::new));
        return 0;
    }

    static List<String> toArguments(StartRequest request) {
        List<String> args = new ArrayList<>();
        if (request.plan() != null) {
            args.add("--plan=" + request.plan().toAbsolutePath());
        }
        if (request.dataDir() != null) {
            args.add("--data-dir=" + request.dataDir().toAbsolutePath());
        }
        if (request.prometheusUrl() != null) {
            args.add("--prometheus=" + request.prometheusUrl());
        }
        if (request.prometheusTokenEnv() != null) {
            args.add("--prometheus-token-env=" + request.prometheusTokenEnv());
        }
        if (request.metricsFile() != null) {
            args.add("--metrics-file=" + request.metricsFile().toAbsolutePath());
        }
        if (request.teamDatabase() != null) {
            args.add("--incident-db=" + request.teamDatabase());
        }
        if (request.teamIncident() != null) {
            args.add("--incident=" + request.teamIncident());
        }
        return args;
    }
}
