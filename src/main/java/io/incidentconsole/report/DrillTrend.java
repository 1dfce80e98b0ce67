package io.incidentconsole.report;

import io.incidentconsole.incident.storage.IncidentStore;
import io.incidentconsole.incident.Incident;
import io.incidentconsole.incident.IncidentException;
import io.incidentconsole.incident.IncidentMetadata;
import io.incidentconsole.incident.IncidentSummary;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The drills to compare with one drill: every drill in the same data folder (the incident folder's siblings) of the
 * same plan, by title and plan hash, read without taking their locks. An unreadable one is named and left out.
 */
public final class DrillTrend {

    private DrillTrend() {
    }

    public static List<DrillFacts> of(Incident drill, Instant now, Consumer<String> skipped) {
        List<DrillFacts> facts = new ArrayList<>();
        IncidentMetadata self = drill.metadata();
        facts.add(DrillFacts.of(self, drill.state(), now));
        Path incidents = drill.directory().toAbsolutePath().getParent();
        if (incidents == null || incidents.getParent() == null
                || !IncidentStore.INCIDENTS.equals(String.valueOf(incidents.getFileName()))) {
            return facts;
        }
        for (IncidentSummary summary : new IncidentStore(incidents.getParent()).list()) {
            if (!summary.drill() || summary.id().equals(self.id()) || summary.problem() != null
                    || !self.planTitle().equals(summary.planTitle())) {
                continue;
            }
            try (Incident other = IncidentStore.inspect(summary.directory())) {
                if (other.metadata().planSha256().equals(self.planSha256())) {
                    facts.add(DrillFacts.of(other.metadata(), other.state(), now));
                }
            } catch (IncidentException e) {
                skipped.accept(summary.id() + ": left out of the trend: " + e.getMessage());
            }
        }
        return facts;
    }
}
