package io.incidentconsole.plan;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A condition on a metric, written {@code METRIC OP VALUE [for DURATION]}, e.g.
 * {@code error_rate > 0.02 for 5m} or {@code convex_calls >= 900K}. Values accept K/M/G suffixes and
 * durations s/m/h/d.
 */
public record MetricCondition(String metric, Comparison comparison, double value, Duration forAtLeast) {

    /**
     * A decimal number with one way to read it ({@code 12}, {@code 1.5}, {@code .5}, {@code 2e3}) and possessive
     * quantifiers, so matching is linear in the text's length however long a digit run is.
     */
    static final String NUMBER = "[-+]?+(?:[0-9]++(?:\\.[0-9]++)?+|\\.[0-9]++)(?:[eE][-+]?+[0-9]++)?+";

    private static final Pattern FORM = Pattern.compile(
            "\\s*+([A-Za-z_][A-Za-z0-9_.-]*+)\\s*+(<=|>=|==|!=|<|>)\\s*+(" + NUMBER + ")(?:\\s*+([kKmMgG%]))?"
                    + "(?:\\s++for\\s++([0-9]++)\\s*+([smhd]))?\\s*+");

    public MetricCondition {
        forAtLeast = forAtLeast == null ? Duration.ZERO : forAtLeast;
    }

    @JsonCreator
    public static MetricCondition parse(String text) {
        Matcher m = FORM.matcher(text == null ? "" : text);
        if (!m.matches()) {
            throw new IllegalArgumentException("expected 'METRIC OP VALUE [for DURATION]' such as "
                    + "'error_rate > 0.02 for 5m', got '" + text + "'");
        }
        String suffix = m.group(4) == null ? "" : m.group(4);
        double value = Double.parseDouble(m.group(3)) * switch (suffix.toUpperCase(Locale.ROOT)) {
            case "K" -> 1e3;
            case "M" -> 1e6;
            case "G" -> 1e9;
            case "%" -> 0.01;
            default -> 1;
        };
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("the value in '" + text + "' is too large");
        }
        Duration hold = Duration.ZERO;
        if (m.group(5) != null) {
            try {
                long n = Long.parseLong(m.group(5));
                hold = switch (m.group(6)) {
                    case "s" -> Duration.ofSeconds(n);
                    case "m" -> Duration.ofMinutes(n);
                    case "h" -> Duration.ofHours(n);
                    default -> Duration.ofDays(n);
                };
            } catch (ArithmeticException | NumberFormatException e) {
                throw new IllegalArgumentException("the duration in '" + text + "' is too long", e);
            }
        }
        return new MetricCondition(m.group(1), Comparison.of(m.group(2)), value, hold);
    }

    public boolean holdsFor(double sample) {
        return comparison.test(sample, value);
    }

    /** For people: "convex_calls <= 2.8M for 5m", the value spelled by {@link QuantityFormat#exact}. */
    public String describe() {
        return metric + " " + comparison.symbol() + " " + QuantityFormat.exact(value) + holdText();
    }

    private String holdText() {
        if (forAtLeast.isZero()) {
            return "";
        }
        long seconds = forAtLeast.toSeconds();
        if (seconds % 86_400 == 0) {
            return " for " + seconds / 86_400 + "d";
        }
        if (seconds % 3_600 == 0) {
            return " for " + seconds / 3_600 + "h";
        }
        return seconds % 60 == 0 ? " for " + seconds / 60 + "m" : " for " + seconds + "s";
    }

    /** The plan's own syntax, written back into plan files and journals: every digit, hold in seconds. */
    @JsonValue
    @Override
    public String toString() {
        String v = value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value)
                : Double.toString(value);
        String hold = forAtLeast.isZero() ? "" : " for " + forAtLeast.toSeconds() + "s";
        return metric + " " + comparison.symbol() + " " + v + hold;
    }

    public enum Comparison {
        LT("<"), LE("<="), GT(">"), GE(">="), EQ("=="), NE("!=");

        private final String symbol;

        Comparison(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }

        static Comparison of(String symbol) {
            for (Comparison c : values()) {
                if (c.symbol.equals(symbol)) {
                    return c;
                }
            }
            throw new IllegalArgumentException("unknown comparison " + symbol);
        }

        public boolean test(double a, double b) {
            return switch (this) {
                case LT -> a < b;
                case LE -> a <= b;
                case GT -> a > b;
                case GE -> a >= b;
                case EQ -> a == b;
                case NE -> a != b;
            };
        }
    }
}
