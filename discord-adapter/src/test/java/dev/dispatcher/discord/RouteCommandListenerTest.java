package dev.dispatcher.discord;

import dev.dispatcher.conversation.Actor;
import dev.dispatcher.conversation.EventKind;
import dev.dispatcher.conversation.InboundEvent;
import dev.dispatcher.conversation.JobStore;
import dev.dispatcher.dispatch.ConversationRef;
import java.time.Clock;
import java.time.Instant;

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
        kit.fire(kit.slash("Fix JWT token expiration"));

        // THEN
        Outgoing ack = kit.outbox().get(0);
        assertThat(ack.kind()).isEqualTo("interaction-reply");
        assertThat(ack.ephemeral()).isFalse();
        assertThat(ack.content()).isNull();
    }

    @Test
    @DisplayName("'/route' is acknowledged before anything is routed or shown: the routing waits for a worker, not the gateway thread")
    void acknowledgesBeforeRouting() {
        // WHEN
        kit.fire(kit.slash("Fix JWT token expiration"));

        // THEN the deferred reply went out first, the answer after it
        assertThat(kit.outbox()).extracting(Outgoing::kind).startsWith("interaction-reply", "edit-original");
        assertThat(kit.work.running()).isZero();
    }

    @Test
    @DisplayName("'/route' that another process already took is neither acknowledged nor routed here")
    void answeredElsewhere() {
        // GIVEN another bot process sharing the database has stored the interaction as its job
        var slash = kit.slash("Fix JWT token expiration");
        InboundEvent theirs = new InboundEvent(EventKind.ROUTE, slash.getId(),
                new ConversationRef("discord", DiscordTestKit.CHANNEL_ID, null, null), Actor.user(DiscordTestKit.PERSON_ID),
                "Fix JWT token expiration", null, null, false, Instant.now());
        assertThat(new JobStore(kit.core.database(), Clock.systemUTC()).insert(theirs, "other-process", Instant.now().plusSeconds(60))).isTrue();

        // WHEN it reaches this process too
        kit.fire(slash);

        // THEN this one leaves it alone
        assertThat(kit.outbox()).isEmpty();
        assertThat(kit.core.stats().standardWindows().get(0).routed()).isZero();
    }

    @Test
    @DisplayName("'/route' replaces the placeholder with the analysis embed: specialist, analysis, knowledge-base link")
    void showsAnalysisEmbed() {
        // WHEN
        kit.fire(kit.slash("Fix JWT token expiration"));

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
        kit.fire(kit.slash("Fix JWT token expiration"));

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
        kit.fire(kit.slash("Fix JWT token expiration"));

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
        kit.fire(kit.slash("Fix JWT token expiration"));

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
        kit.fire(kit.slash("Fix JWT token expiration"));

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
        kit.fire(kit.slash("Fix JWT token expiration", thread, kit.nextId()));

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
        kit.fire(kit.slash("Fix JWT token expiration"));

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
        kit.fire(kit.slash("Fix JWT token expiration", kit.channel, id));

        // WHEN
        kit.fire(kit.slash("Fix JWT token expiration", kit.channel, id));

        // THEN
        assertThat(kit.outbox("interaction-reply")).hasSize(1);
        assertThat(kit.outbox("edit-original")).hasSize(1);
    }

    @Test
    @DisplayName("'/route task:help' explains the bot, privately")
    void helpIsPrivate() {
        // WHEN
        kit.fire(kit.slash("help"));

        // THEN the acknowledgement and the answer are both for her eyes only
        assertThat(kit.outbox()).extracting(Outgoing::kind).containsExactly("interaction-reply", "followup");
        assertThat(kit.outbox()).allSatisfy(part -> assertThat(part.ephemeral()).isTrue());
        assertThat(kit.outbox("followup").get(0).content()).contains("/route task:", "React with ❌");
    }

    @Test
    @DisplayName("'/route task:stats' shows the routing statistics, privately")
    void statsArePrivate() {
        // WHEN
        kit.fire(kit.slash("stats"));

        // THEN
        assertThat(kit.outbox().get(0).ephemeral()).as("the acknowledgement").isTrue();
        Outgoing stats = kit.outbox("followup").get(0);
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
        assertThatCode(() -> kit.listener(RouteCommandListener.class).onSlashCommandInteraction(event)).doesNotThrowAnyException();
    }
}
