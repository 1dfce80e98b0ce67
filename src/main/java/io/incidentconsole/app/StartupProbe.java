package io.incidentconsole.app;

import javafx.application.Platform;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reports when the main window's first frame, and later the console with its plan, have been drawn, for the
 * start-up benchmark (bench/startup). Off unless the system property {@value #PROPERTY} is set:
 * <ul>
 *   <li>{@code print}: report both, keep running;</li>
 *   <li>{@code exit}: exit right after the first frame (the console is not built);</li>
 *   <li>{@code ready}: exit right after the console with its plan has been drawn.</li>
 * </ul>
 * Lines are {@code first-frame epoch-ms=<wall clock>} and {@code console-ready epoch-ms=<wall clock>}, so a harness
 * can subtract its own clock from before exec. Before each come the marks set since the last report
 * ({@code startup-mark NAME epoch-ms=<wall clock>}), which say where the time went. "Drawn" is when the render thread
 * has painted the frame ({@link RenderedFrames}: JavaFX's scene tracker, reachable on the class path or with
 * {@code --add-exports javafx.graphics/com.sun.javafx.perf=ALL-UNNAMED}); where it cannot be reached, the start of
 * the second pulse ({@link FirstFrame}), which can come before the paint has ended. The line says which:
 * {@code drawn=rendered} or {@code drawn=pulse}.
 */
public final class StartupProbe {

    public static final String PROPERTY = "incident-console.startup-probe";

    enum Mode { PRINT, EXIT, READY }

    private final PrintStream out;
    private final Mode mode;
    private final RenderedFrames frames;
    private final List<String> marks = new ArrayList<>();

    StartupProbe(PrintStream out, Mode mode) {
        this.out = out;
        this.mode = mode;
        this.frames = new RenderedFrames();
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
            case "print" -> Optional.of(new StartupProbe(out, Mode.PRINT));
            case "exit" -> Optional.of(new StartupProbe(out, Mode.EXIT));
            case "ready" -> Optional.of(new StartupProbe(out, Mode.READY));
            default -> {
                err.println("-D" + PROPERTY + "=" + value + ": expected print, exit or ready; start-up probe off");
                yield Optional.empty();
            }
        };
    }

    /** Notes that start-up has reached {@code name} now; printed with the next report. */
    public synchronized void mark(String name) {
        marks.add(markLine(name, System.currentTimeMillis()));
    }

    /** True when the process ends at the first frame, so building the console after it would be wasted work. */
    boolean exitsAtFirstFrame() {
        return mode == Mode.EXIT;
    }

    /** Call on the FX thread right after the stage is shown. */
    public void watchFirstFrame() {
        watch("first-frame", mode == Mode.EXIT);
    }

    /** Call on the FX thread when the plan has been put into the console (or its reading failed). */
    public void watchConsoleReady() {
        watch("console-ready", mode == Mode.READY);
    }

    private void watch(String what, boolean exit) {
        String drawn = frames.rendered() ? "rendered" : "pulse";
        // On the render thread (or the FX thread, with the pulse rule): printing and Platform.exit() may run there.
        frames.then(() -> report(what, drawn, exit));
    }

    private synchronized void report(String what, String drawn, boolean exit) {
        long at = System.currentTimeMillis();
        marks.forEach(out::println);
        marks.clear();
        out.println(reportLine(what, at, drawn));
        out.flush();
        if (exit) {
            // Not from the render thread: the toolkit's exit waits for it.
            Platform.runLater(Platform::exit);
        }
    }

    static String markLine(String name, long epochMillis) {
        return "startup-mark " + name + " epoch-ms=" + epochMillis;
    }

    static String reportLine(String what, long epochMillis, String drawn) {
        return what + " epoch-ms=" + epochMillis + " drawn=" + drawn;
    }
}
