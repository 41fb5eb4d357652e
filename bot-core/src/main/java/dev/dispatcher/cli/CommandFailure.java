package dev.dispatcher.cli;

import dev.dispatcher.app.ExitStatus;

/**
 * Why a command stopped, as one line for stderr, with the exit status that says whose fix it is: {@link #badUsage}
 * (the command, its input or the settings; status 2) or {@link #failed} (something broke while running; status 1).
 */
final class CommandFailure extends RuntimeException {

    private final int exitStatus;

    private CommandFailure(int exitStatus, String message, Throwable cause) {
        super(message, cause);
        this.exitStatus = exitStatus;
    }

    /** The arguments, an input file or a setting cannot be used: exit status 2. */
    static CommandFailure badUsage(String message) {
        return new CommandFailure(ExitStatus.BAD_USAGE, message, null);
    }

    /** The command was fine but failed while running: exit status 1. */
    static CommandFailure failed(String message, Throwable cause) {
        return new CommandFailure(ExitStatus.FAILED, message, cause);
    }

    int exitStatus() {
        return exitStatus;
    }
}
