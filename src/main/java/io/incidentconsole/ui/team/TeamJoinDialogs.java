package io.incidentconsole.ui.team;

import io.incidentconsole.ui.main.MainWindowView;
import io.incidentconsole.ui.main.MainWindowViewModel;

import javafx.stage.Window;

import java.util.function.Supplier;

/**
 * Opens the join-a-team-incident dialog (File → Join Team Incident…), and carries out `--incident-db` at start-up:
 * connect and join (or start) without asking, showing the dialog, with the reason, only when that fails or the
 * operator must say who they are. The console stays on the plan meanwhile.
 */
public final class TeamJoinDialogs {

    private final Supplier<TeamJoinViewModel> models;
    private final MainWindowView view;
    private final MainWindowViewModel main;

    public TeamJoinDialogs(Supplier<TeamJoinViewModel> models, MainWindowView view, MainWindowViewModel main) {
        this.models = models;
        this.view = view;
        this.main = main;
        view.joinTeamItem().setOnAction(e -> show());
    }

    public void show() {
        show(models.get());
    }

    private void show(TeamJoinViewModel model) {
        new TeamJoinView(model, window(), main.themeProperty().get()).show();
    }

    /** `--incident-db ADDRESS [--incident ID]`: joins ID, or starts a new shared incident from the open plan. */
    public void launch(String address, String incidentId) {
        TeamJoinViewModel model = models.get();
        if (!model.launch(address, incidentId)) {
            show(model);
            return;
        }
        if (model.failedProperty().get()) {
            show(model);
            return;
        }
        model.failedProperty().addListener((obs, was, failed) -> {
            if (failed && !model.doneProperty().get()) {
                show(model);
            }
        });
    }

    private Window window() {
        return view.root().getScene() == null ? null : view.root().getScene().getWindow();
    }
}
