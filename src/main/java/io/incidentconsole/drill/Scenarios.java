package io.incidentconsole.drill;

import io.incidentconsole.incident.Incident;
import io.incidentconsole.incident.IncidentException;
import io.incidentconsole.input.BoundedRead;
import io.incidentconsole.plan.Plan;
import io.incidentconsole.plan.Problem;
import io.incidentconsole.settings.AtomicFiles;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Where scenarios come from: the bundled ones (by name, under {@code /scenarios/}) or a file; and the copy an
 * incident keeps ({@value #INCIDENT_COPY} beside its journal), read back when the drill is opened again.
 */
public final class Scenarios {

    public static final String INCIDENT_COPY = "scenario.yaml";
    /** The scenarios bundled with the console, by name. */
    public static final List<String> BUNDLED = List.of("package-update-regresses-auth");
    private static final long MAX_BYTES = 1024 * 1024;

    private Scenarios() {
    }

    /** A scenario's text and where it came from ("bundled:NAME" or the file's path). */
    public record Source(String source, String text) {
    }

    /**
     * The text of the bundled scenario {@code nameOrFile}, else of that file.
     *
     * @throws IllegalArgumentException naming the bundled scenarios when it is neither
     */
    public static Source read(String nameOrFile) {
        if (BUNDLED.contains(nameOrFile)) {
            return new Source("bundled:" + nameOrFile, bundled(nameOrFile));
        }
        Path file = Path.of(nameOrFile);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no scenario '" + nameOrFile + "': neither a file nor a bundled scenario ("
                    + String.join(", ", BUNDLED) + ")");
        }
        try {
            return new Source(file.toString(), new String(BoundedRead.read(file, MAX_BYTES, "a scenario file"),
                    StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot read the scenario: " + BoundedRead.reason(file, e), e);
        }
    }

    private static String bundled(String name) {
        try (InputStream in = Scenarios.class.getResourceAsStream("/scenarios/" + name + ".yaml")) {
            if (in == null) {
                throw new IllegalStateException("bundled scenario " + name + " is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read bundled scenario " + name, e);
        }
    }

    /**
     * Reads and checks a scenario for a plan.
     *
     * @throws ScenarioException listing every located problem
     */
    public static Scenario load(String nameOrFile, Plan plan) {
        Source source;
        try {
            source = read(nameOrFile);
        } catch (IllegalArgumentException e) {
            throw new ScenarioException(e.getMessage(), List.of());
        }
        return load(source, plan);
    }

    public static Scenario load(Source source, Plan plan) {
        ScenarioLoader.Result result = new ScenarioLoader().load(source.source(), source.text(), plan);
        if (!result.ok()) {
            throw new ScenarioException(source.source() + ": not a usable scenario for this plan", result.problems());
        }
        return result.scenario();
    }

    /** Keeps the scenario's text in the incident's folder (before its first event is played). */
    public static void attach(Incident incident, Scenario scenario) {
        try {
            AtomicFiles.write(incident.directory().resolve(INCIDENT_COPY), scenario.text());
        } catch (IOException e) {
            throw new IncidentException("cannot keep the scenario in " + incident.directory() + ": " + e.getMessage(), e);
        }
    }

    /** The scenario a drill plays, read from its folder; empty for a drill without one or a real incident. */
    public static Optional<Scenario> ofIncident(Incident incident) {
        Path copy = incident.directory().resolve(INCIDENT_COPY);
        if (!incident.metadata().drill() || !Files.isRegularFile(copy)) {
            return Optional.empty();
        }
        String text;
        try {
            text = new String(BoundedRead.read(copy, MAX_BYTES, "a scenario file"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ScenarioException(copy + ": cannot read the drill's scenario: " + BoundedRead.reason(copy, e),
                    List.of());
        }
        return Optional.of(load(new Source(copy.toString(), text), incident.plan()));
    }

    /** A scenario that cannot be used, with each located problem. */
    public static final class ScenarioException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient List<Problem> problems;

        public ScenarioException(String message, List<Problem> problems) {
            super(message);
            this.problems = List.copyOf(problems);
        }

        public List<Problem> problems() {
            return problems;
        }
    }
}
