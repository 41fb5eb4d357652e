package dev.dispatcher.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dispatcher.dispatch.ConversationRef;
import dev.dispatcher.dispatch.LocalMessageIds;
import dev.dispatcher.dispatch.Task;
import dev.dispatcher.ops.AdminServer;
import dev.dispatcher.testkit.AdminRequests;
import dev.dispatcher.testkit.Cores;
import dev.dispatcher.testkit.MiniKnowledgeBase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Reloading the knowledge base without a restart")
class KnowledgeReloadTest {

    /** Moves "widget" from alpha to beta, and outweighs what alpha's document says about widgets. */
    private static final String ALPHA_KEYWORDS = "keywords: {widget: 3, shared: 2}";
    private static final String BETA_KEYWORDS = "keywords: {gadget: 3, shared: 2}";

    @TempDir
    Path dir;

    private MiniKnowledgeBase kb;
    private Map<String, String> env;
    private final LocalMessageIds ids = new LocalMessageIds();

    @BeforeEach
    void miniKnowledgeBase() {
        kb = MiniKnowledgeBase.in(dir.resolve("kb"));
        env = Cores.environment(dir);
        env.put("DISPATCHER_KB_DIR", kb.root().toString());
        env.put("DISPATCHER_KB_RELOAD_SECONDS", "0");
    }

    private String route(BotCore core, String text) {
        return core.dispatcher().dispatch(new Task(text, "dev", new ConversationRef("shell", "local", null, ids.next())))
                .decision().specialist();
    }

    private void moveWidgetToBeta() {
        kb.editRouting(ALPHA_KEYWORDS, "keywords: {shared: 2}").editRouting(BETA_KEYWORDS, "keywords: {gadget: 3, shared: 2, widget: 9}");
    }

    @Test
    @DisplayName("a valid change routes the next task, even one the decision cache had answered before")
    void validChangeTakesEffect() {
        try (BotCore core = Cores.start(env)) {
            // GIVEN a task answered, and so cached
            assertThat(route(core, "assemble the widget")).isEqualTo("alpha-architect");
            String before = core.liveKnowledge().version();

            // WHEN routing.yaml gives widgets to beta and the files are looked at
            moveWidgetToBeta();
            assertThat(core.liveKnowledge().reloadIfChanged()).isEqualTo(LiveKnowledge.Outcome.RELOADED);

            // THEN the same task goes to beta, under a new version
            assertThat(route(core, "assemble the widget")).isEqualTo("beta-architect");
            assertThat(core.liveKnowledge().version()).isNotEqualTo(before);
            assertThat(core.cache().stats().hitCount()).isZero();
        }
    }

    @Test
    @DisplayName("an invalid change is refused once, the previous version keeps routing, and fixing it loads it")
    void invalidChangeIsRefused() {
        try (BotCore core = Cores.start(env)) {
            String before = core.liveKnowledge().version();

            // WHEN routing.yaml is broken
            kb.editRouting("  minConfidence: 0.30", " minConfidence: 0.30");

            // THEN it is refused, and only once however often the files are looked at
            assertThat(core.liveKnowledge().reloadIfChanged()).isEqualTo(LiveKnowledge.Outcome.REFUSED);
            assertThat(core.liveKnowledge().reloadIfChanged()).isEqualTo(LiveKnowledge.Outcome.UNCHANGED);
            assertThat(core.liveKnowledge().version()).isEqualTo(before);
            assertThat(route(core, "assemble the widget")).isEqualTo("alpha-architect");
            assertThat(core.metrics().scrape()).contains("dispatcher_knowledge_base_reloads_total{outcome=\"refused\"} 1.0");

            // AND once it is fixed (and changed), it is loaded
            kb.editRouting(" minConfidence: 0.30", "  minConfidence: 0.30");
            moveWidgetToBeta();
            assertThat(core.liveKnowledge().reloadIfChanged()).isEqualTo(LiveKnowledge.Outcome.RELOADED);
            assertThat(route(core, "assemble the widget")).isEqualTo("beta-architect");
        }
    }

    @Test
    @DisplayName("a changed document or template counts as a change, an untouched folder does not")
    void whatCountsAsAChange() {
        try (BotCore core = Cores.start(env)) {
            assertThat(core.liveKnowledge().reloadIfChanged()).isEqualTo(LiveKnowledge.Outcome.UNCHANGED);

            kb.write("templates/beta.txt", "You are the beta-architect, freshly briefed.\nTASK: {user_task}\n");

            assertThat(core.liveKnowledge().reloadIfChanged()).isEqualTo(LiveKnowledge.Outcome.RELOADED);
            assertThat(core.dispatcher().dispatch(new Task("a gadget broke", "dev", new ConversationRef("shell", "local", null, ids.next())))
                    .prompt()).contains("freshly briefed");
        }
    }

    @Test
    @DisplayName("a running core looks at the files by itself every DISPATCHER_KB_RELOAD_SECONDS")
    void looksPeriodically() {
        env.put("DISPATCHER_KB_RELOAD_SECONDS", "1");
        try (BotCore core = Cores.start(env)) {
            String before = core.liveKnowledge().version();

            moveWidgetToBeta();

            assertThat(AdminRequests.awaitTrue(() -> !core.liveKnowledge().version().equals(before), Duration.ofSeconds(20)))
                    .as("reloaded by itself").isTrue();
            assertThat(route(core, "assemble the widget")).isEqualTo("beta-architect");
        }
    }

    @Test
    @DisplayName("/metrics shows the version in use, and only that one, as it changes")
    void metricsShowTheVersion() throws Exception {
        try (BotCore core = Cores.start(env); AdminServer server = AdminServer.start(0, () -> true, core.metrics())) {
            AdminRequests admin = new AdminRequests(server.port());
            String first = core.liveKnowledge().version();
            assertThat(admin.metrics()).containsPattern("dispatcher_knowledge_base_info\\{version=\"" + first + "\"} 1(\\.0)?\n");

            moveWidgetToBeta();
            core.liveKnowledge().reloadIfChanged();

            String second = core.liveKnowledge().version();
            assertThat(admin.metrics()).containsPattern("dispatcher_knowledge_base_info\\{version=\"" + second + "\"} 1(\\.0)?\n")
                    .doesNotContain("version=\"" + first + "\"")
                    .contains("dispatcher_knowledge_base_reloads_total{outcome=\"reloaded\"} 1.0");
        }
    }
}
