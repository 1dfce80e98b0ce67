package io.incidentconsole.ui.plan;

import io.incidentconsole.ui.common.AreaView;
import io.incidentconsole.ui.common.FocusScrolling;
import io.incidentconsole.ui.common.FxmlViews;

import io.incidentconsole.plan.outline.Block;
import io.incidentconsole.plan.outline.OutlineSection;
import javafx.animation.AnimationTimer;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.VBox;

import java.util.ArrayList;
import java.util.List;

/**
 * The readable plan, or the part of it one area shows. A whole plan is hundreds of labels and dozens of code blocks,
 * and styling and laying them out at once held the console's first frame with a plan for over a second; so the
 * sections go in a batch per pulse, the first batch at once (what the screen shows first), the rest in the frames
 * after it. While batches are still to come the body has the {@code :rendering} pseudo-class.
 */
public final class PlanDocumentView implements AreaView {

    /** Blocks put in per pulse (at least one section each time): about a screenful, a few milliseconds of layout. */
    static final int BLOCKS_PER_PULSE = 12;
    public static final PseudoClass RENDERING = PseudoClass.getPseudoClass("rendering");

    private final PlanDocumentViewModel model;
    private final ListChangeListener<OutlineSection> sectionsChanged = change -> render();
    private final List<OutlineSection> toRender = new ArrayList<>();
    private final AnimationTimer batches = new AnimationTimer() {
        @Override
        public void handle(long now) {
            renderBatch();
        }
    };

    @FXML
    private ScrollPane scroller;
    @FXML
    private VBox body;

    public PlanDocumentView(PlanDocumentViewModel model) {
        this.model = model;
        FxmlViews.load(this);
        scroller.setId("document-" + model.area().name().toLowerCase(java.util.Locale.ROOT));
        FocusScrolling.follow(scroller);
    }

    private void render() {
        toRender.clear();
        toRender.addAll(model.sections());
        body.getChildren().clear();
        scroller.setVvalue(0);
        renderBatch();
    }

    private void renderBatch() {
        List<Node> batch = new ArrayList<>();
        int blocks = 0;
        while (!toRender.isEmpty() && (batch.isEmpty() || blocks < BLOCKS_PER_PULSE)) {
            OutlineSection section = toRender.remove(0);
            batch.add(OutlineRenderer.render(section));
            blocks += 1 + section.blocks().stream().mapToInt(PlanDocumentView::weight).sum();
        }
        body.getChildren().addAll(batch);
        boolean more = !toRender.isEmpty();
        body.pseudoClassStateChanged(RENDERING, more);
        if (more) {
            batches.start();
        } else {
            batches.stop();
        }
    }

    /** A table or a list counts by its rows: those are what cost. */
    private static int weight(Block block) {
        if (block instanceof Block.Table table) {
            return 1 + table.rows().size();
        }
        if (block instanceof Block.Bullets bullets) {
            return bullets.items().size();
        }
        if (block instanceof Block.Numbered numbered) {
            return numbered.items().size();
        }
        if (block instanceof Block.Checklist checklist) {
            return checklist.items().size();
        }
        if (block instanceof Block.Facts facts) {
            return facts.facts().size();
        }
        return 1;
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
