package dev.dispatcher.cli;

import dev.dispatcher.app.ExitStatus;
import dev.dispatcher.reply.TerminalText;
import dev.dispatcher.routing.ConfigException;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/**
 * {@code ./dispatcher} without a chat platform. Each command is one small class in this package ({@link ShellCommand},
 * {@link RouteCommand}, {@link EvalCommand}, {@link StatsCommand}, {@link ForgetCommand}, {@link SuggestCommand},
 * {@link ExportCommand}, {@link CheckCommand}, {@link WebCommand}); this class registers them and turns what they
 * throw into one line on stderr and an {@link ExitStatus}. Every command answers {@code --help} (stdout, status 0) and rejects an unknown argument
 * (message and usage on stderr, status 2).
 */
public final class Cli {

    private final Map<String, String> env;
    private final PrintStream out;
    private final PrintStream err;

    public Cli(Map<String, String> env, PrintStream out, PrintStream err) {
        this.env = env;
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        int status = new Cli(System.getenv(), out, err).run(args, new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)),
                System.console() != null);
        if (status != 0) {
            System.exit(status);
        }
    }

    /** Runs one command; returns the exit status. */
    public int run(String[] args, BufferedReader stdin, boolean interactive) {
        CommandContext context = new CommandContext(env, out, err, stdin, interactive);
        CommandLine commandLine = new CommandLine(new DispatcherCommand())
                .addSubcommand(new ShellCommand(context))
                .addSubcommand(new RouteCommand(context))
                .addSubcommand(new EvalCommand(context))
                .addSubcommand(new StatsCommand(context))
                .addSubcommand(new ForgetCommand(context))
                .addSubcommand(new ReviewCommand(context))
                .addSubcommand(new ConfirmCommand(context))
                .addSubcommand(new SuggestCommand(context))
                .addSubcommand(new ExportCommand(context))
                .addSubcommand(new CheckCommand(context))
                .addSubcommand(new WebCommand(context, env))
                .addSubcommand(new CommandLine.HelpCommand());
        // A command's header is its line in the list of commands; its own usage starts with "Usage:" and its description.
        for (CommandLine command : commandLine.getSubcommands().values()) {
            List<String> sections = new ArrayList<>(command.getHelpSectionKeys());
            sections.remove(CommandLine.Model.UsageMessageSpec.SECTION_KEY_HEADER);
            command.setHelpSectionKeys(sections);
        }
        PrintWriter stdout = new PrintWriter(out, true, StandardCharsets.UTF_8);
        PrintWriter stderr = new PrintWriter(err, true, StandardCharsets.UTF_8);
        commandLine.setOut(stdout)
                .setErr(stderr)
                .setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF))
                .setUsageHelpWidth(110)
                .setParameterExceptionHandler(Cli::badUsage)
                .setExecutionExceptionHandler((e, command, parsed) -> failure(e, stderr));
        int status = commandLine.execute(args);
        stdout.flush();
        stderr.flush();
        return status;
    }

    /** An argument the command does not take, or one missing: the problem, then the command's usage, on stderr. */
    private static int badUsage(CommandLine.ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        PrintWriter stderr = command.getErr();
        stderr.println("error: " + TerminalText.visible(e.getMessage()));
        CommandLine.UnmatchedArgumentException.printSuggestions(e, stderr);
        command.usage(stderr);
        stderr.flush();
        return ExitStatus.BAD_USAGE;
    }

    /** One line for whatever a command threw, and the status that says whether to fix the usage or to retry. */
    private static int failure(Exception e, PrintWriter stderr) {
        int status;
        String message;
        if (e instanceof CommandFailure failure) {
            status = failure.exitStatus();
            message = failure.getMessage();
        } else if (e instanceof ConfigException) {
            status = ExitStatus.BAD_USAGE;
            message = "the knowledge base cannot be used: " + e.getMessage();
        } else {
            status = ExitStatus.FAILED;
            message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
        // Messages quote what was typed (a decision id, a file name): shown, never obeyed by the terminal.
        stderr.println("error: " + TerminalText.visible(message));
        stderr.flush();
        return status;
    }
}
