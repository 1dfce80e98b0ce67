package io.incidentconsole.plan.outline;

import java.util.List;

/** A piece of a readable plan section. Views render these; exports turn them into Markdown. */
public sealed interface Block {

    record Heading(String text) implements Block {
    }

    record Paragraph(String text) implements Block {
    }

    /** Label/value pairs ("Timeline: Week 1 (1 hour + 24hr testing)"). */
    record Facts(List<Fact> facts) implements Block {
        public Facts {
            facts = List.copyOf(facts);
        }
    }

    record Fact(String label, String value) {
    }

    record Bullets(List<String> items) implements Block {
        public Bullets {
            items = List.copyOf(items);
        }
    }

    record Numbered(List<String> items) implements Block {
        public Numbered {
            items = List.copyOf(items);
        }
    }

    /** A checklist as the plan states it (nothing is ticked in a plan). */
    record Checklist(List<String> items) implements Block {
        public Checklist {
            items = List.copyOf(items);
        }
    }

    /**
     * A table; {@code statusColumn} (or -1) names the column whose cells are phase statuses, which views
     * draw as badges.
     */
    record Table(List<String> headers, List<List<String>> rows, int statusColumn) implements Block {
        public Table {
            headers = List.copyOf(headers);
            rows = rows.stream().map(List::copyOf).toList();
        }
    }

    /** Shell commands or other literal text, shown monospaced and never reflowed. */
    record Code(String text) implements Block {
    }

    /** Prose kept as the plan wrote it (Markdown). */
    record Markdown(String text) implements Block {
    }
}
