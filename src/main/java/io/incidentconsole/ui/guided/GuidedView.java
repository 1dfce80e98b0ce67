package io.incidentconsole.ui.guided;

import io.incidentconsole.guided.WatchReading;
import io.incidentconsole.plan.Phase;
import io.incidentconsole.ui.common.AreaView;
import io.incidentconsole.ui.common.FocusScrolling;
import io.incidentconsole.ui.common.FxmlViews;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.value.ChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.incidentconsole.ui.guided.GuidedNodes.isInside;
import static io.incidentconsole.ui.guided.GuidedNodes.show;

/**
 * Guided mode: one step at a time in large type, with the phase's audit gate, the plan's decisions and the
 * approvals to sign below, each drawn by its pane. Rebuilt from the view model when the incident changes; the
 * focused control (found again by its id) keeps the focus, so the operator can work from the keyboard alone.
 */
public final class GuidedView implements AreaView {

    private final GuidedViewModel model;
    private final ChangeListener<GuidedViewModel.Page> pageChanged = (obs, old, page) -> onPage(page);
    private final ChangeListener<Map<String, WatchReading>> watchChanged = (obs, old, now) -> showWatch(now);
    private final Timeline ticker = new Timeline(new KeyFrame(Duration.seconds(1), e -> tick()));
    private final GuidedStepPane steps;
    private final GuidedAuditPane audit;
    private final GuidedDecisionPane decisions;
    private final GuidedSignOffPane signOff;
    private boolean focusNextWhenRendered;
    private boolean choosing;
    private boolean swallowTyped;

    @FXML
    private ScrollPane scroller;
    @FXML
    private VBox body;
    @FXML
    private ComboBox<Phase> phaseChoice;
    @FXML
    private Label noIncident;
    @FXML
    private VBox stepList;
    @FXML
    private VBox stepBox;
    @FXML
    private VBox decisionsBox;
    @FXML
    private VBox signOffBox;

    public GuidedView(GuidedViewModel model) {
        this.model = model;
        FxmlViews.load(this);
        steps = new GuidedStepPane(model, stepList, stepBox, this::onNext);
        audit = new GuidedAuditPane(model.auditModel());
        decisions = new GuidedDecisionPane(model.decisionModel(), decisionsBox);
        signOff = new GuidedSignOffPane(model.signOffModel(), signOffBox);
        body.getChildren().add(body.getChildren().indexOf(decisionsBox), audit.root());
        scroller.setId("guided-mode");
        phaseChoice.setId("guided-phase-choice");
        phaseChoice.setCellFactory(list -> new PhaseCell());
        phaseChoice.setButtonCell(new PhaseCell());
        phaseChoice.valueProperty().addListener((obs, old, phase) -> {
            if (!choosing && phase != null) {
                model.open(phase.id());
            }
        });
        ticker.setCycleCount(Timeline.INDEFINITE);
        // Enter is taken before the focused control sees it (a check box would swallow it); text fields keep it
        // and hand it on when they have no action of their own, which the handler then takes.
        scroller.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER && !(e.getTarget() instanceof TextInputControl)) {
                onKey(e);
            }
        });
        scroller.addEventHandler(KeyEvent.KEY_PRESSED, this::onKey);
        // X moves the focus into the reason field on key press; the letter it types must not land there.
        scroller.addEventFilter(KeyEvent.KEY_TYPED, e -> {
            if (swallowTyped) {
                swallowTyped = false;
                e.consume();
            }
        });
        FocusScrolling.follow(scroller);
    }

    /** Enter moves to the next step at once: the focus sits on Next (or on the page when there is none). */
    @Override
    public void focusFirstControl() {
        Node next = scroller.getContent().lookup("#guided-next");
        if (next != null && !next.isDisabled() && next.isVisible() && next.getScene() != null) {
            next.requestFocus();
        } else {
            // Not drawn yet (first visit): Next takes the focus when the page is rendered.
            scroller.requestFocus();
            focusNextWhenRendered = true;
        }
    }

    @Override
    public Node root() {
        return scroller;
    }

    @Override
    public void activate() {
        model.pageProperty().addListener(pageChanged);
        model.watchProperty().addListener(watchChanged);
        model.activate();
        onPage(model.pageProperty().get());
        ticker.play();
    }

    @Override
    public void deactivate() {
        ticker.stop();
        model.pageProperty().removeListener(pageChanged);
        model.watchProperty().removeListener(watchChanged);
        model.deactivate();
    }

    private void onPage(GuidedViewModel.Page page) {
        steps.pageChanged(page);
        render(page);
    }

    private void render(GuidedViewModel.Page page) {
        Node focused = scroller.getScene() == null ? null : scroller.getScene().getFocusOwner();
        boolean focusedInside = focused != null && isInside(focused, scroller);
        String focusedId = focusedInside ? focused.getId() : null;
        if (page == null) {
            steps.clear();
            List.of(audit.root(), decisionsBox, signOffBox).forEach(b -> show(b, false));
            return;
        }
        choosing = true;
        try {
            phaseChoice.getItems().setAll(page.plan().phases());
            phaseChoice.setValue(page.phase());
        } finally {
            choosing = false;
        }
        show(noIncident, !page.live());
        steps.render(page);
        audit.render(page);
        decisions.render(page);
        signOff.render(page);
        if (focusedInside || focusNextWhenRendered) {
            // Re-rendering replaced the focused control: keep the focus here, or it falls to the header's links.
            focusNextWhenRendered = false;
            Node again = focusedId == null ? null : scroller.getContent().lookup("#" + focusedId);
            Node target = again != null && !again.isDisabled() ? again : scroller.getContent().lookup("#guided-next");
            if (target != null) {
                target.requestFocus();
            }
        }
    }

    private void showWatch(Map<String, WatchReading> readings) {
        steps.showWatch(readings);
    }


    private void tick() {
        if (steps.waitPane().tick()) {
            render(model.pageProperty().get());
        }
    }

    private void onKey(KeyEvent e) {
        if (e.isControlDown() || e.isAltDown() || e.isMetaDown() || e.isShortcutDown()) {
            return;
        }
        boolean typing = e.getTarget() instanceof TextInputControl;
        switch (e.getCode()) {
            case ENTER -> {
                if (e.getTarget() instanceof Node node && (isInside(node, stepBox) || node == scroller)
                        && !(e.getTarget() instanceof TextArea) && !e.isConsumed()) {
                    e.consume();
                    onNext();
                }
            }
            case C -> {
                if (!typing) {
                    e.consume();
                    steps.commandPane().copy();
                }
            }
            case W -> {
                if (!typing) {
                    e.consume();
                    model.somethingWrong();
                }
            }
            case S -> {
                if (!typing) {
                    e.consume();
                    model.startWait();
                }
            }
            case X -> {
                if (!typing) {
                    e.consume();
                    focusCutShortReason();
                }
            }
            default -> {
            }
        }
    }

    private void focusCutShortReason() {
        Node reason = scroller.getContent().lookup("#guided-cut-reason");
        if (reason != null) {
            swallowTyped = true;
            reason.requestFocus();
        }
    }

    private void onNext() {
        Optional<String> problem = model.next();
        steps.showMessage(problem.orElse(""));
        Node next = scroller.getContent().lookup("#guided-next");
        if (next != null && (scroller.getScene() == null || !isInside(scroller.getScene().getFocusOwner(), stepBox))) {
            next.requestFocus();
        }
    }

    /** A phase in the chooser: "#330 2: Package Updates". */
    private static final class PhaseCell extends ListCell<Phase> {
        @Override
        protected void updateItem(Phase phase, boolean empty) {
            super.updateItem(phase, empty);
            setText(empty || phase == null ? null : String.join(", ", phase.issues().stream().map(i -> "#" + i).toList())
                    + " " + phase.label());
        }
    }
}
