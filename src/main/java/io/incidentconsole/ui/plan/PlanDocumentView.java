package io.incidentconsole.ui.plan;

import io.incidentconsole.ui.common.AreaView;
import io.incidentconsole.ui.common.FocusScrolling;
import io.incidentconsole.ui.common.FxmlViews;

import io.incidentconsole.plan.outline.Block;
import io.incidentconsole.plan.outline.OutlineSection;
import javafx.animation.AnimationTimer;
import javafx.beans.value.ChangeListener;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.VBox;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;

/**
 * The readable plan, or the part of it one area shows. A whole plan is hundreds of labels and dozens of code blocks,
 * and styling and laying them out at once held the console's first frame with a plan for over a second; so the
 * first frame gets what fills the screen (by {@link DrawnHeights}' estimate, a little over a screenful) and the rest
 * goes in about a screenful and a half per pulse in the frames after it. Batches are cut between blocks, not sections: a
 * section can run far below the screen (the bundled plan's second has eight code blocks), and those are what cost
 * most (issue #22, goal 1). While batches are still to come the body has the {@code :rendering} pseudo-class.
 */
public final class PlanDocumentView implements AreaView {

    /**
     * The first batch fills this many screens, by an estimate that errs short: the first frame is full and can be
     * scrolled at once (MainWindowTest), and nothing far below it holds that frame back.
     */
    static final double FIRST_SCREENS = 1.2;
    /**
     * Each later batch: about what 30 blocks of the bundled plan were, so the pulses that bring the rest stay short
     * while the operator types a name into the incident dialog over them (2.5 screens made them a third longer).
     */
    static final double LATER_SCREENS = 1.5;
    /** The console's default window, for a document not yet in one. */
    private static final double DEFAULT_WIDTH = 1360;
    private static final double DEFAULT_HEIGHT = 880;
    private static final double MIN_SCREEN_HEIGHT = 400;
    public static final PseudoClass RENDERING = PseudoClass.getPseudoClass("rendering");

    private final PlanDocumentViewModel model;
    private final ListChangeListener<OutlineSection> sectionsChanged = change -> render();
    /** What is still to go in: a section's title (block null), then each of its blocks. */
    private final Deque<Piece> toRender = new ArrayDeque<>();
    /** The section the next blocks go into. */
    private VBox openSection;
    /**
     * Where the operator had scrolled to (pixels from the top) before the batch that is being laid out, or -1. The
     * scroll pane keeps that place only roughly as the document grows below it (its ratio is rounded at every
     * growth, a few pixels over a document's batches); the document puts it back exactly.
     */
    private double keepTop = -1;
    private final AnimationTimer batches = new AnimationTimer() {
        @Override
        public void handle(long now) {
            renderBatch(LATER_SCREENS);
        }
    };

    @FXML
    private ScrollPane scroller;
    @FXML
    private VBox body;

    public PlanDocumentView(PlanDocumentViewModel model) {
        this.model = model;
        FxmlViews.load(this);
        scroller.setId("document-" + model.area().name().toLowerCase(Locale.ROOT));
        FocusScrolling.follow(scroller);
        // Registered again after each skin of the scroll pane, whose own listener on the body must not have the
        // last word.
        scroller.skinProperty().addListener((obs, was, skin) -> {
            body.layoutBoundsProperty().removeListener(keepPlace);
            body.layoutBoundsProperty().addListener(keepPlace);
        });
    }

    private final ChangeListener<Bounds> keepPlace = (obs, was, now) -> {
        double range = now.getHeight() - scroller.getViewportBounds().getHeight();
        if (keepTop > 0 && range > 0 && was.getHeight() != now.getHeight()) {
            scroller.setVvalue(Math.min(1, keepTop / range));
        }
        keepTop = -1;
    };

    private record Piece(OutlineSection section, Block block) {
    }

    private void render() {
        toRender.clear();
        for (OutlineSection section : model.sections()) {
            toRender.add(new Piece(section, null));
            section.blocks().forEach(block -> toRender.add(new Piece(section, block)));
        }
        body.getChildren().clear();
        openSection = null;
        scroller.setVvalue(0);
        renderBatch(FIRST_SCREENS);
    }

    private void renderBatch(double screens) {
        double range = body.getLayoutBounds().getHeight() - scroller.getViewportBounds().getHeight();
        keepTop = range > 0 ? scroller.getVvalue() * range : -1;
        Bounds viewport = viewport();
        DrawnHeights heights = new DrawnHeights(viewport.getWidth());
        // A very short window still takes the document in a few dozen pulses, not one block a pulse.
        double wanted = screens * Math.max(MIN_SCREEN_HEIGHT, viewport.getHeight());
        double filled = 0;
        while (!toRender.isEmpty() && filled < wanted) {
            Piece piece = toRender.removeFirst();
            if (piece.block() == null) {
                openSection = OutlineRenderer.section(piece.section());
                body.getChildren().add(openSection);
                filled += heights.section(piece.section());
            } else {
                openSection.getChildren().addAll(OutlineRenderer.render(piece.block()));
                filled += heights.block(piece.block());
            }
        }
        boolean more = !toRender.isEmpty();
        body.pseudoClassStateChanged(RENDERING, more);
        if (more) {
            batches.start();
        } else {
            batches.stop();
        }
    }

    /**
     * What the document is seen through: the scroll pane's viewport once it has been laid out; before that (the
     * first plan goes in before the window's first layout with the console) the whole window, which is larger, so
     * the first batch errs towards filling the screen.
     */
    private Bounds viewport() {
        Bounds viewport = scroller.getViewportBounds();
        if (viewport.getWidth() > 0 && viewport.getHeight() > 0) {
            return viewport;
        }
        Scene scene = scroller.getScene();
        return scene != null && scene.getWidth() > 0 && scene.getHeight() > 0
                ? new BoundingBox(0, 0, scene.getWidth(), scene.getHeight())
                : new BoundingBox(0, 0, DEFAULT_WIDTH, DEFAULT_HEIGHT);
    }

    @Override
    public Node root() {
        return scroller;
    }

    @Override
    public void activate() {
        model.sections().addListener(sectionsChanged);
        model.activate();
        if (!toRender.isEmpty() || body.getChildren().size() != model.sections().size()) {
            render();
        }
    }

    @Override
    public void deactivate() {
        model.sections().removeListener(sectionsChanged);
        model.deactivate();
        batches.stop();
    }
}
