package io.incidentconsole.incident;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
        UNRECOGNIZED,
        /**
         * The first line whose checksum chain does not follow the line before it in this incident: a line was
         * changed, inserted, removed or reordered, or copied from another incident. The events are still read.
         */
        CHAIN_BROKEN,
        /**
         * Lines without a checksum chain, written by 0.1: they open as before, but a line copied from another
         * incident cannot be detected in them. Informational: shown by the CLI and {@code verify}, not as a warning
         * dialog in the console.
         */
        UNCHAINED
    }

    /** {@code line} is 1-based in {@code segment} (a file name in the incident folder). */
    public record Finding(Kind kind, String segment, int line, String message) {
        @Override
        public String toString() {
            return segment + ":" + line + ": " + message;
        }
    }

    /** Nothing found besides good events (lines written by 0.1 without a chain count as good). */
    public boolean clean() {
        return findings.stream().allMatch(f -> f.kind() == Kind.UNCHAINED);
    }

    /** Damage the operator must decide on before new events can be written. */
    public Optional<Finding> unresolvedDamage() {
        return findings.stream().filter(f -> f.kind() == Kind.DAMAGED).findFirst();
    }

    /** Findings worth a visible warning (all but those continued past on an earlier opening, and unchained lines). */
    public List<Finding> warnings() {
        return findings.stream().filter(f -> f.kind() != Kind.CONTINUED_PAST && f.kind() != Kind.UNCHAINED).toList();
    }

    /** Where the checksum chain first breaks, if it does. */
    public Optional<Finding> chainBreak() {
        return findings.stream().filter(f -> f.kind() == Kind.CHAIN_BROKEN).findFirst();
    }

    /** Where lines without a chain (written by 0.1) start, if there are any. */
    public Optional<Finding> unchained() {
        return findings.stream().filter(f -> f.kind() == Kind.UNCHAINED).findFirst();
    }

    /**
     * The warnings as one line each, {@code FOLDER/SEGMENT:LINE: what}, for a terminal and for the text of an
     * export: damage first, naming its line; events of unknown kinds counted in one line (by kind), naming the
     * first. Empty when the journal read cleanly.
     */
    public List<String> warningLines(Path folder) {
        List<String> lines = new ArrayList<>();
        Finding firstUnknown = null;
        Map<String, Integer> unknownKinds = new LinkedHashMap<>();
        List<Finding> shown = new ArrayList<>(warnings());
        unchained().ifPresent(shown::add);
        for (Finding finding : shown) {
            if (finding.kind() == Kind.UNRECOGNIZED) {
                firstUnknown = firstUnknown == null ? finding : firstUnknown;
                unknownKinds.merge(kindOf(finding.message()), 1, Integer::sum);
            } else {
                lines.add(located(folder, finding) + finding.message());
            }
        }
        if (firstUnknown != null) {
            int count = unknownKinds.values().stream().mapToInt(Integer::intValue).sum();
            List<String> kinds = unknownKinds.entrySet().stream()
                    .map(e -> e.getKey() + (e.getValue() > 1 ? " ×" + e.getValue() : "")).toList();
            lines.add(located(folder, firstUnknown) + count + (count == 1 ? " event" : " events")
                    + " this version cannot read (" + String.join(", ", kinds) + "), the first here: "
                    + (count == 1 ? "it is" : "they are") + " kept and shown as written but change nothing");
        }
        return lines;
    }

    private static String located(Path folder, Finding finding) {
        String file = folder == null ? finding.segment() : folder.resolve(finding.segment()).toString();
        return file + ":" + finding.line() + ": ";
    }

    /** The kind named in an UNRECOGNIZED finding ("event 7 of kind 'X': ..."). */
    private static String kindOf(String message) {
        int start = message.indexOf("of kind '");
        int end = start < 0 ? -1 : message.indexOf('\'', start + 9);
        return end < 0 ? "?" : message.substring(start + 9, end);
    }
}
