package io.incidentconsole.output;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Issue 17, finding 5 (and 11's file modes): one rule for every file a command or export writes. */
class OutputFilesTest {

    @TempDir
    Path dir;

    @Test
    void aNewFileIsWrittenWithTheDocumentModeAndNoTemporaryFileIsLeft() throws Exception {
        Path target = dir.resolve("out.md");

        assertThat(OutputFiles.write(target, "hello", false)).isEqualTo(target.toAbsolutePath());

        assertThat(Files.readString(target)).isEqualTo("hello");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target))).isEqualTo("rw-r--r--");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(target);
        }
    }

    @Test
    void anExistingFileIsReplacedOnlyWithForce() throws Exception {
        Path target = Files.writeString(dir.resolve("out.md"), "precious");

        assertThatThrownBy(() -> OutputFiles.write(target, "new", false))
                .isInstanceOf(OutputFileException.class)
                .hasMessage(target + ": already exists; use --force to replace it");
        assertThat(Files.readString(target)).isEqualTo("precious");

        OutputFiles.write(target, "new", true);
        assertThat(Files.readString(target)).isEqualTo("new");
    }

    @Test
    void nothingIsEverWrittenInsideAnIncidentFolderEvenWithForce() throws Exception {
        Path incident = Files.createDirectories(dir.resolve("incidents/20261207-0001"));
        Files.writeString(incident.resolve("incident.json"), "{}");
        Path journal = Files.writeString(incident.resolve("journal-0001.jsonl"), "line\n");
        Files.createDirectories(incident.resolve("sub"));

        for (Path target : List.of(journal, incident.resolve("new.xml"), incident.resolve("sub/x.md"))) {
            assertThatThrownBy(() -> OutputFiles.write(target, "", true))
                    .isInstanceOf(OutputFileException.class)
                    .hasMessageContaining("is inside the incident folder " + incident.toRealPath());
        }
        assertThat(Files.readString(journal)).isEqualTo("line\n");
    }

    @Test
    void aSymlinkIntoAnIncidentFolderIsSeenThrough() throws Exception {
        Path incident = Files.createDirectories(dir.resolve("incident"));
        Files.writeString(incident.resolve("incident.json"), "{}");
        Path link = Files.createSymbolicLink(dir.resolve("link"), incident);

        assertThatThrownBy(() -> OutputFiles.write(link.resolve("x.md"), "", true))
                .hasMessageContaining("inside the incident folder");
    }

    @Test
    void theInputItselfIsNeverTheOutputEvenWithForce() throws Exception {
        Path source = Files.writeString(dir.resolve("a.md"), "# plan");

        assertThatThrownBy(() -> OutputFiles.write(dir.resolve("./a.md"), "yaml", true, source))
                .hasMessage(dir.resolve("./a.md") + ": is the input " + source + " itself; write to another file");
        assertThat(Files.readString(source)).isEqualTo("# plan");
    }

    @Test
    void aMissingFolderOrAFolderAsTargetIsAClearError() throws Exception {
        Path missing = dir.resolve("nope/out.md");
        assertThatThrownBy(() -> OutputFiles.write(missing, "", false))
                .hasMessage(missing + ": the folder " + dir.resolve("nope") + " does not exist; create it first");
        assertThatThrownBy(() -> OutputFiles.write(dir, "", true)).hasMessageEndingWith("is a folder; give a file name");
        assertThat(dir.resolve("nope")).doesNotExist();
    }

    @Test
    void severalFilesAreAllCheckedBeforeAnyIsWritten() throws Exception {
        Path existing = Files.writeString(dir.resolve("b.png"), "old");

        assertThatThrownBy(() -> OutputFiles.write(List.of(OutputFiles.Output.text(dir.resolve("a.md"), "a"),
                OutputFiles.Output.text(existing, "b")), OutputFiles.DOCUMENT, false))
                .hasMessageContaining("already exists");
        assertThat(dir.resolve("a.md")).doesNotExist();
    }

    @Test
    void anUnpairedSurrogateBecomesAReplacementCharacterInsteadOfFailingTheExport() throws Exception {
        Path target = dir.resolve("note.md");

        OutputFiles.write(target, "note \ud800 end \ud83d\ude00", false);

        assertThat(Files.readString(target, StandardCharsets.UTF_8)).isEqualTo("note \uFFFD end \ud83d\ude00");
    }
}
