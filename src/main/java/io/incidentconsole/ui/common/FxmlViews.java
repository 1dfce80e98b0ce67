package io.incidentconsole.ui.common;

import javafx.fxml.FXMLLoader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;

/**
 * Loads a view's FXML from the top-level fxml/ folder. The path follows from the controller's class, so a view and
 * its FXML cannot drift apart: {@code io.incidentconsole.ui.board.PhaseBoardView} loads
 * {@code /fxml/board/PhaseBoardView.fxml} (see ADR 0013).
 */
public final class FxmlViews {

    private static final String UI_PACKAGE = "io.incidentconsole.ui.";

    private FxmlViews() {
    }

    /** The classpath location of a controller's FXML: /fxml/FEATURE/SimpleName.fxml. */
    public static String location(Class<?> controllerClass) {
        String packageName = controllerClass.getPackageName();
        if (!packageName.startsWith(UI_PACKAGE)) {
            throw new IllegalArgumentException(controllerClass.getName() + " is not in a ui feature package");
        }
        String feature = packageName.substring(UI_PACKAGE.length()).replace('.', '/');
        return "/fxml/" + feature + "/" + controllerClass.getSimpleName() + ".fxml";
    }

    /** Loads the controller's FXML with the given, already constructed controller (constructor injection). */
    public static <T> T load(Object controller) {
        String path = location(controller.getClass());
        URL location = FxmlViews.class.getResource(path);
        if (location == null) {
            throw new IllegalStateException("missing view " + path);
        }
        FXMLLoader loader = new FXMLLoader(location);
        loader.setController(controller);
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load view " + path, e);
        }
    }
}
