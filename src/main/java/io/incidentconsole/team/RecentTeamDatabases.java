package io.incidentconsole.team;

import io.incidentconsole.settings.AtomicFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The team databases joined most recently, newest first, one address a line as {@link TeamDatabaseAddress#text()}
 * gives it: a user name perhaps, never a password (an address holding one does not parse in the first place).
 */
public final class RecentTeamDatabases {

    private final Path file;
    private final int limit;

    public RecentTeamDatabases(Path file, int limit) {
        this.file = file;
        this.limit = limit;
    }

    /** The remembered addresses; lines that no longer parse are skipped. */
    public List<String> list() {
        try {
            List<String> addresses = new ArrayList<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.isBlank()) {
                    continue;
                }
                try {
                    String text = TeamDatabaseAddress.parse(line).text();
                    if (!addresses.contains(text)) {
                        addresses.add(text);
                    }
                } catch (IllegalArgumentException e) {
                    // A hand-edited line that is not an address any more: not worth offering.
                }
            }
            return addresses.size() > limit ? List.copyOf(addresses.subList(0, limit)) : List.copyOf(addresses);
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException | RuntimeException e) {
            // A damaged list costs typing the address again, nothing more.
            return List.of();
        }
    }

    /** Moves the address to the front; returns the new list. */
    public List<String> add(TeamDatabaseAddress address) {
        List<String> addresses = new ArrayList<>(list());
        addresses.remove(address.text());
        addresses.add(0, address.text());
        while (addresses.size() > limit) {
            addresses.remove(addresses.size() - 1);
        }
        StringBuilder text = new StringBuilder();
        addresses.forEach(a -> text.append(a).append('\n'));
        try {
            AtomicFiles.write(file, text.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remember team databases in " + file, e);
        }
        return List.copyOf(addresses);
    }
}
