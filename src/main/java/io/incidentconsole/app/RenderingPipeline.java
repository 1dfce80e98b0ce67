package io.incidentconsole.app;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Goes straight to JavaFX's software pipeline where there is no graphics device to draw with. There, OpenGL is
 * Mesa's software rasteriser (a server in a container, Xvfb, a VM, a remote desktop): JavaFX loads it (libLLVM and
 * the DRI driver, about 50 MB resident for the rest of the run, and ~0.1 s of start-up), finds that it "doesn't meet
 * the es2 pipe requirement" and falls back to the software pipeline anyway (docs/decisions/0019). Machines with a
 * device keep JavaFX's own order (the GPU first); an operator's {@code -Dprism.order} always wins.
 *
 * <p>A device is what Linux's drivers create for a GPU: {@code /dev/dri/card*} or {@code renderD*} (Mesa's hardware
 * drivers) or {@code /dev/nvidia*} (NVIDIA's). Other systems are left alone: their GL is the vendor's.
 *
 * <p>With the software pipeline the pulse runs at {@value #SOFTWARE_PULSE_HZ} Hz instead of 60 (an operator's
 * {@code -Djavafx.animation.pulse} wins). A change waits for the next pulse to be drawn: 8 ms on average at 60 Hz, the
 * whole of a key press's budget (issue 22), 2 ms at 240. Nothing there waits for a display's refresh (the frame is
 * copied to the window), and a pulse with nothing to draw is cheap: the idle console used 1.2 % of a core at 60 Hz and
 * 1.7 % at 240 (docs/performance.md, round 6). A GPU pipeline keeps JavaFX's rate: its frames wait for the display.
 */
final class RenderingPipeline {

    static final String ORDER = "prism.order";
    static final String SOFTWARE = "sw";
    static final String PULSE = "javafx.animation.pulse";
    static final String SOFTWARE_PULSE_HZ = "240";

    private RenderingPipeline() {
    }

    /**
     * Sets {@value #ORDER} to {@value #SOFTWARE} in the properties when the system has no graphics device, and with the
     * software pipeline (chosen here or by the operator) the pulse rate to {@value #SOFTWARE_PULSE_HZ} Hz.
     */
    static void chooseBeforeToolkitStarts(Properties properties, Path devices) {
        if (properties.getProperty(ORDER) == null && properties.getProperty("os.name", "").startsWith("Linux")
                && !hasGraphicsDevice(devices)) {
            properties.setProperty(ORDER, SOFTWARE);
        }
        if (SOFTWARE.equals(properties.getProperty(ORDER, "").trim()) && properties.getProperty(PULSE) == null) {
            properties.setProperty(PULSE, SOFTWARE_PULSE_HZ);
        }
    }

    /** Called once, before the toolkit starts, with this process's properties and {@code /dev}. */
    static void chooseBeforeToolkitStarts() {
        chooseBeforeToolkitStarts(System.getProperties(), Path.of("/dev"));
    }

    static boolean hasGraphicsDevice(Path devices) {
        return anyNamed(devices.resolve("dri"), "card", "renderD") || anyNamed(devices, "nvidia");
    }

    private static boolean anyNamed(Path folder, String... prefixes) {
        if (!Files.isDirectory(folder)) {
            return false;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                for (String prefix : prefixes) {
                    if (name.startsWith(prefix)) {
                        return true;
                    }
                }
            }
        } catch (IOException | SecurityException e) {
            // Unreadable: assume a device, i.e. leave JavaFX's order as it is.
            return true;
        }
        return false;
    }
}
