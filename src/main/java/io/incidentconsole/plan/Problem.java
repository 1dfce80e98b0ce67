package io.incidentconsole.plan;

/**
 * One thing wrong with a plan file, with where it is: {@code line}/{@code column} are 1-based and 0 when
 * unknown; {@code path} is the element, e.g. {@code phases[3].dependsOn[0]}.
 */
public record Problem(String source, int line, int column, String path, String message) {

    /** {@code file:line:column: path: message}, the form editors and CI logs understand. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder(source);
        if (line > 0) {
            out.append(':').append(line).append(':').append(column);
        }
        out.append(": ");
        if (path != null && !path.isEmpty()) {
            out.append(path).append(": ");
        }
        return out.append(message).toString();
    }
}
