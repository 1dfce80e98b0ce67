package io.incidentconsole.cli;

import picocli.CommandLine;

import java.io.PrintWriter;

/**
 * Builds the command line. Subcommands get their collaborators through their constructors; register new
 * subcommands here.
 */
public final class Cli {

    private Cli() {
    }

    public static CommandLine create(ConsoleStarter starter, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new RootCommand(starter));
        cli.addSubcommand(new OpenCommand(starter));
        cli.addSubcommand(new ValidateCommand());
        cli.addSubcommand(new RollbackCommand(java.time.Clock.systemUTC()));
        cli.addSubcommand(new ImportCommand(new io.incidentconsole.importer.MarkdownImporter()));
        cli.addSubcommand(new StatusCommand());
        cli.addSubcommand(new TimelineCommand());
        cli.addSubcommand(new TestsCommand());
        java.time.Clock clock = java.time.Clock.systemUTC();
        cli.addSubcommand(new NewCommand(clock));
        cli.addSubcommand(new PhaseCommand(clock));
        cli.addSubcommand(new StepDoneCommand(clock));
        cli.addSubcommand(new TestResultCommand(clock));
        cli.addSubcommand(new SignoffCommand(clock));
        cli.addSubcommand(new AnswerCommand(clock));
        cli.addSubcommand(new NoteCommand(clock));
        cli.addSubcommand(new CriterionCommand(clock));
        cli.addSubcommand(new ReportCommand(java.time.Clock.systemUTC()));
        cli.setOut(out);
        cli.setErr(err);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        return cli;
    }

    /** Runs the command line and returns the exit code. */
    public static int run(ConsoleStarter starter, PrintWriter out, PrintWriter err, String... args) {
        int code = create(starter, out, err).execute(args);
        out.flush();
        err.flush();
        return code;
    }
}
