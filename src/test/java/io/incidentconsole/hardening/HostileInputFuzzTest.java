package io.incidentconsole.hardening;

import io.incidentconsole.cli.Cli;
import io.incidentconsole.importer.MarkdownImporter;
import io.incidentconsole.incident.IncidentException;
import io.incidentconsole.incident.storage.IncidentStore;
import io.incidentconsole.plan.PlanLoadResult;
import io.incidentconsole.plan.PlanLoader;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.Callable;
import com.sun.management.ThreadMXBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Issue 17, finding 6: generated hostile plans, journals and Markdown documents never crash, hang or fill memory:
 * each input is handled within a time bound and an allocation bound (bytes this thread allocated), and a refusal is
 * one clear line. The bounds are generous (a loaded CI machine); the figures themselves are in docs/hardening.md,
 * measured by bench/hardening.
 */
class HostileInputFuzzTest {

    private static final Duration TIME_BOUND = Duration.ofSeconds(10);
    private static final long ALLOCATION_BOUND = 512L * 1024 * 1024;
    private static final ThreadMXBean THREADS =
            (ThreadMXBean) ManagementFactory.getThreadMXBean();

    private static final PlanLoader LOADER = new PlanLoader();
    private static final MarkdownImporter IMPORTER = new MarkdownImporter();
    private static final String SEED_MARKDOWN = seedMarkdown();

    @TempDir
    Path dir;

    /** Runs {@code work} on this thread under the time and allocation bounds. */
    private static <T> T bounded(String what, Callable<T> work) {
        return assertTimeoutPreemptively(TIME_BOUND, () -> {
            long thread = Thread.currentThread().getId();
            long before = THREADS.getThreadAllocatedBytes(thread);
            T result = work.call();
            long allocated = THREADS.getThreadAllocatedBytes(thread) - before;
            assertThat(allocated).as("bytes allocated for %s", what).isLessThan(ALLOCATION_BOUND);
            return result;
        }, what);
    }

    @Property(tries = 80)
    void aHostilePlanLoadsOrIsRefusedWithLocatedProblems(@ForAll("plans") String text) {
        PlanLoadResult result = bounded("a plan", () -> LOADER.load("fuzz.yaml", text));

        if (!result.ok()) {
            assertThat(result.problems()).isNotEmpty().allSatisfy(p -> {
                assertThat(p.message()).isNotBlank().doesNotContain("internal error");
                assertThat(p.line()).isGreaterThanOrEqualTo(0);
            });
        }
    }

    @Property(tries = 25)
    void aHostileMarkdownDocumentImportsToAPlanThatLoads(@ForAll("markdown") String text) {
        var imported = bounded("a Markdown document", () -> IMPORTER.importDocument("fuzz.md", text));

        assertThat(LOADER.load("imported.yaml", imported.yaml()).problems()).isEmpty();
    }

    @Property(tries = 60)
    void aHostileJournalOpensWithFindingsOrIsAClearError(@ForAll("journals") byte[] journal) throws Exception {
        Path folder = incidentFolder();
        Files.write(folder.resolve("journal-0001.jsonl"), journal);

        bounded("a journal", () -> {
            try (var incident = IncidentStore.inspect(folder)) {
                assertThat(incident.state()).isNotNull();
            } catch (IncidentException e) {
                assertThat(e.getMessage()).doesNotContain("\n").contains(folder.toString());
            }
            return null;
        });
    }

    @Test
    void theWorstCasesOfTheIssueAreBoundedToo() throws Exception {
        String digits = "7".repeat(50_000);
        String longNumber = "plan: {title: T}\nissues: [{id: '1', title: I}]\nphases: [{id: p1, name: P}]\n"
                + "metrics: [{id: m, name: M, baseline: '" + digits + "x', target: 1}]\n"
                + "alerts: [{id: a, when: 'm > " + digits + "x', severity: HIGH}]\n";
        assertThat(bounded("a 50,000-digit number", () -> LOADER.load("n.yaml", longNumber)).ok()).isFalse();

        String longString = "plan: {title: \"" + "a".repeat(3 * 1024 * 1024) + "\"}\n";
        PlanLoadResult string = bounded("a 3 MB string", () -> LOADER.load("s.yaml", longString));
        assertThat(string.problems()).singleElement().satisfies(p -> assertThat(p.message())
                .isEqualTo("line 1 is longer than 256 KB; no line of a plan is anywhere near that long (is this the "
                        + "right file?)"));

        Path zero = Files.createSymbolicLink(dir.resolve("zero.yaml"), Path.of("/dev/zero"));
        assertThat(bounded("/dev/zero", () -> LOADER.load(zero)).problems()).singleElement().satisfies(p ->
                assertThat(p.message()).isEqualTo("the file is larger than 32 MB; a plan file is at most 32 MB "
                        + "(is this the right file?)"));

        Path folder = incidentFolder();
        Files.createSymbolicLink(folder.resolve("journal-0001.jsonl"), Path.of("/dev/zero"));
        StringWriter err = new StringWriter();
        int code = bounded("a journal linked to /dev/zero", () -> Cli.run(request -> 0, new PrintWriter(new StringWriter()),
                new PrintWriter(err), "status", folder.toString()));
        assertThat(code).isEqualTo(1);
        assertThat(err.toString().lines()).singleElement().asString().contains("not a regular file");

        StringWriter importErr = new StringWriter();
        assertThat(bounded("import /dev/zero", () -> Cli.run(request -> 0, new PrintWriter(new StringWriter()),
                new PrintWriter(importErr), "import", "/dev/zero"))).isEqualTo(1);
        assertThat(importErr.toString()).isEqualTo("/dev/zero: the file is larger than 20 MB; a Markdown plan is at "
                + "most 20 MB (is this the right file?)" + System.lineSeparator());
    }

    private Path incidentFolder() throws Exception {
        // jqwik properties get no @TempDir: the folders go under the system's temporary folder, removed on exit.
        Path folder = Files.createTempDirectory("fuzz-incident-");
        folder.toFile().deleteOnExit();
        String plan = LOADER.bundledSeedText();
        Files.writeString(folder.resolve("plan.yaml"), plan);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(plan.getBytes(StandardCharsets.UTF_8)));
        Files.writeString(folder.resolve("incident.json"), "{\"format\":1,\"id\":\"fuzz\",\"createdAt\":"
                + "\"2026-12-07T00:00:00Z\",\"createdBy\":\"ana\",\"planTitle\":\"t\",\"planSource\":\"x\","
                + "\"planSha256\":\"" + sha + "\"}");
        return folder;
    }

    // ------------------------------------------------------------------ generators

    /** Values up to {@code longest} characters: inputs stay under the read caps, which are tested on their own. */
    private static Arbitrary<String> hostileScalar(int longest) {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(40),
                Arbitraries.integers().between(1, longest).map(n -> "9".repeat(n) + "x"),
                Arbitraries.integers().between(1, longest).map(n -> "1." + "0".repeat(n) + "e"),
                Arbitraries.integers().between(1, longest).map(n -> "b".repeat(n)),
                Arbitraries.of("*a", "&a x", "!!binary AAAA", "!!python/object:x {}", "~", "0x1F", ".inf", "1e999",
                        "m > 1e999", "m >", "24h", "-1h", "\u0000", "\u202e", "{{v}}", "$(x)", "'", "\"", "- ", ": "));
    }

    @Provide
    Arbitrary<String> plans() {
        Arbitrary<String> structured = Combinators.combine(hostileScalar(50_000), hostileScalar(50_000),
                hostileScalar(50_000), hostileScalar(50_000)).as((a, b, c, d) -> """
                plan: {title: "%s"}
                issues: [{id: "1", title: "%s"}]
                phases: [{id: p1, name: P, planned: {duration: "%s"}}]
                metrics: [{id: m, name: M, baseline: "%s", target: 1}]
                alerts: [{id: a, when: "m > %s"}]
                """.formatted(esc(a), esc(b), esc(c), esc(d), esc(d)));
        Arbitrary<String> nested = Arbitraries.integers().between(1, 5_000)
                .map(n -> "plan: " + "[".repeat(n) + "]".repeat(n) + "\n");
        Arbitrary<String> aliases = Arbitraries.integers().between(1, 12).map(HostileInputFuzzTest::aliasBomb);
        Arbitrary<String> bytes = Arbitraries.strings().withCharRange('\u0000', '\u00ff').ofMaxLength(2_000);
        Arbitrary<String> json = hostileScalar(50_000).map(s -> "{\"plan\": {\"title\": \"" + esc(s) + "\"}, \"phases\": "
                + "[{\"id\": \"p\", \"name\": " + (s.length() % 2 == 0 ? "1" + "0".repeat(s.length() % 5000) : "null")
                + "}]}");
        return Arbitraries.oneOf(structured, nested, aliases, bytes, json);
    }

    private static String aliasBomb(int levels) {
        StringBuilder yaml = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i <= levels; i++) {
            yaml.append("a").append(i).append(": &a").append(i).append(" [");
            for (int k = 0; k < 10; k++) {
                yaml.append(k == 0 ? "" : ", ").append("*a").append(i - 1);
            }
            yaml.append("]\n");
        }
        return yaml.toString();
    }

    private static String esc(String s) {
        StringBuilder out = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\x%02x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    @Provide
    Arbitrary<String> markdown() {
        Arbitrary<String> lines = Arbitraries.oneOf(
                Arbitraries.of("# Plan", "## Phase 1: Fix (#330)", "### Rollback", "- [ ] task", "- item\n  - nested",
                        "| a | b |", "|---|---|", "| 1 | 2 |", "```bash", "```", "git revert <commit-hash>",
                        "eval {{v}}", "> quote", "1. one", "**Metric:** 3.2M → 900K", "---", "<div>", ""),
                hostileScalar(2_000));
        Arbitrary<String> built = lines.list().ofMaxSize(120).map(l -> String.join("\n", l));
        Arbitrary<String> mangledSeed = Arbitraries.integers().between(0, SEED_MARKDOWN.length() - 1)
                .list().ofMaxSize(30).map(cuts -> {
                    StringBuilder s = new StringBuilder(SEED_MARKDOWN);
                    for (int cut : cuts) {
                        if (cut < s.length()) {
                            s.setCharAt(cut, "#`|*-[\n\u0000\u202e"
                                    .charAt(Math.floorMod(cut, 9)));
                        }
                    }
                    return s.toString();
                });
        Arbitrary<String> binary = Arbitraries.strings().withCharRange('\u0000', '\u00ff').ofMaxLength(5_000);
        return Arbitraries.oneOf(built, mangledSeed, binary);
    }

    @Provide
    Arbitrary<byte[]> journals() {
        Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(5_000);
        Arbitrary<byte[]> lines = Arbitraries.oneOf(
                Arbitraries.of("{\"seq\":1}", "{}", "[]", "null", "{\"seq\":1,\"id\":\"x\",\"at\":\"2026-01-01T00:00:00Z\","
                        + "\"operator\":\"a\",\"kind\":\"NoteAdded\",\"payload\":{},\"crc\":\"00000000\"}", ""),
                Arbitraries.integers().between(1, 20_000).map(n -> "{\"seq\":" + "9".repeat(n) + "}"),
                Arbitraries.integers().between(1, 20_000).map(n -> "{\"a\":\"" + "x".repeat(n) + "\"}"),
                Arbitraries.integers().between(1, 3_000).map(n -> "[".repeat(n)))
                .list().ofMaxSize(50).map(l -> (String.join("\n", l) + "\n").getBytes(StandardCharsets.UTF_8));
        return Arbitraries.oneOf(random, lines);
    }

    private static String seedMarkdown() {
        try (var in = HostileInputFuzzTest.class.getResourceAsStream("/importer/seed-coordination-plan.md")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
