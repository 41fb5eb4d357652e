package dev.dispatcher.testkit;

import dev.dispatcher.app.BotCore;
import dev.dispatcher.app.CoreSettings;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Starts a real bot core on the repository's knowledge base and a fresh SQLite file in a test's temporary folder. */
public final class Cores {

    private Cores() {}

    /** The environment a test core runs with; add or override variables before starting. */
    public static Map<String, String> environment(Path tempDir) {
        Map<String, String> env = new HashMap<>();
        env.put("DISPATCHER_HOME", Repository.root().toString());
        env.put("DISPATCHER_DB_URL", "jdbc:sqlite:" + tempDir.resolve("dispatcher.db"));
        return env;
    }

    public static BotCore start(Path tempDir) {
        return BotCore.start(CoreSettings.fromEnvironment(environment(tempDir)));
    }

    public static BotCore start(Map<String, String> env) {
        return BotCore.start(CoreSettings.fromEnvironment(env));
    }
}
