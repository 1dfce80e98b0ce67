package io.incidentconsole.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.incidentconsole.incident.Event;
import io.incidentconsole.incident.EventCodec;
import io.incidentconsole.incident.EventPayload;
import io.incidentconsole.incident.Incident;
import io.incidentconsole.incident.storage.IncidentStore;
import io.incidentconsole.incident.TestOutcome;
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
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 17, finding 8 (and the unknown-kind part of 10): every command that reads an incident says what is wrong. */
class DamageIsNeverSilentTest {

    @TempDir
    Path home;

    private StringWriter out = new StringWriter();
    private StringWriter err = new StringWriter();
    private Path folder;
    private Path journal;

    private int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        return Cli.run(request -> 0, new PrintWriter(out), new PrintWriter(err), args);
    }

    @BeforeEach
    void anIncidentWithAPassThenAFail() throws Exception {
        PlanLoader loader = new PlanLoader();
        String text = loader.bundledSeedText();
        Plan plan = loader.load("seed.yaml", text).plan();
        try (Incident incident = new IncidentStore(home).create(plan, "seed.yaml", text, "ana")) {
            incident.record(new EventPayload.TestResultSet("t330-p2", "t330-p2.check-1", "p330-2", TestOutcome.PASS, null));
            incident.record(new EventPayload.NoteAdded("p330-2", "looking"));
            incident.record(new EventPayload.TestResultSet("t330-p2", "t330-p2.check-2", "p330-2", TestOutcome.FAIL,
                    "broken"));
            folder = incident.directory();
        }
        journal = folder.resolve("journal-0001.jsonl");
    }

    private void flipAByteOnLine(int line) throws Exception {
        byte[] bytes = Files.readAllBytes(journal);
        int start = 0;
        for (int l = 1; l < line; l++) {
            start = indexOf(bytes, start) + 1;
        }
        bytes[start + 20] ^= 0x01;
        Files.write(journal, bytes);
    }

    private static int indexOf(byte[] bytes, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    @Test
    void aFlippedByteIsAWarningOnStderrAndInEveryExportsText() throws Exception {
        flipAByteOnLine(3);
        String expected = "warning: " + journal + ":3: damaged line: checksum mismatch";

        assertThat(run("tests", folder.toString(), "--format", "junit")).isZero();
        assertThat(err.toString()).startsWith(expected).contains("1 readable line(s) after the damage");
        assertThat(out.toString()).contains("<!-- warning: " + journal + ":3: damaged line");

        assertThat(run("tests", folder.toString())).isZero();
        assertThat(err.toString()).startsWith(expected);
        assertThat(out.toString()).contains("> **Warning:** ").contains("journal-0001.jsonl:3: damaged line");

        assertThat(run("report", folder.toString(), "--kind", "postmortem", "--format", "html")).isZero();
        assertThat(err.toString()).startsWith(expected);
        assertThat(out.toString()).contains("<strong>Warning:</strong> " + journal + ":3: damaged line");

        for (String command : List.of("status", "timeline")) {
            assertThat(run(command, folder.toString())).isZero();
            assertThat(err.toString()).as(command).startsWith(expected);
        }
    }

    @Test
    void anEmptyOrMissingJournalIsAnErrorNotAFreshIncident() throws Exception {
        Files.write(journal, new byte[0]);
        for (String command : List.of("status", "timeline", "tests")) {
            assertThat(run(command, folder.toString())).as(command).isEqualTo(1);
            assertThat(err.toString()).contains(journal + ": the journal is empty (0 bytes)");
            assertThat(out.toString()).doesNotContain("1970");
        }
        Files.delete(journal);
        assertThat(run("report", folder.toString(), "--kind", "update")).isEqualTo(1);
        assertThat(err.toString()).contains(folder + ": the journal is missing (no journal-0001.jsonl)");
    }

    @Test
    void eventsOfUnknownKindsAreCountedInTheWarning() throws Exception {
        EventCodec codec = new EventCodec();
        Instant at = Instant.parse("2030-01-01T00:00:00Z");
        var fields = JsonNodeFactory.instance.objectNode().put("x", 1);
        for (long seq = 5; seq <= 7; seq++) {
            String kind = seq == 6 ? "SomethingElse" : "FutureThingHappened";
            Event event = new Event("future-" + seq, seq, at, "ana", new EventPayload.Unrecognized(kind, fields, ""));
            Files.write(journal, codec.encode(event), StandardOpenOption.APPEND);
        }

        assertThat(run("status", folder.toString())).isZero();

        assertThat(err.toString().lines()).containsExactlyInAnyOrder("warning: " + journal + ":5: 3 events this version cannot "
                + "read (FutureThingHappened ×2, SomethingElse), the first here: they are kept and shown as written "
                + "but change nothing", "warning: " + journal + ":5: 3 lines have no checksum chain (written by "
                + "version 0.1), the first here: they open as before, but a line copied from another incident cannot "
                + "be detected in them");
        assertThat(new String(Files.readAllBytes(journal), StandardCharsets.UTF_8)).contains("FutureThingHappened");
    }

    @Test
    void aDuplicatedLastLineIsReportedAsADuplicateNotAsACrash() throws Exception {
        List<String> lines = Files.readAllLines(journal);
        Files.writeString(journal, lines.get(lines.size() - 1) + "\n", StandardOpenOption.APPEND);

        assertThat(run("status", folder.toString())).isZero();

        assertThat(err.toString()).startsWith("warning: " + journal + ":5: the last line is an exact copy of line 4 "
                + "(the same event written twice); the copy was ignored").doesNotContain("crash");
    }

    @Test
    void anUnreadableJournalNamesTheReason() throws Exception {
        Files.delete(journal);
        Files.createSymbolicLink(journal, folder.resolve("nowhere.jsonl"));

        assertThat(run("status", folder.toString())).isEqualTo(1);

        assertThat(err.toString()).contains(journal + ": not a regular file (a device, a pipe or a dangling symbolic link)");
    }

    @Test
    void binaryGarbageImportsWithANonZeroExitAndAClearMessage() throws Exception {
        byte[] garbage = new byte[4096];
        new Random(17).nextBytes(garbage);
        Path file = Files.write(home.resolve("garbage.md"), garbage);

        assertThat(run("import", file.toString())).isEqualTo(1);

        assertThat(err.toString()).startsWith(file + ": not a text document");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void anUnpairedSurrogateInANoteDoesNotBreakTestsOutput() throws Exception {
        PlanLoader loader = new PlanLoader();
        String text = loader.bundledSeedText();
        Plan plan = loader.load("seed.yaml", text).plan();
        Path other;
        try (Incident incident = new IncidentStore(home.resolve("other")).create(plan, "seed.yaml", text, "ana")) {
            incident.record(new EventPayload.TestResultSet("t330-p2", "t330-p2.check-1", "p330-2", TestOutcome.FAIL,
                    "broken \ud800 here"));
            other = incident.directory();
        }
        Path file = home.resolve("results.md");

        assertThat(run("tests", other.toString(), "-o", file.toString())).isZero();

        assertThat(Files.readString(file)).contains("broken \uFFFD here");
    }
}
