package io.incidentconsole.output;

import java.nio.file.Path;

/** A file the operator named cannot or may not be written; the message says which and why, in one line. */
public final class OutputFileException extends Exception {

    private static final long serialVersionUID = 1L;

    public OutputFileException(Path target, String reason) {
        super(target + ": " + reason);
    }
}
