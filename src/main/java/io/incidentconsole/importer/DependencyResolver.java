package io.incidentconsole.importer;

import io.incidentconsole.importer.Drafts.PhaseDraft;
import io.incidentconsole.importer.ReadContext.PendingDependency;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Phase dependencies, once every phase is known: from wording ("after Phase 2", "Phase 1 BLOCKS #324"), then
 * phases of one issue in the order listed, then any dependency that would close a cycle dropped.
 */
final class DependencyResolver {

    private final ReadContext ctx;
    private final PhaseIndex phases;

    DependencyResolver(ReadContext ctx) {
        this.ctx = ctx;
        this.phases = ctx.phases;
    }

    void resolve() {
        for (PendingDependency pending : ctx.pendingDependencies) {
            String text = pending.text();
            int blocks = Refs.blocksAt(text);
            if (blocks >= 0) {
                blocks(pending, text, blocks);
                continue;
            }
            if (!Refs.saysAfter(text) || Refs.saysParallel(text)) {
                continue;
            }
            PhaseDraft subject = pending.phase();
            if (subject == null && pending.issue() != null) {
                subject = phases.of(pending.issue()).stream().findFirst().orElse(null);
            }
            if (subject == null) {
                continue;
            }
            List<PhaseDraft> prerequisites = phases.refsIn(text, subject.issue());
            if (prerequisites.isEmpty()) {
                prerequisites = byName(text, subject);
            }
            for (PhaseDraft prerequisite : prerequisites) {
                addDependency(subject, prerequisite, pending.line(), text);
            }
        }
        sequenceWithinIssues();
        breakCycles();
    }

    /**
     * "after Database Preparation": the unnumbered phases (those read from a document's sections) whose every
     * significant word comes after the word "after".
     */
    private List<PhaseDraft> byName(String text, PhaseDraft subject) {
        Matcher after = AFTER_WORD.matcher(text);
        if (!after.find()) {
            return List.of();
        }
        Set<String> words = Refs.words(text.substring(after.end()));
        List<PhaseDraft> found = new ArrayList<>();
        for (PhaseDraft p : phases) {
            Set<String> name = Refs.words(p.name);
            if (p != subject && p.number == null && !name.isEmpty() && words.containsAll(name)) {
                found.add(p);
            }
        }
        return found;
    }

    private static final Pattern AFTER_WORD = Pattern.compile("(?i)\\bafter\\b");

    /** "X blocks Y": every phase named after the word depends on every phase named before it. */
    private void blocks(PendingDependency pending, String text, int at) {
        List<PhaseDraft> before = phases.refsIn(text.substring(0, at), pending.issue());
        String after = text.substring(at);
        List<PhaseDraft> blocked = phases.refsIn(after, pending.issue());
        if (blocked.isEmpty()) {
            for (String id : Refs.issues(after, ctx.issues.keySet())) {
                phases.of(id).stream().findFirst().ifPresent(blocked::add);
            }
        }
        if (blocked.isEmpty() && pending.phase() != null) {
            blocked.add(pending.phase());
        }
        for (PhaseDraft b : blocked) {
            for (PhaseDraft a : before) {
                addDependency(b, a, pending.line(), text);
            }
        }
    }

    /**
     * Phases of one issue run in order unless the document says otherwise: a phase with no dependency on
     * an earlier phase of its own issue follows the one before it.
     */
    private void sequenceWithinIssues() {
        Map<String, PhaseDraft> previous = new HashMap<>();
        Map<String, PhaseDraft> byId = byId();
        for (PhaseDraft phase : phases) {
            String issue = phase.issue() == null ? "" : phase.issue();
            PhaseDraft before = previous.get(issue);
            boolean ownIssueDependency = phase.dependsOn.stream()
                    .map(byId::get).anyMatch(d -> d != null && Objects.equals(d.issue(), phase.issue()));
            boolean beforeWaitsForThis = before != null && before.dependsOn.contains(phase.id);
            if (before != null && !ownIssueDependency && !beforeWaitsForThis && before.to <= phase.from) {
                phase.dependsOn.add(before.id);
                ctx.log.decided(phase.line, phase.id + " follows " + before.id + ": the document gives no order within "
                        + (issue.isEmpty() ? "the plan" : "#" + issue) + ", so phases run in the order listed");
            }
            previous.put(issue, phase);
        }
    }

    private Map<String, PhaseDraft> byId() {
        Map<String, PhaseDraft> byId = new HashMap<>();
        phases.forEach(p -> byId.put(p.id, p));
        return byId;
    }

    private void addDependency(PhaseDraft phase, PhaseDraft on, int line, String text) {
        if (phase == on || phase.dependsOn.contains(on.id)) {
            return;
        }
        phase.dependsOn.add(on.id);
        ctx.log.recognised("dependency", phase.id, phase.id + " after " + on.id, line, "from: " + text);
    }

    private void breakCycles() {
        Map<String, PhaseDraft> byId = byId();
        int[] component = components(byId);
        for (PhaseDraft phase : phases) {
            for (Iterator<String> it = phase.dependsOn.iterator(); it.hasNext(); ) {
                String dep = it.next();
                PhaseDraft on = byId.get(dep);
                // Only a dependency inside a strongly connected component can close a cycle, and dropping
                // dependencies never joins components: the search runs only where a cycle is possible.
                boolean mayCloseCycle = on != null && component[on.position] == component[phase.position];
                if (mayCloseCycle && reaches(byId, dep, phase.id, new HashSet<>())) {
                    it.remove();
                    ctx.log.decided(phase.line, "dropped " + phase.id + " after " + dep + ": it would close a dependency cycle");
                }
            }
        }
    }

    /** The strongly connected component of each phase (by position) in the dependency graph; Tarjan's, without recursion. */
    private int[] components(Map<String, PhaseDraft> byId) {
        List<PhaseDraft> all = phases.all();
        int n = all.size();
        int[][] edges = new int[n][];
        for (PhaseDraft phase : all) {
            edges[phase.position] = phase.dependsOn.stream().map(byId::get).filter(Objects::nonNull)
                    .mapToInt(p -> p.position).toArray();
        }
        int[] index = new int[n];
        Arrays.fill(index, -1);
        int[] low = new int[n];
        int[] component = new int[n];
        boolean[] onStack = new boolean[n];
        Deque<Integer> stack = new ArrayDeque<>();
        int counter = 0;
        int components = 0;
        for (int root = 0; root < n; root++) {
            if (index[root] >= 0) {
                continue;
            }
            Deque<int[]> work = new ArrayDeque<>();
            index[root] = counter;
            low[root] = counter++;
            stack.push(root);
            onStack[root] = true;
            work.push(new int[] {root, 0});
            while (!work.isEmpty()) {
                int[] top = work.peek();
                int v = top[0];
                if (top[1] < edges[v].length) {
                    int w = edges[v][top[1]++];
                    if (index[w] < 0) {
                        index[w] = counter;
                        low[w] = counter++;
                        stack.push(w);
                        onStack[w] = true;
                        work.push(new int[] {w, 0});
                    } else if (onStack[w]) {
                        low[v] = Math.min(low[v], index[w]);
                    }
                    continue;
                }
                work.pop();
                if (!work.isEmpty()) {
                    int parent = work.peek()[0];
                    low[parent] = Math.min(low[parent], low[v]);
                }
                if (low[v] == index[v]) {
                    int w;
                    do {
                        w = stack.pop();
                        onStack[w] = false;
                        component[w] = components;
                    } while (w != v);
                    components++;
                }
            }
        }
        return component;
    }

    private static boolean reaches(Map<String, PhaseDraft> byId, String from, String to, Set<String> seen) {
        if (from.equals(to)) {
            return true;
        }
        if (!seen.add(from)) {
            return false;
        }
        PhaseDraft p = byId.get(from);
        if (p == null) {
            return false;
        }
        for (String next : p.dependsOn) {
            if (reaches(byId, next, to, seen)) {
                return true;
            }
        }
        return false;
    }
}
