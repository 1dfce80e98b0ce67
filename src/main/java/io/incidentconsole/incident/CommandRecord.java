package io.incidentconsole.incident;

import java.time.Instant;

/** {@code exitCode} and {@code outputTail} only for RUN; {@code script} only for GENERATED. */
public record CommandRecord(CommandAction action, String source, String scriptSha256, String script,
                            Integer exitCode, String outputTail, String operator, Instant at) {
}
