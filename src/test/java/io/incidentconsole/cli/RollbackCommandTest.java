package io.incidentconsole.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class RollbackCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    /** Runs "rollback ARGS..." with a fixed clock; args[0] must be "rollback". */
    private int run(String... args) {
        assertThat(args[0]).isEqualTo("rollback");
        picocli.CommandLine cli = new picocli.CommandLine(new RollbackCommand(
                Clock.fixed(Instant.parse("2026-11-27T08:30:00Z"), ZoneOffset.UTC)));
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(Arrays.copyOfRange(args, 1, args.length));
        cli.getOut().flush();
        cli.getErr().flush();
        return code;
    }

    @Test
    void isRegisteredOnTheCommandLine() {
        StringWriter help = new StringWriter();
        int code = Cli.run(request -> 0, new PrintWriter(help), new PrintWriter(err), "rollback", "--help");

        assertThat(code).isZero();
        assertThat(help.toString()).contains("rollback", "--set=NAME=VALUE", "--dry-run");
    }

    private static String plan() {
        try {
            return Path.of(RollbackCommandTest.class.getResource("/rollback/seed-runbooks.yaml").toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void printsTheScriptWithTheValueQuoted() {
        int code = run("rollback", plan(), "rb330-phase1", "--set", "commit=a1b2c3d", "--operator", "alice",
                "--incident", "INC-7");

        assertThat(code).as(err.toString()).isZero();
        assertThat(err.toString()).isEmpty();
        assertThat(out.toString())
                .startsWith("#!/usr/bin/env bash\nset -euo pipefail\n")
                .contains("# Incident:  INC-7\n", "# Operator:  alice\n", "# Generated: 2026-11-27T08:30:00Z (UTC)\n",
                        "\ngit revert 'a1b2c3d'\n", "\nnpx convex deploy\n");
    }

    @Test
    void aSingleProcedureRunbookIdIsEnough() {
        assertThat(run("rollback", plan(), "rb324", "--set", "commit=0123456789abcdef", "--operator", "bob")).isZero();
        assertThat(out.toString()).contains("# Procedure: rb324-code (If Code Changes Cause Issues)\n",
                "\ngit revert '0123456789abcdef'\n");
    }

    @Test
    void theDowngradeUsesThePlansVersionsUnlessOverridden() {
        assertThat(run("rollback", plan(), "rb330-phase2", "--set", "betterAuth=better-auth@1.3.30",
                "--operator", "alice")).isZero();
        assertThat(out.toString()).contains(
                "# npm install 'better-auth@1.3.30' '@convex-dev/better-auth@0.9.11'\n");
    }

    @Test
    void aMissingValueNamesTheParameterAndItsRule() {
        int code = run("rollback", plan(), "rb330-phase1", "--operator", "alice");

        assertThat(code).isEqualTo(2);
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString()).startsWith(
                "parameter commit: a value is required (rule: a git commit hash: 7 to 40 hexadecimal digits)\n");
    }

    @Test
    void anInvalidValueNamesTheParameterAndItsRule() {
        int code = run("rollback", plan(), "rb330-phase1", "--set", "commit=$(rm -rf /)", "--operator", "alice");

        assertThat(code).isEqualTo(2);
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString()).startsWith(
                "parameter commit: '$(rm -rf /)' is not a git commit hash: 7 to 40 hexadecimal digits\n");
    }

    @Test
    void anUnknownParameterOrAMalformedAssignmentIsAnError() {
        assertThat(run("rollback", plan(), "rb330-phase1", "--set", "comit=abc1234", "--set", "novalue")).isEqualTo(2);
        assertThat(err.toString()).contains(
                "--set comit: procedure 'rb330-phase1' has no parameter 'comit'; its parameters: [commit]",
                "--set novalue: expected NAME=VALUE");
    }

    @Test
    void anUnknownRunbookListsTheKnownIds() {
        assertThat(run("rollback", plan(), "nope")).isEqualTo(2);
        assertThat(err.toString()).contains("no runbook or procedure 'nope'", "rb330-phase1", "rb324-code");
    }

    @Test
    void aRunbookWithSeveralProceduresListsThem() {
        assertThat(run("rollback", plan(), "rb330", "--set", "commit=abc1234")).isEqualTo(2);
        assertThat(err.toString()).contains("runbook 'rb330' has 2 procedures", "rb330-phase1", "rb330-phase2");
    }

    @Test
    void dryRunPrintsAScriptThatOnlyPrintsCommands() {
        assertThat(run("rollback", plan(), "rb324-code", "--set", "commit=abc1234", "--dry-run")).isZero();
        assertThat(out.toString()).contains("printf '+ %s\\n' 'git revert '\\''abc1234'\\'''\n")
                .doesNotContain("\ngit revert");
    }

    @Test
    void aPlanThatDoesNotLoadExitsOneWithItsProblems(@TempDir Path dir) throws Exception {
        Path broken = dir.resolve("broken.yaml");
        Files.writeString(broken, "runbooks: 3\n");

        assertThat(run("rollback", broken.toString(), "rb330")).isEqualTo(1);
        assertThat(err.toString()).contains("broken.yaml").contains("the plan does not load");
    }
}
