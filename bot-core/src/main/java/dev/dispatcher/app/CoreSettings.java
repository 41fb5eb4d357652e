package dev.dispatcher.app;

import dev.dispatcher.answer.AnswerSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Settings every front end shares, read once from the environment.
 *
 * @param knowledgeDir   folder with {@code routing.yaml}, templates and documents ({@code DISPATCHER_KB_DIR})
 * @param knowledgeUrl   base URL for knowledge-base links, or {@code null} ({@code DISPATCHER_KB_URL}, http or https)
 * @param databaseUrl    JDBC URL ({@code DISPATCHER_DB_URL}, default a SQLite file under {@code ./data})
 * @param databaseUser   PostgreSQL user ({@code DISPATCHER_DB_USER}), or {@code null}
 * @param databasePassword PostgreSQL password ({@code DISPATCHER_DB_PASSWORD}), or {@code null}; never logged
 * @param cacheSize      decisions the cache keeps ({@code DISPATCHER_CACHE_SIZE}, default 10000)
 * @param cacheTtl       how long a cached decision lives ({@code DISPATCHER_CACHE_TTL_SECONDS}, default 600)
 * @param misrouteEmoji  reaction name that flags a misroute ({@code DISPATCHER_MISROUTE_EMOJI}, default {@code x})
 * @param learningRefresh how often replicas re-read corrections made elsewhere ({@code DISPATCHER_LEARNING_REFRESH_SECONDS}, default 30)
 * @param adminPort      port of {@code /healthz}, {@code /readyz} and {@code /metrics} in the bot processes
 *                       ({@code DISPATCHER_ADMIN_PORT}, default 9090; 0 picks a free port)
 * @param knowledgeReload how often the knowledge-base files are looked at for changes, which are then loaded
 *                       ({@code DISPATCHER_KB_RELOAD_SECONDS}, default 5; 0 never, SIGHUP still reloads a bot)
 * @param teachers       who may teach the router: Slack user or user-group ids, Discord user or role ids
 *                       ({@code DISPATCHER_TEACHERS}, separated by commas or spaces; empty, the default, means everyone)
 * @param teachPerHour   how many of one person's corrections in one hour teach; more are recorded but weigh nothing
 *                       ({@code DISPATCHER_TEACH_PER_HOUR}, default 5)
 * @param jobLease       how long a worker owns an acknowledged job before any replica may resume it
 *                       ({@code DISPATCHER_JOB_LEASE_SECONDS}, default 60)
 * @param answers        how the specialists answer under routing replies ({@code DISPATCHER_LLM_*},
 *                       {@code DISPATCHER_ANSWER_CHANNELS}); by default the knowledge base answers, everywhere
 *
 * <p>{@code DISPATCHER_LOG_FORMAT}, {@code DISPATCHER_LOG_LEVEL} and {@code DISPATCHER_EVENT_LOG_LEVEL} are read by
 * logback.xml, not kept here, but checked here with the rest: an unknown value stops start-up.
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
        Duration knowledgeReload,
        dev.dispatcher.feedback.Teachers teachers,
        int teachPerHour,
        Duration jobLease,
        AnswerSettings answers) {

    /** Settings whose knowledge base answers (no model), for tools and tests that set no model. */
    public CoreSettings(Path knowledgeDir, String knowledgeUrl, String databaseUrl, String databaseUser, String databasePassword,
                        long cacheSize, Duration cacheTtl, String misrouteEmoji, Duration learningRefresh, int adminPort,
                        Duration knowledgeReload, dev.dispatcher.feedback.Teachers teachers, int teachPerHour, Duration jobLease) {
        this(knowledgeDir, knowledgeUrl, databaseUrl, databaseUser, databasePassword, cacheSize, cacheTtl, misrouteEmoji,
                learningRefresh, adminPort, knowledgeReload, teachers, teachPerHour, jobLease, AnswerSettings.none());
    }

    /** Settings with the default job lease, for tools that run no bot (the CLI, evaluation). */
    public CoreSettings(Path knowledgeDir, String knowledgeUrl, String databaseUrl, String databaseUser, String databasePassword,
                        long cacheSize, Duration cacheTtl, String misrouteEmoji, Duration learningRefresh, int adminPort,
                        Duration knowledgeReload, dev.dispatcher.feedback.Teachers teachers, int teachPerHour) {
        this(knowledgeDir, knowledgeUrl, databaseUrl, databaseUser, databasePassword, cacheSize, cacheTtl, misrouteEmoji,
                learningRefresh, adminPort, knowledgeReload, teachers, teachPerHour, DEFAULT_JOB_LEASE);
    }

    /** How long a worker owns a job unless {@code DISPATCHER_JOB_LEASE_SECONDS} says otherwise. */
    public static final Duration DEFAULT_JOB_LEASE = Duration.ofSeconds(60);

    /** The values {@code DISPATCHER_LOG_FORMAT} may take: the appenders logback.xml defines. */
    static final List<String> LOG_FORMATS = List.of("text", "json");

    /** The values {@code DISPATCHER_LOG_LEVEL} and {@code DISPATCHER_EVENT_LOG_LEVEL} may take, in any case. */
    static final List<String> LOG_LEVELS = List.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR", "OFF");

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
        // Read by logback.xml itself, which would silently drop every line for a format it lacks and take an unknown
        // level for DEBUG: checked here, so a typo stops start-up instead.
        oneOf(env, "DISPATCHER_LOG_FORMAT", LOG_FORMATS, true);
        oneOf(env, "DISPATCHER_LOG_LEVEL", LOG_LEVELS, false);
        oneOf(env, "DISPATCHER_EVENT_LOG_LEVEL", LOG_LEVELS, false);
        return new CoreSettings(kb,
                webUrl(env, "DISPATCHER_KB_URL"),
                db,
                blankToNull(env.get("DISPATCHER_DB_USER")),
                blankToNull(env.get("DISPATCHER_DB_PASSWORD")),
                number(env, "DISPATCHER_CACHE_SIZE", 10_000),
                Duration.ofSeconds(number(env, "DISPATCHER_CACHE_TTL_SECONDS", 600)),
                env.getOrDefault("DISPATCHER_MISROUTE_EMOJI", "x").replace(":", "").trim(),
                Duration.ofSeconds(Math.max(1, number(env, "DISPATCHER_LEARNING_REFRESH_SECONDS", 30))),
                port(env, "DISPATCHER_ADMIN_PORT", 9090),
                Duration.ofSeconds(number(env, "DISPATCHER_KB_RELOAD_SECONDS", 5)),
                dev.dispatcher.feedback.Teachers.parse(env.get("DISPATCHER_TEACHERS")),
                (int) atLeastOne(env, "DISPATCHER_TEACH_PER_HOUR", 5),
                Duration.ofSeconds(atLeastOne(env, "DISPATCHER_JOB_LEASE_SECONDS", DEFAULT_JOB_LEASE.toSeconds())),
                AnswerSettings.fromEnvironment(env));
    }

    private static void oneOf(Map<String, String> env, String name, List<String> allowed, boolean exactCase) {
        String value = blankToNull(env.get(name));
        if (value == null) {
            return;
        }
        boolean known = exactCase ? allowed.contains(value) : allowed.contains(value.toUpperCase(Locale.ROOT));
        if (!known) {
            throw new IllegalArgumentException(name + " must be one of " + String.join(", ", allowed) + ", was '" + value + "'");
        }
    }

    /** A base URL links may point at: http or https with a host, never {@code javascript:} or a file. */
    private static String webUrl(Map<String, String> env, String name) {
        return EnvironmentValues.webUrl(env, name, "https://github.com/you/repo/blob/main");
    }

    private static long atLeastOne(Map<String, String> env, String name, long fallback) {
        long value = number(env, name, fallback);
        if (value < 1 || value > 1_000_000) {
            throw new IllegalArgumentException(name + " must be a whole number from 1 to 1000000, was '" + env.get(name) + "'");
        }
        return value;
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

    /** The same settings on another database (no user or password), e.g. a throw-away store for a replay. */
    public CoreSettings withDatabase(String jdbcUrl) {
        return new CoreSettings(knowledgeDir, knowledgeUrl, jdbcUrl, null, null, cacheSize, cacheTtl, misrouteEmoji,
                learningRefresh, adminPort, knowledgeReload, teachers, teachPerHour, jobLease, answers);
    }
}
