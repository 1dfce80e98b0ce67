package io.incidentconsole.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The bundled plan is a transcription of the written #324/#330 coordination plan; every expectation here
 * is a count or text taken from that document, so dropping or changing anything in the transcription
 * fails a test.
 */
class BundledSeedPlanTest {

    private static Plan plan;

    @BeforeAll
    static void load() {
        PlanLoadResult result = new PlanLoader().loadBundledSeed();
        assertThat(result.problems()).as("problems loading the bundled plan").isEmpty();
        plan = result.plan();
    }

    private static Phase phase(String id) {
        return plan.phase(id).orElseThrow(() -> new AssertionError("no phase " + id));
    }

    private static Runbook runbook(String id) {
        return plan.runbook(id).orElseThrow(() -> new AssertionError("no runbook " + id));
    }

    private static Metric metric(String id) {
        return plan.metric(id).orElseThrow(() -> new AssertionError("no metric " + id));
    }

    private static TestSuite suite(String id) {
        return plan.testSuites().stream().filter(s -> s.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no test suite " + id));
    }

    private static Procedure procedure(String runbook, String id) {
        return runbook(runbook).procedures().stream().filter(p -> p.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no procedure " + id));
    }

    @Test
    void headerCarriesTitleDateOwnerAndDecision() {
        PlanInfo info = plan.plan();
        assertThat(info.title()).isEqualTo("Issue #324 & #330 Coordination Plan");
        assertThat(info.date()).isEqualTo(LocalDate.of(2026, 1, 29));
        assertThat(info.lastUpdated()).isEqualTo(LocalDate.of(2026, 1, 29));
        assertThat(info.owner()).isEqualTo("Development Team");
        assertThat(info.status()).isEqualTo("Coordination plan documented, fixes pending");
        assertThat(info.summary()).startsWith("Issues #324 and #330 share the same root cause")
                .endsWith("ensure platform stability.");
        assertThat(info.keyDecision()).isEqualTo("Keep issues SEPARATE but coordinate fixes with clear sequencing.");
    }

    @Test
    void bothIssuesCarryEveryComparisonRow() {
        assertThat(plan.issues())
                .extracting(PlanIssue::id, PlanIssue::title, PlanIssue::created, PlanIssue::priority,
                        PlanIssue::priorityNote, PlanIssue::severity)
                .containsExactly(
                        tuple("324", "userId used in User Table (BetterAuth)", "Earlier (legacy cleanup)",
                                Priority.LOW, "Code quality", "Minor (works but suboptimal)"),
                        tuple("330", "Convex Performance Crisis - Platform Down", "January 29, 2026 (emergency)",
                                Priority.CRITICAL, "Production outage", "Critical (platform disabled)"));
        assertThat(plan.issues())
                .extracting(PlanIssue::impact, PlanIssue::filesSummary, PlanIssue::urgency, PlanIssue::risk,
                        PlanIssue::dependencyNote)
                .containsExactly(
                        tuple("13 functions with fallback pattern", "2 files", "Can wait weeks",
                                "LOW for code, MEDIUM for schema", "None (standalone)"),
                        tuple("1.88M Better Auth calls (59% of traffic)", "21+ files", "Must fix immediately",
                                "HIGH (emergency fix needed)", "Blocks platform operation"));
        assertThat(plan.issue("324").orElseThrow().description()).contains("userId Legacy Field Cleanup");
        assertThat(plan.issue("330").orElseThrow().description()).contains("Convex Performance Crisis (Better Auth)");
        assertThat(plan.issue("324").orElseThrow().affectedFiles())
                .containsExactly("coachTrustLevels.ts", "coachParentSummaries.ts");
        assertThat(plan.issue("330").orElseThrow().affectedFiles())
                .contains("members.ts", "voiceNotes.ts", "users.ts", "coachParentSummaries.ts");
    }

    @Test
    void sevenPhasesInStatusTableOrder() {
        assertThat(plan.phases())
                .extracting(Phase::id, Phase::label, Phase::issues, Phase::status, Phase::statusNote)
                .containsExactly(
                        tuple("p330-1", "1: Emergency N+1 Fixes", List.of("330"), PhaseStatus.PENDING,
                                "Waiting for approval"),
                        tuple("p330-2", "2: Package Updates", List.of("330"), PhaseStatus.PENDING, "After Phase 1"),
                        tuple("p330-3", "3: Type Safety", List.of("330"), PhaseStatus.PENDING, "Parallel with #324"),
                        tuple("p324-3", "3: Code Cleanup", List.of("324"), PhaseStatus.PENDING,
                                "After #330 Phase 2"),
                        tuple("p330-4", "4: Validators", List.of("330"), PhaseStatus.PENDING, "Week 2"),
                        tuple("p324-4", "4: Schema Cleanup", List.of("324"), PhaseStatus.EVAL,
                                "Risk assessment needed"),
                        tuple("p330-5-6", "5-6: Final Optimization", List.of("330"), PhaseStatus.PENDING,
                                "Week 3-4"));
    }

    @Test
    void phaseDependenciesFollowTheCoordinationSequence() {
        assertThat(plan.phases()).extracting(Phase::id, Phase::dependsOn).containsExactly(
                tuple("p330-1", List.of()),
                tuple("p330-2", List.of("p330-1")),
                tuple("p330-3", List.of("p330-2")),
                tuple("p324-3", List.of("p330-1", "p330-2")),
                tuple("p330-4", List.of("p330-3")),
                tuple("p324-4", List.of("p324-3")),
                tuple("p330-5-6", List.of("p330-4")));
        assertThat(plan.phases()).filteredOn(Phase::optional).extracting(Phase::id).containsExactly("p324-4");
    }

    @Test
    void plannedWindowsFollowTheAppendixTimelineAndPhaseOneIsItsSixHours() {
        assertThat(plan.phases())
                .extracting(Phase::id, p -> p.planned().start(), p -> p.planned().end())
                .containsExactly(
                        tuple("p330-1", Duration.ZERO, Duration.ofHours(6)),
                        tuple("p330-2", Duration.ofDays(2), Duration.ofDays(4)),
                        tuple("p330-3", Duration.ofDays(4), Duration.ofDays(6)),
                        tuple("p324-3", Duration.ofDays(4), Duration.ofDays(8)),
                        tuple("p330-4", Duration.ofDays(6), Duration.ofDays(8)),
                        tuple("p324-4", Duration.ofDays(8), Duration.ofDays(28)),
                        tuple("p330-5-6", Duration.ofDays(8), Duration.ofDays(28)));
        assertThat(plan.phases()).extracting(Phase::timeline).containsExactly(
                "Immediate (6 hours)", "Week 1 (1 hour + 24hr testing)", "Week 2", "Week 2 (2 hours)", "Week 2",
                "Week 3-4 (evaluate risk first)", "Week 3-4");
    }

    @Test
    void everyTaskOfEveryPhaseSection() {
        assertThat(plan.phases()).extracting(Phase::id, p -> p.tasks().size()).containsExactly(
                tuple("p330-1", 5), tuple("p330-2", 7), tuple("p330-3", 3), tuple("p324-3", 7),
                tuple("p330-4", 0), tuple("p324-4", 6), tuple("p330-5-6", 0));
        assertThat(phase("p330-1").tasks().get(0).text())
                .isEqualTo("Fix `getMembersForAllOrganizations` N+1 (77K → 7.7K calls)");
        assertThat(phase("p330-2").tasks()).extracting(Task::text).contains(
                "Update `better-auth@1.3.34` → `1.4.18`", "Update `@convex-dev/better-auth@0.9.11` → `0.10.10`");
        assertThat(phase("p324-3").tasks()).extracting(t -> t.details().size()).containsExactly(1, 1, 3, 4, 0, 0, 0);
        assertThat(phase("p324-3").tasks().get(3).details()).containsExactly(
                "Coach voice notes approval flow", "Trust level management", "Parent summaries", "Coach settings");
        assertThat(phase("p324-4").tasks()).extracting(Task::text).contains("Monitor for 48 hours");
        // "None (wait ...)" is prose, not a task.
        assertThat(plan.phases()).flatExtracting(Phase::tasks).extracting(Task::text)
                .noneMatch(t -> t.startsWith("None"));
        assertThat(phase("p330-1").description()).contains("None (wait for #330 Phase 1 to deploy)");
        assertThat(phase("p330-2").description()).contains("None (wait for package updates to stabilize)");
        assertThat(phase("p324-3").description()).contains("**Why Now is Safe:**");
        assertThat(phase("p324-4").description())
                .contains("HIGH RISK - Better Auth CLI Regeneration", "MEDIUM RISK - Production Data Loss",
                        "Files to Modify", "Alternative (Lower Risk)", "IF any user has userId populated:");
        assertThat(plan.phases()).extracting(p -> p.tasks().stream().map(Task::id).toList())
                .allSatisfy(ids -> assertThat(ids).doesNotContainNull());
        assertThat(phase("p330-2").tasks().get(2).id()).isEqualTo("p330-2.task-3");
    }

    @Test
    void successCriteriaBindTheSeedsNumbersToMetrics() {
        assertThat(plan.phases()).extracting(Phase::id, p -> p.successCriteria().size()).containsExactly(
                tuple("p330-1", 3), tuple("p330-2", 4), tuple("p330-3", 0), tuple("p324-3", 4),
                tuple("p330-4", 0), tuple("p324-4", 4), tuple("p330-5-6", 0));
        Criterion phase1 = phase("p330-1").successCriteria().get(1);
        assertThat(phase1.text()).isEqualTo("Convex calls drop from 3.2M → ~2.8M");
        assertThat(phase1.when().metric()).isEqualTo("convex_calls");
        assertThat(phase1.when().comparison()).isEqualTo(MetricCondition.Comparison.LE);
        assertThat(phase1.when().value()).isEqualTo(2_800_000d);
        Criterion phase2 = phase("p330-2").successCriteria().get(3);
        assertThat(phase2.text()).isEqualTo("Convex calls drop to ~2.4M");
        assertThat(phase2.when().holdsFor(2_400_000)).isTrue();
        assertThat(phase2.when().holdsFor(2_400_001)).isFalse();
        assertThat(plan.phases()).flatExtracting(Phase::successCriteria).filteredOn(c -> c.when() != null)
                .hasSize(2);
    }

    @Test
    void packageUpdateGuidedStepsInstallTheTargetVersionsAndRecordTheCommit() {
        List<GuidedStep> steps = phase("p330-2").guidedSteps();
        assertThat(steps).extracting(GuidedStep::title).containsExactly(
                "Backup package files", "Update Better Auth packages", "Test auth flows thoroughly",
                "Deploy to staging", "Monitor for 24 hours", "Deploy to production");
        assertThat(steps.get(0).command())
                .isEqualTo("cp package.json package.json.bak && cp package-lock.json package-lock.json.bak");
        GuidedStep update = steps.get(1);
        assertThat(update.command()).isEqualTo(
                "npm install better-auth@{{betterAuthVersion}} @convex-dev/better-auth@{{convexBetterAuthVersion}}");
        assertThat(update.parameters())
                .extracting(Parameter::name, Parameter::type, Parameter::defaultValue)
                .containsExactly(tuple("betterAuthVersion", ParameterType.SEMVER, "1.4.18"),
                        tuple("convexBetterAuthVersion", ParameterType.SEMVER, "0.10.10"));
        assertThat(steps.get(2).checks())
                .containsExactlyElementsOf(suite("t330-p2").checks().stream().map(CheckItem::text).toList());
        assertThat(steps.get(3).command()).isEqualTo("npx convex deploy");
        assertThat(steps.get(4).waitFor()).isEqualTo(Duration.ofHours(24));
        assertThat(steps.get(4).watch()).contains("convex_calls");
        assertThat(steps.get(5).records()).extracting(Parameter::name, Parameter::type)
                .containsExactly(tuple("commit", ParameterType.GIT_COMMIT));
    }

    @Test
    void otherPhasesGuidedStepsEndWithTheirDeploymentOrWait() {
        List<GuidedStep> phase1 = phase("p330-1").guidedSteps();
        assertThat(phase1).hasSize(6);
        assertThat(phase1.get(5).command()).isEqualTo("npx convex deploy");
        assertThat(phase1.get(5).records()).extracting(Parameter::name, Parameter::type)
                .containsExactly(tuple("commit", ParameterType.GIT_COMMIT));

        List<GuidedStep> cleanup = phase("p324-3").guidedSteps();
        assertThat(cleanup).extracting(GuidedStep::command).containsExactly(
                "npx convex deploy", "npx convex run scripts:auditSummaryReport", null, null, "npx convex deploy",
                null, "npx convex deploy");
        assertThat(cleanup.get(3).checks()).hasSize(4);
        assertThat(cleanup.get(5).waitFor()).isEqualTo(Duration.ofHours(24));
        assertThat(cleanup.get(6).records()).extracting(Parameter::name).containsExactly("commit");

        List<GuidedStep> schema = phase("p324-4").guidedSteps();
        assertThat(schema).hasSize(6);
        assertThat(schema).filteredOn(s -> s.waitFor() != null).extracting(GuidedStep::title, GuidedStep::waitFor)
                .containsExactly(tuple("Monitor for 48 hours", Duration.ofHours(48)));
    }

    @Test
    void auditGateDemandsTheSeedsExpectedResultAndItsSampleSatisfiesIt() throws IOException {
        AuditGate audit = phase("p324-3").audit();
        assertThat(audit.command()).isEqualTo("npx convex run scripts:auditSummaryReport");
        assertThat(audit.expect()).extracting(FieldExpectation::field, FieldExpectation::equals).containsExactly(
                tuple("safeToRemoveUserIdFallback", true),
                tuple("details.orphanedRecordsExist", false),
                tuple("details.coachIdFormatConsistent", true));
        JsonNode sample = new ObjectMapper().readTree(audit.sampleOutput());
        assertThat(sample.path("recommendation").asText())
                .isEqualTo("SAFE - All checks passed, fix can be implemented");
        assertThat(sample.path("details").path("userTableStatus").asText())
                .isEqualTo("All users have userId as null/undefined (expected)");
        for (FieldExpectation expectation : audit.expect()) {
            JsonNode value = sample;
            for (String part : expectation.field().split("\\.")) {
                value = value.path(part);
            }
            assertThat(value.asBoolean()).as(expectation.field()).isEqualTo(expectation.equals());
            assertThat(value.isBoolean()).as(expectation.field()).isTrue();
        }
    }

    @Test
    void testSuitesCarryEveryCheckAndCase() {
        assertThat(plan.testSuites())
                .extracting(TestSuite::id, s -> s.checks().size(), s -> s.cases().size(), TestSuite::phases)
                .containsExactly(
                        tuple("t330-p1", 6, 0, List.of("p330-1")),
                        tuple("t330-p2", 7, 0, List.of("p330-2")),
                        tuple("t330-p3-6", 5, 0, List.of("p330-3", "p330-4", "p330-5-6")),
                        tuple("t324-functional", 0, 4, List.of("p324-3")),
                        tuple("t324-regression", 4, 0, List.of("p324-3")));
        assertThat(suite("t330-p3-6").title()).isEqualTo("Phase 3-6 Testing");
        assertThat(suite("t330-p3-6").checks().get(0).text()).isEqualTo("Type checking passes (`npm run check-types`)");
        List<TestCase> cases = suite("t324-functional").cases();
        assertThat(cases).extracting(TestCase::name, c -> c.steps().size()).containsExactly(
                tuple("Coach Voice Notes Approval", 6), tuple("Trust Level Management", 6),
                tuple("Parent Summary Viewing", 6), tuple("Multi-Organization Coach", 4));
        assertThat(cases.get(0).steps()).containsExactly("Login as coach", "Record voice note",
                "Generate parent summary", "Approve summary", "Verify approval saves correctly",
                "Check coachId matches user._id");
        assertThat(cases.get(3).steps()).endsWith("Verify isolation and correct user ID usage");
        assertThat(suite("t330-p1").checks().get(0).id()).isEqualTo("t330-p1.check-1");
    }

    @Test
    void rollbackCommandsAreTheSeedsExactly() {
        assertThat(plan.runbooks()).extracting(Runbook::id, Runbook::issue, r -> r.criteria().size())
                .containsExactly(tuple("rb330", "330", 5), tuple("rb324", "324", 5), tuple("rb324-schema", "324", 0));
        assertThat(procedure("rb330", "rb330-phase1").steps())
                .extracting(ProcedureStep::title, ProcedureStep::command, ProcedureStep::alternative)
                .containsExactly(
                        tuple("Revert to previous deployment", "git revert {{commit}}", false),
                        tuple(null, "npx convex deploy", false),
                        tuple("Or: Disable new query functions", null, true));
        assertThat(procedure("rb330", "rb330-phase1").steps().get(2).detail())
                .isEqualTo("Keep old functions in place until fix verified");
        assertThat(procedure("rb330", "rb330-phase2").steps())
                .extracting(ProcedureStep::command, ProcedureStep::alternative)
                .containsExactly(
                        tuple("git checkout HEAD~1 package.json package-lock.json", false),
                        tuple("npm install", false),
                        tuple("npx convex deploy", false),
                        tuple("npm install {{betterAuth}} {{convexBetterAuth}}", true));
        assertThat(procedure("rb324", "rb324-code").steps()).extracting(ProcedureStep::command)
                .containsExactly("git revert {{commit}}", "npx convex deploy");
        assertThat(procedure("rb324-schema", "rb324-schema-restore").steps())
                .extracting(ProcedureStep::title, ProcedureStep::command)
                .containsExactly(tuple("Keep backup of schema files", null),
                        tuple("Be prepared to restore userId field if issues arise", null),
                        tuple("Monitor Convex error logs closely", null));
        assertThat(runbook("rb324-schema").parameters()).isEmpty();
        assertThat(plan.runbooksOf("p330-2")).extracting(Runbook::id).containsExactly("rb330");
        assertThat(plan.runbooksOf("p324-4")).extracting(Runbook::id).containsExactly("rb324-schema");
    }

    @Test
    void rollbackParametersHaveValidDefaults() {
        assertThat(runbook("rb330").parameters())
                .extracting(Parameter::name, Parameter::type, Parameter::defaultValue)
                .containsExactly(tuple("commit", ParameterType.GIT_COMMIT, null),
                        tuple("betterAuth", ParameterType.PACKAGE_SPEC, "better-auth@1.3.34"),
                        tuple("convexBetterAuth", ParameterType.PACKAGE_SPEC, "@convex-dev/better-auth@0.9.11"));
        assertThat(runbook("rb324").parameters()).extracting(Parameter::name, Parameter::type)
                .containsExactly(tuple("commit", ParameterType.GIT_COMMIT));
        assertThat(runbook("rb330").criteria()).extracting(Criterion::text).containsExactly(
                "Auth flows broken (can't login)", "Adapter errors in production logs", "Performance worse than before",
                "User complaints about missing data", "Convex error rate spikes");
        assertThat(runbook("rb324").criteria()).extracting(Criterion::text).containsExactly(
                "Authorization failures", "Coach operations fail", "Parent summaries not working",
                "Trust level settings not saving", "Null pointer errors in logs");
    }

    @Test
    void metricsCarryBaselinesTargetsThresholdsAndMilestones() {
        assertThat(plan.metrics())
                .extracting(Metric::id, Metric::issue, Metric::baseline, Metric::target, Metric::direction)
                .containsExactly(
                        tuple("convex_calls", "330", 3_200_000d, 1_000_000d, Direction.DOWN),
                        tuple("adapter_calls", "330", 1_880_000d, 500_000d, Direction.DOWN),
                        tuple("db_bandwidth", "330", 2.49, 1d, Direction.DOWN),
                        tuple("page_load", "330", 100d, 50d, Direction.DOWN),
                        tuple("monthly_cost", "330", 65d, 25d, Direction.DOWN),
                        tuple("as_any_casts", "330", 50d, 0d, Direction.DOWN),
                        tuple("fallback_functions", "324", 13d, 0d, Direction.DOWN));
        Metric calls = metric("convex_calls");
        assertThat(calls.thresholds()).extracting(Threshold::value).containsExactly(500_000d, 750_000d, 900_000d);
        assertThat(calls.milestones()).extracting(Milestone::afterPhase, Milestone::expected)
                .containsExactly(tuple("p330-1", 2_800_000d), tuple("p330-2", 2_400_000d));
        assertThat(calls.targetNote()).contains("68% reduction").contains("1M calls/day");
        assertThat(metric("adapter_calls").targetNote()).contains("73%");
        assertThat(metric("db_bandwidth").targetNote()).isEqualTo("<1 GB/day (60% reduction)");
        assertThat(metric("page_load").unit()).isEqualTo("% of current load time");
        assertThat(metric("monthly_cost").unit()).isEqualTo("USD/month");
        assertThat(plan.metrics()).extracting(Metric::source).containsOnlyNulls();
    }

    @Test
    void schemaCleanupDecisionTreeLeadsToTheSeedsThreeOutcomes() {
        assertThat(plan.decisions()).hasSize(1);
        DecisionTree tree = plan.decisions().get(0);
        assertThat(tree.id()).isEqualTo("schema-cleanup");
        assertThat(tree.phase()).isEqualTo("p324-4");
        assertThat(tree.nodes()).extracting(DecisionTree.DecisionNode::question).containsExactly(
                "Does the audit show userId is null for all users?",
                "Is it certain the Better Auth CLI won't regenerate the field?");
        assertThat(walk(tree, 0, 0)).isEqualTo("PROCEED with schema cleanup");
        assertThat(walk(tree, 0, 1)).isEqualTo("SKIP schema cleanup, document as deprecated");
        assertThat(walk(tree, 1)).isEqualTo("DO NOT remove field");
        assertThat(tree.outcome("do-not-remove").orElseThrow().actions())
                .containsExactly("Investigate why it's populated", "Fix data inconsistency first");
    }

    /** Follows the answers chosen by index from the start node; returns the outcome title reached. */
    private static String walk(DecisionTree tree, int... choices) {
        DecisionTree.DecisionNode node = tree.node(tree.start()).orElseThrow();
        for (int choice : choices) {
            DecisionTree.Answer answer = node.answers().get(choice);
            if (answer.outcome() != null) {
                return tree.outcome(answer.outcome()).orElseThrow().title();
            }
            node = tree.node(answer.next()).orElseThrow();
        }
        throw new AssertionError("no outcome reached after " + choices.length + " answers");
    }

    @Test
    void communicationIsHourlyDuringTheEmergencyAndAtMilestonesOtherwise() {
        List<Communication.Cadence> cadences = plan.communication().cadences();
        assertThat(cadences).extracting(Communication.Cadence::id, Communication.Cadence::every,
                        Communication.Cadence::atMilestones, c -> c.contents().size())
                .containsExactly(
                        tuple("emergency-stakeholders", Duration.ofHours(1), false, 4),
                        tuple("cleanup-324-stakeholders", null, true, 4),
                        tuple("github-330", null, true, 4),
                        tuple("github-324", null, true, 4));
        assertThat(cadences.get(0).phases()).containsExactly("p330-1", "p330-2");
        assertThat(cadences.get(0).contents()).startsWith("Hourly updates on fix progress");
        assertThat(cadences.get(1).phases()).containsExactly("p324-3");
    }

    @Test
    void dependenciesAndSignOff() {
        assertThat(plan.dependencies())
                .extracting(DependencySet::issue, d -> d.external().size(), d -> d.internal().size(),
                        d -> d.blockers().size())
                .containsExactly(tuple("330", 3, 3, 1), tuple("324", 1, 4, 3));
        assertThat(plan.dependencies().get(1).internal())
                .startsWith("#330 Phase 1 MUST complete first (emergency fixes)",
                        "#330 Phase 2 MUST complete first (package updates)");
        SignOff signOff = plan.signOff();
        assertThat(signOff.status()).isEqualTo("DOCUMENTED");
        assertThat(signOff.nextAction()).isEqualTo("Await user approval to begin #330 Phase 1");
        assertThat(signOff.owner()).isEqualTo("Development Team");
        assertThat(signOff.approvals()).extracting(SignOff.Approval::title, SignOff.Approval::phase)
                .containsExactly(tuple("Approval to begin #330 Phase 1", "p330-1"));
    }

    @Test
    void notesKeepTheAnalysisRationaleLessonsAndReferences() {
        Map<NoteKind, Long> kinds = new EnumMap<>(NoteKind.class);
        plan.notes().forEach(n -> kinds.merge(n.kind(), 1L, Long::sum));
        assertThat(kinds).containsEntry(NoteKind.ANALYSIS, 12L).containsEntry(NoteKind.RATIONALE, 4L)
                .containsEntry(NoteKind.LESSONS, 2L).containsEntry(NoteKind.REFERENCE, 1L);
        assertThat(plan.notesOf("324", null)).extracting(Note::title).contains(
                "Problem Description", "Why It Exists", "Files Affected", "Impact", "Fix Complexity");
        assertThat(plan.notesOf("330", null)).extracting(Note::title).contains(
                "Problem Description", "Why It Fails", "Files Affected (Broader Scope)", "Impact", "Fix Complexity");
        assertThat(plan.notes()).filteredOn(n -> n.kind() == NoteKind.LESSONS).extracting(Note::title)
                .containsExactly("What Went Wrong", "Process Improvements");
        Note improvements = plan.notes().stream().filter(n -> n.title().equals("Process Improvements"))
                .findFirst().orElseThrow();
        assertThat(improvements.body()).contains("**Code Review Checklist:**", "**Monitoring:**",
                "**Documentation:**", "- [ ] Check for N+1 query patterns",
                "Set up Convex alerts at 500K, 750K, 900K calls");
        Note rootCause = plan.notes().stream().filter(n -> n.title().equals("Root Cause Analysis"))
                .findFirst().orElseThrow();
        assertThat(rootCause.body()).contains("```typescript", ".index(\"userId\", [\"userId\"]); // ❌ Line 40");
        assertThat(plan.notes()).filteredOn(n -> n.kind() == NoteKind.REFERENCE).singleElement()
                .satisfies(n -> assertThat(n.body()).contains("https://github.com/NB-PDP-Testing/PDP/issues/330"));
        assertThat(plan.notes()).anySatisfy(n -> assertThat(n.body()).contains("Day 9+:  #330 Phase 5-6"));
    }

    @Test
    void textIsRealUnicodeNotTheSeedFilesMojibake() throws IOException {
        String text;
        try (InputStream in = PlanLoader.class.getResourceAsStream(PlanLoader.BUNDLED_SEED)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        // The seed file shows ❌ as "‚ùå", → as "‚Üí" and 🟡 as "üü°" (UTF-8 read as Mac Roman).
        assertThat(text).doesNotContain("‚ù", "‚Ü", "üü", "‚îú", "‚ö");
        assertThat(text).contains("→", "❌", "├─", "⚠️", "🎯");
        List<String> allText = new ArrayList<>();
        plan.phases().forEach(p -> {
            allText.add(p.description());
            p.tasks().forEach(t -> allText.add(t.text()));
        });
        assertThat(allText).noneMatch(s -> s != null && s.contains("‚"));
    }

    @Test
    void summaryCountsTheWholePlan() {
        assertThat(plan.summary()).isEqualTo(new PlanSummary(2, 7, 22, 4, 3, 4, 7));
    }
}
