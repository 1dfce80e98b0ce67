package io.incidentconsole.app;

import io.incidentconsole.cli.StartRequest;
import io.incidentconsole.plan.PlanLoader;
import io.incidentconsole.plan.PlanRead;
import io.incidentconsole.ui.main.MainWindowViewModel;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * The first plan, read ahead: started when the application object is made, before the JavaFX toolkit is up, so
 * that reading and checking it (Jackson's start included, the longest part of it) overlaps the toolkit's start and the
 * first frame instead of following them (issue #22, goal 1). The read runs on the console's background thread; the
 * view model gets it exactly as if it had read the plan itself, failures included. A Markdown document is imported the usual way, once the console is there (its import report
 * belongs to the view).
 */
final class FirstPlanRead {

    private final Path file;
    private final Future<PlanRead> read;

    private FirstPlanRead(Path file, Future<PlanRead> read) {
        this.file = file;
        this.read = read;
    }

    static FirstPlanRead start(StartRequest request, ExecutorService background) {
        Path file = request.plan() == null ? null : request.plan().toAbsolutePath();
        if (file != null && MainWindowViewModel.isMarkdown(file)) {
            return new FirstPlanRead(file, null);
        }
        Callable<PlanRead> work = file == null
                ? () -> PlanRead.bundled(new PlanLoader())
                : () -> PlanRead.file(new PlanLoader(), file);
        return new FirstPlanRead(file, background.submit(work));
    }

    /**
     * Opens the first plan in the console: the read started ahead (shown at once when it has finished, as it usually
     * has by the time the console is built), or (a Markdown document) an import.
     */
    void openIn(MainWindowViewModel model) {
        if (read == null) {
            model.openOrImport(file);
        } else if (read.isDone()) {
            model.openReadPlan(file, this::result);
        } else if (file == null) {
            model.openBundledPlan(this::result);
        } else {
            model.openPlan(file, this::result);
        }
    }

    /** The read's outcome; a failure is thrown as itself, as the view model's own read would have thrown it. */
    private PlanRead result() throws Exception {
        try {
            return read.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        }
    }
}
