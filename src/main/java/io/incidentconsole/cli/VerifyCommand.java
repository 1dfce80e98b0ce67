package io.incidentconsole.cli;

import io.incidentconsole.incident.Incident;
import io.incidentconsole.incident.IncidentException;
import io.incidentconsole.incident.storage.IncidentStore;
import io.incidentconsole.incident.JournalException;
import io.incidentconsole.incident.RecoveryReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Check that an incident's journal is intact: every line readable and its checksum chain "
                + "unbroken (no line changed, removed, reordered or copied from another incident).",
                "Exit 0 when intact (lines written by 0.1 have no chain: reported, still 0); 1 naming the first "
                        + "line that breaks it, or when the folder is not a readable incident."})
final class VerifyCommand implements Callable<Integer> {

    static final int BROKEN = 1;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "INCIDENT_DIR", description = "The incident's folder.")
    Path folder;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (Incident incident = IncidentStore.inspect(folder)) {
            RecoveryReport report = incident.recovery();
            Optional<RecoveryReport.Finding> broken = report.findings().stream()
                    .filter(f -> f.kind() == RecoveryReport.Kind.DAMAGED || f.kind() == RecoveryReport.Kind.TORN_TAIL
                            || f.kind() == RecoveryReport.Kind.CONTINUED_PAST || f.kind() == RecoveryReport.Kind.CHAIN_BROKEN)
                    .findFirst();
            if (broken.isPresent()) {
                err.println(folder.resolve(broken.get().segment()) + ":" + broken.get().line() + ": "
                        + broken.get().message());
                return BROKEN;
            }
            int events = incident.state().events().size();
            Optional<RecoveryReport.Finding> unchained = report.unchained();
            if (unchained.isPresent()) {
                out.println(folder + ": " + events + " events readable; not tamper-evident: "
                        + unchained.get().message().replace(", the first here", " (from "
                        + unchained.get().segment() + ":" + unchained.get().line() + ")"));
            } else {
                out.println(folder + ": intact: " + events + " events, checksum chain unbroken");
            }
            return 0;
        } catch (IncidentException | JournalException e) {
            err.println("error: " + e.getMessage());
            return BROKEN;
        }
    }
}
