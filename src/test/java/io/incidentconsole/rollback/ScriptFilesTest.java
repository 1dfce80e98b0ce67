package io.incidentconsole.rollback;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;

class ScriptFilesTest {

    private final ScriptFiles files = new ScriptFiles();

    @Test
    void savesAnExecutableScriptThatBashCanRunDirectly(@TempDir Path dir) throws Exception {
        GeneratedScript script = new ScriptGenerator().generate(Fixtures.CONTEXT,
                Fixtures.form("rb330-phase1").with("commit", "abc1234"), ScriptMode.DRY_RUN);

        Files.createDirectory(dir.resolve("sub"));
        Path saved = files.save(script, dir.resolve("sub/rollback.sh"));

        assertThat(saved).isEqualTo(dir.resolve("sub/rollback.sh").toAbsolutePath());
        assertThat(Files.readString(saved)).isEqualTo(script.text());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(saved))).isEqualTo("rwxr-xr-x");
        Process process = new ProcessBuilder(saved.toString()).directory(dir.toFile()).start();
        assertThat(new String(process.getInputStream().readAllBytes())).isEqualTo(
                "+ git revert 'abc1234'\n+ npx convex deploy\n");
        assertThat(process.waitFor()).isZero();
    }

    @Test
    void replacesAnExistingFileAndLeavesNoTemporaryFiles(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("rollback.sh");
        Files.writeString(target, "old");
        GeneratedScript script = new ScriptGenerator().generate(Fixtures.CONTEXT, Fixtures.form("rb330-phase2"),
                ScriptMode.EXECUTE);

        files.save(script, target);

        assertThat(Files.readString(target)).isEqualTo(script.text());
        try (var list = Files.list(dir)) {
            assertThat(list).containsExactly(target);
        }
    }

    @Test
    void suggestsANameFromTheProcedureAndTime() throws Exception {
        GeneratedScript script = new ScriptGenerator().generate(Fixtures.CONTEXT, Fixtures.form("rb330-phase2"),
                ScriptMode.DRY_RUN);

        assertThat(files.suggestedName(script)).isEqualTo("rollback-rb330-phase2-dry-run-20261127T083000Z.sh");
    }
}
