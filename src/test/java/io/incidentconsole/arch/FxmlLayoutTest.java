package io.incidentconsole.arch;

import io.incidentconsole.ui.common.FxmlViews;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 21: the FXML files mirror the ui feature packages and are named after their view class, so that
 * {@link FxmlViews#load} finds each one from its controller and nobody has to guess which file a view loads.
 */
class FxmlLayoutTest {

    private static final Path FXML = Path.of("fxml");

    @Test
    void everyFxmlFileIsNamedAfterAViewClassInItsFeaturePackage() throws IOException {
        List<String> orphans;
        try (Stream<Path> files = Files.walk(FXML)) {
            orphans = files.filter(p -> p.toString().endsWith(".fxml"))
                    .map(p -> FXML.relativize(p).toString().replace('\\', '/'))
                    .filter(relative -> !hasController(relative))
                    .collect(Collectors.toList());
        }
        assertThat(orphans).as("FXML files without a class io.incidentconsole.ui.<feature>.<Name>").isEmpty();
    }

    @Test
    void noFxmlFileLiesOutsideAFeatureFolder() throws IOException {
        try (Stream<Path> files = Files.list(FXML)) {
            assertThat(files.filter(Files::isRegularFile).map(Path::toString)).isEmpty();
        }
    }

    @Test
    void aViewsLocationFollowsItsPackageAndName() throws ClassNotFoundException {
        assertThat(FxmlViews.location(Class.forName("io.incidentconsole.ui.board.PhaseBoardView")))
                .isEqualTo("/fxml/board/PhaseBoardView.fxml");
    }

    private static boolean hasController(String relative) {
        String className = "io.incidentconsole.ui." + relative.substring(0, relative.length() - ".fxml".length())
                .replace('/', '.');
        try {
            Class.forName(className, false, FxmlLayoutTest.class.getClassLoader());
            return FxmlLayoutTest.class.getResource("/fxml/" + relative) != null;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
