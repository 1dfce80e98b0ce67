package io.incidentconsole.importer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.incidentconsole.plan.Plan;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The texts the nested-item check counts as carried into the plan are taken while the plan is serialised to
 * nowhere; they are those of the plan's JSON tree, which it built before (a second copy of the whole plan).
 */
class CarriedTextsTest {

    private static Set<String> fromTree(Plan plan) {
        Set<String> texts = new HashSet<>();
        collect(new ObjectMapper().registerModule(new JavaTimeModule()).valueToTree(plan), texts);
        return texts;
    }

    private static void collect(JsonNode node, Set<String> into) {
        if (node.isTextual()) {
            into.add(node.asText().strip());
            for (String line : Outline.lines(node.asText())) {
                into.add(line.strip());
                into.add(NestedItems.withoutMarker(line));
            }
            return;
        }
        node.forEach(child -> collect(child, into));
    }

    @ParameterizedTest
    @ValueSource(strings = {"seed-coordination-plan.md", "canary-rollout.md", "certificate-expiry.md",
        "db-migration-cutover.md"})
    void theTextsAreThoseOfThePlansTree(String document) throws IOException {
        String markdown;
        try (var in = CarriedTextsTest.class.getResourceAsStream("/importer/" + document)) {
            markdown = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Plan plan = new MarkdownImporter().importDocument(document, markdown).plan();
        Set<String> carried = NestedItems.carriedTexts(plan);
        assertThat(carried).hasSizeGreaterThan(50).isEqualTo(fromTree(plan));
    }
}
