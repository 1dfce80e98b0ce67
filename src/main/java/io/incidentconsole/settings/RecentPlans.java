package io.incidentconsole.settings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The plan files opened most recently, newest first, kept in a text file (one path a line). */
public final class RecentPlans {

    private final Path file;
    private final int limit;

    public RecentPlans(Path file, int limit) {
        this.file = file;
        this.limit = limit;
    }

    public List<Path> list() {
        try {
            List<Path> paths = new ArrayList<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    paths.add(Path.of(line.strip()));
                }
            }
            return paths.size() > limit ? paths.subList(0, limit) : paths;
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException | RuntimeException e) {
            // A damaged list of recent files is not worth stopping the console for.
            return List.of();
        }
    }

    /** Moves the path to the front; returns the new list. */
    public List<Path> add(Path plan) {
        Path absolute = plan.toAbsolutePath().normalize();
        List<Path> paths = new ArrayList<>(list());
        paths.remove(absolute);
        paths.add(0, absolute);
        while (paths.size() > limit) {
            paths.remove(paths.size() - 1);
        }
        StringBuilder text = new StringBuilder();
        paths.forEach(p -> text.append(p).append('\n'));
        try {
            AtomicFiles.write(file, text.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remember recent plans in " + file, e);
        }
        return List.copyOf(paths);
    }
}
