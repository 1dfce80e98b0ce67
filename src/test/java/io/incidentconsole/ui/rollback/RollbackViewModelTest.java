package io.incidentconsole.ui.rollback;

import io.incidentconsole.incident.EventPayload;
import io.incidentconsole.incident.Incident;
import io.incidentconsole.incident.IncidentState;
import io.incidentconsole.incident.IncidentState.CommandAction;
import io.incidentconsole.incident.IncidentStore;
import io.incidentconsole.plan.Plan;
import io.incidentconsole.plan.PlanLoadResult;
import io.incidentconsole.plan.PlanLoader;
import io.incidentconsole.rollback.RollbackEvent;
import io.incidentconsole.rollback.RollbackJournalEntries;
import io.incidentconsole.rollback.ScriptFiles;
import io.incidentconsole.rollback.ScriptGenerator;
import io.incidentconsole.rollback.ScriptMode;
import io.incidentconsole.rollback.ScriptRunner;
import io.incidentconsole.ui.common.BackgroundTasks;
import io.incidentconsole.ui.incident.IncidentSession;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The rollback view model without a window: selection, prefill, validation, recording or not. */
class RollbackViewModelTest {

    @TempDir
    Path home;

    private final PlanLoader loader = new PlanLoader();
    private final IncidentSession session = new IncidentSession(BackgroundTasks.direct());
    private final SimpleObjectProperty<Plan> plan = new SimpleObjectProperty<>();
    private final List<RollbackEvent> recorded = new ArrayList<>();
    private final RollbackJournalEntries entries = new RollbackJournalEntries();

    @AfterEach
    void close() {
        session.close();
    }

    private RollbackViewModel model() {
        RollbackViewModel model = new RollbackViewModel(session, plan, event -> {
            recorded.add(event);
            entries.of(event).forEach(session::record);
        }, new ScriptGenerator(), new ScriptFiles(), ScriptRunner.withDefaults(), BackgroundTasks.direct(),
                Runnable::run, Clock.fixed(Instant.parse("2026-11-27T09:00:00Z"), ZoneOffset.UTC), home);
        model.activate();
        return model;
    }

    private Plan seed() {
        PlanLoadResult result = loader.loadBundledSeed();
        assertThat(result.problems()).isEmpty();
        return result.plan();
    }

    /** Starts an incident on the seed plan, records {@code before}, and shows its plan copy. */
    private Incident incident(EventPayload... before) {
        Incident incident = new IncidentStore(home.resolve("data"))
                .create(seed(), "bundled:seed", loader.bundledSeedText(), "ana");
        session.attach(incident);
        for (EventPayload payload : before) {
            session.record(payload);
        }
        plan.set(incident.plan());
        return incident;
    }

    private IncidentState state() {
        return session.stateProperty().get();
    }

    private static RollbackViewModel.Field field(RollbackViewModel model, String name) {
        return model.fieldsProperty().get().stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void withoutAnIncidentItPreviewsButRecordsNothingAndCannotRun() {
        plan.set(seed());
        RollbackViewModel model = model();

        assertThat(model.recordingProperty().get()).isFalse();
        assertThat(model.recordingNoticeProperty().get()).contains("No incident is open", "nothing here is recorded",
                "cannot be run");
        assertThat(model.targets()).extracting(t -> t.procedure().id())
                .containsExactly("rb330-phase1", "rb330-phase2", "rb324-code", "rb324-schema-restore");
        assertThat(model.selectedProperty().get().procedure().id()).isEqualTo("rb330-phase1");

        model.setValue("commit", "abc1234");
        model.tick("rb330.criterion-1", true);
        model.generate();

        assertThat(model.scriptProperty().get().text()).contains("git revert 'abc1234'");
        assertThat(model.checklistProperty().get().isTicked("rb330.criterion-1")).isTrue();
        assertThat(recorded).isEmpty();
        assertThat(model.canRunProperty().get()).isFalse();
    }

    @Test
    void theProcedureOfThePhaseInProgressIsShownFirst() {
        incident(new EventPayload.GateOverridden("p330-2", "dependencies", "parallel"),
                new EventPayload.PhaseStarted("p330-2"));
        RollbackViewModel model = model();

        assertThat(model.selectedProperty().get().procedure().id()).isEqualTo("rb330-phase2");
        assertThat(model.recordingNoticeProperty().get()).contains("Recording in incident", "ana");
    }

    @Test
    void aCommitRecordedAtADeployStepIsPrefilledAndSaysWhere() {
        incident(new EventPayload.ParameterEntered("commit", "fedcba9", "p330-1.deploy"));
        RollbackViewModel model = model();
        model.select("rb330-phase1");

        RollbackViewModel.Field commit = field(model, "commit");
        assertThat(commit.state().value()).isEqualTo("fedcba9");
        assertThat(commit.origin()).isEqualTo("recorded at step p330-1.deploy by ana");
        assertThat(commit.problem()).isNull();
        assertThat(model.canGenerateProperty().get()).isTrue();

        model.select("rb330-phase2");
        assertThat(field(model, "betterAuth").origin()).isEqualTo("plan default");
        assertThat(field(model, "betterAuth").state().value()).isEqualTo("better-auth@1.3.34");
    }

    @Test
    void anInvalidValueIsExplainedAndBlocksGenerationUntilFixed() {
        incident();
        RollbackViewModel model = model();
        model.select("rb330-phase1");
        assertThat(field(model, "commit").problem()).isEqualTo("a value is required");
        assertThat(model.canGenerateProperty().get()).isFalse();

        model.setValue("commit", "xyz");
        assertThat(field(model, "commit").problem())
                .isEqualTo("'xyz' is not a git commit hash: 7 to 40 hexadecimal digits");
        assertThat(field(model, "commit").origin()).isEqualTo("entered");
        model.generate();
        assertThat(model.scriptProperty().get()).isNull();
        assertThat(state().commands()).isEmpty();

        model.setValue("commit", "a1b2c3d4");
        assertThat(model.canGenerateProperty().get()).isTrue();
    }

    @Test
    void generatingRecordsTheScriptAndAChangedValueOrModeClearsTheStalePreview() {
        incident();
        RollbackViewModel model = model();
        model.select("rb330-phase1");
        model.setValue("commit", "a1b2c3d4");
        model.generate();

        String text = model.scriptProperty().get().text();
        assertThat(state().commands()).singleElement().satisfies(c -> {
            assertThat(c.action()).isEqualTo(CommandAction.GENERATED);
            assertThat(c.source()).isEqualTo("rb330-phase1");
            assertThat(c.script()).isEqualTo(text).contains("# Value:     commit = 'a1b2c3d4'");
        });
        assertThat(model.canRunProperty().get()).isTrue();

        model.setValue("commit", "a1b2c3d5");
        assertThat(model.scriptProperty().get()).isNull();
        assertThat(model.canRunProperty().get()).isFalse();

        model.generate();
        model.dryRunProperty().set(true);
        assertThat(model.scriptProperty().get()).isNull();
        model.generate();
        assertThat(model.scriptProperty().get().mode()).isEqualTo(ScriptMode.DRY_RUN);
        assertThat(model.scriptProperty().get().text()).contains("printf '+ %s\\n'");
    }

    @Test
    void typedValuesSurviveTicksAndSwitchingProcedures() {
        incident();
        RollbackViewModel model = model();
        model.select("rb330-phase2");
        model.setValue("betterAuth", "better-auth@1.3.30");
        model.tick("rb330.criterion-3", true);

        assertThat(state().tickedCriteria("rb330")).containsExactly("rb330.criterion-3");
        assertThat(model.checklistProperty().get().isTicked("rb330.criterion-3")).isTrue();
        assertThat(field(model, "betterAuth").state().value()).isEqualTo("better-auth@1.3.30");

        model.select("rb330-phase1");
        model.select("rb330-phase2");
        assertThat(field(model, "betterAuth").state().value()).isEqualTo("better-auth@1.3.30");

        model.tick("rb330.criterion-3", false);
        assertThat(state().tickedCriteria("rb330")).isEmpty();
    }

    @Test
    void runningNeedsAnExistingDirectory() {
        incident();
        RollbackViewModel model = model();
        model.setValue("commit", "a1b2c3d4");
        model.generate();
        assertThat(model.canRunProperty().get()).isTrue();

        model.workingDirectoryProperty().set(home.resolve("missing").toString());
        assertThat(model.canRunProperty().get()).isFalse();
        assertThat(model.workingDirectoryProblemProperty().get()).contains("not an existing directory");
    }

    @Test
    void savingWritesAnExecutableScriptAndNotesWhere() throws Exception {
        incident();
        RollbackViewModel model = model();
        model.setValue("commit", "a1b2c3d4");
        model.generate();
        Path target = Files.createDirectory(home.resolve("out")).resolve(model.suggestedFileName());

        model.save(target);

        assertThat(target).hasContent(model.scriptProperty().get().text());
        assertThat(Files.getPosixFilePermissions(target)).contains(PosixFilePermission.OWNER_EXECUTE);
        assertThat(model.messageProperty().get()).startsWith("Saved as ");
        assertThat(state().notes()).singleElement().satisfies(n -> assertThat(n.text()).contains(target.toString()));
    }

    @Test
    void anotherAreasRequestSelectsThePhasesProcedureWhenTheAreaIsNextShown() {
        incident();
        RollbackRequests requests = new RollbackRequests();
        RollbackViewModel model = new RollbackViewModel(session, plan, event -> { }, new ScriptGenerator(),
                new ScriptFiles(), ScriptRunner.withDefaults(), BackgroundTasks.direct(), Runnable::run,
                Clock.fixed(Instant.parse("2026-11-27T09:00:00Z"), ZoneOffset.UTC), home, requests);
        model.activate();
        assertThat(model.selectedProperty().get().procedure().id()).isEqualTo("rb330-phase1");
        model.deactivate();

        requests.forPhase("p324-3");
        model.activate();
        assertThat(model.selectedProperty().get().procedure().id()).isEqualTo("rb324-code");

        // Taken once: showing the area again keeps what the operator chose since.
        model.select("rb330-phase2");
        model.deactivate();
        model.activate();
        assertThat(model.selectedProperty().get().procedure().id()).isEqualTo("rb330-phase2");
        assertThat(model.selectForPhase("no-such-phase")).isFalse();
        assertThat(model.selectedProperty().get().procedure().id()).isEqualTo("rb330-phase2");
    }
}
