package io.incidentconsole.ui.plan;

import io.incidentconsole.plan.outline.Block;
import io.incidentconsole.plan.outline.OutlineSection;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The overview's estimate of how tall blocks are drawn, before they are built (the laid-out check is in PlanDocumentViewTest). */
class DrawnHeightsTest {

    @Test
    void countsEachOwnLineAndWrapsLongOnes() {
        assertThat(DrawnHeights.lines("", 700, 7)).isEqualTo(1);
        assertThat(DrawnHeights.lines("short", 700, 7)).isEqualTo(1);
        assertThat(DrawnHeights.lines("a\nb\n\nc", 700, 7)).as("blank lines count").isEqualTo(4);
        assertThat(DrawnHeights.lines("x".repeat(100), 700, 7)).as("exactly one line's worth").isEqualTo(1);
        assertThat(DrawnHeights.lines("x".repeat(101), 700, 7)).isEqualTo(2);
        assertThat(DrawnHeights.lines("x".repeat(250) + "\nend", 700, 7)).isEqualTo(4);
    }

    @Test
    void aLongerParagraphATallerTableAndALongerCommandAreEachEstimatedTaller() {
        DrawnHeights heights = new DrawnHeights(1132);
        assertThat(heights.block(new Block.Paragraph("word ".repeat(400))))
                .isGreaterThan(heights.block(new Block.Paragraph("word ".repeat(20))));
        Block.Table one = new Block.Table(List.of("Phase", "Status"), List.of(List.of("1", "PENDING")), 1);
        Block.Table three = new Block.Table(List.of("Phase", "Status"),
                List.of(List.of("1", "PENDING"), List.of("2", "PENDING"), List.of("3", "COMPLETE")), 1);
        assertThat(heights.block(three)).isGreaterThan(heights.block(one));
        assertThat(heights.block(new Block.Code("a\nb\nc\nd"))).isGreaterThan(heights.block(new Block.Code("a")));
    }

    @Test
    void aCodeBlockStopsGrowingAtThirtyRowsAsItsTextAreaDoes() {
        DrawnHeights heights = new DrawnHeights(1132);
        assertThat(heights.block(new Block.Code("line\n".repeat(200))))
                .isEqualTo(heights.block(new Block.Code("line\n".repeat(40))));
    }

    @Test
    void markdownCountsItsFencedCodeLinesWithoutWrappingThem() {
        DrawnHeights heights = new DrawnHeights(400);
        String longCommand = "psql -c '" + "x".repeat(300) + "'";
        double fenced = heights.block(new Block.Markdown("Run:\n```\n" + longCommand + "\n```"));
        double prose = heights.block(new Block.Markdown("Run:\n" + longCommand));
        assertThat(fenced).as("a command is one line, scrolled sideways").isLessThan(prose);
    }

    @Test
    void aSectionTitleThatWrapsTakesMoreThanOneLine() {
        DrawnHeights heights = new DrawnHeights(500);
        assertThat(heights.section(new OutlineSection("a", "Phase " + "long title ".repeat(20), OutlineSection.Area.OVERVIEW, List.of())))
                .isGreaterThan(heights.section(new OutlineSection("b", "Summary", OutlineSection.Area.OVERVIEW, List.of())));
    }

    @Property
    void aNarrowerDocumentIsNeverEstimatedShorter(@ForAll @StringLength(max = 2000) String text,
                                                  @ForAll @DoubleRange(min = 100, max = 3000) double wide,
                                                  @ForAll @DoubleRange(min = 0, max = 1) double share) {
        double narrow = 100 + (wide - 100) * share;
        assertThat(new DrawnHeights(narrow).block(new Block.Paragraph(text)))
                .isGreaterThanOrEqualTo(new DrawnHeights(wide).block(new Block.Paragraph(text)));
        assertThat(DrawnHeights.lines(text, narrow, 7)).isGreaterThanOrEqualTo(DrawnHeights.lines(text, wide, 7))
                .isGreaterThanOrEqualTo(1 + (int) text.chars().filter(c -> c == '\n').count());
    }
}
