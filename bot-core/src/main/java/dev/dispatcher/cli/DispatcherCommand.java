package dev.dispatcher.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code ./dispatcher} itself: lists the commands; run without one, it is a usage error. */
@Command(name = "./dispatcher",
        synopsisSubcommandLabel = "COMMAND",
        description = "Routes a backend task to the specialist who owns it, here or in Slack and Discord.",
        commandListHeading = "%nCommands:%n",
        footer = {
            "  slack    Run the Slack bot (./dispatcher slack --help).",
            "  discord  Run the Discord bot (./dispatcher discord --help).",
            "",
            "'./dispatcher COMMAND --help' describes a command.",
            "Exit status: 0 done, 1 failed while running, 2 bad usage or bad settings."})
final class DispatcherCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    HelpOption help;

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "a command is missing, e.g. ./dispatcher shell");
    }
}
