package io.incidentconsole.ui;

import javafx.fxml.FXMLLoader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;

/** Loads a view's FXML from the top-level fxml/ folder (on the classpath as /fxml/NAME.fxml). */
public final class FxmlViews {

    private FxmlViews() {
    }

    /** Loads NAME.fxml with the given, already constructed controller (constructor injection). */
    public static <T> T load(String name, Object controller) {
        URL location = FxmlViews.class.getResource("/fxml/" + name + ".fxml");
        if (location == null) {
            throw new IllegalStateException("missing view /fxml/" + name + ".fxml");
        }
        FXMLLoader loader = new FXMLLoader(location);
        loader.setController(controller);
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load view " + name, e);
        }
    }
}
