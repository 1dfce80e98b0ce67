package io.incidentconsole.importer;

import io.incidentconsole.incident.IncidentState;
import io.incidentconsole.plan.CheckItem;
import io.incidentconsole.plan.Criterion;
import io.incidentconsole.plan.DecisionTree;
import io.incidentconsole.plan.Direction;
import io.incidentconsole.plan.ParameterType;
import io.incidentconsole.plan.PhaseStatus;
import io.incidentconsole.plan.Plan;
import io.incidentconsole.plan.PlanLoadResult;
import io.incidentconsole.plan.PlanLoader;
import io.incidentconsole.plan.ProcedureStep;
import io.incidentconsole.plan.Task;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ImporterPartsTest {

    private final MarkdownImporter importer = new MarkdownImporter();

    private ImportResult importText(String markdown) {
        ImportResult result = importer.importDocument("test.md", markdown);
        assertThat(new PlanLoader().load("test.yaml", result.yaml()).problems()).isEmpty();
        return result;
    }

    @Test
    void aTaskListForAnIssueTheDocumentNeverDefinesKeepsItsTasks() {
        ImportResult result = importText("""
                # Plan

                ## Issue #330: Crisis

                #### PHASE 1: Emergency Fix (#330 Only)

                **#324 Tasks:**
                1. Tidy the fallback
                """);
        assertThat(result.plan().phases()).singleElement().satisfies(phase ->
                assertThat(phase.tasks()).singleElement().satisfies(task -> {
                    assertThat(task.text()).isEqualTo("Tidy the fallback");
                    assertThat(task.issue()).isNull();
                }));
        assertThat(result.report().decisions()).anySatisfy(d ->
                assertThat(d.message()).contains("names issue #324, which the document does not define"));
    }

    @Test
    void mojibakeIsRepairedAndRealCharactersAreLeftAlone() {
        // 🟡 is F0 9F 9F A1: in Mac Roman F0 is the Apple logo U+F8FF, hence the invisible first character
        assertThat(InputRepair.repair("a ‚Üí b \uF8FFüü° PENDING ‚ùå").text()).isEqualTo("a → b 🟡 PENDING ❌");
        assertThat(InputRepair.repair("a ‚Üí b").mojibakeSequences()).isEqualTo(1);
        String real = "café → 🟡 naïve Æ";
        assertThat(InputRepair.repair(real).text()).isEqualTo(real);
        assertThat(InputRepair.repair("nul\u0000 here").text()).isEqualTo("nul\uFFFD here");
        assertThat(InputRepair.repair("lone \uD800 surrogate").text()).isEqualTo("lone \uFFFD surrogate");
    }

    @Test
    void statusTableReadsTheSameWithRealEmojiAndWithMojibake() {
        String table = """
                # Plan

                | Phase | Issue | Status | Notes |
                |-------|-------|--------|-------|
                | 1: First | #7 | %s | - |
                | 2: Second | #7 | %s | After Phase 1 |
                | 3: Third | #7 | %s | - |
                """;
        Plan real = importText(table.formatted("🟢", "🔵 IN PROGRESS", "🔴")).plan();
        Plan broken = importText(table.formatted("\uF8FFüü¢", "\uF8FFüîµ IN PROGRESS", "\uF8FFüî¥")).plan();
        assertThat(real.phases()).extracting(p -> p.status())
                .containsExactly(PhaseStatus.COMPLETE, PhaseStatus.IN_PROGRESS, PhaseStatus.BLOCKED);
        assertThat(broken.phases()).extracting(p -> p.status()).isEqualTo(real.phases().stream().map(p -> p.status()).toList());
        assertThat(real.phase("p7-2").orElseThrow().dependsOn()).containsExactly("p7-1");
        assertThat(real.issues()).extracting(i -> i.title()).containsExactly("Issue #7");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "3.2M|3200000||",
            "500K calls|500000|calls|",
            "~2.8M|2800000||~",
            "<1 GB/day|1|GB/day|<",
            "2.49 GB|2.49|GB|",
            "68%|68|%|",
            "1,200 ms|1200|ms|"})
    void quantities(String text, double value, String unit, String qualifier) {
        Quantity q = Quantity.parse(text);
        assertThat(q.value()).isCloseTo(value, within(1e-9));
        assertThat(q.unit()).isEqualTo(unit);
        assertThat(q.qualifier()).isEqualTo(qualifier);
    }

    @Test
    void metricLinesGiveBaselineTargetUnitAndDirection() {
        Plan plan = importText("""
                # P
                ## Success Metrics
                - Convex function calls: 3.2M → 1.0M/day (68% reduction)
                - Database bandwidth: 2.49 GB → <1 GB/day (60% reduction)
                - Cache hit ratio: 40% -> 90%
                - Page load time: 50% faster
                """).plan();
        assertThat(plan.metrics()).hasSize(3);
        var calls = plan.metric("convex-function-calls").orElseThrow();
        assertThat(calls.unit()).isEqualTo("calls/day");
        assertThat(calls.targetNote()).isEqualTo("68% reduction");
        var hits = plan.metric("cache-hit-ratio").orElseThrow();
        assertThat(hits.direction()).isEqualTo(Direction.UP);
        assertThat(hits.unit()).isEqualTo("%");
        assertThat(plan.notes()).anySatisfy(n -> assertThat(n.body()).contains("Page load time: 50% faster"));
    }

    @Test
    void shellBlocksBecomeStepsWithTypedParameters() {
        List<ProcedureStep> steps = Commands.steps("""
                # Revert to previous deployment
                git revert <commit-hash>
                npx convex deploy

                # Or: Disable new query functions
                # Keep old functions in place until fix verified
                """);
        assertThat(steps).extracting(ProcedureStep::title, ProcedureStep::command, ProcedureStep::alternative)
                .containsExactly(
                        Tuple.tuple("Revert to previous deployment", "git revert <commit-hash>", false),
                        Tuple.tuple(null, "npx convex deploy", false),
                        Tuple.tuple("Or: Disable new query functions", null, true));
        assertThat(steps.get(2).detail()).isEqualTo("Keep old functions in place until fix verified");
        assertThat(Commands.steps("$ kubectl apply \\\n  -f x.yaml")).extracting(ProcedureStep::command)
                .containsExactly("kubectl apply -f x.yaml");
        assertThat(Commands.typeOf("commit-hash")).isEqualTo(ParameterType.GIT_COMMIT);
        assertThat(Commands.typeOf("sha")).isEqualTo(ParameterType.GIT_COMMIT);
        assertThat(Commands.typeOf("version")).isEqualTo(ParameterType.SEMVER);
        assertThat(Commands.typeOf("target-version")).isEqualTo(ParameterType.SEMVER);
        assertThat(Commands.typeOf("service")).isEqualTo(ParameterType.TEXT);
        assertThat(Commands.typeOf("preferences")).isEqualTo(ParameterType.TEXT);
    }

    @Test
    void checklistsKeepTheirTickedState() {
        ImportResult result = importText("""
                # P
                ## Phase 1: Fix
                **Tasks:**
                - [x] Done thing
                - [ ] Open thing
                ## Testing
                **Smoke Testing:**
                - [x] Login works
                - [ ] Logout works
                """);
        assertThat(result.report().tickedItems()).containsExactly("p1.task-1", "t-smoke.check-1");
        assertThat(result.plan().phase("p1").orElseThrow().tasks())
                .extracting(Task::text, Task::done)
                .containsExactly(Tuple.tuple("Done thing", true),
                        Tuple.tuple("Open thing", false));
        assertThat(result.plan().testSuites().get(0).checks())
                .extracting(CheckItem::text, CheckItem::done)
                .containsExactly(Tuple.tuple("Login works", true),
                        Tuple.tuple("Logout works", false));
        assertThat(result.plan().testSuites().get(0).phases()).containsExactly("p1");
        // tidy YAML: the flag only where it is true
        assertThat(result.yaml()).contains("- text: Done thing\n        done: true", "- text: Login works\n        done: true")
                .doesNotContain("done: false");
    }

    @Test
    void tickedSuccessCriteriaAreDoneInThePlan() {
        ImportResult result = importText("""
                # P
                ## Phase 1: Fix
                **Tasks:**
                - [ ] Open thing

                **Success Criteria:**
                - [x] Platform back online
                - [ ] Calls below 2.8M
                """);
        assertThat(result.plan().phase("p1").orElseThrow().successCriteria())
                .extracting(Criterion::text, Criterion::done)
                .containsExactly(Tuple.tuple("Platform back online", true),
                        Tuple.tuple("Calls below 2.8M", false));
        assertThat(result.yaml()).contains("- text: Platform back online\n        done: true")
                .contains("- Calls below 2.8M").doesNotContain("done: false");
        // What the importer wrote loads back with the flag, so an incident starts with the criterion confirmed.
        PlanLoadResult reloaded = new PlanLoader()
                .load("imported.yaml", result.yaml());
        assertThat(reloaded.problems()).isEmpty();
        assertThat(IncidentState.initial(reloaded.plan()).tickedCriteria("p1"))
                .containsExactly("p1.success-1");
    }

    @Test
    void decisionTreesFromPseudoCode() {
        DecisionTree tree = DecisionTreeReader.read("d", "D", null, """
                IF a holds:
                  AND b holds:
                    → do X
                  ELSE:
                    → do Y
                ELSE IF c holds:
                  → do Z
                """);
        assertThat(tree).isNotNull();
        assertThat(tree.nodes()).extracting(DecisionTree.DecisionNode::question)
                .containsExactly("a holds?", "b holds?", "c holds?");
        assertThat(tree.outcomes()).extracting(DecisionTree.Outcome::title).containsExactly("do X", "do Y", "do Z");
        assertThat(DecisionTreeReader.read("d", "D", null, "just prose\nno structure")).isNull();
        assertThat(DecisionTreeReader.read("d", "D", null, "IF a:\n")).isNull();
    }

    @Test
    void ambiguousDocumentsAreDecidedAndReported() {
        ImportResult result = importText("""
                # Two plans in one
                ## Phase 1: Alpha
                - do a
                ## Phase 1: Alpha again
                - do b
                ## Phase 2: Beta
                **Depends on:** Phase 2
                - do c
                """);
        assertThat(result.plan().phases()).extracting(p -> p.id()).containsExactly("p1", "p1_2", "p2");
        assertThat(result.plan().phase("p2").orElseThrow().dependsOn()).doesNotContain("p2");
        assertThat(result.report().decisions()).anySatisfy(d -> assertThat(d.message()).contains("p1_2"));
    }

    @Test
    void emptyAndNullDocumentsGiveAnEmptyValidPlan() {
        for (String text : new String[] {"", "   \n\n", null}) {
            ImportResult result = importer.importDocument("empty.md", text);
            assertThat(result.plan().phases()).isEmpty();
            assertThat(result.plan().plan().title()).isEqualTo("empty");
            assertThat(new PlanLoader().load("empty.yaml", result.yaml()).ok()).isTrue();
            assertThat(result.report().render()).contains("Import report for empty.md");
        }
    }

    @Test
    void dependencyCyclesAreBrokenNotFatal() {
        ImportResult result = importText("""
                # Cycle
                | Phase | Status | Notes |
                |---|---|---|
                | 1: A | PENDING | After Phase 2 |
                | 2: B | PENDING | After Phase 1 |
                """);
        var a = result.plan().phase("p1").orElseThrow();
        var b = result.plan().phase("p2").orElseThrow();
        assertThat(a.dependsOn().contains("p2") && b.dependsOn().contains("p1")).isFalse();
        assertThat(result.report().decisions()).anySatisfy(d -> assertThat(d.message()).contains("cycle"));
    }
}
