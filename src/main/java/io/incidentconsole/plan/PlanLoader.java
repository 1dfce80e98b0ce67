package io.incidentconsole.plan;

import io.incidentconsole.input.BoundedRead;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Reads a plan file (YAML, or JSON) and validates it, reporting every problem with its location. Never
 * throws for bad content: the result carries either the plan or the problems.
 */
public final class PlanLoader {

    /**
     * Far above any real plan (the bundled seed is about 42 KB); no more than this is ever read, whatever the file
     * claims (a device, a pipe), so a wrong file cannot fill memory or keep the parser busy for long. 32 MB holds
     * the plan imported from the largest Markdown document accepted (20 MB gives about 24 MB of YAML); a 31 MB
     * plan validates in about 0.5 s of CPU within 300 MB of heap (ADR 0017).
     */
    public static final long MAX_BYTES = 32L * 1024 * 1024;

    /** The bundled seed plan (#324 and #330), on the classpath. */
    public static final String BUNDLED_SEED = "/plans/issue-324-330-coordination.yaml";

    private final boolean recordedPlan;

    /** A loader for plans to open: every check applies. */
    public PlanLoader() {
        this(false);
    }

    private PlanLoader(boolean recordedPlan) {
        this.recordedPlan = recordedPlan;
    }

    /**
     * A loader for the plan copy an incident recorded when it started (by an earlier version, perhaps): the command
     * safety checks added since (template syntax, evaluators, option-like defaults) do not stop the incident from
     * opening. The rollback and guided forms still make them, and say so at the step, before generating anything.
     */
    public static PlanLoader forRecordedPlans() {
        return new PlanLoader(true);
    }

    private final ObjectMapper mapper = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    public PlanLoadResult load(Path file) {
        String source = file.toString();
        byte[] bytes;
        try {
            bytes = BoundedRead.read(file, MAX_BYTES, "a plan file");
        } catch (IOException e) {
            return failed(source, BoundedRead.reason(file, e));
        }
        return decode(source, bytes);
    }

    /** Decodes UTF-8 strictly (a stray Latin-1 byte is an error, with its position) and then loads. */
    PlanLoadResult decode(String source, byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        out.flip();
        String text = out.toString();
        if (result.isError()) {
            int line = 1 + (int) text.chars().filter(c -> c == '\n').count();
            int column = text.length() - (text.lastIndexOf('\n') + 1) + 1;
            return new PlanLoadResult(source, null, List.of(new Problem(source, line, column, "", String.format(
                    "the file is not UTF-8 text: byte 0x%02X at offset %d is not valid UTF-8 (was it saved as "
                            + "Latin-1 or Windows-1252? save it as UTF-8)", bytes[in.position()] & 0xFF,
                    in.position()))));
        }
        return load(source, text.startsWith("\uFEFF") ? text.substring(1) : text);
    }
    public PlanLoadResult loadBundledSeed() {
        return load(BUNDLED_SEED_SOURCE, bundledSeedText());
    }

    /** How the bundled plan is named in messages. */
    public static final String BUNDLED_SEED_SOURCE =
            "bundled:" + BUNDLED_SEED.substring(BUNDLED_SEED.lastIndexOf('/') + 1);

    /** The bundled plan's text, e.g. to copy it into a new incident. */
    public String bundledSeedText() {
        try (InputStream in = PlanLoader.class.getResourceAsStream(BUNDLED_SEED)) {
            if (in == null) {
                throw new IllegalStateException("bundled plan missing from the build: " + BUNDLED_SEED);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Loads plan text (YAML, or JSON when it starts with '{' or '['); {@code source} names it in problems. */
    public PlanLoadResult load(String source, String text) {
        List<Problem> problems;
        Plan plan;
        try {
            problems = new ArrayList<>();
            plan = read(source, text == null ? "" : text, problems);
        } catch (RuntimeException | StackOverflowError e) {
            // Last line of defence: a defect in the checks must not take the console down with it.
            return failed(source, "internal error while checking the plan (" + e + "); the plan was not loaded; "
                    + "please report this together with the file");
        }
        if (plan != null && problems.isEmpty()) {
            return new PlanLoadResult(source, plan, List.of());
        }
        if (problems.isEmpty()) {
            problems.add(new Problem(source, 0, 0, "", "the plan could not be read"));
        }
        List<Problem> located = new ArrayList<>(withinText(problems, text == null ? "" : text));
        // In file order, as an editor lists them; problems without a position (whole-file ones) first.
        located.sort(Comparator.comparingInt(Problem::line).thenComparingInt(Problem::column));
        return new PlanLoadResult(source, null, located);
    }

    private Plan read(String source, String text, List<Problem> problems) {
        LocatedTree tree = LocatedTree.parse(text, source, problems);
        if (tree == null) {
            return null;
        }
        if (!tree.root.isObject()) {
            int[] at = tree.locate("");
            problems.add(new Problem(source, at[0], at[1], "", "a plan is a mapping with fields such as 'plan', "
                    + "'issues' and 'phases', but the document is " + StructureChecker.describe(tree.root)));
            return null;
        }
        StructureChecker checker = new StructureChecker(source, tree, problems);
        JsonNode checked = checker.check();
        if (checker.blocking()) {
            return null;
        }
        // After the check, which expands "- Revert the commit" into {text: ...}: those items need ids too.
        IdDefaults.apply(checked);
        Plan plan;
        try {
            plan = mapper.treeToValue(checked, Plan.class);
        } catch (IOException | IllegalArgumentException e) {
            // The structure check should have caught this; report it rather than fail.
            problems.add(new Problem(source, 0, 0, "", "cannot read the plan: "
                    + LocatedTree.cleanJacksonMessage(e.getMessage()).lines().findFirst().orElse("")));
            return null;
        }
        problems.addAll(new PlanValidator(source, tree::locate, !recordedPlan).validate(plan));
        return plan;
    }

    /**
     * Keeps every position inside the text: parsers may point one line past the end (at "end of file") or,
     * for YAML, count line breaks an editor does not.
     */
    private static List<Problem> withinText(List<Problem> problems, String text) {
        String[] lines = text.split("\r\n|\r|\n", -1);
        List<Problem> clamped = new ArrayList<>(problems.size());
        for (Problem p : problems) {
            if (p.line() <= 0) {
                clamped.add(p.column() == 0 ? p : new Problem(p.source(), 0, 0, p.path(), p.message()));
                continue;
            }
            int line = Math.min(p.line(), lines.length);
            int column = Math.max(1, Math.min(p.column(), lines[line - 1].length() + 1));
            clamped.add(line == p.line() && column == p.column() ? p
                    : new Problem(p.source(), line, column, p.path(), p.message()));
        }
        return clamped;
    }

    private static PlanLoadResult failed(String source, String message) {
        return new PlanLoadResult(source, null, List.of(new Problem(source, 0, 0, "", message)));
    }
}
