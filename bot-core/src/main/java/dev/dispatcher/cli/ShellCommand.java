package dev.dispatcher.cli;

import dev.dispatcher.app.BotCore;
import dev.dispatcher.shell.ShellAdapter;
import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code ./dispatcher shell}: chat with the bot in this terminal, or with piped input. */
@Command(name = "shell", header = "Chat with the bot in this terminal: the whole loop, no network.", description = {
    "Chat with the bot in this terminal (the embedded default): type a task, :x: to flag the last answer,",
    "a number to say who should have had it, 'stats', 'help', 'quit' or Ctrl-D. Piped input works too."})
final class ShellCommand implements Callable<Integer> {

    @Mixin
    HelpOption help;

    private final CommandContext context;

    ShellCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws IOException {
        try (BotCore core = context.startCore()) {
            new ShellAdapter(core, context.stdin(), context.out(), context.interactive(), context.user()).run();
        }
        return 0;
    }
}
