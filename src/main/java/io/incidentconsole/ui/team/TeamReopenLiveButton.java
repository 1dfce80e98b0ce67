package io.incidentconsole.ui.team;

import io.incidentconsole.incident.Incident;
import javafx.beans.binding.Bindings;
import javafx.css.PseudoClass;
import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;

import java.util.function.Consumer;

/**
 * Next to a READ-ONLY team chip: opens the incident again, live if the database answers now. Shown only while the
 * open incident is a read-only team copy joined in this console; once the database answers again it stands out (the
 * chip says "database is back" beside it); after a try that found it still unreachable, it says so and offers to try
 * again.
 */
public final class TeamReopenLiveButton extends Button {

    private static final PseudoClass DATABASE_BACK = PseudoClass.getPseudoClass("database-back");

    public TeamReopenLiveButton(TeamSession team, Consumer<Incident> opened) {
        setId("team-reopen-live");
        getStyleClass().add("team-reopen-live");
        team.databaseBackProperty().addListener((obs, was, back) -> pseudoClassStateChanged(DATABASE_BACK, back));
        pseudoClassStateChanged(DATABASE_BACK, team.databaseBackProperty().get());
        visibleProperty().bind(team.canReopenLiveProperty());
        managedProperty().bind(team.canReopenLiveProperty());
        disableProperty().bind(team.reopeningProperty());
        textProperty().bind(Bindings.when(team.reopeningProperty()).then("Reopening…")
                .otherwise(Bindings.when(team.reopenProblemProperty().isEmpty()).then("Reopen live")
                        .otherwise("Still unreachable — try again")));
        Tooltip why = new Tooltip();
        why.textProperty().bind(Bindings.when(team.reopenProblemProperty().isEmpty())
                .then("Open this incident again, live, if the team database answers now")
                .otherwise(team.reopenProblemProperty()));
        setTooltip(why);
        setOnAction(e -> team.reopenLive(opened));
    }
}
