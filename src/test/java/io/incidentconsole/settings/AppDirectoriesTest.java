package io.incidentconsole.settings;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AppDirectoriesTest {

    private final Path home = Path.of("/home/ana");

    @Test
    void dataAndSettingsFollowXdgAndFallBackToTheHomeFolder() {
        assertThat(AppDirectories.fromEnvironment(Map.of("XDG_DATA_HOME", "/srv/data"), home, null).data())
                .isEqualTo(Path.of("/srv/data/incident-console"));
        assertThat(AppDirectories.fromEnvironment(Map.of(), home, null).data())
                .isEqualTo(Path.of("/home/ana/.local/share/incident-console"));
        assertThat(AppDirectories.fromEnvironment(Map.of(), home, null).config())
                .isEqualTo(Path.of("/home/ana/.config/incident-console"));
        assertThat(AppDirectories.fromEnvironment(Map.of("XDG_CONFIG_HOME", "/etc/xdg"), home, null).config())
                .isEqualTo(Path.of("/etc/xdg/incident-console"));
    }

    @Test
    void relativeXdgValuesAreIgnoredAsTheSpecSays() {
        assertThat(AppDirectories.fromEnvironment(Map.of("XDG_DATA_HOME", "relative/path"), home, null).data())
                .isEqualTo(Path.of("/home/ana/.local/share/incident-console"));
    }

    @Test
    void theDataDirOptionWins() {
        assertThat(AppDirectories.fromEnvironment(Map.of("XDG_DATA_HOME", "/srv/data"), home, Path.of("/tmp/x")).data())
                .isEqualTo(Path.of("/tmp/x"));
    }
}
