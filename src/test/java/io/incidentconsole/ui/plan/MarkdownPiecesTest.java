package io.incidentconsole.ui.plan;

import io.incidentconsole.ui.plan.OutlineRenderer.MarkdownPiece;
import io.incidentconsole.ui.plan.OutlineRenderer.MarkdownPiece.Kind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** How the overview cuts a Markdown block into prose, subheadings and code (the renderer and DrawnHeights share it). */
class MarkdownPiecesTest {

    @Test
    void fencedCodeIsOnePieceAndABoldLineIsASubheading() {
        String text = "Run this **now**:\n```bash\nnpm install better-auth@1.3.34\nnpm test\n```\n**Files Affected:**\n"
                + "coachTrustLevels.ts\n";
        assertThat(OutlineRenderer.markdownPieces(text)).containsExactly(
                new MarkdownPiece(Kind.PROSE, "Run this now:"),
                new MarkdownPiece(Kind.CODE, "npm install better-auth@1.3.34\nnpm test"),
                new MarkdownPiece(Kind.HEADING, "Files Affected:"),
                new MarkdownPiece(Kind.PROSE, "coachTrustLevels.ts"));
    }

    @Test
    void anUnclosedFenceKeepsItsCodeAndBlankProseMakesNoPiece() {
        assertThat(OutlineRenderer.markdownPieces("\n\n```\ngit revert <commit-hash>\n")).containsExactly(
                new MarkdownPiece(Kind.CODE, "git revert <commit-hash>"));
    }

    @Test
    void aCodeBlockShowsItsLinesAndASpareRowUpToThirty() {
        assertThat(OutlineRenderer.codeRows("one")).isEqualTo(2);
        assertThat(OutlineRenderer.codeRows("")).isEqualTo(1);
        assertThat(OutlineRenderer.codeRows("x\n".repeat(100))).isEqualTo(30);
    }
}
