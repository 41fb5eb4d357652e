package dev.dispatcher.cli;

import picocli.CommandLine.Option;

/** {@code -h} / {@code --help} for every command: its usage on stdout, exit status 0. */
final class HelpOption {

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help and exit")
    boolean requested;
}
