package io.incidentconsole.incident;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Every event kind is either folded into the state or declared informational: a new kind cannot be ignored silently. */
class FoldCoverageTest {

    @Test
    void everyKindIsHandledOrDeclaredInformational() {
        Set<Class<?>> kinds = new HashSet<>(Arrays.asList(EventPayload.class.getPermittedSubclasses()));
        Set<Class<?>> covered = new HashSet<>(IncidentState.handledKinds());
        covered.addAll(IncidentState.INFORMATIONAL);

        assertThat(covered).containsExactlyInAnyOrderElementsOf(kinds);
        assertThat(IncidentState.handledKinds()).doesNotContainAnyElementsOf(IncidentState.INFORMATIONAL);
    }
}
