package io.incidentconsole.ui.metrics;

import io.incidentconsole.metrics.SourceProblem;
import io.incidentconsole.ui.common.AreaView;
import io.incidentconsole.ui.common.FxmlViews;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Toggle;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The metrics dashboard: a grid of {@link MetricChart}s, the window selector (keys 1–5), source problems. */
public final class MetricsView implements AreaView {

    private static final int COLUMNS = 2;

    private final MetricsViewModel model;
    private final Map<String, MetricChart> charts = new LinkedHashMap<>();
    private final ToggleGroup windowGroup = new ToggleGroup();

    @FXML
    private VBox root;
    @FXML
    private Label noIncident;
    @FXML
    private HBox windows;
    @FXML
    private Label sources;
    @FXML
    private HBox problemsLine;
    @FXML
    private Label problems;
    @FXML
    private ToggleButton showProblems;
    @FXML
    private ListView<SourceProblem> problemList;
    @FXML
    private ScrollPane scroller;
    @FXML
    private GridPane grid;

    public MetricsView(MetricsViewModel model) {
        this.model = model;
        FxmlViews.load(this);
        root.setId("metrics-view");
        noIncident.visibleProperty().bind(model.noIncidentBinding());
        noIncident.managedProperty().bind(noIncident.visibleProperty());
        sources.textProperty().bind(model.sourcesProperty());
        problems.setId("metrics-problems");
        sources.setId("metrics-sources");
        model.anySimulatedProperty().addListener((obs, was, now) -> sources.pseudoClassStateChanged(
                MetricChart.SIMULATED, now));
        sources.pseudoClassStateChanged(MetricChart.SIMULATED, model.anySimulatedProperty().get());
        problems.textProperty().bind(model.problemsProperty());
        problems.visibleProperty().bind(model.problemsProperty().isNotEmpty());
        problems.managedProperty().bind(problems.visibleProperty());
        // Every skipped input stays listed (with its line for a file) after the notice line has gone.
        showProblems.setId("metrics-show-problems");
        showProblems.textProperty().bind(Bindings.createStringBinding(() -> "Input problems ("
                + model.problemList().size() + ")", model.problemList()));
        showProblems.visibleProperty().bind(Bindings.isNotEmpty(model.problemList()));
        showProblems.managedProperty().bind(showProblems.visibleProperty());
        problemsLine.visibleProperty().bind(problems.visibleProperty().or(showProblems.visibleProperty()));
        problemsLine.managedProperty().bind(problemsLine.visibleProperty());
        problemList.setId("metrics-problem-list");
        problemList.setItems(model.problemList());
        problemList.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(SourceProblem item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : MetricsViewModel.describe(item));
            }
        });
        problemList.visibleProperty().bind(showProblems.selectedProperty().and(showProblems.visibleProperty()));
        problemList.managedProperty().bind(problemList.visibleProperty());
        model.problemList().addListener((ListChangeListener<SourceProblem>) change -> {
            if (!model.problemList().isEmpty()) {
                problemList.scrollTo(model.problemList().size() - 1);
            }
        });
        for (int i = 0; i < COLUMNS; i++) {
            ColumnConstraints column = new ColumnConstraints();
            column.setPercentWidth(100.0 / COLUMNS);
            column.setHgrow(Priority.ALWAYS);
            grid.getColumnConstraints().add(column);
        }
        for (TimeWindow window : TimeWindow.values()) {
            ToggleButton button = new ToggleButton(window.toString());
            button.setId("metrics-window-" + window.key());
            button.setToggleGroup(windowGroup);
            button.setUserData(window);
            button.setOnAction(e -> model.selectWindow(window));
            windows.getChildren().add(button);
        }
        model.windowProperty().addListener((obs, old, window) -> showWindow(window));
        showWindow(model.windowProperty().get());
        root.addEventHandler(KeyEvent.KEY_PRESSED, this::onKey);
        model.cards().addListener((ListChangeListener<MetricsViewModel.Card>) change -> rebuildCharts());
        model.markers().addListener((ListChangeListener<PhaseMarker>) change -> charts.values()
                .forEach(c -> c.setMarkers(model.markers())));
        model.setFrameSink(this::frame);
    }

    private void onKey(KeyEvent event) {
        if (event.isControlDown() || event.isAltDown() || event.isMetaDown() || event.isShortcutDown()) {
            return;
        }
        KeyCode code = event.getCode();
        if (code.isDigitKey()) {
            int index = code.getChar().charAt(0) - '1';
            if (index >= 0 && index < TimeWindow.values().length) {
                model.selectWindow(TimeWindow.values()[index]);
                event.consume();
            }
        }
    }

    private void showWindow(TimeWindow window) {
        windowGroup.getToggles().stream().filter(t -> t.getUserData() == window).findFirst()
                .ifPresent(t -> t.setSelected(true));
        charts.values().forEach(c -> c.setWindow(window));
    }

    private void rebuildCharts() {
        charts.clear();
        grid.getChildren().clear();
        List<MetricChart> built = new ArrayList<>();
        for (MetricsViewModel.Card card : model.cards()) {
            MetricChart chart = new MetricChart(card.metric(), card.feed());
            chart.setSimulated(card.simulated());
            chart.setWindow(model.windowProperty().get());
            chart.setMarkers(model.markers());
            charts.put(card.metric().id(), chart);
            built.add(chart);
        }
        for (int i = 0; i < built.size(); i++) {
            grid.add(built.get(i), i % COLUMNS, i / COLUMNS);
        }
    }

    /** Once a frame: mark what changed, then draw every dirty chart (each at most once). */
    private void frame(Set<String> changed) {
        for (String id : changed) {
            MetricChart chart = charts.get(id);
            if (chart != null) {
                chart.markDirty();
            }
        }
        for (MetricChart chart : charts.values()) {
            chart.redrawIfDirty();
        }
    }

    /** The chart of a metric, for tests. */
    public MetricChart chart(String metricId) {
        return charts.get(metricId);
    }

    public void setAlerting(Set<String> metricIds) {
        charts.forEach((id, chart) -> chart.setAlerting(metricIds.contains(id)));
    }

    /** Keys 1–5 pick the window at once: the focus sits on the chosen window's button. */
    @Override
    public void focusFirstControl() {
        Toggle selected = windowGroup.getSelectedToggle();
        if (selected instanceof Node button) {
            button.requestFocus();
        } else {
            root.requestFocus();
        }
    }

    @Override
    public Node root() {
        return root;
    }

    @Override
    public void activate() {
        model.activate();
        model.alerts().addListener(alertsChanged);
        showAlerting();
    }

    @Override
    public void deactivate() {
        model.deactivate();
        model.alerts().removeListener(alertsChanged);
    }

    private final ListChangeListener<AlertNotice> alertsChanged = change -> showAlerting();

    private void showAlerting() {
        setAlerting(new java.util.HashSet<>(model.alerts().stream().filter(n -> !n.cleared())
                .map(AlertNotice::metricId).toList()));
    }
}
