package io.incidentconsole.importer;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** Unique ids per kind; a repeated id gets "_2", "_3" and the report says so. */
final class Ids {

    private final Map<String, Set<String>> taken = new HashMap<>();
    /** Per namespace and base, the suffix to try first: every smaller one is taken already (ids are never freed). */
    private final Map<String, Integer> nextSuffix = new HashMap<>();

    String unique(String kind, String base, int line, ReportLog log) {
        String ns = kind.equals("procedure") || kind.equals("runbook") ? "runbook" : kind;
        Set<String> set = taken.computeIfAbsent(ns, k -> new HashSet<>());
        if (set.add(base)) {
            return base;
        }
        String key = ns + '\n' + base;
        int n = nextSuffix.getOrDefault(key, 2);
        while (!set.add(base + "_" + n)) {
            n++;
        }
        nextSuffix.put(key, n + 1);
        log.decided(line, "a second " + kind + " would have id '" + base + "'; named it '" + base + "_" + n + "'");
        return base + "_" + n;
    }
}
