package io.incidentconsole.cli;

import io.incidentconsole.output.OutputFileException;
import io.incidentconsole.output.OutputFiles;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * Where a read-only command's document goes: stdout, or {@code -o FILE} by the one rule for written files
 * ({@link OutputFiles}: atomic, {@code --force} to replace, never inside an incident folder or over the input).
 */
final class DocumentOutput {

    private DocumentOutput() {
    }

    /** Prints {@code text}, or writes it to {@code output}; 0 when done, 1 (the refusal on stderr) when not. */
    static int printOrWrite(CommandSpec spec, String text, Path output, boolean force, Path input, String what) {
        if (output == null) {
            PrintWriter out = spec.commandLine().getOut();
            out.print(text);
            out.flush();
            return ExitCodes.DONE;
        }
        try {
            OutputFiles.write(output, text, force, input);
        } catch (OutputFileException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return 1;
        }
        spec.commandLine().getOut().println("Wrote " + what + " to " + output);
        return ExitCodes.DONE;
    }
}
