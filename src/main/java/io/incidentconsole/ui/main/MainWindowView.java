package io.incidentconsole.ui.main;

import io.incidentconsole.ui.plan.ImportNotice;
import io.incidentconsole.settings.Product;
import io.incidentconsole.ui.common.AreaView;
import io.incidentconsole.ui.common.ConsoleArea;
import io.incidentconsole.ui.common.FxmlViews;
import io.incidentconsole.ui.common.Theme;
import io.incidentconsole.ui.incident.IncidentPickerView;
import io.incidentconsole.ui.incident.IncidentPickerViewModel;
import io.incidentconsole.ui.incident.RecoveryDialog;
import io.incidentconsole.ui.plan.ImportReportDialog;
import io.incidentconsole.ui.plan.PlanProblemsDialog;

import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import io.incidentconsole.incident.Incident;

/** The console frame: menus, header, navigation between areas, the shown area, and the status bar. */
public final class MainWindowView {

    private static final PseudoClass FAILED = PseudoClass.getPseudoClass("failed");
    private static final PseudoClass DROP_TARGET = PseudoClass.getPseudoClass("drop-target");

    private static final PseudoClass READ_ONLY = PseudoClass.getPseudoClass("read-only");
    private static final PseudoClass NONE = PseudoClass.getPseudoClass("none");

    private final MainWindowViewModel model;
    private final Function<ConsoleArea, AreaView> areaFactory;
    private final Supplier<IncidentPickerViewModel> pickers;
    private final Map<ConsoleArea, AreaView> areas = new EnumMap<>(ConsoleArea.class);
    private AreaView shown;

    @FXML
    private BorderPane root;
    @FXML
    private Menu recentMenu;
    @FXML
    private Menu viewMenu;
    @FXML
    private MenuItem themeItem;
    @FXML
    private Label planTitle;
    @FXML
    private Label planSubtitle;
    @FXML
    private ProgressBar planLoading;
    @FXML
    private Label incidentLine;
    private boolean databaseBack;
    @FXML
    private AreaNavigation navigation;
    @FXML
    private StackPane content;
    @FXML
    private Label statusMessage;
    @FXML
    private Label planSource;
    @FXML
    private Label cadenceReminder;
    @FXML
    private MenuItem composeUpdateItem;
    @FXML
    private MenuItem exportReportItem;
    @FXML
    private MenuItem drillReportItem;
    @FXML
    private MenuItem joinTeamItem;
    @FXML
    private HBox headerItems;
    @FXML
    private VBox header;

    public MainWindowView(MainWindowViewModel model, Function<ConsoleArea, AreaView> areaFactory,
                          Supplier<IncidentPickerViewModel> pickers) {
        this.model = model;
        this.areaFactory = areaFactory;
        this.pickers = pickers;
        FxmlViews.load(this);
        bind();
    }

    public BorderPane root() {
        return root;
    }

    /** The header line that says when the next stakeholder update is due (driven by {@link ReportsView}). */
    public Label cadenceReminder() {
        return cadenceReminder;
    }

    public MenuItem composeUpdateItem() {
        return composeUpdateItem;
    }

    public MenuItem drillReportItem() {
        return drillReportItem;
    }

    public MenuItem exportReportItem() {
        return exportReportItem;
    }

    /** File → Join Team Incident… (Ctrl+Shift+J); its action is wired where the team dialog is built. */
    public MenuItem joinTeamItem() {
        return joinTeamItem;
    }

    /** Puts the "now" strip first in the header: the line the operator reads before anything else. */
    public void setNowStrip(Node strip) {
        header.getChildren().add(0, strip);
    }

    /** Puts a band across the very top of the header (the drill band), above the now strip. */
    public void addHeaderBand(Node band) {
        header.getChildren().add(0, band);
    }

    /** Adds a small item (a status chip) to the header, under the incident line. */
    public void addHeaderItem(Node item) {
        headerItems.getChildren().add(item);
    }

    /** Adds a strip under the header, above every area (the alert banner). */
    public void addAboveContent(Node strip) {
        ((VBox) root.getTop()).getChildren().add(strip);
    }

    /** Adds an item to the status bar, after the status message. */
    public void addStatusItem(Node item) {
        ((HBox) root.getBottom()).getChildren().add(1, item);
    }

    private void bind() {
        planTitle.textProperty().bind(model.titleProperty());
        planSubtitle.textProperty().bind(model.subtitleProperty());
        // Shown while a plan is being read: at start-up that is what the first frame shows where the plan will be.
        planLoading.setId("plan-loading");
        planLoading.visibleProperty().bind(model.busyProperty());
        planLoading.managedProperty().bind(model.busyProperty());
        statusMessage.textProperty().bind(model.statusMessageProperty());
        statusMessage.setId("status-message");
        planSource.textProperty().bind(model.planSourceProperty());
        Tooltip fullPath = new Tooltip();
        fullPath.textProperty().bind(model.planSourcePathProperty());
        planSource.setTooltip(fullPath);
        model.statusFailedProperty().addListener((obs, was, failed) -> statusMessage.pseudoClassStateChanged(FAILED, failed));

        incidentLine.setId("incident-line");
        model.session().incidentProperty().addListener((obs, old, incident) -> showIncident(incident));
        showIncident(model.session().incidentProperty().get());
        // A takeover changes who this console records as: the line follows the journal.
        model.session().stateProperty().addListener((obs, old, state) ->
                showIncident(model.session().incidentProperty().get()));
        model.session().lastErrorProperty().addListener((obs, old, error) -> {
            if (error != null) {
                Alert alert = new Alert(Alert.AlertType.ERROR, error);
                alert.setHeaderText("The action was not recorded");
                alert.initOwner(window());
                alert.getDialogPane().getStylesheets().setAll(model.themeProperty().get().stylesheets());
                alert.setOnHidden(e -> model.session().clearError());
                alert.show();
            }
        });
        model.importNoticeProperty().addListener((obs, old, notice) -> {
            if (notice != null) {
                showImportReport(notice);
            }
        });
        model.recoveryProperty().addListener((obs, old, notice) -> {
            if (notice != null) {
                new RecoveryDialog(notice, window(), model.themeProperty().get()).show();
            }
        });

        navigation.select(model.selectedAreaProperty().get());
        navigation.selectedProperty().addListener((obs, old, area) -> {
            if (area != null) {
                model.select(area);
            }
        });
        model.selectedAreaProperty().addListener((obs, old, area) -> {
            navigation.select(area);
            show(area);
            // Chosen with a link (the now strip, a failed test), the area takes the keyboard; moving through the
            // column with the arrow keys leaves it in the column.
            if (!navigation.isFocused()) {
                focusShownArea();
            }
        });
        navigation.setOnClicked(this::focusShownArea);
        show(model.selectedAreaProperty().get());

        int position = 0;
        for (ConsoleArea area : ConsoleArea.values()) {
            MenuItem item = new MenuItem(area.title());
            item.setId("menu-area-" + area.name().toLowerCase(Locale.ROOT));
            item.setAccelerator(new KeyCodeCombination(KeyCode.getKeyCode(String.valueOf(area.ordinal() + 1)),
                    KeyCombination.SHORTCUT_DOWN));
            item.setOnAction(e -> {
                model.select(area);
                focusShownArea();
            });
            viewMenu.getItems().add(position++, item);
        }

        rebuildRecentMenu();
        model.recentPlans().addListener((ListChangeListener<Path>) change -> rebuildRecentMenu());

        model.themeProperty().addListener((obs, old, theme) -> applyTheme(theme));
        root.sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                applyTheme(model.themeProperty().get());
            }
        });

        model.problemsProperty().addListener((obs, old, problems) -> {
            if (problems != null) {
                new PlanProblemsDialog(problems, window(), model.themeProperty().get()).show();
            }
        });

        root.setOnDragOver(event -> {
            if (event.getDragboard().hasFiles() && planFile(event.getDragboard().getFiles()) != null) {
                event.acceptTransferModes(TransferMode.COPY);
                root.pseudoClassStateChanged(DROP_TARGET, true);
            }
            event.consume();
        });
        root.setOnDragExited(event -> root.pseudoClassStateChanged(DROP_TARGET, false));
        root.setOnDragDropped(event -> {
            File file = event.getDragboard().hasFiles() ? planFile(event.getDragboard().getFiles()) : null;
            if (file != null) {
                model.openOrImport(file.toPath());
            }
            event.setDropCompleted(file != null);
            event.consume();
        });
    }

    /**
     * Whether the open read-only team incident's database answers again: the incident line then says so instead of
     * repeating why it was unreachable.
     */
    public void showDatabaseBack(boolean back) {
        databaseBack = back;
        showIncident(model.session().incidentProperty().get());
    }

    private void showIncident(Incident incident) {
        if (incident == null) {
            incidentLine.setText("No incident open — reading the plan only. Ctrl+I starts or resumes an incident.");
        } else {
            incidentLine.setText("Incident " + incident.id() + "  ·  operator " + incident.operator()
                    + incident.readOnlyReason().map(r -> "  ·  READ-ONLY: " + (databaseBack && incident.isReadOnly()
                    ? "showing the state last synced; the team database is back — press Reopen live to work on it"
                    : r)).orElse(""));
        }
        incidentLine.pseudoClassStateChanged(NONE, incident == null);
        incidentLine.pseudoClassStateChanged(READ_ONLY, incident != null && incident.isReadOnly());
    }

    /** Opens the start-or-resume dialog. */
    public void showIncidentPicker() {
        new IncidentPickerView(pickers.get(), window(), model.themeProperty().get()).show();
    }

    @FXML
    private void onIncident() {
        showIncidentPicker();
    }

    /** File → New Drill…: the incident dialog, on its "start a new drill" button with the scenario to play. */
    public void showNewDrill() {
        new IncidentPickerView(pickers.get(), window(), model.themeProperty().get()).showForDrill();
    }

    @FXML
    private void onNewDrill() {
        showNewDrill();
    }

    @FXML
    private void onImportMarkdown() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Import a Markdown coordination plan");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Markdown (*.md)", "*.md", "*.markdown"));
        File file = chooser.showOpenDialog(window());
        if (file != null) {
            model.importMarkdown(file.toPath());
        }
    }

    /** What the importer understood, line by line, so the operator can check it and reassign sections. */
    private void showImportReport(ImportNotice notice) {
        new ImportReportDialog(notice, model.themeProperty().get(),
                choices -> model.reimport(notice.file(), choices), window()).show();
    }

    /** The first dropped file that can be a plan. */
    static File planFile(List<File> files) {
        for (File file : files) {
            String name = file.getName().toLowerCase(Locale.ROOT);
            if (name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json") || MainWindowViewModel.isMarkdown(file.toPath())) {
                return file;
            }
        }
        return null;
    }

    private void show(ConsoleArea area) {
        AreaView next = areas.computeIfAbsent(area, areaFactory);
        if (next == shown) {
            return;
        }
        if (shown != null) {
            shown.deactivate();
        }
        shown = next;
        content.getChildren().setAll(next.root());
        next.activate();
    }

    /**
     * The area's first control gets the focus once the shortcut's key event is over: focus requested while the
     * accelerator runs does not stick (the navigation list kept it, KeyboardFirstTest).
     */
    private void focusShownArea() {
        AreaView area = shown;
        Platform.runLater(() -> {
            if (shown == area) {
                // On an area's first visit its scroll panes have no skin yet, so their content is not in the scene
                // and cannot take the focus (Enter did nothing in a real window): make the skins now.
                area.root().applyCss();
                area.focusFirstControl();
            }
        });
    }

    private void rebuildRecentMenu() {
        recentMenu.getItems().clear();
        if (model.recentPlans().isEmpty()) {
            MenuItem none = new MenuItem("No recent plans");
            none.setDisable(true);
            recentMenu.getItems().add(none);
            return;
        }
        int n = 1;
        for (Path path : model.recentPlans()) {
            MenuItem item = new MenuItem("_" + n++ + "  " + path.getFileName() + "  —  " + path.getParent());
            item.setOnAction(e -> model.openPlan(path));
            recentMenu.getItems().add(item);
        }
    }

    private void applyTheme(Theme theme) {
        if (root.getScene() != null) {
            theme.applyTo(root.getScene());
        }
        themeItem.setText(theme == Theme.DARK ? "Switch to _Light Theme" : "Switch to _Dark Theme");
    }

    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

    @FXML
    private void onOpen() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open Plan");
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("Plans (*.yaml, *.yml, *.json)", "*.yaml", "*.yml", "*.json"),
                new FileChooser.ExtensionFilter("All files", "*"));
        if (!model.recentPlans().isEmpty() && model.recentPlans().get(0).getParent() != null) {
            File dir = model.recentPlans().get(0).getParent().toFile();
            if (dir.isDirectory()) {
                chooser.setInitialDirectory(dir);
            }
        }
        File file = chooser.showOpenDialog(window());
        if (file != null) {
            model.openPlan(file.toPath());
        }
    }

    @FXML
    private void onOpenBundled() {
        model.openBundledPlan();
    }

    @FXML
    private void onQuit() {
        Platform.exit();
    }

    @FXML
    private void onToggleTheme() {
        model.toggleTheme();
    }

    @FXML
    private void onShortcuts() {
        StringBuilder text = new StringBuilder();
        for (ConsoleArea area : ConsoleArea.values()) {
            text.append(area.shortcut()).append("\t").append(area.title()).append('\n');
        }
        text.append("Ctrl+I\tStart or resume an incident\nCtrl+Shift+J\tJoin a team incident (shared database)\nCtrl+Shift+D\tStart a drill (rehearsal), with a scenario\nCtrl+U\tCompose a stakeholder update\nCtrl+Shift+H\tHandoff at shift change (summary, take over)\nCtrl+O\tOpen a plan\nCtrl+Shift+T\tSwitch dark/light theme\nCtrl+Q\tQuit\n")
                .append("Drop a .yaml or .json plan on the window to open it, or a .md plan to import it.");
        info("Keyboard shortcuts", text.toString());
    }

    @FXML
    private void onAbout() {
        info("About " + Product.NAME, Product.NAME + " — the operator console for running an outage "
                + "coordination plan.\nEverything runs on this machine; nothing is sent anywhere.");
    }

    private void info(String title, String text) {
        Alert alert = new Alert(Alert.AlertType.INFORMATION, text);
        alert.setTitle(title);
        alert.setHeaderText(title);
        alert.initOwner(window());
        alert.getDialogPane().getStylesheets().setAll(model.themeProperty().get().stylesheets());
        alert.show();
    }
}
