package io.incidentconsole.ui.now;

import javafx.beans.binding.Bindings;
import io.incidentconsole.ui.common.FxmlViews;

import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.util.Duration;

import java.util.List;

/** The "now" strip of the header: each part a link to where it is worked (Tab reaches them, Enter follows). */
public final class NowStripView {

    private static final PseudoClass DRILL = PseudoClass.getPseudoClass("drill");
    private static final List<String> STATES = List.of("late", "failing", "alerting", "waiting", "overdue", "quiet");

    private final NowStripViewModel model;
    private final Timeline ticker;

    @FXML
    private FlowPane strip;
    @FXML
    private Label heading;

    public NowStripView(NowStripViewModel model) {
        this.model = model;
        FxmlViews.load(this);
        strip.setId("now-strip");
        model.partsProperty().addListener((obs, old, parts) -> show(parts));
        heading.textProperty().bind(Bindings.when(model.drillProperty())
                .then("DRILL · NOW").otherwise("NOW"));
        model.drillProperty().addListener((obs, was, drill) -> heading.pseudoClassStateChanged(DRILL, drill));
        model.refresh();
        show(model.partsProperty().get());
        ticker = new Timeline(new KeyFrame(Duration.seconds(1), e -> model.refresh()));
        ticker.setCycleCount(Animation.INDEFINITE);
        ticker.play();
    }

    public FlowPane root() {
        return strip;
    }

    private void show(List<NowStripViewModel.Part> parts) {
        strip.setVisible(!parts.isEmpty());
        strip.setManaged(!parts.isEmpty());
        List<Hyperlink> links = strip.getChildren().stream().filter(Hyperlink.class::isInstance)
                .map(Hyperlink.class::cast).toList();
        // The same parts with new texts (an elapsed time, a count): the links change in place. New links, each with
        // a tooltip, cost a few milliseconds on every event of a long incident (issue 22, tick latency).
        if (sameIds(links, parts)) {
            for (int i = 0; i < parts.size(); i++) {
                draw(links.get(i), parts.get(i));
            }
            return;
        }
        strip.getChildren().setAll(heading);
        for (NowStripViewModel.Part part : parts) {
            Hyperlink link = new Hyperlink();
            link.setId(part.id());
            link.getStyleClass().add("now-part");
            link.setMnemonicParsing(false);
            link.setTooltip(new Tooltip());
            link.setOnAction(e -> {
                link.setVisited(false);
                model.open((NowStripViewModel.Part) link.getUserData());
            });
            draw(link, part);
            strip.getChildren().add(link);
        }
    }

    private static boolean sameIds(List<Hyperlink> links, List<NowStripViewModel.Part> parts) {
        if (links.size() != parts.size()) {
            return false;
        }
        for (int i = 0; i < parts.size(); i++) {
            if (!parts.get(i).id().equals(links.get(i).getId())) {
                return false;
            }
        }
        return true;
    }

    private static void draw(Hyperlink link, NowStripViewModel.Part part) {
        link.setUserData(part);
        link.setText(part.text());
        link.getTooltip().setText(part.tooltip());
        link.setAccessibleText(part.text() + ". " + part.tooltip());
        for (String state : STATES) {
            link.pseudoClassStateChanged(PseudoClass.getPseudoClass(state), state.equals(part.state()));
        }
    }
}
