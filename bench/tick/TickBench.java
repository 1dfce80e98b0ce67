import io.incidentconsole.app.TickProbe;

import java.awt.Robot;
import java.awt.event.KeyEvent;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Tick latency in the real window (run by bench/tick/run.sh, which makes the incident and the display): starts the
 * console on the incident with the tick probe on, then taps keys with java.awt.Robot (XTest) as a person does (held
 * {@value #HOLD_MILLIS} ms), taking its own wall clock just before the key event that acts, and pairs every press with
 * the probe's line for the event it caused: press → journal append (fsync) done, press → state in the views, press →
 * the next frame drawn. P acts when pressed; Space on a check box acts when released (JavaFX's buttons fire on
 * release), so a Space is timed from its release. Until round 6 the Robot pressed and released at once: both came in
 * one pulse, the box was armed and disarmed in it, and that style change which drew nothing made JavaFX paint the
 * whole window before the tick (docs/performance.md, round 7), which a held key never does. The first presses of each
 * area are a warm-up (kept in samples.txt, left out of the figures).
 *
 *   java -cp CLASSPATH bench/tick/TickBench.java OUT_DIR PRESSES_PER_AREA [--floor] -- COMMAND...
 *
 * With --floor, COMMAND is bench/tick/HelloTick (the least a JavaFX window does for a press that must be on disk and
 * on screen): P is pressed in its one window, area "floor-P".
 *
 * COMMAND starts the console (with -Dincident-console.tick-probe=print); DISPLAY and XDG_CONFIG_HOME come from
 * the environment. Areas: Tests (Ctrl+3, P on the selected test: pass, the next not run is selected) and the phase
 * board (Ctrl+2, Space on the focused task: tick, then untick, so the same task toggles).
 */
public final class TickBench {

    /** Presses per area before the timed ones (in samples.txt, not in the figures): the first runs cold code. */
    private static final int WARM_UP = 3;

    /** How long a key is held: a quick tap (people hold keys for 50-120 ms). */
    private static final int HOLD_MILLIS = 40;

    private record Sample(String area, long pressMicros, TickProbe.Report report) {
        double appendedMs() {
            return (report.appendedMicros() - pressMicros) / 1000.0;
        }

        double shownMs() {
            return (report.shownMicros() - pressMicros) / 1000.0;
        }

        double drawnMs() {
            return (report.drawnMicros() - pressMicros) / 1000.0;
        }
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        int presses = Integer.parseInt(args[1]);
        boolean floor = args[2].equals("--floor");
        List<String> command = List.of(args).subList(floor ? 4 : 3, args.length);
        Files.createDirectories(out);

        Process console = new ProcessBuilder(command).redirectError(out.resolve("console.err").toFile()).start();
        BlockingQueue<TickProbe.Report> reports = new LinkedBlockingQueue<>();
        CountDownLatch ready = new CountDownLatch(1);
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(console.getInputStream(),
                    StandardCharsets.UTF_8)); PrintWriter log = new PrintWriter(Files.newBufferedWriter(
                    out.resolve("console.out")), true)) {
                String line;
                while ((line = lines.readLine()) != null) {
                    log.println(line);
                    if (line.startsWith("console-ready ")) {
                        ready.countDown();
                    }
                    TickProbe.Report.parse(line).ifPresent(reports::add);
                }
            } catch (IOException e) {
                System.err.println("tick bench: reading the console: " + e);
            }
        }, "console-out");
        reader.setDaemon(true);
        reader.start();
        try {
            if (!ready.await(300, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the console did not draw its plan in 300 s; see " + out);
            }
            Robot robot = new Robot();
            robot.setAutoDelay(0);
            if (floor) {
                Thread.sleep(1000);
                focusWindow("Hello tick");
                Thread.sleep(500);
                List<Sample> samples = press(robot, out, reports, "floor-P", KeyEvent.VK_P, false, presses);
                shot(robot, out, "floor-after");
                report(samples, out);
                return;
            }
            // The incident dialog comes up after the plan: Enter resumes the most recent incident (the bench's).
            Thread.sleep(3000);
            key(robot, KeyEvent.VK_ENTER);
            // Resuming reads and folds the 100,000 events; the dialog closes when the incident is open.
            long until = System.currentTimeMillis() + 180_000;
            while (dialogShown() && System.currentTimeMillis() < until) {
                Thread.sleep(500);
            }
            Thread.sleep(2000);
            focusWindow("Coordination Plan");
            Thread.sleep(500);
            shot(robot, out, "resumed");
            reports.clear();

            List<Sample> samples = new ArrayList<>();
            chord(robot, KeyEvent.VK_3);
            Thread.sleep(1500);
            shot(robot, out, "tests-before");
            samples.addAll(press(robot, out, reports, "tests-P", KeyEvent.VK_P, false, presses));
            shot(robot, out, "tests-after");
            // The board: Ctrl+2 gives the focus to the area's first control, the first phase's first task (the
            // console's keyboard-first rule); Space ticks it, which the probe must report.
            chord(robot, KeyEvent.VK_2);
            Thread.sleep(1500);
            robot.keyPress(KeyEvent.VK_SPACE);
            robot.keyRelease(KeyEvent.VK_SPACE);
            if (reports.poll(5, TimeUnit.SECONDS) == null) {
                shot(robot, out, "board-space-failed");
                throw new IllegalStateException("Space on the board's first task recorded nothing; see " + out);
            }
            Thread.sleep(500);
            shot(robot, out, "board-before");
            samples.addAll(press(robot, out, reports, "board-Space", KeyEvent.VK_SPACE, true, presses));
            shot(robot, out, "board-after");
            report(samples, out);
        } finally {
            console.destroy();
            if (!console.waitFor(10, TimeUnit.SECONDS)) {
                console.destroyForcibly();
            }
        }
    }

    /** {@code actsOnRelease}: time from the key's release (Space on a check box), else from its press. */
    private static List<Sample> press(Robot robot, Path out, BlockingQueue<TickProbe.Report> reports, String area,
                                      int key, boolean actsOnRelease, int count) throws Exception {
        List<Sample> samples = new ArrayList<>();
        int missed = 0;
        for (int i = 0; i < count + WARM_UP; i++) {
            reports.clear();
            long before = tap(robot, key, actsOnRelease);
            TickProbe.Report report = reports.poll(3, TimeUnit.SECONDS);
            if (report == null) {
                missed++;
                if (missed > 3) {
                    shot(robot, out, area + "-failed");
                    throw new IllegalStateException(area + ": no event drawn after " + missed
                            + " presses; is the focus on a test / task? See the console's output.");
                }
                continue;
            }
            samples.add(new Sample(i < WARM_UP ? area + "-warm-up" : area, before, report));
            // An operator does not press faster than this; it also lets the metrics pulses run in between.
            Thread.sleep(150 + ThreadLocalRandom.current().nextInt(250));
        }
        return samples;
    }

    /** Xvfb has no window manager: once the incident dialog is gone nothing has the focus until it is given. */
    private static void focusWindow(String title) throws Exception {
        new ProcessBuilder("xdotool", "search", "--onlyvisible", "--name", title, "windowfocus", "--sync")
                .inheritIO().start().waitFor(10, TimeUnit.SECONDS);
    }

    private static boolean dialogShown() throws Exception {
        Process search = new ProcessBuilder("xdotool", "search", "--onlyvisible", "--name", "start or resume an incident")
                .redirectErrorStream(true).start();
        search.getInputStream().readAllBytes();
        return search.waitFor() == 0;
    }

    /** A screenshot of the display, to look at what was measured. */
    private static void shot(Robot robot, Path out, String name) throws IOException {
        java.awt.Rectangle screen = new java.awt.Rectangle(java.awt.Toolkit.getDefaultToolkit().getScreenSize());
        javax.imageio.ImageIO.write(robot.createScreenCapture(screen), "png", out.resolve(name + ".png").toFile());
    }

    /** Presses and, {@value #HOLD_MILLIS} ms later, releases the key; the wall clock just before the event that acts. */
    private static long tap(Robot robot, int key, boolean actsOnRelease) throws InterruptedException {
        long pressed = micros();
        robot.keyPress(key);
        Thread.sleep(HOLD_MILLIS);
        long released = micros();
        robot.keyRelease(key);
        return actsOnRelease ? released : pressed;
    }

    private static void key(Robot robot, int key) {
        robot.keyPress(key);
        robot.keyRelease(key);
    }

    private static void chord(Robot robot, int key) {
        robot.keyPress(KeyEvent.VK_CONTROL);
        key(robot, key);
        robot.keyRelease(KeyEvent.VK_CONTROL);
    }

    private static long micros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
    }

    private static void report(List<Sample> samples, Path out) throws IOException {
        List<String> raw = new ArrayList<>();
        raw.add("area seq kind press_to_appended_ms press_to_shown_ms press_to_drawn_ms");
        for (Sample s : samples) {
            raw.add(String.format(Locale.ROOT, "%s %d %s %.2f %.2f %.2f", s.area(), s.report().seq(),
                    s.report().kind(), s.appendedMs(), s.shownMs(), s.drawnMs()));
        }
        Files.write(out.resolve("samples.txt"), raw);
        List<Sample> timed = samples.stream().filter(s -> !s.area().endsWith("-warm-up")).toList();
        for (String area : List.of("floor-P", "tests-P", "board-Space", "all")) {
            List<Sample> of = timed.stream().filter(s -> area.equals("all") || s.area().equals(area)).toList();
            if (of.isEmpty()) {
                continue;
            }
            System.out.printf(Locale.ROOT, "%-12s n=%3d  press->fsynced p50 %6.1f p99 %6.1f | press->shown p50 %6.1f"
                            + " p99 %6.1f | press->drawn p50 %6.1f p99 %6.1f max %6.1f ms%n", area, of.size(),
                    pct(of, 50, Sample::appendedMs), pct(of, 99, Sample::appendedMs),
                    pct(of, 50, Sample::shownMs), pct(of, 99, Sample::shownMs),
                    pct(of, 50, Sample::drawnMs), pct(of, 99, Sample::drawnMs), pct(of, 100, Sample::drawnMs));
        }
        double p50 = pct(timed, 50, Sample::drawnMs);
        double p99 = pct(timed, 99, Sample::drawnMs);
        System.out.printf(Locale.ROOT, "RESULT tick_p50 %.1f ms goal <= 8 %s%n", p50, p50 <= 8 ? "met" : "NOT MET");
        System.out.printf(Locale.ROOT, "RESULT tick_p99 %.1f ms goal <= 25 %s%n", p99, p99 <= 25 ? "met" : "NOT MET");
    }

    /** Nearest-rank percentile. */
    private static double pct(List<Sample> samples, int percentile, java.util.function.ToDoubleFunction<Sample> f) {
        double[] values = samples.stream().mapToDouble(f).sorted().toArray();
        int rank = (int) Math.ceil(percentile / 100.0 * values.length);
        return values[Math.max(0, Math.min(values.length - 1, rank - 1))];
    }
}
