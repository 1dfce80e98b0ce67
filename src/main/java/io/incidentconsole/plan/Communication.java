package io.incidentconsole.plan;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** Who is told what, how often. */
public record Communication(List<Cadence> cadences) {

    static final Communication NONE = new Communication(List.of());

    public Communication {
        cadences = Lists.copy(cadences);
    }

    /**
     * Updates to an audience while the listed phases run: every {@code every} (e.g. PT1H), and/or at each
     * milestone (a phase starting or completing) when {@code atMilestones} is set.
     */
    public record Cadence(
            String id,
            String title,
            String audience,
            List<String> phases,
            Duration every,
            boolean atMilestones,
            List<String> contents) {

        public Cadence {
            phases = Lists.copy(phases);
            contents = Lists.copy(contents);
        }

        /**
         * Who and what in one phrase, without saying the audience twice: "Stakeholders: Stakeholder updates during
         * the emergency", but "GitHub issue #330 updates" rather than "GitHub issue #330: GitHub issue #330 updates".
         */
        public String label() {
            if (audience == null || audience.isBlank()) {
                return title;
            }
            if (title == null || title.isBlank()) {
                return audience;
            }
            return title.toLowerCase(Locale.ROOT).contains(audience.toLowerCase(Locale.ROOT))
                    ? title : audience + ": " + title;
        }
    }
}
