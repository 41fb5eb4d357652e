package dev.dispatcher.cli;

import dev.dispatcher.app.BotCore;
import dev.dispatcher.app.CoreSettings;
import dev.dispatcher.app.KnowledgeFiles;
import dev.dispatcher.routing.ConfigException;
import dev.dispatcher.store.StoreException;
import java.io.BufferedReader;
import java.io.PrintStream;
import java.util.Map;

/**
 * What every subcommand shares: the environment its settings come from, the streams it talks on, who runs it, and how
 * to start the core. Unusable settings, knowledge base or database become a {@link CommandFailure#badUsage}.
 */
final class CommandContext {

    private final Map<String, String> env;
    private final PrintStream out;
    private final PrintStream err;
    private final BufferedReader stdin;
    private final boolean interactive;

    CommandContext(Map<String, String> env, PrintStream out, PrintStream err, BufferedReader stdin, boolean interactive) {
        this.env = env;
        this.out = out;
        this.err = err;
        this.stdin = stdin;
        this.interactive = interactive;
    }

    /** The settings, or a bad-usage failure naming the variable that is wrong. */
    CoreSettings settings() {
        try {
            return CoreSettings.fromEnvironment(env);
        } catch (IllegalArgumentException e) {
            throw CommandFailure.badUsage(e.getMessage());
        }
    }

    /** A started core; the caller closes it. */
    BotCore startCore() {
        CoreSettings settings = settings();
        try {
            return BotCore.start(settings);
        } catch (ConfigException e) {
            throw CommandFailure.badUsage("the knowledge base cannot be used: " + e.getMessage());
        } catch (StoreException e) {
            throw CommandFailure.badUsage(e.getMessage());
        }
    }

    /** The knowledge base read and checked as start-up reads it, without starting anything else. */
    KnowledgeFiles knowledgeFiles() {
        CoreSettings settings = settings();
        try {
            return KnowledgeFiles.read(settings.knowledgeDir(), settings.knowledgeUrl());
        } catch (ConfigException e) {
            throw CommandFailure.badUsage("the knowledge base cannot be used: " + e.getMessage());
        }
    }

    PrintStream out() {
        return out;
    }

    PrintStream err() {
        return err;
    }

    BufferedReader stdin() {
        return stdin;
    }

    /** Whether a person types at a terminal (then the shell shows a prompt). */
    boolean interactive() {
        return interactive;
    }

    /** The name recorded as requester, and as the one who flags and corrects. */
    String user() {
        return System.getProperty("user.name", "local");
    }
}
