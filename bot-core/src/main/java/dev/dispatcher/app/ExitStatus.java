package dev.dispatcher.app;

/**
 * The exit statuses of every entry point, the command line and both bots alike, so a script or a supervisor reads
 * them the same way: 0 done, 1 failed while running, 2 bad usage or bad settings (fix the command or the
 * configuration before trying again).
 */
public final class ExitStatus {

    /** The command did what was asked; a bot was stopped normally. */
    public static final int OK = 0;

    /** Something failed while running: a database write, a file that could not be written, a platform unreachable. */
    public static final int FAILED = 1;

    /** Bad usage or bad settings: an unknown argument, a bad variable, an unusable knowledge base or database. */
    public static final int BAD_USAGE = 2;

    private ExitStatus() {}
}
