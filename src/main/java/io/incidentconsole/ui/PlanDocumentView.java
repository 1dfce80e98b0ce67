package io.incidentconsole.ui;

import io.incidentconsole.plan.outline.OutlineSection;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.VBox;

/** The readable plan, or the part of it one area shows. */
public final class PlanDocumentView implements AreaView {

    private final PlanDocumentViewModel model;
    private final ListChangeListener<OutlineSection> sectionsChanged = change -> render();

    @FXML
    private ScrollPane scroller;
    @FXML
    private VBox body;

    public PlanDocumentView(PlanDocumentViewModel model) {
        this.model = model;
        FxmlViews.load("PlanDocumentView", this);
        scroller.setId("document-" + model.area().name().toLowerCase(java.util.Locale.ROOT));
        FocusScrolling.follow(scroller);
    }

    private void render() {
        body.getChildren().setAll(model.sections().stream().map(OutlineRenderer::render).toList());
        scroller.setVvalue(0);
    }

    @Override
    public Node root() {
        return scroller;
    }

    @Override
    public void activate() {
        model.sections().addListener(sectionsChanged);
        model.activate();
        if (body.getChildren().size() != model.sections().size()) {
            render();
        }
    }

    @Override
    public void deactivate() {
        model.sections().removeListener(sectionsChanged);
        model.deactivate();
    }
}
