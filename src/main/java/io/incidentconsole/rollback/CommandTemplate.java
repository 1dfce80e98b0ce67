package io.incidentconsole.rollback;

import io.incidentconsole.plan.CommandSyntax;
import io.incidentconsole.plan.CommandSyntax.Slot;
import io.incidentconsole.plan.Placeholders.Placeholder;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A command template filled with values: each placeholder becomes a form that stays one literal word in its
 * surroundings: bare ({@code 'v'}), inside double quotes ({@code "..."'v'"..."}), inside single quotes
 * ({@code '...''v''...'}) or in a comment (kept a comment across newlines). An empty value of a placeholder that
 * is a whole word on its own is left out (an optional parameter left empty), rather than passed as {@code ''}.
 * Where the template may be filled at all is {@link CommandSyntax}'s decision, the same one {@code validate} makes.
 */
public final class CommandTemplate {

    private final CommandSyntax syntax;

    private CommandTemplate(CommandSyntax syntax) {
        this.syntax = syntax;
    }

    /** A template of a step that is not marked unsafe. */
    public static CommandTemplate parse(String template) {
        return parse(template, false);
    }

    /** A template; {@code unsafeAllowed} for a step marked {@code unsafe: true} (its values may reach an evaluator). */
    public static CommandTemplate parse(String template, boolean unsafeAllowed) {
        return new CommandTemplate(CommandSyntax.parse(template, unsafeAllowed));
    }

    public String template() {
        return syntax.template();
    }

    public List<Slot> slots() {
        return syntax.slots();
    }

    /** Why the template cannot be filled safely; empty when it can. */
    public List<String> problems() {
        return syntax.problems();
    }

    /**
     * The command with every placeholder replaced by its quoted value.
     *
     * @throws TemplateFillException naming the parameter when a value is missing or refused, or the template
     *                               itself when it has problems
     */
    public String fill(Map<String, String> values) throws TemplateFillException {
        if (!problems().isEmpty()) {
            throw new TemplateFillException(null, String.join("; ", problems()));
        }
        String template = syntax.template();
        StringBuilder out = new StringBuilder(template.length() + 32);
        int at = 0;
        for (Slot slot : slots()) {
            Placeholder placeholder = slot.placeholder();
            out.append(template, at, placeholder.start());
            String value = values.get(placeholder.name());
            if (value == null) {
                throw new TemplateFillException(placeholder.name(), "no value given");
            }
            if (value.isEmpty() && slot.wholeWord()) {
                // An optional value left empty: no word at all (with its separating blank), not a '' argument.
                int end = placeholder.end();
                if (out.length() > 0 && out.charAt(out.length() - 1) == ' ') {
                    out.setLength(out.length() - 1);
                } else if (end < template.length() && template.charAt(end) == ' ') {
                    end++;
                }
                at = end;
                continue;
            }
            String quoted;
            try {
                quoted = ShellQuoting.quote(value);
            } catch (RefusedValueException e) {
                throw new TemplateFillException(placeholder.name(), e.reason());
            }
            out.append(switch (slot.context()) {
                case DOUBLE_QUOTED -> "\"" + quoted + "\"";
                case SINGLE_QUOTED -> "'" + quoted + "'";
                case COMMENT -> quoted.replace("\n", "\n# ");
                default -> quoted;
            });
            at = placeholder.end();
        }
        return out.append(template, at, template.length()).toString();
    }

    /** A value could not be put into the command; {@code parameter} is null when the template is at fault. */
    public static final class TemplateFillException extends Exception {

        private static final long serialVersionUID = 1L;

        private final String parameter;
        private final String reason;

        public TemplateFillException(String parameter, String reason) {
            super(parameter == null ? reason : parameter + ": " + reason);
            this.parameter = parameter;
            this.reason = reason;
        }

        public Optional<String> parameter() {
            return Optional.ofNullable(parameter);
        }

        public String reason() {
            return reason;
        }
    }
}
