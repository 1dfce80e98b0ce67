package io.incidentconsole.incident.storage;

import io.incidentconsole.incident.Event;
import io.incidentconsole.incident.EventPayload;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The child process of {@link JournalCrashTest}: appends events to the journal in the given folder as fast as it
 * can and prints each event's sequence number once its append has returned, until it is killed.
 */
public final class CrashingAppender {

    private CrashingAppender() {
    }

    /** The text of event {@code seq}, so the parent can tell a whole event from a partial or altered one. */
    static String textOf(long seq) {
        return "event " + seq + " " + "x".repeat((int) (seq % 97));
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        FileJournal journal = FileJournal.open(Path.of(args[0]));
        long next = journal.events().isEmpty() ? 1 : journal.events().get(journal.events().size() - 1).seq() + 1;
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        // Stops by itself when the parent is gone (stdout closed) or after two minutes, so it never runs on unwatched.
        while (!out.checkError() && System.nanoTime() < deadline) {
            Event event = journal.append("crash-test", new EventPayload.NoteAdded(null, textOf(next)));
            out.println(event.seq());
            out.flush();
            next = event.seq() + 1;
        }
        journal.close();
    }
}
