package io.incidentconsole.importer;

import io.incidentconsole.plan.Phase;
import io.incidentconsole.plan.Plan;
import io.incidentconsole.plan.PlanLoader;
import io.incidentconsole.plan.Procedure;
import io.incidentconsole.plan.ProcedureStep;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The shapes of issue #18, each in a small document of the kind the issue describes. */
class ShapeRecognisersTest {

    private ImportResult importText(String markdown) {
        ImportResult result = new MarkdownImporter().importDocument("shape.md", markdown);
        assertThat(new PlanLoader().load("shape.yaml", result.yaml()).problems()).isEmpty();
        return result;
    }

    @Test
    void aRolloutChecklistGivesPhasesInOrderWithPlannedWindowsWaitsAndAnEmergencyRunbook() {
        Plan plan = importText("""
                # 🚀 Database Rollout Checklist

                ## Pre-Deployment Assessment
                - [ ] Snapshot taken
                - [x] Change approved

                ## Deployment Execution
                - [ ] Run `psql -f migrate.sql` on the primary
                - [ ] Monitor replication for 30 minutes

                ## Post-Deployment Monitoring (First 24 hours)
                - [ ] Error rate below baseline

                ## Emergency Procedures
                1. **STOP** the deployment: `kubectl scale deploy api --replicas=0`
                2. **ASSESS** the damage
                """).plan();
        assertThat(plan.phases()).extracting(Phase::name)
                .containsExactly("Pre-Deployment Assessment", "Deployment Execution", "Post-Deployment Monitoring (First 24 hours)");
        assertThat(plan.phases().get(1).dependsOn()).containsExactly(plan.phases().get(0).id());
        assertThat(plan.phases().get(0).tasks()).extracting(t -> t.done()).containsExactly(false, true);
        assertThat(plan.phases().get(1).guidedSteps()).satisfiesExactly(
                step -> assertThat(step.command()).isEqualTo("psql -f migrate.sql"),
                step -> assertThat(step.waitFor()).isEqualTo(Duration.ofMinutes(30)));
        assertThat(plan.phases().get(2).planned().duration()).isEqualTo(Duration.ofHours(24));
        assertThat(plan.runbooks()).singleElement().satisfies(runbook -> {
            assertThat(runbook.title()).isEqualTo("Emergency Procedures");
            assertThat(runbook.procedures()).singleElement().extracting(Procedure::steps).satisfies(steps ->
                    assertThat(steps).extracting(ProcedureStep::command)
                            .containsExactly("kubectl scale deploy api --replicas=0", null));
        });
    }

    @Test
    void aPlainTextRunbookWithoutHeadingsGivesOneProcedurePerPlainHeading() {
        ImportResult result = importText("""
                # Rollback runbook

                Database
                1. Restore the snapshot with `pg_restore -d app <snapshot-file>`
                2. Check row counts

                Application
                1. Deploy the previous image: `kubectl rollout undo deploy/app`
                """);
        assertThat(result.plan().runbooks()).singleElement().satisfies(runbook -> {
            assertThat(runbook.procedures()).extracting(Procedure::title).containsExactly("Database", "Application");
            assertThat(runbook.parameters()).extracting(p -> p.name()).containsExactly("snapshot-file");
        });
        assertThat(result.report().recognised()).anySatisfy(e -> {
            assertThat(e.kind()).isEqualTo("section heading");
            assertThat(e.line()).isEqualTo(3);
        });
    }

    @Test
    void testCaseSectionsGiveStepsAndExpectedResultsAndGivenWhenThenSplits() {
        Plan plan = importText("""
                # Fix plan

                ## Test cases

                ### Test Case 1: Login after the fix
                - Open the login page
                - Sign in as a known user

                **Expected:**
                - The dashboard shows

                ### Scenario: cached session
                Given a user with a cached session
                When the cache is flushed
                Then the user is asked to sign in again
                """).plan();
        assertThat(plan.testSuites()).singleElement().satisfies(suite -> assertThat(suite.cases()).satisfiesExactly(
                first -> {
                    assertThat(first.name()).isEqualTo("Test Case 1: Login after the fix");
                    assertThat(first.steps()).containsExactly("Open the login page", "Sign in as a known user");
                    assertThat(first.expected()).isEqualTo("The dashboard shows");
                },
                second -> {
                    assertThat(second.steps()).hasSize(2);
                    assertThat(second.expected()).isEqualTo("Then the user is asked to sign in again");
                }));
    }

    @Test
    void environmentVariablesTheOperatorSuppliesBecomeParametersButNotOnesTheBlockSets() {
        assertThat(Commands.steps("pg_dump $DATABASE_URL > b.sql\nURL=$(ls)\necho \"$URL ${REGION}\"\nfor i in 1 2; do echo $i; done"))
                .extracting(ProcedureStep::command)
                .containsExactly("pg_dump {{DATABASE_URL}} > b.sql", "URL=$(ls)", "echo \"$URL {{REGION}}\"",
                        "for i in 1 2; do echo $i; done");
        assertThat(Commands.steps("curl -X GET https://x \\\n  -H \"Bearer $TOKEN\"\n# Expected response:\n{\n  \"ok\": true\n}\n"))
                .extracting(ProcedureStep::command).containsExactly("curl -X GET https://x -H \"Bearer {{TOKEN}}\"");
    }

    @Test
    void aTaskTableGivesTasksWithOwnerAndStatus() {
        Plan plan = importText("""
                # Postmortem actions

                ## Corrective actions
                | Task | Owner | Status |
                |------|-------|--------|
                | Add a test for the edge case | @alex | Done |
                | Tune the alert threshold | @jamie | Open |
                |  |  |  |
                """).plan();
        assertThat(plan.phases()).singleElement().satisfies(phase -> assertThat(phase.tasks()).satisfiesExactly(
                first -> {
                    assertThat(first.text()).isEqualTo("Add a test for the edge case");
                    assertThat(first.done()).isTrue();
                    assertThat(first.details()).containsExactly("Owner: @alex", "Status: Done");
                },
                second -> assertThat(second.done()).isFalse()));
    }

    @Test
    void aSignOffListGivesApprovalsAndAContactListJoinsTheCommunicationPlan() {
        Plan plan = importText("""
                # Cutover

                ## Cutover steps
                - [ ] Switch DNS

                ## Emergency Contacts
                - **Primary:** Development Lead
                - **Secondary:** DevOps Engineer

                ## Deployment Sign-off
                - [ ] Technical lead: ______
                - [ ] DBA approval
                """).plan();
        assertThat(plan.signOff().approvals()).extracting(a -> a.title()).containsExactly("Technical lead", "DBA approval");
        assertThat(plan.communication().cadences()).singleElement().satisfies(c -> {
            assertThat(c.audience()).isEqualTo("Emergency Contacts");
            assertThat(c.contents()).containsExactly("Primary: Development Lead", "Secondary: DevOps Engineer");
        });
        assertThat(plan.phases()).extracting(Phase::name).containsExactly("Cutover steps");
    }

    @Test
    void afterAPhaseByNameIsADependencyThatOverridesTheListedOrder() {
        Plan plan = importText("""
                # Cutover

                ## Cache Warmup
                - [ ] Start only after Database Preparation is done

                ## Database Preparation
                - [ ] Take a snapshot
                """).plan();
        assertThat(plan.phases()).extracting(Phase::name).containsExactly("Cache Warmup", "Database Preparation");
        assertThat(plan.phases().get(0).dependsOn()).containsExactly(plan.phases().get(1).id());
        assertThat(plan.phases().get(1).dependsOn()).isEmpty();
    }

    @Test
    void inlineCodeIsACommandOnlyWhenItReadsAsOne() {
        assertThat(InlineCommands.isCommand("./scripts/chaos/redis_down.sh")).isTrue();
        assertThat(InlineCommands.isCommand("redis-cli FLUSHALL")).isTrue();
        assertThat(InlineCommands.isCommand("REDIS_URL")).isFalse();
        assertThat(InlineCommands.isCommand("/readyz")).isFalse();
        assertThat(InlineCommands.isCommand("rollback.md")).isFalse();
    }

    @Test
    void theOperatorsChoicesOverrideWhatASectionWasReadAsAndSurviveEncoding() {
        String markdown = """
                # Handover

                ## Deploy
                - [ ] Ship the build

                ## Background
                - Restart the workers

                ## Scratch
                - draft text
                """;
        ImportChoices choices = ImportChoices.decode(ImportChoices.NONE.with("Deploy", SectionChoice.TEST_SUITE)
                .with("Background", SectionChoice.PHASE).with("Scratch", SectionChoice.IGNORE).encode());
        ImportResult result = new MarkdownImporter().importDocument("handover.md", markdown, choices);
        assertThat(new PlanLoader().load("h.yaml", result.yaml()).problems()).isEmpty();
        assertThat(result.plan().testSuites()).singleElement().satisfies(s -> assertThat(s.title()).isEqualTo("Deploy"));
        assertThat(result.plan().phases()).extracting(Phase::name).containsExactly("Background");
        assertThat(result.plan().notes()).noneSatisfy(n -> assertThat(n.body()).contains("draft text"));
        assertThat(result.report().sections()).extracting(ImportReport.SectionReading::readAs)
                .containsExactly(SectionChoice.TEST_SUITE, SectionChoice.PHASE, SectionChoice.IGNORE);

        ImportResult asNotes = new MarkdownImporter().importDocument("handover.md", markdown,
                ImportChoices.NONE.with("Deploy", SectionChoice.NOTES));
        assertThat(asNotes.plan().phases()).extracting(Phase::name).doesNotContain("Deploy");
        assertThat(asNotes.plan().notes()).anySatisfy(n -> assertThat(n.body()).contains("Ship the build"));
    }
}
