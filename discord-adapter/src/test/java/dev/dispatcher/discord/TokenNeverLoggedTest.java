package dev.dispatcher.discord;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import net.dv8tion.jda.api.utils.TimeUtil;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@code DiscordMain} as the real process it is (its own JVM, the shipped logback configuration, DEBUG logging)
 * against a fake Discord, has it connect, answer a {@code /route} and stop on SIGTERM, and reads everything it printed.
 * The fake gateway even echoes the token back in READY's {@code _trace}, which JDA logs at DEBUG: the token must still
 * appear nowhere.
 */
class TokenNeverLoggedTest {

    /** Shaped like a real bot token (base64 of a snowflake, a timestamp, an HMAC); JDA takes any such string. */
    private static final String TOKEN = "MTAwMDAwMDAwMDAwMDAwMDAwMQ.GfAkEd.tHiS-iS-nOt_A-rEaL-tOkEn_0123456789abc";
    private static final Duration START = Duration.ofSeconds(120);
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    @Test
    @DisplayName("at DEBUG, through start, a /route and SIGTERM, no text log line contains the token")
    void textLogs() throws Exception {
        // WHEN
        String output = runBot("text");

        // THEN
        assertThat(output).doesNotContain(TOKEN).contains("***")
                .contains("handled slash_command on discord")
                .contains("discord: stopped");
    }

    @Test
    @DisplayName("with DISPATCHER_LOG_FORMAT=json, through start, a /route and SIGTERM, no JSON log line contains the token")
    void jsonLogs() throws Exception {
        // WHEN
        String output = runBot("json");

        // THEN
        assertThat(output).doesNotContain(TOKEN).contains("***")
                .contains("\"loggerName\":\"dispatcher.events\"")
                .contains("slash_command");
    }

    /** Starts the bot in a child JVM, routes one task through it, sends SIGTERM and returns all it printed. */
    private String runBot(String logFormat) throws Exception {
        try (FakeDiscordRest rest = new FakeDiscordRest()) {
            FakeDiscordGateway gateway = new FakeDiscordGateway(shard -> DiscordJson.guild(BotPermissions.raw()));
            gateway.echoTokenInReady();
            String gatewayUrl = gateway.begin();
            rest.recommend(gatewayUrl, 1);
            Process bot = start(Map.of(
                    "DISCORD_TOKEN", TOKEN,
                    "DISCORD_GUILD_ID", DiscordJson.GUILD_ID,
                    "DISCORD_API_URL", rest.baseUrl(),
                    "DISCORD_GATEWAY_URL", gatewayUrl,
                    "DISPATCHER_HOME", Path.of(System.getProperty("dispatcher.root", "../")).toAbsolutePath().toString(),
                    "DISPATCHER_DB_URL", "jdbc:sqlite:" + dir.resolve(logFormat + ".db"),
                    "DISPATCHER_ADMIN_PORT", "0",
                    "DISPATCHER_LOG_LEVEL", "DEBUG",
                    "DISPATCHER_LOG_FORMAT", logFormat));
            Capture output = new Capture(bot.getInputStream());
            try {
                rest.await("the command registration", r -> r.is("PUT", ".*/guilds/" + DiscordJson.GUILD_ID + "/commands"), START);
                String interaction = Long.toString(TimeUtil.getDiscordTimestamp(System.currentTimeMillis()));
                gateway.dispatch("INTERACTION_CREATE", DiscordJson.routeCommand(interaction, "Fix JWT token expiration", BotPermissions.raw()));
                rest.await("the prompt in the thread", r -> r.is("POST", "/channels/\\d+/messages")
                        && r.body() != null && r.body().getString("content", "").contains("TASK: Fix JWT"), WAIT);
                // the token was really in use: in the gateway's IDENTIFY and in the REST API's Authorization header
                assertThat(gateway.awaitIdentify(WAIT).getString("token")).isEqualTo(TOKEN);
                assertThat(rest.requests()).anySatisfy(r -> assertThat(r.authorization()).isEqualTo("Bot " + TOKEN));

                // SIGTERM through the handle: Process.destroy() would also close our end of the pipe, losing what the
                // shutdown hook prints
                bot.toHandle().destroy();
                assertThat(bot.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)).as("the bot exits after SIGTERM").isTrue();
                return output.finish();
            } catch (AssertionError | RuntimeException e) {
                bot.toHandle().destroyForcibly();
                throw new AssertionError(e.getMessage() + "\n--- the bot printed ---\n" + output.finish(), e);
            } finally {
                gateway.stop(1000);
            }
        }
    }

    private static Process start(Map<String, String> env) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                DiscordMain.class.getName()));
        // only what this test sets: nothing from the developer's or CI's environment
        builder.environment().keySet().removeIf(name -> name.startsWith("DISCORD_") || name.startsWith("DISPATCHER_"));
        builder.environment().putAll(env);
        builder.redirectErrorStream(true);
        Process process = builder.start();
        process.getOutputStream().close();
        return process;
    }

    /** Reads a process's output to the end on a thread of its own, so the process never blocks on a full pipe. */
    private static final class Capture {

        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final Thread reader;

        Capture(InputStream in) {
            reader = new Thread(() -> {
                try (in) {
                    byte[] buffer = new byte[8192];
                    for (int n; (n = in.read(buffer)) > 0; ) {
                        synchronized (bytes) {
                            bytes.write(buffer, 0, n);
                        }
                    }
                } catch (IOException e) {
                    // the process ended; what was read is what it printed
                }
            }, "bot-output");
            reader.setDaemon(true);
            reader.start();
        }

        String finish() throws InterruptedException {
            reader.join(WAIT.toMillis());
            synchronized (bytes) {
                return bytes.toString(StandardCharsets.UTF_8);
            }
        }
    }
}
