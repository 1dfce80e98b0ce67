package io.incidentconsole.plan;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a plan file (YAML, or JSON) and validates it, reporting every problem with its location. Never
 * throws for bad content: the result carries either the plan or the problems.
 */
public final class PlanLoader {

    /** The bundled seed plan (#324 and #330), on the classpath. */
    public static final String BUNDLED_SEED = "/plans/issue-324-330-coordination.yaml";

    private final ObjectMapper mapper = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    public PlanLoadResult load(Path file) {
        String source = file.toString();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return failed(source, "no such file");
        } catch (IOException e) {
            return failed(source, "cannot read the file: " + e.getMessage());
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
            return load(source, text);
        } catch (CharacterCodingException e) {
            return failed(source, "the file is not UTF-8 text");
        }
    }

    public PlanLoadResult loadBundledSeed() {
        try (InputStream in = PlanLoader.class.getResourceAsStream(BUNDLED_SEED)) {
            if (in == null) {
                throw new IllegalStateException("bundled plan missing from the build: " + BUNDLED_SEED);
            }
            return load("bundled:" + BUNDLED_SEED.substring(BUNDLED_SEED.lastIndexOf('/') + 1),
                    new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public PlanLoadResult load(String source, String text) {
        List<Problem> problems = new ArrayList<>();
        LocatedTree tree = LocatedTree.parse(text, source, problems);
        if (tree == null) {
            return new PlanLoadResult(source, null, problems);
        }
        if (!tree.root.isObject()) {
            problems.add(new Problem(source, 1, 1, "", "a plan is a mapping with fields such as 'plan', "
                    + "'issues' and 'phases', not " + (tree.root.isArray() ? "a list" : "a single value")));
            return new PlanLoadResult(source, null, problems);
        }
        IdDefaults.apply(tree.root);
        JsonNode checked = new StructureChecker(source, tree, problems).check();
        if (!problems.isEmpty()) {
            return new PlanLoadResult(source, null, problems);
        }
        Plan plan;
        try {
            plan = mapper.treeToValue(checked, Plan.class);
        } catch (IOException | IllegalArgumentException e) {
            // The structure check should have caught this; report it rather than fail.
            problems.add(new Problem(source, 0, 0, "", "cannot read the plan: " + e.getMessage()));
            return new PlanLoadResult(source, null, problems);
        }
        problems.addAll(new PlanValidator(source, tree::locate).validate(plan));
        return problems.isEmpty() ? new PlanLoadResult(source, plan, List.of())
                : new PlanLoadResult(source, null, problems);
    }

    private static PlanLoadResult failed(String source, String message) {
        return new PlanLoadResult(source, null, List.of(new Problem(source, 0, 0, "", message)));
    }
}
