package io.incidentconsole.ui.team;

import io.incidentconsole.drill.Drills;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableBooleanValue;
import io.incidentconsole.team.TeamConnectionStatus;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;

/**
 * The header chip of a team incident: online with the number of consoles, offline with the queue, or read-only
 * on the last synced state (saying so, in the chip itself, once the database answers again). Hidden for a local
 * incident.
 */
public final class TeamStatusChip extends Label {

    private static final PseudoClass OFFLINE = PseudoClass.getPseudoClass("offline");
    private static final PseudoClass READ_ONLY = PseudoClass.getPseudoClass("read-only");
    private static final PseudoClass DATABASE_BACK = PseudoClass.getPseudoClass("database-back");

    private final Tooltip details = new Tooltip();
    private final ObservableBooleanValue drill;

    public TeamStatusChip(TeamSession team) {
        this(team, new SimpleBooleanProperty(false));
    }

    /** {@code drill}: the team's incident is a drill; the chip says DRILL first, like every other header part. */
    public TeamStatusChip(TeamSession team, ObservableBooleanValue drill) {
        this.drill = drill;
        getStyleClass().add("team-chip");
        setId("team-status");
        setTooltip(details);
        team.teamProperty().addListener((obs, old, now) -> show(now));
        drill.addListener((obs, was, now) -> show(team.teamProperty().get()));
        show(team.teamProperty().get());
    }

    private void show(TeamSession.Team team) {
        setVisible(team != null);
        setManaged(team != null);
        if (team == null) {
            setText("");
            return;
        }
        setText(Drills.prefix(drill.get()) + team.chipText());
        details.setText(team.chipDetails());
        pseudoClassStateChanged(OFFLINE, team.status().state() == TeamConnectionStatus.State.OFFLINE);
        pseudoClassStateChanged(READ_ONLY, team.status().state() == TeamConnectionStatus.State.READ_ONLY);
        pseudoClassStateChanged(DATABASE_BACK, team.status().databaseBack());
    }
}
