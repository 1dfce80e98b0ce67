package io.incidentconsole.ui;

import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/** The console's own dialogs: themed like the main window, modal to it, and findable by name in tests. */
final class DialogStages {

    /** The stage property that names a dialog, e.g. "plan-problems". */
    static final String NAME = "incident-console.dialog";

    private DialogStages() {
    }

    static Stage create(Parent root, Window owner, Theme theme, String title, String name) {
        Stage stage = new Stage();
        Scene scene = new Scene(root);
        theme.applyTo(scene);
        stage.setScene(scene);
        stage.setTitle(title);
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.getProperties().put(NAME, name);
        return stage;
    }
}
