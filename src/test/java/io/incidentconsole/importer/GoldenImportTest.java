package io.incidentconsole.importer;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The importer's output, YAML and report, byte for byte, on every Markdown fixture the tests use (the seed,
 * the plan shapes, the inline documents of the unit tests, copied to {@code importer/golden/inputs}) and on
 * a few seeds mangled by a fixed random sequence. It pins behaviour while the importer's structure changes:
 * a difference is either a bug or a deliberate change, and then the golden file is rewritten with
 * {@code -Dgolden.update=true} and the diff reviewed.
 */
class GoldenImportTest {

    private static final Path RESOURCES = Path.of("src/test/resources/importer");
    private static final Path GOLDEN = RESOURCES.resolve("golden");

    record Fixture(String name, String markdown) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Fixture> fixtures() throws IOException {
        List<Fixture> all = new ArrayList<>();
        for (String name : List.of("seed-coordination-plan.md", "canary-rollout.md", "certificate-expiry.md",
                "db-migration-cutover.md")) {
            all.add(new Fixture(name, Files.readString(RESOURCES.resolve(name), StandardCharsets.UTF_8)));
        }
        try (Stream<Path> inputs = Files.list(GOLDEN.resolve("inputs"))) {
            inputs.sorted().forEach(p -> all.add(new Fixture(p.getFileName().toString(), read(p))));
        }
        String seed = all.get(0).markdown();
        for (int n = 1; n <= 6; n++) {
            all.add(new Fixture("seed-mangled-" + n + ".md", mangled(seed, n)));
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void importIsByteIdenticalToTheGoldenFiles(Fixture fixture) throws IOException {
        ImportResult result = new MarkdownImporter().importDocument(fixture.name(), fixture.markdown());
        String base = fixture.name().replaceFirst("\\.md$", "");
        compare(GOLDEN.resolve(base + ".yaml"), result.yaml());
        compare(GOLDEN.resolve(base + ".report.txt"), result.report().render());
    }

    private static void compare(Path golden, String actual) throws IOException {
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(golden, actual, StandardCharsets.UTF_8);
        }
        assertThat(golden).as("golden file %s (write it with -Dgolden.update=true)", golden).exists();
        assertThat(actual).as(golden.toString()).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
    }

    /** The seed with lines dropped, repeated, moved and re-levelled by a fixed random sequence. */
    private static String mangled(String seed, long n) {
        Random random = new Random(n);
        List<String> lines = new ArrayList<>(List.of(seed.split("\n", -1)));
        for (int i = 0; i < 25; i++) {
            int at = random.nextInt(lines.size());
            int other = random.nextInt(lines.size());
            switch (random.nextInt(4)) {
                case 0 -> lines.remove(at);
                case 1 -> lines.add(at, lines.get(other));
                case 2 -> lines.add(Math.min(other, lines.size() - 1), lines.remove(at));
                default -> lines.set(at, lines.get(at).startsWith("#") ? "#" + lines.get(at) : lines.get(at));
            }
        }
        return String.join("\n", lines);
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
