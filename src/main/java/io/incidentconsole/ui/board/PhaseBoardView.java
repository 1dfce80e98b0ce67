package io.incidentconsole.ui.board;

import io.incidentconsole.board.CriterionCheck;
import io.incidentconsole.ui.common.AreaView;
import io.incidentconsole.ui.common.FocusScrolling;
import io.incidentconsole.ui.common.FxmlViews;
import io.incidentconsole.ui.common.MeasuredOncePane;
import io.incidentconsole.ui.incident.IncidentSession;
import io.incidentconsole.ui.plan.OutlineRenderer;
import io.incidentconsole.ui.team.TeamSession;

import io.incidentconsole.plan.Phase;
import io.incidentconsole.plan.Plan;
import io.incidentconsole.plan.PlanIssue;
import io.incidentconsole.plan.outline.Block;
import io.incidentconsole.plan.outline.PlanOutline;
import io.incidentconsole.board.PhaseGates.Availability;
import javafx.animation.AnimationTimer;
import javafx.beans.binding.Bindings;
import javafx.geometry.Bounds;
import javafx.beans.value.ChangeListener;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The phase board: phases grouped by issue, with gates, tasks and the live status tracking table.
 *
 * <p>A card is built when it comes within a screen of the viewport (the first {@link #CARDS_BUILT_AT_ONCE} at
 * once): a card is ~40 controls, and a board of hundreds of phases built whole took half a minute and a gigabyte,
 * with the window frozen. Until then its phase has an empty slot of about its height.
 */
public final class PhaseBoardView implements AreaView {

    private static final PseudoClass STALE = PseudoClass.getPseudoClass("stale");
    /** As many as a plan written by hand has: such a board is built whole, as it always was. */
    static final int CARDS_BUILT_AT_ONCE = 20;
    /** Rows of the status table drawn until the operator asks for all: hundreds took seconds to style and lay out. */
    static final int STATUS_ROWS_AT_FIRST = 100;

    private final PhaseBoardViewModel model;
    private final IncidentSession session;
    /** The cards built so far, by phase id. */
    private final Map<String, PhaseCardNode> cards = new HashMap<>();
    /** Every phase's place on the board, in board order: its card once built, an empty slot till then. */
    private final Map<String, MeasuredOncePane> slots = new LinkedHashMap<>();
    /** What the board last said of each phase, for a card built later. */
    private final Map<String, PhaseBoardViewModel.Card> shownCards = new HashMap<>();
    private boolean shownLive;
    private final AnimationTimer fillViewport = new AnimationTimer() {
        @Override
        public void handle(long now) {
            buildCardsNearViewport();
        }
    };
    private final ChangeListener<Object> viewportMoved = (obs, old, now) -> fillViewportNextPulse();
    /** The status table as last drawn (null: none yet). */
    private Block.Table shownTable;
    /** Whether the operator asked for every row of a long status table. */
    private boolean allStatusRows;
    private final ChangeListener<PhaseBoardViewModel.Board> boardChanged = (obs, old, board) -> show(old, board);
    private final TeamSession team;
    private final ChangeListener<Map<String, CriterionCheck>> checksChanged = (obs, old, checks) -> {
        markCardsOnScreen();
        cards.values().forEach(card -> card.showChecks(checks));
    };
    private final ChangeListener<TeamSession.Team> teamChanged = (obs, old, now) -> showPresence(now);
    private final Tooltip presenceHosts = new Tooltip();
    private Plan built;

    @FXML
    private VBox area;
    @FXML
    private ScrollPane scroller;
    @FXML
    private Label noIncident;
    @FXML
    private Button copyTable;
    @FXML
    private MeasuredOncePane statusTableHolder;
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
        statusTableHolder.setId("status-table-holder");
        statusToggle.textProperty().bind(Bindings.when(model.statusTableShownProperty())
                .then("Hide table").otherwise("Show table"));
        statusTableHolder.visibleProperty().bind(model.statusTableShownProperty());
        statusTableHolder.managedProperty().bind(model.statusTableShownProperty());
        model.statusTableShownProperty().addListener((obs, was, shown) -> showStatusTable(model.boardProperty().get()));
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
            slots.clear();
            shownCards.clear();
            built = null;
            fillViewport.stop();
            return;
        }
        if (board.plan() != built) {
            allStatusRows = false;
            build(board.plan());
        }
        noIncident.setVisible(!board.live());
        noIncident.setManaged(!board.live());
        copyTable.setDisable(!board.live());
        showStatusTable(board);
        shownLive = board.live();
        shownCards.clear();
        for (PhaseBoardViewModel.Card card : board.cards()) {
            shownCards.put(card.phase().id(), card);
            PhaseCardNode node = cards.get(card.phase().id());
            if (node != null) {
                showCard(node, card);
            }
        }
    }

    /**
     * Built only while it is shown, and again only when it says something else: a table is ~10 nodes a phase to style
     * and lay out (seconds for a plan of hundreds), and the board is shown again after every tick.
     */
    private void showStatusTable(PhaseBoardViewModel.Board board) {
        if (board == null || !model.statusTableShownProperty().get()) {
            return;
        }
        Block.Table table = board.live() ? board.statusTable() : PlanOutline.statusTableOf(board.plan());
        if (!table.equals(shownTable)) {
            statusTableHolder.getChildren().setAll(statusTableNode(table));
            shownTable = table;
        }
    }

    /** The table, or its first rows and a button that shows them all. */
    private Node statusTableNode(Block.Table table) {
        int rows = table.rows().size();
        if (allStatusRows || rows <= STATUS_ROWS_AT_FIRST) {
            return OutlineRenderer.table(table);
        }
        Block.Table first = new Block.Table(table.headers(), table.rows().subList(0, STATUS_ROWS_AT_FIRST),
                table.statusColumn());
        Button all = new Button(String.format(Locale.ROOT, "Show all %,d phases (%,d more)", rows,
                rows - STATUS_ROWS_AT_FIRST));
        all.setId("status-table-all");
        all.setOnAction(e -> {
            allStatusRows = true;
            statusTableHolder.getChildren().setAll(OutlineRenderer.table(shownTable));
        });
        return new VBox(8, OutlineRenderer.table(first), all);
    }

    private void showCard(PhaseCardNode node, PhaseBoardViewModel.Card card) {
        node.update(card, shownLive, session.writableBinding().get());
        node.showChecks(model.checksProperty().get());
    }

    private void build(Plan plan) {
        built = plan;
        cards.clear();
        slots.clear();
        shownCards.clear();
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
            phases.forEach(this::addSlot);
        }
        plan.phases().forEach(this::addSlot);
        slots.keySet().stream().limit(CARDS_BUILT_AT_ONCE).toList().forEach(this::buildCard);
        fillViewportNextPulse();
    }

    private void addSlot(Phase phase) {
        if (slots.containsKey(phase.id())) {
            return;
        }
        // Measured once: a tick changes one card, and the others need not be measured again (MeasuredOncePane).
        MeasuredOncePane slot = new MeasuredOncePane();
        slot.getStyleClass().add("phase-card-slot");
        // Roughly a card's height, so that the scroll bar says about how long the board is.
        slot.setMinHeight(110 + 30.0 * (phase.tasks().size() + phase.successCriteria().size()));
        slots.put(phase.id(), slot);
        groups.getChildren().add(slot);
    }

    private PhaseCardNode buildCard(String phaseId) {
        PhaseCardNode card = cards.get(phaseId);
        if (card != null) {
            return card;
        }
        card = new PhaseCardNode(model, built, built.phase(phaseId).orElseThrow());
        cards.put(phaseId, card);
        MeasuredOncePane slot = slots.get(phaseId);
        slot.setMinHeight(Region.USE_COMPUTED_SIZE);
        slot.getChildren().setAll(card.root());
        PhaseBoardViewModel.Card shown = shownCards.get(phaseId);
        if (shown != null) {
            showCard(card, shown);
        }
        return card;
    }

    private void fillViewportNextPulse() {
        if (built != null) {
            // Next pulse: by then the slots have been laid out where they are. (With every card built, it still tells
            // the cards that came on screen to show their live checks.)
            fillViewport.start();
        }
    }

    /**
     * Builds the cards within a screen above or below the viewport, then puts back what the operator was looking at
     * where it was: cards built above it grow the board above it.
     */
    private void buildCardsNearViewport() {
        fillViewport.stop();
        if (built == null || scroller.getScene() == null) {
            return;
        }
        // This pulse's layout, done now (and not again by the pulse unless cards are built): where the slots are
        // depends on it.
        layOutScene();
        Bounds view = scroller.localToScene(scroller.getLayoutBounds());
        double margin = view.getHeight();
        Node anchor = groups.getChildren().stream()
                .filter(child -> child.localToScene(child.getLayoutBounds()).getMaxY() > view.getMinY())
                .findFirst().orElse(null);
        double anchorWas = anchor == null ? 0 : anchor.localToScene(0, 0).getY();
        boolean builtAny = false;
        for (Map.Entry<String, MeasuredOncePane> slot : slots.entrySet()) {
            if (cards.containsKey(slot.getKey())) {
                continue;
            }
            Bounds at = slot.getValue().localToScene(slot.getValue().getLayoutBounds());
            if (at.getMaxY() >= view.getMinY() - margin && at.getMinY() <= view.getMaxY() + margin) {
                buildCard(slot.getKey());
                builtAny = true;
            }
        }
        if (builtAny && anchor != null) {
            keepInPlace(anchor, anchorWas);
        }
        markCardsOnScreen();
    }

    /** Tells each card where the screen is (as the last layout put it): its live checks off screen wait. */
    private void markCardsOnScreen() {
        if (scroller.getScene() == null) {
            return;
        }
        Bounds view = scroller.localToScene(scroller.getLayoutBounds());
        cards.values().forEach(card -> card.setScreen(view));
    }

    private void layOutScene() {
        Parent root = scroller.getScene().getRoot();
        root.applyCss();
        root.layout();
    }

    private void keepInPlace(Node anchor, double sceneY) {
        layOutScene();
        Node content = scroller.getContent();
        double range = content.getLayoutBounds().getHeight() - scroller.getViewportBounds().getHeight();
        if (range <= 0) {
            return;
        }
        double topNow = scroller.getVvalue() * range;
        double moved = anchor.localToScene(0, 0).getY() - sceneY;
        scroller.setVvalue(Math.max(0, Math.min(1, (topNow + moved) / range)));
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
        shownCards.values().stream()
                .filter(card -> card.availability() == Availability.RUNNING)
                .forEach(card -> buildCard(card.phase().id()));
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
        return area;
    }

    @Override
    public void activate() {
        model.boardProperty().addListener(boardChanged);
        model.checksProperty().addListener(checksChanged);
        team.teamProperty().addListener(teamChanged);
        showPresence(team.teamProperty().get());
        scroller.vvalueProperty().addListener(viewportMoved);
        scroller.viewportBoundsProperty().addListener(viewportMoved);
        model.activate();
        show(null, model.boardProperty().get());
        fillViewportNextPulse();
    }

    @Override
    public void deactivate() {
        model.boardProperty().removeListener(boardChanged);
        model.checksProperty().removeListener(checksChanged);
        team.teamProperty().removeListener(teamChanged);
        scroller.vvalueProperty().removeListener(viewportMoved);
        scroller.viewportBoundsProperty().removeListener(viewportMoved);
        fillViewport.stop();
        model.deactivate();
    }
}
