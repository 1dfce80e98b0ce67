package io.incidentconsole.incident;

import java.util.Set;
import io.incidentconsole.incident.storage.IncidentStore;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17, finding 10 (ADR 0006): a journal written by this version, kept byte for byte under
 * src/test/resources/journal/frozen-0.2/, must replay to the same state forever. Never regenerate it (0.2 kinds added before release were appended by the same code, chained): if this test
 * fails, the format changed incompatibly; give the changed kind a new wire name instead.
 */
class FrozenJournalTest {

    /** Kinds released after this journal was written: it cannot hold them (a 0.3 journal gets its own frozen copy). */
    private static final Set<String> ADDED_AFTER_0_2 = Set.of(
            // 0.3: drills
            "DrillScenarioAttached", "ScenarioEventPlayed", "DrillClockAdvanced", "DrillRunModeChosen");

    private static Path folder() {
        try {
            return Path.of(FrozenJournalTest.class.getResource("/journal/frozen-0.2/incident.json").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theFrozenJournalReplaysToTheSameStateWithEveryLineRecognisedAndChained() {
        try (Incident incident = IncidentStore.inspect(folder())) {
            IncidentState state = incident.state();

            assertThat(incident.recovery().findings()).as("no damage, no unknown kind, no unchained line").isEmpty();
            assertThat(state.events()).hasSize(41);
            assertThat(state.events()).noneMatch(e -> e.payload() instanceof EventPayload.Unrecognized);
            assertThat(state.events().stream().map(Event::kind).distinct()).containsExactlyInAnyOrderElementsOf(
                    EventKinds.all().keySet().stream().filter(k -> !k.equals("JournalContinued"))
                            .filter(k -> !ADDED_AFTER_0_2.contains(k)).toList());
            assertThat(state.started()).hasValueSatisfying(s -> {
                assertThat(s.incidentId()).isEqualTo("20261207-030000-f36a10");
                assertThat(s.operator()).isEqualTo("ana");
            });
            assertThat(state.isComplete("p330-1")).isTrue();
            assertThat(state.latestOutcome("p330-1", "t330-p1", "t330-p1.check-1")).hasValue(TestOutcome.PASS);
            assertThat(state.latestOutcome("p330-1", "t330-p1", "t330-p1.check-2")).hasValue(TestOutcome.FAIL);
            assertThat(state.tickedSteps("t330-p1", "t330-p1.case-1")).containsExactly(1);
            assertThat(state.parameters().get("commit").value()).isEqualTo("4f2a9c1");
            assertThat(state.openAlerts()).extracting(AlertState::alertId).containsExactly("error-rate");
            assertThat(state.tickedCriteria("rb330")).containsExactly("rb330.criterion-1");
            assertThat(state.rollbacks()).singleElement().satisfies(r -> assertThat(r.succeeded()).isTrue());
            assertThat(state.commands()).hasSize(3);
            assertThat(state.notes()).extracting(NoteRecord::text)
                    .containsExactly("DBA joined the bridge", "ünïcødé ✓ \"quoted\"");
            assertThat(state.signOffs()).hasSize(1);
            assertThat(state.updates()).hasSize(1);
            assertThat(state.decisions()).hasSize(1);
            // Kinds added in 0.2: a cleared alert stays open until acknowledged; the observed value of a criterion;
            // who holds the incident after a takeover.
            assertThat(state.alerts().get("error-rate").clearedValue()).isEqualTo(1.2);
            assertThat(state.observed("p330-2", "p330-2.criterion-1")).hasValue("convex_calls = 2.7M at 03:05 UTC");
            assertThat(IncidentHolder.of(state)).hasValueSatisfying(h -> assertThat(h.operator()).isEqualTo("ben"));
        }
    }

    @Test
    void itStaysIntactForVerify() {
        List<String> lines = incidentLines();
        assertThat(lines).hasSize(41).allSatisfy(line -> assertThat(line).contains("\"chain\":\""));
    }

    /**
     * Every line of the frozen journal, decoded and encoded again with the chain it followed, is the line byte for
     * byte: the encoder may change how it works (issue #22 round 7 writes the payload straight to the line instead of
     * through a tree), never what it writes.
     */
    @Test
    void everyLineEncodesAgainByteForByte() throws Exception {
        EventCodec codec = new EventCodec();
        String chain = "";
        for (String line : incidentLines()) {
            byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
            Event event = codec.decode(bytes, 0, bytes.length);
            assertThat(new String(codec.encode(event, chain, "20261207-030000-f36a10"), StandardCharsets.UTF_8))
                    .isEqualTo(line + "\n");
            chain = codec.chainAt(bytes, 0, bytes.length, chain, "20261207-030000-f36a10").orElseThrow().written();
        }
    }

    private static List<String> incidentLines() {
        try {
            return Files.readAllLines(folder().resolve("journal-0001.jsonl"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
