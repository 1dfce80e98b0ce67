package io.incidentconsole.output;

import io.incidentconsole.settings.AtomicFiles;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The one way every command and export writes a file the operator named ({@code tests -o}, {@code import -o},
 * {@code report -o}, the console's exports and "save as"):
 * <ul>
 *   <li>never inside an incident folder (one that holds {@code incident.json}), so an export can never replace a
 *       journal;</li>
 *   <li>never over one of the command's own inputs ({@code import a.md -o a.md}), not even with force;</li>
 *   <li>an existing file is replaced only with {@code force} (the CLI's {@code --force}; the console's save dialog
 *       has already asked);</li>
 *   <li>the folder must exist (a typo in it is an error, not a new folder tree);</li>
 *   <li>written atomically: a temporary file in the same folder, synced, then renamed over the target, so the
 *       target is the old file or the whole new one, never half;</li>
 *   <li>one file mode: {@code rw-r--r--} (0644) for documents, {@code rwxr-xr-x} (0755) for scripts.</li>
 * </ul>
 */
public final class OutputFiles {

    /** rw-r--r--: exports and reports are documents to share. */
    public static final Set<PosixFilePermission> DOCUMENT = PosixFilePermissions.fromString("rw-r--r--");
    /** rwxr-xr-x: a saved rollback script is run. */
    public static final Set<PosixFilePermission> EXECUTABLE = PosixFilePermissions.fromString("rwxr-xr-x");

    /** The file every incident folder holds (local and team-cache incidents alike). */
    static final String INCIDENT_MARKER = "incident.json";

    /** One file to write. */
    public record Output(Path target, byte[] content) {

        public static Output text(Path target, String text) {
            return new Output(target, utf8(text));
        }
    }

    private OutputFiles() {
    }

    /** Writes one document file; see the class comment for the rules. */
    public static Path write(Path target, String text, boolean force, Path... inputs) throws OutputFileException {
        return write(List.of(Output.text(target, text)), DOCUMENT, force, inputs).get(0);
    }

    /**
     * Writes several files as one act (a report and its charts): every target is checked before the first is
     * written, so a refusal leaves nothing behind. Returns the absolute paths written, in order.
     */
    public static List<Path> write(List<Output> outputs, Set<PosixFilePermission> mode, boolean force,
                                   Path... inputs) throws OutputFileException {
        List<Path> targets = new ArrayList<>();
        for (Output output : outputs) {
            targets.add(check(output.target(), force, outputs.size() > 1, inputs));
        }
        for (int i = 0; i < outputs.size(); i++) {
            Path target = targets.get(i);
            try {
                Files.createDirectories(target.getParent());
                writeAtomically(target, outputs.get(i).content(), mode);
            } catch (IOException e) {
                throw new OutputFileException(target, "cannot write the file: " + reason(e));
            }
        }
        return targets;
    }

    /**
     * Checks one target without writing: the absolute path to write, or why not. {@code createsFolder} allows a
     * missing last folder (a report's chart folder beside the report).
     */
    public static Path check(Path target, boolean force, boolean createsFolder, Path... inputs)
            throws OutputFileException {
        Path absolute = target.toAbsolutePath().normalize();
        Path parent = absolute.getParent();
        if (parent == null) {
            throw new OutputFileException(target, "is not a file name");
        }
        Path existingFolder = createsFolder && !Files.exists(parent) ? parent.getParent() : parent;
        if (existingFolder == null || !Files.isDirectory(existingFolder)) {
            throw new OutputFileException(target, "the folder " + (existingFolder == null ? parent : existingFolder)
                    + (existingFolder != null && Files.exists(existingFolder) ? " is not a folder"
                    : " does not exist; create it first"));
        }
        Path incident = incidentFolder(existingFolder);
        if (incident != null) {
            throw new OutputFileException(target, "is inside the incident folder " + incident
                    + "; exports are never written there (they could replace the journal): choose another folder");
        }
        for (Path input : inputs) {
            if (input != null && sameFile(absolute, input)) {
                throw new OutputFileException(target, "is the input " + input + " itself; write to another file");
            }
        }
        if (Files.isDirectory(absolute)) {
            throw new OutputFileException(target, "is a folder; give a file name");
        }
        if (Files.exists(absolute, LinkOption.NOFOLLOW_LINKS) && !force) {
            throw new OutputFileException(target, "already exists; use --force to replace it");
        }
        return absolute;
    }

    /** The nearest folder from {@code folder} up that is an incident folder, or null. */
    private static Path incidentFolder(Path folder) {
        Path real;
        try {
            real = folder.toRealPath();
        } catch (IOException e) {
            real = folder;
        }
        for (Path at = real; at != null; at = at.getParent()) {
            if (Files.exists(at.resolve(INCIDENT_MARKER))) {
                return at;
            }
        }
        return null;
    }

    private static boolean sameFile(Path target, Path input) {
        try {
            return Files.exists(target) && Files.exists(input) && Files.isSameFile(target, input);
        } catch (IOException e) {
            return target.equals(input.toAbsolutePath().normalize());
        }
    }

    private static void writeAtomically(Path target, byte[] content, Set<PosixFilePermission> mode) throws IOException {
        Path folder = target.getParent();
        Path temp = Files.createTempFile(folder, "." + target.getFileName(), ".part");
        try {
            AtomicFiles.writeSynced(temp, content);
            if (Files.getFileStore(temp).supportsFileAttributeView("posix")) {
                Files.setPosixFilePermissions(temp, mode);
            } else if (mode.contains(PosixFilePermission.OWNER_EXECUTE) && !temp.toFile().setExecutable(true, false)) {
                throw new IOException("cannot make " + temp + " executable");
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
        try (FileChannel directory = FileChannel.open(folder, StandardOpenOption.READ)) {
            directory.force(true);
        } catch (IOException e) {
            // Not every file system can sync a directory; the rename itself is still atomic.
        }
    }

    /** The reason of an I/O failure in words (permission denied, no space left), without a Java class name. */
    public static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /**
     * UTF-8 bytes of a text in which an unpaired surrogate (from a damaged note, say) becomes U+FFFD instead of
     * failing the whole export (a strict encoder throws on it).
     */
    public static byte[] utf8(String text) {
        StringBuilder clean = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean paired = Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1));
            if (paired) {
                if (clean != null) {
                    clean.append(c).append(text.charAt(i + 1));
                }
                i++;
            } else if (Character.isSurrogate(c)) {
                if (clean == null) {
                    clean = new StringBuilder(text.length()).append(text, 0, i);
                }
                clean.append('\uFFFD');
            } else if (clean != null) {
                clean.append(c);
            }
        }
        return (clean == null ? text : clean.toString()).getBytes(StandardCharsets.UTF_8);
    }
}
