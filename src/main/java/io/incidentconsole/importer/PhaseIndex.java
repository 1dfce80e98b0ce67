package io.incidentconsole.importer;

import io.incidentconsole.importer.Drafts.PhaseDraft;
import io.incidentconsole.importer.Outline.Section;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The phases found so far, in plan order, with the lookups recognisers make per item (by issue, by number,
 * by section), kept as phases are added so that no lookup scans every phase.
 */
final class PhaseIndex implements Iterable<PhaseDraft> {

    private static final int WIDE_RANGE = 64;

    private final Set<String> knownIssues;
    private final List<PhaseDraft> phases = new ArrayList<>();
    private final Map<Section, PhaseDraft> sections = new IdentityHashMap<>();
    /** Phases by issue (null: no issue), in plan order. */
    private final Map<String, List<PhaseDraft>> byIssue = new HashMap<>();
    /** Phases by each number they cover, in plan order; ranges wider than {@link #WIDE_RANGE} are kept apart. */
    private final Map<Integer, List<PhaseDraft>> byNumber = new HashMap<>();
    private final List<PhaseDraft> wide = new ArrayList<>();

    PhaseIndex(Set<String> knownIssues) {
        this.knownIssues = knownIssues;
    }

    void add(PhaseDraft phase) {
        phase.position = phases.size();
        phases.add(phase);
        byIssue.computeIfAbsent(phase.issue(), k -> new ArrayList<>()).add(phase);
        if (phase.to - phase.from > WIDE_RANGE) {
            wide.add(phase);
        } else {
            for (int n = phase.from; n <= phase.to; n++) {
                byNumber.computeIfAbsent(n, k -> new ArrayList<>()).add(phase);
            }
        }
    }

    List<PhaseDraft> all() {
        return phases;
    }

    boolean isEmpty() {
        return phases.isEmpty();
    }

    @Override
    public Iterator<PhaseDraft> iterator() {
        return phases.iterator();
    }

    void sectionOf(Section section, PhaseDraft phase) {
        sections.put(section, phase);
    }

    boolean isPhaseSection(Section section) {
        return sections.containsKey(section);
    }

    /** The phase whose section holds this one (the section itself or a parent), or null. */
    PhaseDraft inPhase(Section section) {
        for (Section s = section; s != null; s = s.parent) {
            PhaseDraft p = sections.get(s);
            if (p != null) {
                return p;
            }
        }
        return null;
    }

    /** The phases whose first issue is the given one (null: phases without an issue), in plan order. */
    List<PhaseDraft> of(String issue) {
        return byIssue.getOrDefault(issue, List.of());
    }

    /** The phases of the issue, or all phases when the issue is unknown (null). */
    List<PhaseDraft> ofOrAll(String issue) {
        return issue == null ? phases : of(issue);
    }

    /** The phases covering the number, in plan order. */
    List<PhaseDraft> covering(int number) {
        List<PhaseDraft> narrow = byNumber.getOrDefault(number, List.of());
        if (wide.isEmpty()) {
            return narrow;
        }
        List<PhaseDraft> all = new ArrayList<>(narrow);
        wide.stream().filter(p -> p.covers(number)).forEach(all::add);
        all.sort(Comparator.comparingInt(p -> p.position));
        return all;
    }

    /** The phase a number means within an issue; without an issue, only a number that one phase covers. */
    PhaseDraft resolve(String issue, int number) {
        List<PhaseDraft> covering = covering(number);
        if (issue != null) {
            // The first phase of the issue covering the number; both lists are in plan order, so walk the shorter.
            List<PhaseDraft> ofIssue = of(issue);
            for (PhaseDraft p : ofIssue.size() < covering.size() ? ofIssue : covering) {
                if (p.covers(number) && issue.equals(p.issue())) {
                    return p;
                }
            }
        }
        boolean unambiguous = covering.size() == 1 && (issue == null || !knownIssues.contains(issue));
        return unambiguous ? covering.get(0) : null;
    }

    /** The phases a text refers to ("Phase 2", "phases 3-4", "#330 Phase 1"), in the order it names them. */
    List<PhaseDraft> refsIn(String text, String issue) {
        List<PhaseDraft> found = new ArrayList<>();
        for (Refs.PhaseRef r : Refs.phases(text)) {
            for (int n = r.from(); n <= r.to(); n++) {
                PhaseDraft p = resolve(r.issue() != null ? r.issue() : issue, n);
                if (p != null && !found.contains(p)) {
                    found.add(p);
                }
            }
        }
        return found;
    }
}
