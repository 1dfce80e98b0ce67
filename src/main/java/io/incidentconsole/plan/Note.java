package io.incidentconsole.plan;

/**
 * Prose the plan carries that is not otherwise modelled (root cause analysis, rationale, lessons learned,
 * references), as Markdown, attached to an issue and/or a phase or to the plan as a whole.
 */
public record Note(String id, @Required String title, NoteKind kind, String issue, String phase, String body) {
    public Note {
        kind = kind == null ? NoteKind.OTHER : kind;
    }
}
