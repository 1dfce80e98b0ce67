package io.incidentconsole.ui.tests;

import io.incidentconsole.incident.Disagreement;
import io.incidentconsole.incident.TestOutcome;
import io.incidentconsole.incident.TestResult;
import io.incidentconsole.testing.TestRow;
import io.incidentconsole.ui.board.PhaseCardNode;
import io.incidentconsole.ui.common.InlineTextCell;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.function.Function;

/** How the tests area draws a result: outcome badges and states, who said what, and cells that wrap. */
final class TestCells {

    static final Map<TestOutcome, PseudoClass> OUTCOME_STATES = Map.of(
            TestOutcome.PASS, PseudoClass.getPseudoClass("pass"),
            TestOutcome.FAIL, PseudoClass.getPseudoClass("fail"),
            TestOutcome.SKIPPED, PseudoClass.getPseudoClass("skipped"),
            TestOutcome.BLOCKED, PseudoClass.getPseudoClass("blocked"));
    static final PseudoClass NOT_RUN = PseudoClass.getPseudoClass("not-run");
    static final PseudoClass AT_RISK = PseudoClass.getPseudoClass("at-risk");
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MMM d HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private TestCells() {
    }

    /** Who recorded the latest result and when, how often it ran, what it covers, and who disputes it. */
    static String who(TestRow row) {
        TestResult latest = row.latest();
        String text = latest == null ? "" : latest.operator() + " · " + TIME.format(latest.at())
                + (row.history().size() > 1 ? " · run " + row.history().size() + "×" : "");
        text = row.coverage().isEmpty() ? text : text + (text.isEmpty() ? "" : " · ") + row.coverage();
        String plain = text;
        return row.disagreement().map(d -> plain + "\n" + dissent(d)).orElse(plain);
    }

    /** "Disputed: ana said Pass (Nov 27 10:02 UTC)" — the other operators' latest results that differ. */
    static String dissent(Disagreement disagreement) {
        return "Disputed: " + String.join("; ", disagreement.dissent().stream()
                .map(r -> r.operator() + " said " + outcomeLabel(r.outcome()) + " (" + TIME.format(r.at()) + ")")
                .toList());
    }

    /** The outcome that counts, and a marker that operators disagree, naming who said what in its tooltip. */
    static VBox disputedMarker(TestRow row, Label badge) {
        Disagreement d = row.disagreement().orElseThrow();
        Label marker = new Label("DISPUTED");
        marker.getStyleClass().add("disputed-marker");
        marker.setId("disputed-" + PhaseCardNode.nodeId(row.key()));
        marker.setTooltip(new Tooltip(outcomeLabel(d.latest().outcome()) + " by "
                + d.latest().operator() + " (" + TIME.format(d.latest().at()) + ") counts.\n" + dissent(d)));
        badge.setMinWidth(Region.USE_PREF_SIZE);
        marker.setMinWidth(Region.USE_PREF_SIZE);
        VBox box = new VBox(3, badge, marker);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    /** Long test names and notes wrap onto more lines instead of being cut off. */
    static TableCell<TestRow, TestRow> wrappingCell(TableColumn<TestRow, TestRow> column,
                                                           Function<TestRow, String> text) {
        return new InlineTextCell<>(column, text);
    }

    /** The outcome as a coloured badge ("Not run" when there is none). */
    static Label badge(TestOutcome outcome, String suffix) {
        Label badge = new Label();
        badge.getStyleClass().add("test-badge");
        showOutcome(badge, outcome, suffix);
        return badge;
    }

    /** Makes a badge show another outcome: a table cell keeps its badge (a new node per update restyles the scene). */
    static void showOutcome(Label badge, TestOutcome outcome, String suffix) {
        badge.setText(outcomeLabel(outcome) + suffix);
        outcomeStates(badge, outcome, true);
    }

    static String outcomeLabel(TestOutcome outcome) {
        return outcome == null ? "Not run" : switch (outcome) {
            case PASS -> "Pass";
            case FAIL -> "FAIL";
            case SKIPPED -> "Skipped";
            case BLOCKED -> "Blocked";
        };
    }

    static void outcomeStates(Node node, TestOutcome outcome, boolean filled) {
        OUTCOME_STATES.forEach((o, state) -> node.pseudoClassStateChanged(state, filled && o == outcome));
        node.pseudoClassStateChanged(NOT_RUN, filled && outcome == null);
    }
}
