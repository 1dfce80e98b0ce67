package io.incidentconsole.ui.guided;

import io.incidentconsole.guided.StepCommand;
import io.incidentconsole.plan.GuidedStep;
import io.incidentconsole.plan.Parameter;
import io.incidentconsole.plan.ParameterRules;
import io.incidentconsole.ui.board.PhaseCardNode;
import io.incidentconsole.ui.common.FxmlViews;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.incidentconsole.ui.guided.GuidedNodes.FAILED;
import static io.incidentconsole.ui.guided.GuidedNodes.show;
import static io.incidentconsole.ui.guided.GuidedNodes.text;

/**
 * A guided step's values and the command they make: the forms for its parameters and records (each field checked
 * as it is typed) and the command, ready to copy once every value is valid.
 */
final class GuidedCommandPane {

    private final GuidedViewModel model;
    private final Map<String, Label> parameterProblems = new HashMap<>();
    private GuidedStep shownCommand;

    @FXML
    private VBox root;
    @FXML
    private VBox parameters;
    @FXML
    private Label commandText;
    @FXML
    private Button copyButton;
    @FXML
    private Label commandProblem;

    GuidedCommandPane(GuidedViewModel model) {
        this.model = model;
        FxmlViews.load(this);
    }

    /** Forgets the forms of the step shown before; called before a step is drawn again. */
    void reset() {
        parameterProblems.clear();
        shownCommand = null;
    }

    /** The command section of the step: its parameter form, the command and Copy. */
    Node command(GuidedViewModel.Page page, GuidedStep step) {
        shownCommand = step;
        parameters.getChildren().setAll(step.parameters().isEmpty() ? List.of()
                : List.of(form(page, step, step.parameters())));
        show(parameters, !step.parameters().isEmpty());
        updateCommand(step);
        return root;
    }

    /** A form for some of the step's values (its parameters, or what it asks to record). */
    GridPane form(GuidedViewModel.Page page, GuidedStep step, List<Parameter> fields) {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("guided-form");
        grid.setHgap(10);
        grid.setVgap(4);
        Map<String, String> values = model.values(step);
        int row = 0;
        for (Parameter parameter : fields) {
            Label name = text(parameter.name(), "guided-field-name");
            TextField field = new TextField(values.getOrDefault(parameter.name(), ""));
            field.setId("guided-param-" + PhaseCardNode.nodeId(parameter.name()));
            field.setPromptText(ParameterRules.rule(parameter.type()));
            field.setPrefColumnCount(28);
            field.setDisable(!page.writable());
            Label problem = text("", "validation-message");
            problem.setId("guided-param-problem-" + PhaseCardNode.nodeId(parameter.name()));
            parameterProblems.put(parameter.name(), problem);
            field.textProperty().addListener((obs, was, now) -> {
                model.setValue(step, parameter.name(), now);
                updateCommand(step);
            });
            String help = parameter.description() == null ? "" : parameter.description();
            grid.addRow(row++, name, field, problem);
            if (!help.isEmpty()) {
                grid.add(text(help, "guided-field-help"), 1, row++, 2, 1);
            }
        }
        updateProblems(step);
        return grid;
    }

    /** Copies the command when it is ready, and says so under it. */
    @FXML
    void copy() {
        Optional<String> copied = model.copyCommand();
        copied.ifPresent(GuidedNodes::toClipboard);
        if (shownCommand != null && copied.isPresent()) {
            commandProblem.setText("Copied to the clipboard.");
        }
    }

    private void updateCommand(GuidedStep step) {
        updateProblems(step);
        if (shownCommand == null) {
            return;
        }
        StepCommand command = model.command(step);
        commandText.setText(command.ready() ? command.text() : step.command());
        commandText.pseudoClassStateChanged(FAILED, !command.ready());
        copyButton.setDisable(!command.ready());
        commandProblem.pseudoClassStateChanged(FAILED, !command.ready());
        commandProblem.setText(command.ready() ? "" : "Fill in the values above to get the command: "
                + String.join("; ", command.problems().entrySet().stream()
                .map(e -> e.getKey() + " — " + e.getValue()).toList()));
    }

    private void updateProblems(GuidedStep step) {
        Map<String, String> problems = StepCommand.validate(GuidedViewModel.formFields(step), model.values(step));
        parameterProblems.forEach((name, label) -> label.setText(problems.getOrDefault(name, "")));
    }
}
