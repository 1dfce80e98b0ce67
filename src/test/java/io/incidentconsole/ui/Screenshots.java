package io.incidentconsole.ui;

import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/** Renders a scene to target/screenshots/NAME.png (headless, via scene.snapshot) for a person to look at. */
public final class Screenshots {

    private Screenshots() {
    }

    public static Path directory() {
        return Path.of(System.getProperty("screenshots.dir", "target/screenshots"));
    }

    /** Must be called on the FX thread. Returns the number of distinct colours, so callers can reject blank images. */
    public static int save(Scene scene, String name) {
        WritableImage image = scene.snapshot(null);
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        PixelReader pixels = image.getPixelReader();
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int argb = pixels.getArgb(x, y);
                out.setRGB(x, y, argb);
                if (colours.size() < 10_000) {
                    colours.add(argb);
                }
            }
        }
        try {
            Files.createDirectories(directory());
            ImageIO.write(out, "png", directory().resolve(name + ".png").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return colours.size();
    }
}
