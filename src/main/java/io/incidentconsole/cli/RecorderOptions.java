package io.incidentconsole.cli;

import io.incidentconsole.incident.OperatorSettings;
import picocli.CommandLine.Option;

/** The option every recording verb has: who acts. */
final class RecorderOptions {

    @Option(names = "--operator", paramLabel = "NAME",
            description = "Who acts (recorded with the event). Default: the operator the console remembers, "
                    + "else the user name.")
    String operator;

    String operator() {
        if (operator != null && !operator.isBlank()) {
            return operator.strip();
        }
        return OperatorSettings.inDefaultLocation().operator().orElse(System.getProperty("user.name", "operator"));
    }
}
