package dev.dispatcher.cli;

import dev.dispatcher.app.ExitStatus;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.OptionalInt;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The command line of a chat bot process ({@code ./dispatcher slack}, {@code ./dispatcher discord}). The bots take
 * every setting from the environment, so the only argument is {@code --help}; anything else is a usage error, never
 * a reason to start the bot. Both adapters use this, so they answer alike.
 */
public final class BotArguments {

    private BotArguments() {}

    /**
     * Checks a bot's arguments before anything starts.
     *
     * @param name        how the bot is run, e.g. {@code ./dispatcher slack}
     * @param description what {@code --help} says: what the bot does and which variables it needs
     * @return the exit status to stop with now ({@code --help}: usage on {@code out}, 0; anything else: the problem and
     *         the usage on {@code err}, 2), or empty when the bot should start
     */
    public static OptionalInt check(String name, List<String> description, String[] args, PrintStream out, PrintStream err) {
        CommandSpec spec = CommandSpec.create().name(name);
        spec.usageMessage()
                .description(description.toArray(String[]::new))
                .footer("", "Exit status: 0 stopped normally, 1 failed while running, 2 bad usage or bad settings.");
        spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true).description("show this help and exit").build());
        CommandLine commandLine = new CommandLine(spec)
                .setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF))
                .setUsageHelpWidth(110);
        try {
            commandLine.parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            PrintWriter problems = new PrintWriter(err, true, StandardCharsets.UTF_8);
            problems.println("error: " + e.getMessage());
            commandLine.usage(problems);
            problems.flush();
            return OptionalInt.of(ExitStatus.BAD_USAGE);
        }
        if (commandLine.isUsageHelpRequested()) {
            PrintWriter usage = new PrintWriter(out, true, StandardCharsets.UTF_8);
            commandLine.usage(usage);
            usage.flush();
            return OptionalInt.of(ExitStatus.OK);
        }
        return OptionalInt.empty();
    }
}
