package io.incidentconsole.input;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads an input file (a plan, a Markdown document, a journal segment) without trusting what the file system says
 * about its size: at most {@code cap + 1} bytes are ever read, so {@code /dev/zero}, a symlink to it, a FIFO that
 * never ends or a file that grows while read cannot fill memory. Errors are one line that names the reason.
 */
public final class BoundedRead {

    private BoundedRead() {
    }

    /** The input is larger than its cap; the message says so in one line. */
    public static final class TooLargeException extends IOException {

        private static final long serialVersionUID = 1L;

        TooLargeException(String message) {
            super(message);
        }
    }

    /**
     * The file's bytes.
     *
     * @param what how to name such a file in the message ("a plan file")
     * @throws TooLargeException when the file has more than {@code cap} bytes (whatever its reported size)
     * @throws IOException       when it cannot be read; {@link #reason} words it
     */
    public static byte[] read(Path file, long cap, String what) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, cap + 1));
            if (bytes.length > cap) {
                throw new TooLargeException("the file is larger than " + megabytes(cap) + "; " + what + " is at most "
                        + megabytes(cap) + " (is this the right file?)");
            }
            return bytes;
        }
    }

    private static String megabytes(long bytes) {
        return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MB" : bytes + " bytes";
    }

    /**
     * Why a file could not be read, in words: "no such file", "a symbolic link to X, which does not exist",
     * "permission denied", "it is a folder", or the system's own reason.
     */
    public static String reason(Path file, IOException e) {
        if (e instanceof TooLargeException) {
            return e.getMessage();
        }
        if (e instanceof NoSuchFileException) {
            if (Files.isSymbolicLink(file)) {
                try {
                    return "a symbolic link to " + Files.readSymbolicLink(file) + ", which does not exist";
                } catch (IOException ignored) {
                    return "a symbolic link whose target does not exist";
                }
            }
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "cannot read the file: permission denied";
        }
        if (Files.isDirectory(file)) {
            return "cannot read the file: it is a folder";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return "cannot read the file: " + fs.getReason();
        }
        return "cannot read the file: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }
}
