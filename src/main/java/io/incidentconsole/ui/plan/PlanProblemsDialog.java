package io.incidentconsole.ui.plan;

import io.incidentconsole.ui.common.DialogStages;
import io.incidentconsole.ui.common.FxmlViews;
import io.incidentconsole.ui.common.Theme;

import io.incidentconsole.plan.Problem;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.util.stream.Collectors;

/** Lists every problem of a plan that could not be opened, with its location, copyable. */
public final class PlanProblemsDialog {

    private final PlanProblems problems;
    private final Stage stage;

    @FXML
    private Label headline;
    @FXML
    private ListView<Problem> problemList;
    @FXML
    private Button closeButton;

    public PlanProblemsDialog(PlanProblems problems, Window owner, Theme theme) {
        this.problems = problems;
        VBox root = FxmlViews.load(this);
        headline.setText(problems.headline());
        problemList.getItems().setAll(problems.problems());
        problemList.setCellFactory(list -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(Problem item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.toString());
            }
        });
        stage = DialogStages.create(root, owner, theme, problems.headline(), "plan-problems");
    }

    public void show() {
        stage.show();
        closeButton.requestFocus();
    }

    @FXML
    private void onCopy() {
        ClipboardContent content = new ClipboardContent();
        content.putString(problems.problems().stream().map(Problem::toString).collect(Collectors.joining("\n")));
        Clipboard.getSystemClipboard().setContent(content);
    }

    @FXML
    private void onClose() {
        stage.close();
    }
}
