package io.incidentconsole.ui.rollback;

import io.incidentconsole.plan.Parameter;
import io.incidentconsole.plan.ParameterRules;
import io.incidentconsole.plan.ParameterType;
import io.incidentconsole.rollback.RollbackTarget;
import io.incidentconsole.ui.common.InlineText;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The selected procedure's parameters, the values to fill in first: one row each with its name, rule and where the
 * value came from, its editor, why it is invalid and its description. The view model owns the values and their
 * validation; this only draws them and hands edits back.
 */
final class ParameterForm {

    static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");

    private final RollbackViewModel model;
    private final VBox form;
    private final Map<String, ParameterRow> rows = new LinkedHashMap<>();
    private List<String> formShape = List.of();
    private ValidationSupport validation;
    private boolean updating;

    ParameterForm(RollbackViewModel model, VBox form) {
        this.model = model;
        this.form = form;
    }

    /** Rebuilds the rows when the procedure or its parameters change, then shows each value and problem. */
    void show(List<RollbackViewModel.Field> fields) {
        RollbackTarget target = model.selectedProperty().get();
        List<String> shape = new ArrayList<>();
        shape.add(target == null ? "" : target.procedure().id());
        fields.forEach(f -> shape.add(f.name()));
        if (!shape.equals(formShape)) {
            build(fields);
            formShape = shape;
        }
        updating = true;
        try {
            for (RollbackViewModel.Field field : fields) {
                rows.get(field.name()).update(field);
            }
        } finally {
            updating = false;
        }
        if (validation != null) {
            validation.revalidate();
        }
    }

    private void build(List<RollbackViewModel.Field> fields) {
        form.getChildren().clear();
        rows.clear();
        validation = new ValidationSupport();
        if (fields.isEmpty()) {
            Label none = new Label("This procedure needs no values.");
            none.getStyleClass().add("rollback-meta");
            form.getChildren().add(none);
            return;
        }
        for (RollbackViewModel.Field field : fields) {
            ParameterRow parameterRow = new ParameterRow(field.state().parameter());
            rows.put(field.name(), parameterRow);
            form.getChildren().add(parameterRow.block);
            String name = field.name();
            // The view model owns validation; ControlsFX only draws what it says.
            validation.registerValidator(parameterRow.control(), false, (Control control, Object value) -> {
                String problem = problemOf(name);
                return ValidationResult.fromErrorIf(control, problem == null ? "" : name + ": " + problem,
                        problem != null);
            });
        }
    }

    private String problemOf(String name) {
        return model.fieldsProperty().get().stream().filter(f -> f.name().equals(name)).findFirst()
                .map(RollbackViewModel.Field::problem).orElse(null);
    }

    /** One parameter: name, rule and where the value came from; its editor; why it is invalid; its description. */
    private final class ParameterRow {
        private final VBox block = new VBox(3);
        private final Label origin = new Label();
        private final TextField field;
        private final ChoiceBox<String> choice;
        private final Label problem = new Label();

        ParameterRow(Parameter parameter) {
            String name = parameter.name();
            Label title = new Label(name + (parameter.isRequired() ? "" : "  (optional)"));
            title.getStyleClass().add("parameter-name");
            title.setMinWidth(Region.USE_PREF_SIZE);
            Label rule = new Label("— " + ParameterRules.rule(parameter.type()));
            rule.getStyleClass().add("parameter-rule");
            rule.setWrapText(true);
            Region gap = new Region();
            HBox.setHgrow(gap, Priority.ALWAYS);
            origin.setId("param-origin-" + RollbackView.nodeId(name));
            origin.getStyleClass().add("parameter-origin");
            origin.setMinWidth(Region.USE_PREF_SIZE);
            HBox heading = new HBox(8, title, rule, gap, origin);
            heading.setAlignment(Pos.BASELINE_LEFT);
            block.getChildren().add(heading);
            block.getStyleClass().add("parameter-row");
            if (parameter.type() == ParameterType.CHOICE) {
                choice = new ChoiceBox<>();
                choice.getItems().setAll(parameter.choices());
                choice.setId("param-" + RollbackView.nodeId(name));
                choice.valueProperty().addListener((obs, old, value) -> {
                    if (!updating) {
                        model.setValue(name, value);
                    }
                });
                field = null;
                block.getChildren().add(choice);
                title.setLabelFor(choice);
            } else {
                choice = null;
                field = new TextField();
                field.setId("param-" + RollbackView.nodeId(name));
                field.getStyleClass().add("parameter-field");
                field.textProperty().addListener((obs, old, value) -> {
                    if (!updating) {
                        model.setValue(name, value);
                    }
                });
                block.getChildren().add(field);
                title.setLabelFor(field);
            }
            problem.setId("param-problem-" + RollbackView.nodeId(name));
            problem.getStyleClass().add("field-problem");
            problem.setWrapText(true);
            block.getChildren().add(problem);
            if (parameter.description() != null && !parameter.description().isBlank()) {
                Region description = InlineText.of(parameter.description(), "parameter-description");
                description.setId("param-description-" + RollbackView.nodeId(name));
                block.getChildren().add(description);
            }
        }

        Control control() {
            return field != null ? field : choice;
        }

        void update(RollbackViewModel.Field state) {
            String value = state.state().value();
            if (field != null && !field.getText().equals(value)) {
                field.setText(value);
            } else if (choice != null && !value.equals(choice.getValue())) {
                choice.setValue(value.isEmpty() ? null : value);
            }
            String reason = state.problem();
            problem.setText(reason == null ? "" : reason);
            problem.setVisible(reason != null);
            problem.setManaged(reason != null);
            control().pseudoClassStateChanged(INVALID, reason != null);
            origin.setText(state.origin());
        }
    }
}
