package io.incidentconsole.ui.board;

import io.incidentconsole.board.CriterionCheck;
import io.incidentconsole.ui.common.AreaView;
import io.incidentconsole.ui.common.FocusScrolling;
import io.incidentconsole.ui.common.FxmlViews;
import io.incidentconsole.ui.incident.IncidentSession;
import io.incidentconsole.ui.plan.OutlineRenderer;
import io.incidentconsole.ui.team.TeamSession;

import io.incidentconsole.plan.Phase;
import io.incidentconsole.plan.Plan;
import io.incidentconsole.plan.PlanIssue;
import io.incidentconsole.plan.outline.Block;
import io.incidentconsole.plan.outline.PlanOutline;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ChangeListener;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The phase board: phases grouped by issue, with gates, tasks and the live status tracking table. */
public final class PhaseBoardView implements AreaView {

    private static final PseudoClass STALE = PseudoClass.getPseudoClass("stale");

    private final PhaseBoardViewModel model;
    private final IncidentSession session;
    private final Map<String, PhaseCardNode> cards = new LinkedHashMap<>();
    /** The status table as last drawn (null: none yet). */
    private Block.Table shownTable;
    private final ChangeListener<PhaseBoardViewModel.Board> boardChanged = (obs, old, board) -> show(old, board);
    private final TeamSession team;
    private final ChangeListener<Map<String, CriterionCheck>> checksChanged =
            (obs, old, checks) -> cards.values().forEach(card -> card.showChecks(checks));
    private final ChangeListener<TeamSession.Team> teamChanged = (obs, old, now) -> showPresence(now);
    private final Tooltip presenceHosts = new Tooltip();
    private Plan built;

    @FXML
    private ScrollPane scroller;
    @FXML
    private Label noIncident;
    @FXML
    private Button copyTable;
    @FXML
    private StackPane statusTableHolder;
    @FXML
    private Button statusToggle;
    @FXML
    private VBox groups;
    @FXML
    private Label presence;
    @FXML
    private Label notice;

    /** {@code team}: who else has the incident open, shown above the board for a team incident. */
    public PhaseBoardView(PhaseBoardViewModel model, IncidentSession session, TeamSession team) {
        this.model = model;
        this.session = session;
        this.team = team;
        FxmlViews.load(this);
        scroller.setId("phase-board");
        presence.setId("team-presence");
        presence.setTooltip(presenceHosts);
        notice.setId("board-notice");
        notice.textProperty().bind(model.noticeProperty());
        notice.visibleProperty().bind(model.noticeProperty().isNotEmpty());
        notice.managedProperty().bind(notice.visibleProperty());
        statusToggle.setId("status-table-toggle");
        statusToggle.textProperty().bind(Bindings.when(model.statusTableShownProperty())
                .then("Hide table").otherwise("Show table"));
        statusTableHolder.visibleProperty().bind(model.statusTableShownProperty());
        statusTableHolder.managedProperty().bind(model.statusTableShownProperty());
        FocusScrolling.follow(scroller);
    }

    @FXML
    private void onToggleStatusTable() {
        model.toggleStatusTable();
    }

    private void showPresence(TeamSession.Team now) {
        presence.setVisible(now != null);
        presence.setManaged(now != null);
        presence.setText(now == null ? "" : now.presenceText());
        // Offline or read-only, the list is only what the database last said: shown muted.
        presence.pseudoClassStateChanged(STALE, now != null && !now.status().isOnline());
        presenceHosts.setText(now == null ? "" : now.presenceDetails());
    }

    private void show(PhaseBoardViewModel.Board old, PhaseBoardViewModel.Board board) {
        if (board == null) {
            groups.getChildren().clear();
            cards.clear();
            built = null;
            return;
        }
        if (board.plan() != built) {
            build(board.plan());
        }
        noIncident.setVisible(!board.live());
        noIncident.setManaged(!board.live());
        copyTable.setDisable(!board.live());
        Block.Table table = board.live() ? board.statusTable() : PlanOutline.statusTableOf(board.plan());
        // Built again only when it says something else: a new table is ~50 nodes to style and lay out, and the
        // board is shown again after every tick.
        if (!table.equals(shownTable)) {
            statusTableHolder.getChildren().setAll(OutlineRenderer.table(table));
            shownTable = table;
        }
        boolean writable = session.writableBinding().get();
        for (PhaseBoardViewModel.Card card : board.cards()) {
            cards.get(card.phase().id()).update(card, board.live(), writable);
            cards.get(card.phase().id()).showChecks(model.checksProperty().get());
        }
    }

    private void build(Plan plan) {
        built = plan;
        cards.clear();
        groups.getChildren().clear();
        // Most urgent issue first: at 3 a.m. the critical one is the one being worked.
        List<PlanIssue> issues = plan.issues().stream()
                .sorted(Comparator.comparing(i -> i.priority() == null ? Integer.MAX_VALUE : i.priority().ordinal()))
                .toList();
        for (PlanIssue issue : issues) {
            List<Phase> phases = plan.phasesOf(issue.id());
            if (phases.isEmpty()) {
                continue;
            }
            Label heading = new Label("Issue " + issue.label() + " — " + issue.title()
                    + (issue.priority() == null ? "" : "  (" + issue.priority() + ")"));
            heading.getStyleClass().add("issue-heading");
            groups.getChildren().add(heading);
            for (Phase phase : phases) {
                if (!cards.containsKey(phase.id())) {
                    PhaseCardNode card = new PhaseCardNode(model, plan, phase);
                    cards.put(phase.id(), card);
                    groups.getChildren().add(card.root());
                }
            }
        }
        for (Phase phase : plan.phases()) {
            if (!cards.containsKey(phase.id())) {
                PhaseCardNode card = new PhaseCardNode(model, plan, phase);
                cards.put(phase.id(), card);
                groups.getChildren().add(card.root());
            }
        }
    }

    @FXML
    private void onCopyTable() {
        ClipboardContent content = new ClipboardContent();
        content.putString(model.statusTableMarkdown());
        Clipboard.getSystemClipboard().setContent(content);
    }

    /**
     * Space ticks at once: the first open task or criterion of the most urgent card, one of a phase under way before
     * one of a phase not started (whose tasks are refused until it is).
     */
    @Override
    public void focusFirstControl() {
        CheckBox fallback = null;
        for (Node box : groups.lookupAll(".check-box")) {
            if (box instanceof CheckBox check && !check.isDisabled() && !check.isSelected()
                    && check.isVisible()) {
                if (inRunningCard(check)) {
                    check.requestFocus();
                    return;
                }
                if (fallback == null) {
                    fallback = check;
                }
            }
        }
        if (fallback != null) {
            fallback.requestFocus();
        } else {
            scroller.requestFocus();
        }
    }

    private static boolean inRunningCard(Node node) {
        for (Node at = node; at != null; at = at.getParent()) {
            if (at.getStyleClass().contains("phase-card")) {
                return at.getPseudoClassStates().contains(PhaseCardNode.RUNNING);
            }
        }
        return false;
    }

    @Override
    public Node root() {
        return scroller;
    }

    @Override
    public void activate() {
        model.boardProperty().addListener(boardChanged);
        model.checksProperty().addListener(checksChanged);
        team.teamProperty().addListener(teamChanged);
        showPresence(team.teamProperty().get());
        model.activate();
        show(null, model.boardProperty().get());
    }

    @Override
    public void deactivate() {
        model.boardProperty().removeListener(boardChanged);
        model.checksProperty().removeListener(checksChanged);
        team.teamProperty().removeListener(teamChanged);
        model.deactivate();
    }
}
