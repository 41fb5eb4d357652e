package dev.dispatcher.app;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Settings every front end shares, read once from the environment.
 *
 * @param knowledgeDir   folder with {@code routing.yaml}, templates and documents ({@code DISPATCHER_KB_DIR})
 * @param knowledgeUrl   base URL for knowledge-base links, or {@code null} ({@code DISPATCHER_KB_URL})
 * @param databaseUrl    JDBC URL ({@code DISPATCHER_DB_URL}, default a SQLite file under {@code ./data})
 * @param databaseUser   PostgreSQL user ({@code DISPATCHER_DB_USER}), or {@code null}
 * @param databasePassword PostgreSQL password ({@code DISPATCHER_DB_PASSWORD}), or {@code null}; never logged
 * @param cacheSize      decisions the cache keeps ({@code DISPATCHER_CACHE_SIZE}, default 10000)
 * @param cacheTtl       how long a cached decision lives ({@code DISPATCHER_CACHE_TTL_SECONDS}, default 600)
 * @param misrouteEmoji  reaction name that flags a misroute ({@code DISPATCHER_MISROUTE_EMOJI}, default {@code x})
 * @param learningRefresh how often replicas re-read corrections made elsewhere ({@code DISPATCHER_LEARNING_REFRESH_SECONDS}, default 30)
 * @param adminPort      port of {@code /healthz}, {@code /readyz} and {@code /metrics} in the bot processes
 *                       ({@code DISPATCHER_ADMIN_PORT}, default 9090; 0 picks a free port)
 * @param jobLease       how long a worker owns an acknowledged job before any replica may resume it
 *                       ({@code DISPATCHER_JOB_LEASE_SECONDS}, default 60)
 */
public record CoreSettings(
        Path knowledgeDir,
        String knowledgeUrl,
        String databaseUrl,
        String databaseUser,
        String databasePassword,
        long cacheSize,
        Duration cacheTtl,
        String misrouteEmoji,
        Duration learningRefresh,
        int adminPort,
        Duration jobLease) {

    /** Settings with the default job lease, for tools that run no bot (the CLI, evaluation). */
    public CoreSettings(Path knowledgeDir, String knowledgeUrl, String databaseUrl, String databaseUser, String databasePassword,
                        long cacheSize, Duration cacheTtl, String misrouteEmoji, Duration learningRefresh, int adminPort) {
        this(knowledgeDir, knowledgeUrl, databaseUrl, databaseUser, databasePassword, cacheSize, cacheTtl, misrouteEmoji,
                learningRefresh, adminPort, DEFAULT_JOB_LEASE);
    }

    /** How long a worker owns a job unless {@code DISPATCHER_JOB_LEASE_SECONDS} says otherwise. */
    public static final Duration DEFAULT_JOB_LEASE = Duration.ofSeconds(60);

    /**
     * Reads the settings; relative paths resolve against {@code DISPATCHER_HOME} (the launcher sets it to the
     * repository root) or the working directory.
     *
     * @throws IllegalArgumentException naming the variable whose value is unusable
     */
    public static CoreSettings fromEnvironment(Map<String, String> env) {
        Path home = Path.of(env.getOrDefault("DISPATCHER_HOME", System.getProperty("dispatcher.root", "."))).toAbsolutePath().normalize();
        Path kb = home.resolve(env.getOrDefault("DISPATCHER_KB_DIR", "knowledgebase"));
        String db = blankToNull(env.get("DISPATCHER_DB_URL"));
        if (db == null) {
            db = "jdbc:sqlite:" + home.resolve("data").resolve("dispatcher.db");
        }
        return new CoreSettings(kb,
                blankToNull(env.get("DISPATCHER_KB_URL")),
                db,
                blankToNull(env.get("DISPATCHER_DB_USER")),
                blankToNull(env.get("DISPATCHER_DB_PASSWORD")),
                number(env, "DISPATCHER_CACHE_SIZE", 10_000),
                Duration.ofSeconds(number(env, "DISPATCHER_CACHE_TTL_SECONDS", 600)),
                env.getOrDefault("DISPATCHER_MISROUTE_EMOJI", "x").replace(":", "").trim(),
                Duration.ofSeconds(Math.max(1, number(env, "DISPATCHER_LEARNING_REFRESH_SECONDS", 30))),
                port(env, "DISPATCHER_ADMIN_PORT", 9090),
                Duration.ofSeconds(Math.max(1, number(env, "DISPATCHER_JOB_LEASE_SECONDS", DEFAULT_JOB_LEASE.toSeconds()))));
    }

    private static long number(Map<String, String> env, String name, long fallback) {
        String value = blankToNull(env.get(name));
        if (value == null) {
            return fallback;
        }
        try {
            long parsed = Long.parseLong(value);
            if (parsed < 0) {
                throw new NumberFormatException();
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number of 0 or more, was '" + value + "'");
        }
    }

    private static int port(Map<String, String> env, String name, int fallback) {
        long port = number(env, name, fallback);
        if (port > 65_535) {
            throw new IllegalArgumentException(name + " must be a port number from 0 to 65535, was '" + env.get(name) + "'");
        }
        return (int) port;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
