package io.incidentconsole.cli;

import io.incidentconsole.importer.MarkdownImporter;
import io.incidentconsole.output.SafeText;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.time.Clock;

/**
 * Builds the command line. Subcommands get their collaborators through their constructors; register new
 * subcommands here.
 */
public final class Cli {

    private Cli() {
    }

    public static CommandLine create(ConsoleStarter starter, PrintWriter out, PrintWriter err) {
        return create(Clock.systemUTC(), starter, out, err);
    }

    /** {@code clock}: the time every command records and reads (tests drive it; the console's is the UTC clock). */
    public static CommandLine create(Clock clock, ConsoleStarter starter, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new RootCommand(starter));
        cli.addSubcommand(new OpenCommand(starter));
        cli.addSubcommand(new ValidateCommand());
        cli.addSubcommand(new RollbackCommand(clock));
        cli.addSubcommand(new ImportCommand(new MarkdownImporter()));
        cli.addSubcommand(new StatusCommand());
        cli.addSubcommand(new TimelineCommand());
        cli.addSubcommand(new TestsCommand(clock));
        cli.addSubcommand(new NewCommand(clock));
        cli.addSubcommand(new PhaseCommand(clock));
        cli.addSubcommand(new StepDoneCommand(clock));
        cli.addSubcommand(new TestResultCommand(clock));
        cli.addSubcommand(new SignoffCommand(clock));
        cli.addSubcommand(new AnswerCommand(clock));
        cli.addSubcommand(new NoteCommand(clock));
        cli.addSubcommand(new CriterionCommand(clock));
        cli.addSubcommand(new ReportCommand(clock));
        cli.addSubcommand(new HandoffCommand(clock));
        cli.addSubcommand(new VerifyCommand());
        cli.addSubcommand(new DrillCommand(clock));
        // Plan and journal text reaches every command's output: no raw control character may reach the terminal.
        cli.setOut(SafeText.terminal(out));
        cli.setErr(SafeText.terminal(err));
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        return cli;
    }

    /** Runs the command line and returns the exit code. */
    public static int run(ConsoleStarter starter, PrintWriter out, PrintWriter err, String... args) {
        return run(Clock.systemUTC(), starter, out, err, args);
    }

    /** As {@link #run(ConsoleStarter, PrintWriter, PrintWriter, String...)} on {@code clock}. */
    public static int run(Clock clock, ConsoleStarter starter, PrintWriter out, PrintWriter err,
                          String... args) {
        CommandLine cli = create(clock, starter, out, err);
        int code = cli.execute(args);
        cli.getOut().close();
        cli.getErr().close();
        out.flush();
        err.flush();
        return code;
    }
}
