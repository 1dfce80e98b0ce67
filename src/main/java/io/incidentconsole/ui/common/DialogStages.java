package io.incidentconsole.ui.common;

import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.stage.WindowEvent;

/** The console's own dialogs: themed like the main window, modal to it, and findable by name in tests. */
public final class DialogStages {

    /** The stage property that names a dialog, e.g. "plan-problems". */
    public static final String NAME = "incident-console.dialog";

    private DialogStages() {
    }

    public static Stage create(Parent root, Window owner, Theme theme, String title, String name) {
        Stage stage = new Stage();
        Scene scene = new Scene(root);
        theme.applyTo(scene);
        stage.setScene(scene);
        stage.setTitle(title);
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.getProperties().put(NAME, name);
        DialogKeys.escapeFromListsPressesCancel(scene);
        if (owner != null) {
            // Keys go to the console again at once when a dialog closes: without this, the first shortcut after the
            // incident dialog was lost on desktops that do not hand the focus back to the owner window.
            stage.addEventHandler(WindowEvent.WINDOW_HIDDEN, e -> owner.requestFocus());
        }
        return stage;
    }
}
