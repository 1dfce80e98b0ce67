package io.incidentconsole.cli;

import io.incidentconsole.incident.Event;
import io.incidentconsole.incident.EventCodec;
import io.incidentconsole.incident.EventPayload;
import io.incidentconsole.incident.Incident;
import io.incidentconsole.incident.storage.IncidentStore;
import io.incidentconsole.plan.Plan;
import io.incidentconsole.plan.PlanLoader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 17, finding 9: the journal is tamper-evident, and {@code verify} says where it was tampered with. */
class VerifyCommandTest {

    @TempDir
    Path home;

    private StringWriter out;
    private StringWriter err;
    private Path first;
    private Path second;

    private int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        return Cli.run(request -> 0, new PrintWriter(out), new PrintWriter(err), args);
    }

    @BeforeEach
    void twoIncidents() {
        PlanLoader loader = new PlanLoader();
        String text = loader.bundledSeedText();
        Plan plan = loader.load("seed.yaml", text).plan();
        IncidentStore store = new IncidentStore(home);
        try (Incident a = store.create(plan, "seed.yaml", text, "ana")) {
            a.record(new EventPayload.NoteAdded(null, "first"));
            a.record(new EventPayload.NoteAdded(null, "second"));
            a.record(new EventPayload.NoteAdded(null, "third"));
            first = a.directory();
        }
        try (Incident b = store.create(plan, "seed.yaml", text, "bob")) {
            b.record(new EventPayload.NoteAdded(null, "first"));
            b.record(new EventPayload.NoteAdded(null, "from b"));
            second = b.directory();
        }
    }

    private static List<String> lines(Path folder) throws Exception {
        return new ArrayList<>(Files.readAllLines(folder.resolve("journal-0001.jsonl")));
    }

    private static void write(Path folder, List<String> lines) throws Exception {
        Files.write(folder.resolve("journal-0001.jsonl"), lines);
    }

    @Test
    void anIntactJournalExitsZero() {
        assertThat(run("verify", first.toString())).isZero();
        assertThat(out.toString()).isEqualTo(first + ": intact: 4 events, checksum chain unbroken"
                + System.lineSeparator());
    }

    @Test
    void aChecksumValidLineFromAnotherIncidentBreaksTheChainAtThatLine() throws Exception {
        List<String> a = lines(first);
        a.set(2, lines(second).get(2)); // same seq (3), its own valid crc, but another incident's chain

        write(first, a);

        assertThat(run("verify", first.toString())).isEqualTo(1);
        assertThat(err.toString()).startsWith(first.resolve("journal-0001.jsonl") + ":3: the checksum chain breaks");
        assertThat(run("status", first.toString())).isZero();
        assertThat(err.toString()).contains("warning: " + first.resolve("journal-0001.jsonl") + ":3: the checksum chain");
    }

    @Test
    void aLineRemovedFromTheMiddleIsNamed() throws Exception {
        List<String> a = lines(first);
        a.remove(2);
        write(first, a);

        assertThat(run("verify", first.toString())).isEqualTo(1);
        assertThat(err.toString()).startsWith(first.resolve("journal-0001.jsonl") + ":3:");
    }

    @Test
    void aJournalWrittenBy01OpensAndIsReportedUnchained() throws Exception {
        EventCodec codec = new EventCodec();
        List<String> unchained = new ArrayList<>();
        try (Incident incident = IncidentStore.inspect(first)) {
            for (Event event : incident.state().events()) {
                unchained.add(new String(codec.encode(event), StandardCharsets.UTF_8).strip());
            }
        }
        write(first, unchained);

        assertThat(run("verify", first.toString())).isZero();
        assertThat(out.toString()).contains("4 events readable; not tamper-evident: 4 lines have no checksum chain "
                + "(written by version 0.1) (from journal-0001.jsonl:1)");
        assertThat(run("status", first.toString())).isZero();
        assertThat(err.toString()).contains(":1: 4 lines have no checksum chain");
        assertThat(out.toString()).contains("4 events");
    }
}
