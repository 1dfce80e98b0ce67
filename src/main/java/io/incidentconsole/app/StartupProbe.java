package io.incidentconsole.app;

import javafx.animation.AnimationTimer;
import javafx.application.Platform;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reports when the main window's first frame has been drawn, for the start-up benchmark (bench/startup).
 * Off unless the system property {@value #PROPERTY} is {@code print} or {@code exit} (exit right after reporting).
 *
 * <p>Pulse one lays the shown window out and hands its frame to the render thread; the next pulse starts once
 * the render thread has had its frame interval to draw it, so the start of pulse two is the first-frame mark.
 * The line is {@code first-frame epoch-ms=<wall clock>}, so a harness can subtract its own clock from before exec.
 * Before it come the marks the application set on the way ({@code startup-mark NAME epoch-ms=<wall clock>}), which
 * say where the time went.
 */
public final class StartupProbe {

    public static final String PROPERTY = "incident-console.startup-probe";

    /** The pulse after {@code stage.show()} whose start is taken as the first frame (see the class comment). */
    static final int FIRST_FRAME_PULSE = 2;

    private final PrintStream out;
    private final boolean exitAfterReport;
    private final List<String> marks = new ArrayList<>();

    StartupProbe(PrintStream out, boolean exitAfterReport) {
        this.out = out;
        this.exitAfterReport = exitAfterReport;
    }

    /**
     * The probe the property asks for; empty when it is unset, or (with a line on {@code err}) when its value is
     * unknown: a mistyped benchmark flag must not keep the console from starting.
     */
    public static Optional<StartupProbe> fromProperty(String value, PrintStream out, PrintStream err) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "print" -> Optional.of(new StartupProbe(out, false));
            case "exit" -> Optional.of(new StartupProbe(out, true));
            default -> {
                err.println("-D" + PROPERTY + "=" + value + ": expected print or exit; start-up probe off");
                yield Optional.empty();
            }
        };
    }

    /** Notes that start-up has reached {@code name} now; printed with the first-frame line. */
    public void mark(String name) {
        marks.add(markLine(name, System.currentTimeMillis()));
    }

    boolean exitsAfterReport() {
        return exitAfterReport;
    }

    /** Call on the FX thread right after the stage is shown. */
    public void watchFirstFrame() {
        new AnimationTimer() {
            private int pulses;

            @Override
            public void handle(long now) {
                if (++pulses < FIRST_FRAME_PULSE) {
                    return;
                }
                stop();
                long frame = System.currentTimeMillis();
                marks.forEach(out::println);
                out.println(reportLine(frame));
                out.flush();
                if (exitAfterReport) {
                    Platform.exit();
                }
            }
        }.start();
    }

    static String markLine(String name, long epochMillis) {
        return "startup-mark " + name + " epoch-ms=" + epochMillis;
    }

    static String reportLine(long epochMillis) {
        return "first-frame epoch-ms=" + epochMillis;
    }
}
