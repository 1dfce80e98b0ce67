package io.incidentconsole.incident.storage;

import io.incidentconsole.incident.Event;
import io.incidentconsole.incident.EventPayload;
import io.incidentconsole.incident.Incident;
import io.incidentconsole.incident.IncidentException;
import io.incidentconsole.incident.IncidentMetadata;
import io.incidentconsole.incident.IncidentSummary;
import io.incidentconsole.incident.JournalException;
import io.incidentconsole.input.BoundedRead;

import io.incidentconsole.settings.AppDirectories;
import io.incidentconsole.settings.AtomicFiles;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.incidentconsole.plan.Plan;
import io.incidentconsole.plan.PlanLoadResult;
import io.incidentconsole.plan.PlanLoader;
import io.incidentconsole.plan.Problem;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The incidents under a data directory: {@code DATA/incidents/<id>/} each holding incident.json, the plan copy
 * (plan.yaml + plan.sha256), the journal segments and console.lock. Opening takes the folder's lock; when
 * another console holds it, the incident opens read-only and says why.
 */
public final class IncidentStore {

    public static final String INCIDENTS = "incidents";
    public static final String METADATA = "incident.json";
    public static final String PLAN_COPY = "plan.yaml";
    public static final String PLAN_HASH = "plan.sha256";

    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);

    private final Path dataDir;
    private final Clock clock;
    private final ObjectMapper mapper = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();
    /** Folders this store has open for writing, so a second open in this process goes read-only. */
    private final Set<Path> openHere = ConcurrentHashMap.newKeySet();

    public IncidentStore(Path dataDir, Clock clock) {
        this.dataDir = dataDir;
        this.clock = clock;
    }

    public IncidentStore(Path dataDir) {
        this(dataDir, Clock.systemUTC());
    }

    /** The store in {@code dataDir} when given (--data-dir), else in the default data directory (XDG). */
    public static IncidentStore inDataDir(Path dataDirOrNull) {
        return new IncidentStore(dataDirOrNull != null ? dataDirOrNull : AppDirectories.forCurrentUser(null).data());
    }

    public Path dataDir() {
        return dataDir;
    }

    public Path incidentsDir() {
        return dataDir.resolve(INCIDENTS);
    }

    /** Every incident, the most recently active first. Folders that cannot be read are listed with a problem. */
    public List<IncidentSummary> list() {
        Path dir = incidentsDir();
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<IncidentSummary> all = new ArrayList<>();
        try (Stream<Path> folders = Files.list(dir)) {
            folders.filter(Files::isDirectory).forEach(folder -> all.add(summarize(folder)));
        } catch (IOException e) {
            throw new IncidentException("cannot list incidents in " + dir + ": " + e.getMessage(), e);
        }
        all.sort(Comparator.comparing(IncidentSummary::lastActivity).reversed()
                .thenComparing(IncidentSummary::id, Comparator.reverseOrder()));
        return List.copyOf(all);
    }

    /** The incident to offer first: the most recently active one that can be read. */
    public Optional<IncidentSummary> mostRecent() {
        return list().stream().filter(s -> s.problem() == null).findFirst();
    }

    private IncidentSummary summarize(Path folder) {
        String id = folder.getFileName().toString();
        IncidentMetadata metadata;
        try {
            metadata = readMetadata(folder);
        } catch (IncidentException e) {
            return new IncidentSummary(id, folder, null, null, null, Optional.empty(), e.getMessage());
        }
        Optional<Event> last;
        try {
            last = JournalTail.lastEvent(folder);
        } catch (IOException e) {
            return new IncidentSummary(id, folder, metadata.planTitle(), metadata.createdAt(), metadata.createdBy(),
                    Optional.empty(), "cannot read the journal: " + e.getMessage(), metadata.drill());
        }
        return new IncidentSummary(metadata.id(), folder, metadata.planTitle(), metadata.createdAt(),
                metadata.createdBy(), last, null, metadata.drill());
    }

    /**
     * Starts an incident from a plan: a new folder with the plan's text and hash, and a journal whose first event
     * is {@link EventPayload.IncidentStarted}. The incident is returned open (and locked) for {@code operator}.
     */
    public Incident create(Plan plan, String planSource, String planText, String operator) {
        return create(plan, planSource, planText, operator, false);
    }

    /** As {@link #create(Plan, String, String, String)}; {@code drill} marks a rehearsal in incident.json. */
    public Incident create(Plan plan, String planSource, String planText, String operator, boolean drill) {
        requireOperator(operator);
        byte[] planBytes = planText.getBytes(StandardCharsets.UTF_8);
        String sha = sha256(planBytes);
        String id = newId();
        Path folder = incidentsDir().resolve(id);
        IncidentMetadata metadata = new IncidentMetadata(IncidentMetadata.FORMAT, id, clock.instant(), operator,
                plan.plan().title(), planSource, sha, drill);
        try {
            Files.createDirectories(folder.getParent());
            Files.createDirectory(folder);
            AtomicFiles.write(folder.resolve(PLAN_COPY), planBytes);
            AtomicFiles.write(folder.resolve(PLAN_HASH), (sha + "  " + PLAN_COPY + "\n").getBytes(StandardCharsets.UTF_8));
            AtomicFiles.write(folder.resolve(METADATA), mapper.writeValueAsBytes(metadata));
        } catch (IOException e) {
            throw new IncidentException("cannot create the incident folder " + folder + ": " + e.getMessage(), e);
        }
        Incident incident = openFolder(folder, operator);
        if (incident.state().events().isEmpty()) {
            incident.record(new EventPayload.IncidentStarted(id, plan.plan().title(), sha));
        }
        return incident;
    }

    private String newId() {
        String stamp = ID_TIME.format(clock.instant());
        String id;
        do {
            id = stamp + "-" + UUID.randomUUID().toString().substring(0, 6);
        } while (Files.exists(incidentsDir().resolve(id)));
        return id;
    }

    /** Opens an incident of this store for {@code operator}: writable, or read-only when another console has it. */
    public Incident open(String id, String operator) {
        requireOperator(operator);
        Path folder = incidentsDir().resolve(id);
        if (!Files.isDirectory(folder)) {
            throw new IncidentException("no incident '" + id + "' in " + incidentsDir());
        }
        requireJournal(folder);
        return openFolder(folder, operator);
    }

    /**
     * An incident folder always has a journal that starts with IncidentStarted: a missing or empty one means its
     * events were lost (or the folder was made by hand), and must not be shown as a fresh incident.
     */
    static void requireJournal(Path folder) {
        List<Path> segments;
        long bytes = 0;
        try {
            segments = JournalReader.segments(folder);
            for (Path segment : segments) {
                if (!Files.isRegularFile(segment)) {
                    throw new IncidentException(segment + ": not a regular file (a device, a pipe or a dangling "
                            + "symbolic link); a journal segment is a file");
                }
                bytes += Files.size(segment);
            }
        } catch (IOException e) {
            throw new IncidentException(folder + ": cannot read the journal: " + e.getMessage(), e);
        }
        if (segments.isEmpty()) {
            throw new IncidentException(folder + ": the journal is missing (no " + JournalReader.segmentName(1)
                    + "): the incident's events are lost; nothing to show");
        }
        if (bytes == 0) {
            throw new IncidentException(segments.get(0) + ": the journal is empty (0 bytes): the incident's events "
                    + "are lost; nothing to show");
        }
    }

    /**
     * Opens any incident folder for {@code operator} (the command line's recording verbs): writable, or read-only
     * when a console holds it, saying who.
     */
    public static Incident openFolder(Path folder, String operator, Clock clock) {
        return new IncidentStore(folder.toAbsolutePath(), clock).openFolder(folder, operator);
    }

    private Incident openFolder(Path folder, String operator) {
        Path key = folder.toAbsolutePath().normalize();
        IncidentMetadata metadata = readMetadata(folder);
        Plan plan = readPlan(folder, metadata);
        if (!openHere.add(key)) {
            return readOnly(folder, metadata, plan, operator, "it is already open in this console");
        }
        IncidentLock lock;
        try {
            Optional<IncidentLock> acquired = IncidentLock.tryAcquire(folder, operator, clock.instant());
            if (acquired.isEmpty()) {
                openHere.remove(key);
                return readOnly(folder, metadata, plan, operator,
                        "another console has it open (" + IncidentLock.holder(folder) + ")");
            }
            lock = acquired.get();
        } catch (IOException e) {
            openHere.remove(key);
            throw new IncidentException("cannot lock " + folder.resolve(IncidentLock.FILE) + ": " + e.getMessage(), e);
        }
        AutoCloseable release = () -> {
            lock.close();
            openHere.remove(key);
        };
        FileJournal journal;
        try {
            journal = FileJournal.open(folder, clock, () -> UUID.randomUUID().toString());
        } catch (JournalException e) {
            lock.close();
            openHere.remove(key);
            throw new IncidentException(e.getMessage(), e);
        }
        return new Incident(metadata, folder, plan, journal, operator, release);
    }

    private Incident readOnly(Path folder, IncidentMetadata metadata, Plan plan, String operator, String reason) {
        try {
            return new Incident(metadata, folder, plan, FileJournal.openReadOnly(folder, reason), operator, null);
        } catch (JournalException e) {
            throw new IncidentException(e.getMessage(), e);
        }
    }

    /**
     * Opens any incident folder read-only, without taking its lock (for the CLI and for inspection): changes
     * nothing on disk, and works while a console has the incident open.
     */
    public static Incident inspect(Path folder) {
        // Only the reading half of a store is used here; its data directory is never touched.
        IncidentStore store = new IncidentStore(folder.toAbsolutePath(), Clock.systemUTC());
        IncidentMetadata metadata = store.readMetadata(folder);
        Plan plan = store.readPlan(folder, metadata);
        requireJournal(folder);
        return store.readOnly(folder, metadata, plan, FileJournal.SYSTEM_OPERATOR, "opened for inspection");
    }

    IncidentMetadata readMetadata(Path folder) {
        Path file = folder.resolve(METADATA);
        if (!Files.isRegularFile(file)) {
            throw new IncidentException(folder + " is not an incident folder (it has no " + METADATA + ")");
        }
        try {
            IncidentMetadata metadata = mapper.readValue(file.toFile(), IncidentMetadata.class);
            if (metadata.id() == null || metadata.planSha256() == null) {
                throw new IncidentException(file + ": missing 'id' or 'planSha256'");
            }
            return metadata;
        } catch (IOException e) {
            throw new IncidentException(file + ": cannot read it: " + e.getMessage(), e);
        }
    }

    /** The plan copy, checked against its recorded hash so a changed copy is never used silently. */
    Plan readPlan(Path folder, IncidentMetadata metadata) {
        Path file = folder.resolve(PLAN_COPY);
        byte[] bytes;
        try {
            bytes = BoundedRead.read(file, PlanLoader.MAX_BYTES, "a plan file");
        } catch (IOException e) {
            throw new IncidentException(file + ": cannot read the incident's plan copy: " + BoundedRead.reason(file, e), e);
        }
        String actual = sha256(bytes);
        if (!actual.equals(metadata.planSha256())) {
            throw new IncidentException(file + ": the plan copy was changed after the incident started (sha256 "
                    + actual + ", recorded " + metadata.planSha256() + " in " + METADATA + " and " + PLAN_HASH
                    + "); restore the original to open the incident");
        }
        PlanLoadResult result = PlanLoader.forRecordedPlans().load(file.toString(), new String(bytes, StandardCharsets.UTF_8));
        if (!result.ok()) {
            StringBuilder message = new StringBuilder(file + ": the incident's plan copy no longer loads:");
            for (Problem problem : result.problems()) {
                message.append("\n  ").append(problem);
            }
            throw new IncidentException(message.toString());
        }
        return result.plan();
    }

    private static void requireOperator(String operator) {
        if (operator == null || operator.isBlank()) {
            throw new IllegalArgumentException("an operator name is required");
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
