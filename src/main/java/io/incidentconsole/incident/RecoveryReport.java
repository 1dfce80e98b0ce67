package io.incidentconsole.incident;

import java.util.List;
import java.util.Optional;

/**
 * What opening a journal found besides good events. {@code lastGoodSeq} is the sequence number of the last
 * event the incident state is built from (0 when there is none).
 */
public record RecoveryReport(List<Finding> findings, long lastGoodSeq) {

    public static final RecoveryReport CLEAN = new RecoveryReport(List.of(), 0);

    public RecoveryReport {
        findings = List.copyOf(findings);
    }

    public enum Kind {
        /** The last line was cut off by a crash mid-write and was dropped; everything before it is kept. */
        TORN_TAIL,
        /**
         * A damaged line with more after it. The file is kept as it is; the incident can continue from the last
         * good event into a new segment once the operator says so.
         */
        DAMAGED,
        /** Damage found on an earlier opening and already continued past. */
        CONTINUED_PAST,
        /** An event of a kind this version does not know: kept and shown, changes nothing. */
        UNRECOGNIZED
    }

    /** {@code line} is 1-based in {@code segment} (a file name in the incident folder). */
    public record Finding(Kind kind, String segment, int line, String message) {
        @Override
        public String toString() {
            return segment + ":" + line + ": " + message;
        }
    }

    public boolean clean() {
        return findings.isEmpty();
    }

    /** Damage the operator must decide on before new events can be written. */
    public Optional<Finding> unresolvedDamage() {
        return findings.stream().filter(f -> f.kind() == Kind.DAMAGED).findFirst();
    }

    /** Findings worth a visible warning (all but those continued past on an earlier opening). */
    public List<Finding> warnings() {
        return findings.stream().filter(f -> f.kind() != Kind.CONTINUED_PAST).toList();
    }
}
