package dev.dispatcher.discord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dispatcher.dispatch.ConversationRef;
import java.nio.file.Path;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MentionListenerTest {

    private static final String MENTION = "<@" + DiscordTestKit.SELF_ID + ">";

    @TempDir
    Path dir;

    private DiscordTestKit kit;
    private MentionListener listener;

    @BeforeEach
    void start() {
        kit = DiscordTestKit.start(dir);
        listener = kit.listener(MentionListener.class);
    }

    @AfterEach
    void stop() {
        kit.close();
    }

    private Message mention(String content) {
        return kit.message(kit.channel, kit.person, content, true);
    }

    @Test
    @DisplayName("a mention is answered in a thread started on it: the analysis embed, then the prompt")
    void answersInNewThread() {
        // GIVEN
        Message question = mention(MENTION + " the entities endpoint returns 404");

        // WHEN
        kit.fire(kit.received(question));

        // THEN
        Outgoing thread = kit.outbox("thread").get(0);
        assertThat(thread.replyTo()).isEqualTo(question.getId());
        String threadId = ((ThreadChannel) thread.result()).getId();
        assertThat(kit.postedIn(threadId)).hasSize(2).allSatisfy(m -> assertThat(m.pingsNobody()).isTrue());
        assertThat(kit.postedIn(threadId).get(0).embeds()).singleElement()
                .satisfies(e -> assertThat(e.getTitle()).startsWith("🎯 Routing analysis →"));
        assertThat(kit.postedIn(threadId).get(1).content()).contains("TASK: the entities endpoint returns 404");
    }

    @Test
    @DisplayName("the bot's mention is stripped from the task it routes, and the analysis message carries the decision")
    void stripsMention() {
        // GIVEN
        Message question = mention(MENTION + " Fix JWT token expiration");

        // WHEN
        kit.fire(kit.received(question));

        // THEN
        Outgoing analysis = kit.posted().get(0);
        var ref = new ConversationRef("discord", analysis.channelId(), analysis.channelId(), analysis.message().getId());
        assertThat(kit.core.feedback().flag(ref, "someone"))
                .hasValueSatisfying(flag -> assertThat(flag.decision().taskText()).isEqualTo("Fix JWT token expiration"));
    }

    @Test
    @DisplayName("a mention inside a thread is answered in that thread, as a reply that does not ping")
    void answersInsideThread() {
        // GIVEN
        ThreadChannel thread = kit.thread("7000");
        Message question = kit.message(thread, kit.person, MENTION + " Fix JWT token expiration", true);

        // WHEN
        kit.fire(kit.received(question));

        // THEN
        assertThat(kit.outbox("thread")).isEmpty();
        assertThat(kit.postedIn("7000")).extracting(Outgoing::kind).containsExactly("reply", "send");
        assertThat(kit.postedIn("7000").get(0).replyTo()).isEqualTo(question.getId());
        assertThat(kit.postedIn("7000").get(0).pingsNobody()).isTrue();
    }

    @Test
    @DisplayName("@everyone, @here and role mentions do not address the bot")
    void ignoresMassMentions() {
        // GIVEN Discord reports no direct user mention of the bot
        Message everyone = kit.message(kit.channel, kit.person, "@everyone Fix JWT token expiration", false);

        // WHEN
        kit.fire(kit.received(everyone));

        // THEN
        assertThat(kit.outbox()).isEmpty();
    }

    @Test
    @DisplayName("a reply that only pings the bot, without naming it in the text, is not a task")
    void ignoresReplyPing() {
        // GIVEN Discord counts the reply ping as a mention, but the text never names the bot
        Message reply = mention("thanks, that helped");

        // WHEN
        kit.fire(kit.received(reply));

        // THEN
        assertThat(kit.outbox()).isEmpty();
    }

    @Test
    @DisplayName("messages from bots, our own included, are ignored")
    void ignoresBots() {
        // GIVEN
        Message fromBot = kit.message(kit.channel, kit.user("5000", true), MENTION + " Fix JWT token expiration", true);
        Message fromSelf = kit.message(kit.channel, kit.self, MENTION + " Fix JWT token expiration", true);

        // WHEN
        kit.fire(kit.received(fromBot));
        kit.fire(kit.received(fromSelf));

        // THEN
        assertThat(kit.outbox()).isEmpty();
    }

    @Test
    @DisplayName("a mention without a task gets help, in a reply that does not ping")
    void emptyMentionGetsHelp() {
        // WHEN
        kit.fire(kit.received(mention(MENTION)));

        // THEN
        assertThat(kit.outbox()).singleElement().satisfies(help -> {
            assertThat(help.kind()).isEqualTo("reply");
            assertThat(help.content()).contains("/route task:");
            assertThat(help.pingsNobody()).isTrue();
        });
    }

    @Test
    @DisplayName("'@dispatcher stats' shows the routing statistics")
    void statsByMention() {
        // WHEN
        kit.fire(kit.received(mention(MENTION + " stats")));

        // THEN
        assertThat(kit.outbox().get(0).content()).contains("ROUTING STATISTICS");
    }

    @Test
    @DisplayName("a message the gateway delivers twice is answered once")
    void replayIsAnsweredOnce() {
        // GIVEN
        Message question = mention(MENTION + " Fix JWT token expiration");
        kit.fire(kit.received(question));
        int requests = kit.outbox().size();

        // WHEN
        kit.fire(kit.received(question));

        // THEN
        assertThat(kit.outbox()).hasSize(requests);
    }

    @Test
    @DisplayName("text a user typed is echoed so that it cannot ping: mentions broken, allowed mentions empty")
    void echoedTextCannotPing() {
        // GIVEN
        Message question = mention(MENTION + " @everyone fix <@4242> login and <@&99> roles");

        // WHEN
        kit.fire(kit.received(question));

        // THEN
        assertThat(kit.posted()).isNotEmpty().allSatisfy(m -> {
            assertThat(m.pingsNobody()).isTrue();
            assertThat(m.text()).doesNotContain("@everyone", "<@4242>", "<@&99>");
            m.embeds().forEach(e -> assertThat(e.getDescription()).doesNotContain("@everyone", "<@4242>", "<@&99>"));
        });
        assertThat(kit.outbox("thread").get(0).content()).doesNotContain("@everyone", "<@4242>");
    }

    @Test
    @DisplayName("without permission to create threads, a mention is answered in the channel with the missing permission named")
    void fallsBackWithoutThreadPermission() {
        // GIVEN
        kit.deny(Permission.MESSAGE_SEND_IN_THREADS);
        Message question = mention(MENTION + " Fix JWT token expiration");

        // WHEN
        kit.fire(kit.received(question));

        // THEN
        assertThat(kit.outbox("thread")).isEmpty();
        Outgoing answer = kit.outbox("reply").get(0);
        assertThat(answer.content()).contains("missing permission Send Messages in Threads");
        assertThat(answer.embeds()).hasSize(1);
        assertThat(answer.pingsNobody()).isTrue();
        assertThat(kit.outbox("send")).singleElement()
                .satisfies(prompt -> assertThat(prompt.content()).contains("TASK: Fix JWT token expiration"));
    }
}
