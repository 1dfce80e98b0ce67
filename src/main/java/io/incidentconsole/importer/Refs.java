package io.incidentconsole.importer;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** References in prose: to issues ({@code #330}), to phases ({@code #330 Phase 1-2}), and dependency wording. */
final class Refs {

    private static final Pattern HASH_ISSUE = Pattern.compile("(?<![\\w&/])#(\\d{1,9})\\b");
    private static final Pattern KEY_ISSUE = Pattern.compile("\\b([A-Z][A-Z0-9]{1,9}-\\d{1,9})\\b");
    /** "Issue #330", "Incident INC-42": the forms that may introduce a new issue. */
    static final Pattern NAMED_ISSUE = Pattern.compile(
            "(?i)\\b(?:issue|incident|ticket|bug)\\s*(?:#(\\d{1,9})\\b|([A-Z][A-Z0-9]{1,9}-\\d{1,9})\\b)");
    private static final Pattern PHASE_REF = Pattern.compile(
            "(?:(?<![\\w&/])#(\\d{1,9})\\s+|\\b([A-Z][A-Z0-9]{1,9}-\\d{1,9})\\s+)?"
                    + "\\b(?i:phase|stage|step|week|wave)s?\\s+(\\d{1,4})(?:\\s*(?:-|–|—|to|through|and|&)\\s*(\\d{1,4}))?\\b");
    private static final Pattern AFTER = Pattern.compile(
            "(?i)\\b(after|must\\s+(?:be\\s+)?complete|must\\s+finish|requires?|required|depends?\\s+on|dependent\\s+on|"
                    + "blocked\\s+by|wait(?:s|ing)?\\s+(?:for|until)|once|prerequisites?|following|gated\\s+(?:on|by)|"
                    + "until|not\\s+before|follows)\\b");
    private static final Pattern BLOCKS = Pattern.compile("(?i)\\bblocks?\\b|\\bblocking\\b");
    private static final Pattern NON_WORD = Pattern.compile("[^a-z0-9]+");
    private static final Pattern NON_WORD_OR_PLUS = Pattern.compile("[^a-z0-9+]+");
    private static final Pattern PARALLEL = Pattern.compile("(?i)\\b(parallel|concurrent(?:ly)?|alongside)\\b");

    private Refs() {
    }

    /** A reference to phase numbers {@code from..to} of an issue ({@code null} when the text names none). */
    record PhaseRef(String issue, int from, int to, int start, int end) {
    }

    /** Issue ids mentioned, in order: "#330" gives "330"; keys such as INC-42 only when already known. */
    static List<String> issues(String text, Set<String> knownKeys) {
        Set<String> found = new LinkedHashSet<>();
        if (text.indexOf('#') >= 0) {
            Matcher m = HASH_ISSUE.matcher(text);
            while (m.find()) {
                found.add(m.group(1));
            }
        }
        Matcher k = KEY_ISSUE.matcher(text);
        while (text.indexOf('-') >= 0 && k.find()) {
            if (knownKeys.contains(k.group(1))) {
                found.add(k.group(1));
            }
        }
        return new ArrayList<>(found);
    }

    static String namedIssue(String text) {
        Matcher m = NAMED_ISSUE.matcher(text);
        if (!m.find()) {
            return null;
        }
        return m.group(1) != null ? m.group(1) : m.group(2);
    }

    static List<PhaseRef> phases(String text) {
        List<PhaseRef> refs = new ArrayList<>();
        Matcher m = PHASE_REF.matcher(text);
        while (m.find()) {
            String issue = m.group(1) != null ? m.group(1) : m.group(2);
            int from = Integer.parseInt(m.group(3));
            int to = m.group(4) == null ? from : Integer.parseInt(m.group(4));
            if (to < from || to - from > 50) {
                to = from;
            }
            refs.add(new PhaseRef(issue, from, to, m.start(), m.end()));
        }
        return refs;
    }

    static boolean saysAfter(String text) {
        return AFTER.matcher(text).find();
    }

    /** Where "blocks" stands in the text, or -1. */
    static int blocksAt(String text) {
        Matcher m = BLOCKS.matcher(text);
        return m.find() ? m.start() : -1;
    }

    static boolean saysParallel(String text) {
        return PARALLEL.matcher(text).find();
    }

    /** A lower-case id fragment: "Code Changes" gives "code-changes". */
    static String slug(String text, int maxWords) {
        StringBuilder out = new StringBuilder();
        int words = 0;
        for (String word : NON_WORD.split(text.toLowerCase(Locale.ROOT))) {
            if (word.isEmpty()) {
                continue;
            }
            if (words == maxWords) {
                break;
            }
            if (out.length() > 0) {
                out.append('-');
            }
            out.append(word);
            words++;
        }
        return out.toString();
    }

    static Set<String> words(String text) {
        Set<String> words = new LinkedHashSet<>();
        for (String word : NON_WORD_OR_PLUS.split(text.toLowerCase(Locale.ROOT))) {
            if (word.length() > 2 && !STOP.contains(word)) {
                words.add(word.endsWith("s") && word.length() > 4 ? word.substring(0, word.length() - 1) : word);
            }
        }
        return words;
    }

    private static final Set<String> STOP = Set.of("the", "and", "for", "with", "from", "into", "issue", "issues",
            "phase", "cause", "causes", "if", "then", "when", "that", "this", "are", "was", "all", "per", "day");
}
