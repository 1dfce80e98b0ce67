package io.incidentconsole.ui.main;

import io.incidentconsole.ui.common.Theme;

import javafx.css.PseudoClass;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.List;

/**
 * What the main window shows from its first frame until the console is built into it: the console's own layout
 * (header, navigation column, status bar) in the operator's theme, with the product name and an indeterminate bar
 * where the plan's title will be. Nine nodes built in code on the palette and the frame's style sheet only: it is
 * the whole path to the first frame, which FXML, the menu bar's and the list's skins and the feature style sheets
 * are not on (docs/decisions/0004-first-frame-before-the-console.md).
 */
public final class StartupFrame {

    private static final PseudoClass FAILED = PseudoClass.getPseudoClass("failed");

    private final BorderPane root = new BorderPane();
    private final Label subtitle = new Label("Starting…");
    private final ProgressBar bar = new ProgressBar(ProgressBar.INDETERMINATE_PROGRESS);
    private final Label status = new Label("Starting the console…");

    public StartupFrame() {
        root.getStyleClass().addAll("main-window", "startup-frame");
        root.setId("startup-frame");

        Label title = new Label(MainWindowViewModel.PRODUCT_NAME);
        title.getStyleClass().add("plan-title");
        subtitle.getStyleClass().add("plan-subtitle");
        subtitle.setWrapText(true);
        bar.getStyleClass().add("plan-loading");
        bar.setPrefWidth(320);
        VBox header = new VBox(title, subtitle, bar);
        header.getStyleClass().add("console-header");
        root.setTop(header);

        Region navigation = new Region();
        navigation.getStyleClass().add("navigation");
        root.setLeft(navigation);

        status.setId("startup-status");
        HBox statusBar = new HBox(status);
        statusBar.getStyleClass().add("status-bar");
        root.setBottom(statusBar);
    }

    public Parent root() {
        return root;
    }

    /**
     * The console could not be built (a broken installation, a missing resource): says so where the plan would
     * be, instead of "Starting…" for ever. The window stays open, so the message can be read and copied down.
     */
    public void failed(String why) {
        subtitle.setText("The console could not start: " + why);
        bar.setVisible(false);
        status.setText("Start-up failed — see the message above; reinstalling Incident Console may help.");
        status.pseudoClassStateChanged(FAILED, true);
    }

    /** The style sheets this frame needs, a subset of {@link Theme#stylesheets()}: palette, then the frame's. */
    public static List<String> stylesheets(Theme theme) {
        return theme.stylesheets().subList(0, 2);
    }
}
