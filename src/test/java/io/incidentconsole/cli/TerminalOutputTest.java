package io.incidentconsole.cli;

import io.incidentconsole.incident.EventPayload;
import io.incidentconsole.incident.Incident;
import io.incidentconsole.incident.storage.IncidentStore;
import io.incidentconsole.output.SafeText;
import io.incidentconsole.plan.Plan;
import io.incidentconsole.plan.PlanLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17, finding 7: plan and journal text with ESC, BEL, CR, NUL and bidi overrides never reaches the terminal
 * raw, whichever command prints it, and an HTML report drops them.
 */
class TerminalOutputTest {

    private static final String NASTY = "Phase \u001b[2J\u001b]0;pwned\u0007 \rX\u0000 \u202eevil\u202c";

    @TempDir
    Path home;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Cli.run(request -> 0, new PrintWriter(out), new PrintWriter(err), args);
    }

    private static String plan(String title) {
        // YAML double-quoted escapes put the raw characters into the plan's strings.
        String yamlTitle = title.replace("\u001b", "\\e").replace("\u0007", "\\a").replace("\r", "\\r")
                .replace("\u0000", "\\0").replace("\u202e", "\\u202E").replace("\u202c", "\\u202C");
        return """
                plan: {title: "%s"}
                issues: [{id: "1", title: "%s"}]
                phases: [{id: p1, name: "%s", tasks: ["%s"]}]
                """.formatted(yamlTitle, yamlTitle, yamlTitle, yamlTitle);
    }

    private static void assertClean(String output) {
        assertThat(output.chars()).as(output).noneMatch(SafeText::isUnsafe);
    }

    @Test
    void validateStatusTimelineAndTestsEscapeWhatThePlanAndJournalHold() throws Exception {
        String text = plan(NASTY);
        Path planFile = Files.writeString(home.resolve("plan.yaml"), text);
        Plan plan = new PlanLoader().load("plan.yaml", text).plan();
        assertThat(plan.plan().title()).isEqualTo(NASTY);
        Path folder;
        try (Incident incident = new IncidentStore(home.resolve("data")).create(plan, "plan.yaml", text, NASTY)) {
            incident.record(new EventPayload.PhaseStarted("p1"));
            incident.record(new EventPayload.NoteAdded("p1", NASTY));
            folder = incident.directory();
        }

        assertThat(run("validate", planFile.toString())).isZero();
        assertThat(run("status", folder.toString())).isZero();
        assertThat(run("timeline", folder.toString())).isZero();
        assertThat(run("timeline", folder.toString(), "--markdown")).isZero();
        assertThat(run("tests", folder.toString())).isZero();
        assertThat(run("report", folder.toString(), "--kind", "update")).isZero();

        assertClean(out.toString());
        assertClean(err.toString());
        assertThat(out.toString()).contains("\\u001B[2J").contains("\\u202Eevil");
    }

    @Test
    void anHtmlReportDropsThem() throws Exception {
        String text = plan(NASTY);
        Plan plan = new PlanLoader().load("plan.yaml", text).plan();
        Path folder;
        try (Incident incident = new IncidentStore(home.resolve("data")).create(plan, "plan.yaml", text, "ana")) {
            incident.record(new EventPayload.NoteAdded("p1", NASTY));
            folder = incident.directory();
        }
        Path html = home.resolve("report.html");

        assertThat(run("report", folder.toString(), "--kind", "postmortem", "-o", html.toString())).isZero();

        String written = Files.readString(html);
        assertThat(written.chars()).noneMatch(SafeText::isUnsafe);
        assertThat(written).contains("Phase [2J]0;pwned X evil");
    }

    @Test
    void aPlanProblemWithControlCharactersIsEscapedOnStderr() throws Exception {
        Path planFile = Files.writeString(home.resolve("bad.yaml"), "plan: {title: x}\nphases: [{id: \"\\e[31mred\"}]\n");

        assertThat(run("validate", planFile.toString())).isEqualTo(1);

        assertClean(err.toString());
    }
}
