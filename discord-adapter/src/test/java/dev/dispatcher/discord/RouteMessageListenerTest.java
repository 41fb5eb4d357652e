package dev.dispatcher.discord;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("the 'Route this message' message command")
class RouteMessageListenerTest {

    @TempDir
    Path dir;

    private DiscordTestKit kit;

    @BeforeEach
    void start() {
        kit = DiscordTestKit.start(dir);
    }

    @AfterEach
    void stop() {
        kit.close();
    }

    @Test
    @DisplayName("acknowledged publicly, answered in a thread on the message, and the deferred reply says where")
    void answersInAThreadOnTheMessage() {
        // GIVEN a person's message
        Message target = kit.message(kit.channel, kit.user("4200", false), "the users table needs an index on email", false);

        // WHEN someone uses "Route this message" on it
        kit.fire(kit.routeThisMessage(target));

        // THEN
        assertThat(kit.outbox().get(0).kind()).isEqualTo("interaction-reply");
        Outgoing thread = kit.outbox("thread").get(0);
        assertThat(thread.replyTo()).isEqualTo(target.getId());
        String threadId = ((ThreadChannel) thread.result()).getId();
        assertThat(kit.postedIn(threadId).get(0).embeds()).singleElement()
                .satisfies(embed -> assertThat(embed.getTitle()).contains("Database Architect"));
        assertThat(kit.outbox("followup")).singleElement()
                .satisfies(pointer -> assertThat(pointer.content()).contains("Database Architect", "thread"));
    }

    @Test
    @DisplayName("on a bot's message: a short private explanation, and nothing routed")
    void botMessageExplained() {
        // GIVEN
        Message target = kit.botMessage(kit.channel);

        // WHEN
        kit.fire(kit.routeThisMessage(target));

        // THEN
        assertThat(kit.outbox("thread")).isEmpty();
        assertThat(kit.outbox("followup")).singleElement().satisfies(explanation -> {
            assertThat(explanation.ephemeral()).isTrue();
            assertThat(explanation.content()).contains("from a bot");
        });
        assertThat(kit.core.stats().standardWindows().get(0).routed()).isZero();
    }

    @Test
    @DisplayName("the misroute reaction on its answer posts the menu in that thread, as on a /route answer")
    void misrouteWorksOnIt() {
        // GIVEN an answer in the thread on the message
        Message target = kit.message(kit.channel, kit.user("4200", false), "Fix JWT token expiration", false);
        kit.fire(kit.routeThisMessage(target));
        String threadId = ((ThreadChannel) kit.outbox("thread").get(0).result()).getId();
        Message analysis = kit.postedIn(threadId).get(0).message();

        // WHEN someone flags it
        kit.fire(kit.reactionAdded(analysis, "❌", kit.person));

        // THEN the menu of the other specialists is posted in the thread
        Outgoing menu = kit.outbox().get(kit.outbox().size() - 1);
        assertThat(menu.channelId()).isEqualTo(threadId);
        assertThat(menu.components()).isNotEmpty();
        assertThat(menu.pingsNobody()).isTrue();
    }
}
