package io.incidentconsole.rollback;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/** Saves generated scripts as executable files. */
public final class ScriptFiles {

    /** rwxr-xr-x. */
    public static final Set<PosixFilePermission> EXECUTABLE = PosixFilePermissions.fromString("rwxr-xr-x");

    /**
     * Writes the script to {@code target} atomically (a temporary file in the same directory, then a move),
     * so the target is either the old file or the whole new script, never a partial one; the file is
     * executable (rwxr-xr-x where the file system has POSIX permissions). Returns the absolute path.
     */
    public Path save(GeneratedScript script, Path target) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path directory = absolute.getParent();
        Files.createDirectories(directory);
        Path temporary = Files.createTempFile(directory, "." + absolute.getFileName(), ".tmp");
        try {
            Files.writeString(temporary, script.text(), StandardCharsets.UTF_8);
            if (Files.getFileStore(temporary).supportsFileAttributeView("posix")) {
                Files.setPosixFilePermissions(temporary, EXECUTABLE);
            } else if (!temporary.toFile().setExecutable(true, false)) {
                throw new IOException("cannot make " + temporary + " executable");
            }
            try {
                Files.move(temporary, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
            return absolute;
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** A file name for a script: {@code rollback-rb330-phase1-20261127T083000Z.sh}. */
    public String suggestedName(GeneratedScript script) {
        String stamp = script.context().generatedAt().toString().replace("-", "").replace(":", "");
        int dot = stamp.indexOf('.');
        if (dot >= 0) {
            stamp = stamp.substring(0, dot) + "Z";
        }
        String mode = script.mode() == ScriptMode.DRY_RUN ? "-dry-run" : "";
        return ("rollback-" + script.procedureId() + mode + "-" + stamp + ".sh").replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
