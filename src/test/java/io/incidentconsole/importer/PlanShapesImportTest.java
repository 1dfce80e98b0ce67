package io.incidentconsole.importer;

import io.incidentconsole.plan.Criterion;
import io.incidentconsole.plan.DecisionTree;
import io.incidentconsole.plan.Direction;
import io.incidentconsole.plan.Metric;
import io.incidentconsole.plan.ParameterType;
import io.incidentconsole.plan.Phase;
import io.incidentconsole.plan.PhaseStatus;
import io.incidentconsole.plan.Plan;
import io.incidentconsole.plan.PlanLoadResult;
import io.incidentconsole.plan.PlanLoader;
import io.incidentconsole.plan.Runbook;
import io.incidentconsole.plan.Severity;
import io.incidentconsole.plan.Task;
import io.incidentconsole.plan.TestSuite;
import io.incidentconsole.plan.Threshold;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Plans of other shapes than the seed import sensibly, and always into a plan that validates. */
class PlanShapesImportTest {

    private final MarkdownImporter importer = new MarkdownImporter();

    private ImportResult importResource(String name) throws IOException {
        ImportResult result = importer.importDocument(name, SeedImportTest.resource("/importer/" + name));
        PlanLoadResult reloaded = new PlanLoader().load(name + ".yaml", result.yaml());
        assertThat(reloaded.problems()).as("the YAML written for " + name).isEmpty();
        assertThat(reloaded.plan()).isEqualTo(result.plan());
        return result;
    }

    @Test
    void databaseCutoverWithGoNoGo() throws IOException {
        ImportResult result = importResource("db-migration-cutover.md");
        Plan plan = result.plan();
        assertThat(plan.plan().title()).isEqualTo("INC-2041 Orders Database Cutover");
        assertThat(plan.issues()).extracting(i -> i.id()).containsExactly("INC-2041");
        assertThat(plan.phases()).extracting(Phase::id, Phase::name, Phase::status).containsExactly(
                Tuple.tuple("pinc-2041-1", "Replication catch-up", PhaseStatus.COMPLETE),
                Tuple.tuple("pinc-2041-2", "Go/No-Go", PhaseStatus.IN_PROGRESS),
                Tuple.tuple("pinc-2041-3", "Cutover", PhaseStatus.PENDING));
        Phase goNoGo = plan.phase("pinc-2041-2").orElseThrow();
        assertThat(goNoGo.dependsOn()).containsExactly("pinc-2041-1");
        assertThat(goNoGo.successCriteria()).extracting(Criterion::text)
                .containsExactly("Replication lag < 5s", "Row counts match", "On-call DBA present",
                        "Rollback rehearsed on staging");
        assertThat(plan.phase("pinc-2041-3").orElseThrow().dependsOn()).containsExactly("pinc-2041-2");
        assertThat(plan.phase("pinc-2041-3").orElseThrow().tasks()).extracting(Task::text)
                .startsWith("Freeze writes (maintenance page on)");
        // ticked go/no-go items are reported with their state
        assertThat(result.report().recognised()).filteredOn(e -> e.kind().equals("success criterion"))
                .extracting(ImportReport.Element::detail).containsSubsequence("ticked", "ticked", "not ticked", "not ticked");
        Runbook runbook = plan.runbooks().get(0);
        assertThat(runbook.procedures().get(0).phases()).containsExactly("pinc-2041-3");
        assertThat(runbook.parameter("old-database-url").orElseThrow().type()).isEqualTo(ParameterType.URL);
        assertThat(runbook.parameter("revision").orElseThrow().type()).isEqualTo(ParameterType.TEXT);
        assertThat(runbook.criteria()).extracting(Criterion::text).contains("Error rate above 2% for 5 minutes");
        Metric latency = plan.metrics().get(0);
        assertThat(latency.baseline()).isEqualTo(180.0);
        assertThat(latency.target()).isEqualTo(60.0);
        assertThat(latency.unit()).isEqualTo("ms");
        // the SQL block is not a shell command: it is kept as a note on the cutover phase
        assertThat(plan.notes()).anySatisfy(n -> {
            assertThat(n.phase()).isEqualTo("pinc-2041-3");
            assertThat(n.body()).contains("pg_current_wal_lsn");
        });
    }

    @Test
    void certificateExpiryWithADecisionTree() throws IOException {
        ImportResult result = importResource("certificate-expiry.md");
        Plan plan = result.plan();
        assertThat(plan.issues()).isEmpty();
        assertThat(plan.phases()).extracting(Phase::id, Phase::name).containsExactly(
                Tuple.tuple("p1", "Restore service"),
                Tuple.tuple("p2", "Fix renewal"));
        assertThat(result.report().tickedItems()).containsExactly("p2.task-3");
        assertThat(plan.phases()).flatExtracting(Phase::tasks).filteredOn(Task::done).extracting(Task::id, Task::text)
                .containsExactly(Tuple.tuple("p2.task-3", "Add an alert 14 days before expiry"));
        DecisionTree tree = plan.decisions().get(0);
        assertThat(tree.phase()).isEqualTo("p2");
        assertThat(tree.node(tree.start()).orElseThrow().question()).isEqualTo("new certificate is served everywhere?");
        assertThat(tree.outcomes()).extracting(DecisionTree.Outcome::title)
                .containsExactly("CLOSE the incident", "KEEP the incident open, renew by hand weekly", "PURGE the CDN cache");
        assertThat(tree.outcome("o3").orElseThrow().actions()).containsExactly("Re-run the upload");
        Runbook runbook = plan.runbooks().get(0);
        assertThat(runbook.procedures().get(0).phases()).containsExactly("p1");
        Metric expiry = plan.metrics().stream().filter(m -> m.unit() != null && m.unit().equals("days")).findFirst().orElseThrow();
        assertThat(expiry.thresholds()).extracting(Threshold::value).containsExactly(7.0, 14.0, 30.0);
        assertThat(expiry.thresholds()).extracting(Threshold::severity).containsOnly(Severity.WARNING);
        assertThat(plan.notes()).anySatisfy(n -> assertThat(n.body()).contains("Certificates need an owner"));
    }

    @Test
    void canaryRolloutWithStagedPercentages() throws IOException {
        ImportResult result = importResource("canary-rollout.md");
        Plan plan = result.plan();
        assertThat(plan.phases()).extracting(Phase::name).containsExactly("1% canary", "10%", "50%", "100%");
        assertThat(plan.phases()).extracting(p -> p.dependsOn()).containsExactly(
                List.of(), List.of("p1"), List.of("p2"), List.of("p3"));
        assertThat(plan.phase("p1").orElseThrow().successCriteria()).extracting(Criterion::text)
                .containsExactly("Error rate below 0.5%", "p99 latency below 300 ms");
        TestSuite suite = plan.testSuites().get(0);
        assertThat(suite.checks()).hasSize(2);
        assertThat(suite.cases().get(0).steps()).hasSize(3);
        assertThat(suite.cases().get(0).expected()).isEqualTo("one refund record");
        Runbook runbook = plan.runbooks().get(0);
        assertThat(runbook.parameter("release-version").orElseThrow().type()).isEqualTo(ParameterType.SEMVER);
        assertThat(runbook.criteria()).hasSize(2);
        Metric errors = plan.metric("payment-error-rate").orElseThrow();
        assertThat(errors.baseline()).isEqualTo(0.8);
        assertThat(errors.target()).isEqualTo(0.3);
        assertThat(errors.direction()).isEqualTo(Direction.DOWN);
        assertThat(errors.thresholds()).extracting(Threshold::value, Threshold::severity).containsExactly(
                Tuple.tuple(0.5, Severity.WARNING),
                Tuple.tuple(1.0, Severity.CRITICAL));
        assertThat(plan.metric("checkout-p99-latency").orElseThrow().unit()).isEqualTo("ms");
    }
}
