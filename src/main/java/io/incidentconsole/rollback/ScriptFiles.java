package io.incidentconsole.rollback;

import io.incidentconsole.output.OutputFileException;
import io.incidentconsole.output.OutputFiles;

import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Set;

/** Saves generated scripts as executable files. */
public final class ScriptFiles {

    /** rwxr-xr-x. */
    public static final Set<PosixFilePermission> EXECUTABLE = OutputFiles.EXECUTABLE;

    /**
     * Writes the script to {@code target} by the rules of {@link OutputFiles} (atomically, never inside an incident
     * folder), executable (rwxr-xr-x). The save dialog has already asked about replacing an existing file.
     * Returns the absolute path.
     */
    public Path save(GeneratedScript script, Path target) throws OutputFileException {
        return OutputFiles.write(List.of(OutputFiles.Output.text(target, script.text())), EXECUTABLE, true).get(0);
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
