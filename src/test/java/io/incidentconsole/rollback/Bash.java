package io.incidentconsole.rollback;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Runs a script text with the real /bin/bash in a directory and returns its exact stdout. */
final class Bash {

    record Result(int exitCode, String stdout, String stderr) {
    }

    private Bash() {
    }

    static Result run(String script, Path directory) throws IOException, InterruptedException {
        Path file = Files.createTempFile("bash-test-", ".sh");
        try {
            Files.writeString(file, script, StandardCharsets.UTF_8);
            Process process = new ProcessBuilder("/bin/bash", file.toString())
                    .directory(directory.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                    .start();
            byte[][] streams = new byte[2][];
            Thread errors = new Thread(() -> streams[1] = readAll(process.getErrorStream()));
            errors.start();
            streams[0] = readAll(process.getInputStream());
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("bash did not finish in 30 s");
            }
            errors.join();
            return new Result(process.exitValue(), new String(streams[0], StandardCharsets.UTF_8),
                    new String(streams[1], StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static byte[] readAll(InputStream in) {
        try {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
