package dev.dispatcher.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.withSettings;

import dev.dispatcher.dispatch.ConversationRef;
import dev.dispatcher.feedback.Feedback;
import java.nio.file.Path;
import java.util.Optional;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.entities.channel.concrete.TextChannel;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.entities.channel.unions.MessageChannelUnion;
import net.dv8tion.jda.api.requests.ErrorResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RouteCommandListenerTest {

    @TempDir
    Path dir;

    private DiscordTestKit kit;
    private RouteCommandListener listener;

    @BeforeEach
    void start() {
        kit = DiscordTestKit.start(dir);
        listener = kit.listener(RouteCommandListener.class);
    }

    @AfterEach
    void stop() {
        kit.close();
    }

    @Test
    @DisplayName("'/route' acknowledges publicly at once, since ephemeral answers cannot be reacted to")
    void defersPublicly() {
        // WHEN
        listener.onSlashCommandInteraction(kit.slash("Fix JWT token expiration"));

        // THEN
        Outgoing ack = kit.outbox().get(0);
        assertThat(ack.kind()).isEqualTo("interaction-reply");
        assertThat(ack.ephemeral()).isFalse();
        assertThat(ack.content()).isNull();
    }

    @Test
    @DisplayName("'/route' is acknowledged before it is routed: the routing waits for a worker, not the gateway thread")
    void acknowledgesBeforeRouting() {
        // GIVEN the workers are all busy
        kit.holdWork();

        // WHEN two tasks arrive
        listener.onSlashCommandInteraction(kit.slash("Fix JWT token expiration"));
        listener.onSlashCommandInteraction(kit.slash("Optimize SQL queries"));

        // THEN both are acknowledged already, neither is routed or answered yet, and both count as in flight
        assertThat(kit.outbox("interaction-reply")).hasSize(2);
        assertThat(kit.outbox("edit-original")).isEmpty();
        assertThat(kit.core.stats().standardWindows().get(0).routed()).isZero();
        assertThat(kit.work.running()).isEqualTo(2);

        // WHEN a worker is free
        kit.releaseWork();

        // THEN both are routed and shown, and nothing is left in flight
        assertThat(kit.outbox("edit-original")).hasSize(2);
        assertThat(kit.core.stats().standardWindows().get(0).routed()).isEqualTo(2);
        assertThat(kit.work.running()).isZero();
    }

    @Test
    @DisplayName("'/route' that another process already answered is not routed again, and its placeholder is withdrawn")
    void answeredElsewhere() {
        // GIVEN another bot process sharing the database has claimed the interaction
        var slash = kit.slash("Fix JWT token expiration");
        assertThat(kit.core.events().claim("discord:" + slash.getId())).isTrue();

        // WHEN it reaches this process too
        listener.onSlashCommandInteraction(slash);

        // THEN this one acknowledged it (it could not know in time), then took its placeholder back, and routed nothing
        assertThat(kit.outbox("interaction-reply")).hasSize(1);
        assertThat(kit.outbox("delete-original")).hasSize(1);
        assertThat(kit.outbox("edit-original")).isEmpty();
        assertThat(kit.core.stats().standardWindows().get(0).routed()).isZero();
    }

    @Test
    @DisplayName("'/route' replaces the placeholder with the analysis embed: specialist, analysis, knowledge-base link")
    void showsAnalysisEmbed() {
        // WHEN
        listener.onSlashCommandInteraction(kit.slash("Fix JWT token expiration"));

        // THEN
        Outgoing shown = kit.outbox("edit-original").get(0);
        MessageEmbed embed = shown.embeds().get(0);
        assertThat(embed.getTitle()).contains("Auth System Architect");
        assertThat(embed.getDescription())
                .contains("**Routing to:** auth-system-architect", "**Confidence:**", "authentication.md")
                .contains("Fix JWT token expiration");
        assertThat(embed.getFooter().getText()).contains("react with ❌");
        assertThat(shown.pingsNobody()).isTrue();
    }

    @Test
    @DisplayName("'/route' ties the decision to the analysis message, so a reaction on it finds the decision")
    void attachesDecisionToAnalysis() {
        // WHEN
        listener.onSlashCommandInteraction(kit.slash("Fix JWT token expiration"));

        // THEN
        String messageId = kit.outbox("edit-original").get(0).message().getId();
        Optional<Feedback.Flag> flag = kit.core.feedback().flag(
                new ConversationRef("discord", DiscordTestKit.CHANNEL_ID, null, messageId), "someone");
        assertThat(flag).hasValueSatisfying(f -> assertThat(f.decision().taskText()).isEqualTo("Fix JWT token expiration"));
    }

    @Test
    @DisplayName("'/route' starts a thread on the analysis and posts the specialist prompt there")
    void promptGoesIntoThread() {
        // WHEN
        listener.onSlashCommandInteraction(kit.slash("Fix JWT token expiration"));

        // THEN
        Outgoing analysis = kit.outbox("edit-original").get(0);
        Outgoing thread = kit.outbox("thread").get(0);
        assertThat(thread.replyTo()).isEqualTo(analysis.message().getId());
        assertThat(thread.content()).startsWith("Auth System Architect: Fix JWT");
        String threadId = ((ThreadChannel) thread.result()).getId();
        assertThat(kit.postedIn(threadId)).singleElement().satisfies(prompt -> {
            assertThat(prompt.content()).startsWith("🤖 **ACTIVATING SPECIALIST:** 🔐 Auth System Architect\n```")
                    .contains("TASK: Fix JWT token expiration");
            assertThat(prompt.pingsNobody()).isTrue();
        });
    }

    @Test
    @DisplayName("'/route' answers in the channel, naming the missing permission, when the bot may not create threads")
    void fallsBackWithoutThreadPermission() {
        // GIVEN
        kit.deny(Permission.CREATE_PUBLIC_THREADS);

        // WHEN
        listener.onSlashCommandInteraction(kit.slash("Fix JWT token expiration"));

        // THEN
        assertThat(kit.outbox("thread")).isEmpty();
        Outgoing notice = kit.outbox("reply").get(0);
        assertThat(notice.content()).contains("missing permission Create Public Threads");
        assertThat(notice.mentionRepliedUser()).isFalse();
        assertThat(kit.outbox("send")).singleElement()
                .satisfies(prompt -> assertThat(prompt.content()).contains("TASK: Fix JWT token expiration"));
    }

    @Test
    @DisplayName("'/route' answers in the channel when Discord refuses the thread (too many active threads)")
    void fallsBackWhenDiscordRefusesThread() {
        // GIVEN
        kit.failThreadsWith(Failures.of(ErrorResponse.MAX_ACTIVE_THREADS));

        // WHEN
        listener.onSlashCommandInteraction(kit.slash("Fix JWT token expiration"));

        // THEN
        assertThat(kit.outbox("reply").get(0).content()).contains("limit of active threads");
        assertThat(kit.outbox("send")).singleElement()
                .satisfies(prompt -> assertThat(prompt.content()).contains("TASK: Fix JWT token expiration"));
    }

    @Test
    @DisplayName("'/route' inside a thread puts the prompt in that thread instead of starting another")
    void insideThreadStaysThere() {
        // GIVEN
        ThreadChannel thread = kit.thread("7000");

        // WHEN
        listener.onSlashCommandInteraction(kit.slash("Fix JWT token expiration", thread, kit.nextId()));

        // THEN
        assertThat(kit.outbox("thread")).isEmpty();
        assertThat(kit.postedIn("7000")).extracting(Outgoing::kind).containsExactly("edit-original", "send");
    }

    @Test
    @DisplayName("'/route' still answers, in the channel, when the interaction expired before the analysis was shown")
    void expiredInteractionAnswersInChannel() {
        // GIVEN
        kit.failHookWith(Failures.of(ErrorResponse.UNKNOWN_INTERACTION));

        // WHEN
        listener.onSlashCommandInteraction(kit.slash("Fix JWT token expiration"));

        // THEN
        Outgoing inChannel = kit.outbox("send").get(0);
        assertThat(inChannel.embeds()).singleElement().satisfies(e -> assertThat(e.getTitle()).contains("Auth System Architect"));
        assertThat(kit.outbox("thread")).singleElement().satisfies(t -> assertThat(t.replyTo()).isEqualTo(inChannel.message().getId()));
    }

    @Test
    @DisplayName("a replayed '/route' interaction is answered once")
    void replayIsAnsweredOnce() {
        // GIVEN
        String id = kit.nextId();
        listener.onSlashCommandInteraction(kit.slash("Fix JWT token expiration", kit.channel, id));

        // WHEN
        listener.onSlashCommandInteraction(kit.slash("Fix JWT token expiration", kit.channel, id));

        // THEN
        assertThat(kit.outbox("interaction-reply")).hasSize(1);
        assertThat(kit.outbox("edit-original")).hasSize(1);
    }

    @Test
    @DisplayName("'/route task:help' explains the bot, privately")
    void helpIsPrivate() {
        // WHEN
        listener.onSlashCommandInteraction(kit.slash("help"));

        // THEN
        assertThat(kit.outbox()).singleElement().satisfies(help -> {
            assertThat(help.ephemeral()).isTrue();
            assertThat(help.content()).contains("/route task:", "React with ❌");
        });
    }

    @Test
    @DisplayName("'/route task:stats' shows the routing statistics, privately")
    void statsArePrivate() {
        // WHEN
        listener.onSlashCommandInteraction(kit.slash("stats"));

        // THEN
        Outgoing stats = kit.outbox().get(0);
        assertThat(stats.ephemeral()).isTrue();
        assertThat(stats.content()).startsWith("```").contains("ROUTING STATISTICS");
    }

    @Test
    @DisplayName("a failure inside one '/route' is logged, never thrown at JDA")
    void failureDoesNotEscape() {
        // GIVEN a channel that blows up when asked anything
        TextChannel broken = mock(TextChannel.class, withSettings()
                .extraInterfaces(MessageChannelUnion.class)
                .defaultAnswer(inv -> { throw new IllegalStateException("broken channel"); }));
        var event = kit.slash("Fix JWT token expiration", broken, kit.nextId());

        // WHEN / THEN
        assertThatCode(() -> listener.onSlashCommandInteraction(event)).doesNotThrowAnyException();
    }
}
