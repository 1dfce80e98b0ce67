package io.incidentconsole.rollback;

import io.incidentconsole.plan.Parameter;
import io.incidentconsole.plan.ParameterType;
import io.incidentconsole.plan.Procedure;
import io.incidentconsole.plan.ProcedureStep;
import io.incidentconsole.plan.Runbook;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17, "done means": a generated hostile value reaches a real command (a fake {@code fetch} first on PATH,
 * printing its argv one per record) as exactly one argument that is not an option, or is refused with a reason.
 * Records are NUL-terminated rather than newline-terminated, because a value may hold a newline.
 */
class HostileValuesReachOneArgumentPropertyTest {

    private static final List<String> TEMPLATES = List.of(
            "fetch {{v}}",
            "fetch --verbose {{v}} tail",
            "fetch \"{{v}}\"",
            "fetch '{{v}}' tail",
            "cd . && fetch {{v}}",
            "fetch \"$(printf '%s' {{v}})\"");

    @Property(tries = 60)
    void aHostileValueIsOneNonOptionArgumentOrRefused(@ForAll("hostile") String value, @ForAll("templates") String template)
            throws Exception {
        Parameter parameter = new Parameter("v", ParameterType.TEXT, null, null, true, null);
        Procedure procedure = new Procedure("p", null, List.of(), List.of(new ProcedureStep("s", null, template, false)));
        Runbook runbook = new Runbook("rb", "Runbook", null, List.of(), List.of(parameter), List.of(procedure));
        RollbackForm form = RollbackForm.open(runbook, procedure, Map.of()).with("v", value);

        if (!form.canGenerate()) {
            assertThat(form.problems()).singleElement().satisfies(p -> {
                assertThat(p.parameter()).isEqualTo("v");
                assertThat(p.message()).isNotBlank();
            });
            assertThat(value.isEmpty() || value.startsWith("-") || ShellQuoting.refusal(value).isPresent())
                    .as("refused only for a stated rule").isTrue();
            return;
        }
        String script = new ScriptGenerator().generate(Fixtures.CONTEXT, form, ScriptMode.EXECUTE).text();
        List<String> argv = runWithFakeFetch(script);

        List<String> values = new ArrayList<>(argv);
        values.remove("--verbose");
        values.remove("tail");
        // A command substitution drops trailing newlines (bash does, by design): the plan's template asks for that.
        String expected = template.contains("$(") ? value.replaceFirst("\n+\\z", "") : value;
        assertThat(values).as("the value arrives as exactly one argument").containsExactly(expected);
        assertThat(value).doesNotStartWith("-");
    }

    @Example
    void aTrailingNewlineIsDroppedOnlyWhereTheTemplateSubstitutesACommand() throws Exception {
        aHostileValueIsOneNonOptionArgumentOrRefused("\n", "fetch \"$(printf '%s' {{v}})\"");
        aHostileValueIsOneNonOptionArgumentOrRefused("x\n\n", "fetch \"$(printf '%s' {{v}})\"");
        aHostileValueIsOneNonOptionArgumentOrRefused("x\n", "fetch {{v}}");
    }

    private static List<String> runWithFakeFetch(String script) throws Exception {
        Path dir = Files.createTempDirectory("fake-fetch-");
        try {
            Path bin = Files.createDirectory(dir.resolve("bin"));
            Path fetch = bin.resolve("fetch");
            Files.writeString(fetch, "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\0' \"$a\"; done\n");
            Files.setPosixFilePermissions(fetch, PosixFilePermissions.fromString("rwx------"));
            Path file = dir.resolve("script.sh");
            Files.writeString(file, script, StandardCharsets.UTF_8);
            Path work = Files.createDirectory(dir.resolve("work"));
            ProcessBuilder builder = new ProcessBuilder("/bin/bash", file.toString()).directory(work.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                    .redirectError(ProcessBuilder.Redirect.DISCARD);
            builder.environment().put("PATH", bin + ":" + System.getenv("PATH"));
            Process process = builder.start();
            byte[] out = process.getInputStream().readAllBytes();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).isZero();
            try (var files = Files.list(work)) {
                assertThat(files).as("a value ran something").isEmpty();
            }
            String text = new String(out, StandardCharsets.UTF_8);
            List<String> argv = new ArrayList<>(List.of(text.split("\0", -1)));
            argv.remove(argv.size() - 1);
            return argv;
        } finally {
            try (var paths = Files.walk(dir)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            }
        }
    }

    @Provide
    Arbitrary<String> templates() {
        return Arbitraries.of(TEMPLATES);
    }

    @Provide
    Arbitrary<String> hostile() {
        Arbitrary<String> known = Arbitraries.of("--upload-pack=touch pwned; git-upload-pack", "--output=pwned",
                "-rf", "-", "--", "-e touch pwned", " -x", "$(touch pwned)", "`touch pwned`", "a; touch pwned",
                "x' ; touch pwned ; '", "\"; touch pwned; \"", "*", "~", "a b", "a\nb", "\u202eevil", "-\n-", "");
        Arbitrary<String> syntax = Arbitraries.of("-", "--", "'", "\"", "\\", "$", "`", " ", "*", "\n", ";", "|",
                "&", "$(", ")", "#", "!", "=", "\u0000", "\u001b[2J", "\ud800");
        Arbitrary<String> printable = Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(6);
        Arbitrary<String> piece = Arbitraries.frequencyOf(Tuple.of(3, syntax), Tuple.of(3, printable),
                Tuple.of(1, known));
        return Arbitraries.oneOf(known, piece.list().ofMaxSize(5).map(p -> String.join("", p)));
    }
}
