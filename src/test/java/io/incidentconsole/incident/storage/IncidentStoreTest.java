package io.incidentconsole.incident.storage;

import io.incidentconsole.incident.Event;
import io.incidentconsole.incident.EventPayload;
import io.incidentconsole.incident.Fixtures;
import io.incidentconsole.incident.Incident;
import io.incidentconsole.incident.IncidentException;
import io.incidentconsole.incident.IncidentState;
import io.incidentconsole.incident.IncidentSummary;
import io.incidentconsole.incident.JournalException;
import io.incidentconsole.incident.OperatorSettings;
import io.incidentconsole.settings.AppDirectories;

import io.incidentconsole.incident.EventPayload.TaskTicked;
import io.incidentconsole.plan.Plan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IncidentStoreTest {

    @TempDir
    Path data;

    private final Plan plan = Fixtures.plan();

    private IncidentStore store(String instant) {
        return new IncidentStore(data, Clock.fixed(Instant.parse(instant), ZoneOffset.UTC));
    }

    @Test
    void creatingAnIncidentCopiesThePlanWithItsHashAndRecordsTheStart() throws IOException {
        IncidentStore store = store("2026-11-27T08:10:22Z");
        String id;
        try (Incident incident = store.create(plan, "/plans/small-plan.yaml", Fixtures.planText(), "ana")) {
            id = incident.id();
            assertThat(id).startsWith("20261127-081022-");
            Path folder = data.resolve("incidents").resolve(id);
            assertThat(incident.directory()).isEqualTo(folder);
            assertThat(Files.readString(folder.resolve("plan.yaml"))).isEqualTo(Fixtures.planText());
            String sha = IncidentStore.sha256(Fixtures.planText().getBytes(StandardCharsets.UTF_8));
            assertThat(Files.readString(folder.resolve("plan.sha256"))).isEqualTo(sha + "  plan.yaml\n");
            assertThat(Files.readString(folder.resolve("incident.json"))).contains("\"planSha256\" : \"" + sha + "\"")
                    .contains("\"createdBy\" : \"ana\"").contains("\"createdAt\" : \"2026-11-27T08:10:22Z\"");
            assertThat(incident.state().events()).singleElement().satisfies(e -> {
                assertThat(e.payload()).isEqualTo(new EventPayload.IncidentStarted(id, "Database migration drill", sha));
                assertThat(e.operator()).isEqualTo("ana");
            });
            incident.record(new TaskTicked("migrate", "migrate.run"));
            assertThat(incident.state().phase("migrate").tickedTasks()).containsExactly("migrate.run");
        }
        try (Incident again = store.open(id, "bo")) {
            assertThat(again.isReadOnly()).isFalse();
            assertThat(again.state().phase("migrate").tickedTasks()).containsExactly("migrate.run");
            assertThat(again.plan()).isEqualTo(plan);
            assertThat(again.record(new TaskTicked("migrate", "migrate.verify")).operator()).isEqualTo("bo");
        }
    }

    @Test
    void editingThePlanFileLaterDoesNotTouchTheIncidentButEditingItsCopyIsRefused() throws IOException {
        IncidentStore store = store("2026-11-27T08:10:22Z");
        String id;
        try (Incident incident = store.create(plan, "x", Fixtures.planText(), "ana")) {
            id = incident.id();
        }
        Path copy = data.resolve("incidents").resolve(id).resolve("plan.yaml");
        Files.writeString(copy, Fixtures.planText().replace("Database migration drill", "Something else"));
        assertThatThrownBy(() -> store.open(id, "ana"))
                .isInstanceOf(IncidentException.class)
                .hasMessageContaining(copy.toString())
                .hasMessageContaining("the plan copy was changed after the incident started");
    }

    @Test
    void theListShowsTheMostRecentlyActiveIncidentFirstAndUnreadableFoldersWithTheirProblem() throws IOException {
        String older;
        String newer;
        try (Incident first = store("2026-11-27T08:00:00Z").create(plan, "x", Fixtures.planText(), "ana")) {
            older = first.id();
        }
        try (Incident second = store("2026-11-27T09:00:00Z").create(plan, "x", Fixtures.planText(), "ana")) {
            newer = second.id();
        }
        try (Incident first = store("2026-11-27T10:00:00Z").open(older, "ana")) {
            first.record(new EventPayload.NoteAdded(null, "back on the first one"));
        }
        Files.createDirectories(data.resolve("incidents").resolve("stray-folder"));

        IncidentStore store = store("2026-11-27T11:00:00Z");
        List<IncidentSummary> list = store.list();
        assertThat(list).extracting(IncidentSummary::id).containsExactly(older, newer, "stray-folder");
        assertThat(list.get(0).planTitle()).isEqualTo("Database migration drill");
        assertThat(list.get(0).lastEvent().orElseThrow().kind()).isEqualTo("NoteAdded");
        assertThat(list.get(2).problem()).contains("is not an incident folder");
        assertThat(store.mostRecent().map(IncidentSummary::id)).contains(older);
    }

    @Test
    void aSecondOpenInTheSameConsoleIsReadOnlyAndTheFolderIsFreeAgainAfterClosing() {
        IncidentStore store = store("2026-11-27T08:10:22Z");
        try (Incident first = store.create(plan, "x", Fixtures.planText(), "ana")) {
            try (Incident second = store.open(first.id(), "bo")) {
                assertThat(second.isReadOnly()).isTrue();
                assertThat(second.readOnlyReason()).contains("it is already open in this console");
                assertThatThrownBy(() -> second.record(new TaskTicked("migrate", "migrate.run")))
                        .isInstanceOf(JournalException.class).hasMessageContaining("read-only");
            }
            assertThat(first.isReadOnly()).isFalse();
            first.record(new TaskTicked("migrate", "migrate.run"));
        }
        try (Incident reopened = store.open(store.list().get(0).id(), "bo")) {
            assertThat(reopened.isReadOnly()).isFalse();
        }
    }

    @Test
    void aSecondConsoleProcessGetsAClearMessageAndAReadOnlyView() throws Exception {
        IncidentStore store = store("2026-11-27T08:10:22Z");
        String id;
        try (Incident incident = store.create(plan, "x", Fixtures.planText(), "ana")) {
            id = incident.id();
        }
        Process other = startLockHolder(id, "cy");
        try (BufferedReader out = new BufferedReader(new InputStreamReader(other.getInputStream(), StandardCharsets.UTF_8))) {
            assertThat(out.readLine()).isEqualTo("WRITABLE");
            try (Incident mine = store.open(id, "ana")) {
                assertThat(mine.isReadOnly()).isTrue();
                assertThat(mine.readOnlyReason().orElseThrow())
                        .startsWith("another console has it open (pid " + other.pid())
                        .contains("operator cy");
                assertThat(mine.state().started()).isPresent();
            }
        } finally {
            other.getOutputStream().close();
            assertThat(other.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        try (Incident mine = store.open(id, "ana")) {
            assertThat(mine.isReadOnly()).as("the lock goes with the other console").isFalse();
        }
    }

    private Process startLockHolder(String id, String operator) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                LockHolder.class.getName(), data.toString(), id, operator)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
    }

    @Test
    void theStateFollowsEventsAndListenersHearIt() {
        try (Incident incident = store("2026-11-27T08:10:22Z").create(plan, "x", Fixtures.planText(), "ana")) {
            List<IncidentState> seen = new ArrayList<>();
            incident.onStateChange(seen::add);
            Event tick = incident.record(new TaskTicked("migrate", "migrate.run"));
            incident.undo(tick.id());
            assertThat(seen).hasSize(2);
            assertThat(seen.get(0).phase("migrate").tickedTasks()).containsExactly("migrate.run");
            assertThat(incident.state().phase("migrate").tickedTasks()).isEmpty();
            assertThatThrownBy(() -> incident.undo(tick.id())).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void openingSomethingThatIsNotAnIncidentSaysSo() throws IOException {
        IncidentStore store = store("2026-11-27T08:10:22Z");
        assertThatThrownBy(() -> store.open("nope", "ana")).isInstanceOf(IncidentException.class)
                .hasMessageContaining("no incident 'nope'");
        Path folder = Files.createDirectories(data.resolve("plain"));
        assertThatThrownBy(() -> IncidentStore.inspect(folder)).isInstanceOf(IncidentException.class)
                .hasMessage(folder + " is not an incident folder (it has no incident.json)");
        Files.writeString(folder.resolve("incident.json"), "{ not json");
        assertThatThrownBy(() -> IncidentStore.inspect(folder)).isInstanceOf(IncidentException.class)
                .hasMessageStartingWith(folder.resolve("incident.json") + ": cannot read it");
    }

    @Test
    void theStoreIsInTheGivenDataDirectoryOrTheUsersDefault() {
        assertThat(IncidentStore.inDataDir(data).incidentsDir()).isEqualTo(data.resolve("incidents"));
        assertThat(IncidentStore.inDataDir(null).dataDir()).isEqualTo(AppDirectories.forCurrentUser(null).data());
    }

    @Test
    void theOperatorNameIsRememberedAndOtherSettingsAreKept() throws IOException {
        Path file = data.resolve("config").resolve("settings.json");
        OperatorSettings settings = new OperatorSettings(file);
        assertThat(settings.operator()).isEmpty();
        Files.createDirectories(file.getParent());
        Files.writeString(file, "{\"theme\":\"dark\"}");
        settings.rememberOperator("  ana  ");
        assertThat(new OperatorSettings(file).operator()).contains("ana");
        assertThat(Files.readString(file)).contains("\"theme\" : \"dark\"");
        Files.writeString(file, "{ damaged");
        assertThat(settings.operator()).isEmpty();
        assertThatThrownBy(() -> settings.rememberOperator(" ")).isInstanceOf(IllegalArgumentException.class);
    }
}
