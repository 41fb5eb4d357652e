package dev.dispatcher.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dispatcher.testkit.AdminRequests;
import dev.dispatcher.testkit.MiniKnowledgeBase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kill -HUP} on a running {@code ./dispatcher slack}: the knowledge base is reloaded, the bot runs on. */
@DisplayName("SIGHUP to a real SlackMain process")
class ReloadOnHangupTest {

    private static final Pattern VERSION = Pattern.compile("dispatcher_knowledge_base_info\\{version=\"(\\w+)\"}");

    @TempDir
    Path dir;

    @Test
    @DisplayName("reloads a changed knowledge base and runs on; a broken one is refused and the version before stays")
    void hangupReloads() throws Exception {
        MiniKnowledgeBase kb = MiniKnowledgeBase.in(dir.resolve("kb"));
        try (FakeSlackApi slackApi = FakeSlackApi.start();
             SlackMainProcess bot = SlackMainProcess.start(slackApi, "jdbc:sqlite:" + dir.resolve("bot.db"), BotUnderTest.BOT_TOKEN,
                     "test-signing-secret-not-real", Map.of("DISPATCHER_KB_DIR", kb.root().toString(), "DISPATCHER_KB_RELOAD_SECONDS", "0"),
                     dir.resolve("bot.log"))) {
            String first = version(bot.admin());

            // WHEN a document changes and the process gets SIGHUP
            kb.write("docs/beta.md", "# Beta\n\nGadgets, revised.\n\n## Gadget storage\n\nStore each gadget in a crate.\n");
            hangUp(bot);

            // THEN the new version is in use, and the bot still runs
            assertThat(AdminRequests.awaitTrue(() -> !first.equals(versionQuietly(bot.admin())), Duration.ofSeconds(20)))
                    .as("reloaded; output:%n%s", bot.output()).isTrue();
            assertThat(bot.isAlive()).isTrue();
            assertThat(bot.admin().status("/readyz")).isEqualTo(200);
            String second = version(bot.admin());

            // WHEN routing.yaml is broken and the process gets SIGHUP again
            kb.editRouting("  minConfidence: 0.30", " minConfidence: 0.30");
            hangUp(bot);

            // THEN the change is refused with one line, and the version before keeps routing
            assertThat(AdminRequests.awaitTrue(() -> refusals(bot.admin()) == 1, Duration.ofSeconds(20))).isTrue();
            assertThat(version(bot.admin())).isEqualTo(second);
            assertThat(bot.isAlive()).isTrue();
            assertThat(bot.output()).containsOnlyOnce("knowledge base not reloaded (SIGHUP), still routing on version " + second
                    + ": " + kb.routingFile() + ": line 3, column 2: not valid YAML");
        }
    }

    private static void hangUp(SlackMainProcess bot) throws Exception {
        Process kill = new ProcessBuilder("kill", "-HUP", String.valueOf(bot.pid())).inheritIO().start();
        assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(kill.exitValue()).isZero();
    }

    private static String version(AdminRequests admin) throws Exception {
        Matcher m = VERSION.matcher(admin.metrics());
        assertThat(m.find()).as("a knowledge-base version in /metrics").isTrue();
        return m.group(1);
    }

    private static String versionQuietly(AdminRequests admin) {
        try {
            return version(admin);
        } catch (Exception | AssertionError e) {
            return "";
        }
    }

    private static double refusals(AdminRequests admin) {
        try {
            return admin.sample("dispatcher_knowledge_base_reloads_total", "outcome=\"refused\"");
        } catch (Exception | AssertionError e) {
            return -1;
        }
    }
}
