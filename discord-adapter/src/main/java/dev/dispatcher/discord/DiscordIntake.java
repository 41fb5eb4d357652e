package dev.dispatcher.discord;

import dev.dispatcher.conversation.Actor;
import dev.dispatcher.conversation.EventKind;
import dev.dispatcher.conversation.InboundEvent;
import dev.dispatcher.conversation.Pipeline;
import dev.dispatcher.dispatch.ConversationRef;
import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.Role;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.entities.channel.middleman.MessageChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where every Discord listener hands its translated event to the core's {@link Pipeline}: one guarded path, so a bad
 * event is logged and counted and never takes the gateway thread down. The gateway thread never waits for the
 * database: the pipeline stores the event with the others that arrived meanwhile and sends the acknowledgement once it
 * is stored. The acting member's role ids travel with the event. Thread-safe.
 */
final class DiscordIntake {

    /** What a person hears when every worker is busy and the queue is full; nothing was taken. */
    static final String BUSY = "⏳ I'm busy with many requests right now and did not take this one. Please send it again in a minute.";

    private static final Logger LOG = LoggerFactory.getLogger(DiscordIntake.class);

    private final Pipeline pipeline;
    private final DiscordCalls calls;
    private final Clock clock;

    DiscordIntake(Pipeline pipeline, DiscordCalls calls, Clock clock) {
        this.pipeline = pipeline;
        this.calls = calls;
        this.clock = clock;
    }

    /**
     * Translates and hands over an event.
     *
     * @param what        names the event in the log if anything fails, e.g. {@code /route interaction 123}
     * @param translation the event in core terms, or {@code null} when it is none of the bot's business
     * @param acknowledge what Discord must be sent once the event is stored, before the work starts (an interaction's
     *                    deferred reply); it runs on the pipeline's intake thread and must not block
     * @param sayBusy     what to tell the person when the bot is too busy to take it
     */
    void take(String what, Supplier<InboundEvent> translation, Runnable acknowledge, Runnable sayBusy) {
        try {
            InboundEvent event = translation.get();
            if (event != null && pipeline.acceptLater(event, acknowledge) == Pipeline.Intake.BUSY) {
                sayBusy.run();
            }
        } catch (RuntimeException e) {
            calls.listenerFailed(e);
            LOG.error("discord: {} failed: {}", what, e.toString(), e);
        }
    }

    /** An event as the core sees it, received now. */
    InboundEvent event(EventKind kind, String id, ConversationRef where, String userId, Member member, String text,
                       String interactionToken, String decisionId, boolean aboutBotMessage) {
        return new InboundEvent(kind, id, where, actor(userId, member), text, interactionToken, decisionId, aboutBotMessage,
                clock.instant());
    }

    /** A message (or, with {@code messageId} null, a channel) as a reference: a thread is its own channel. */
    static ConversationRef where(MessageChannel channel, String messageId) {
        String thread = channel instanceof ThreadChannel ? channel.getId() : null;
        return new ConversationRef(DiscordCalls.PLATFORM, channel.getId(), thread, messageId);
    }

    private static Actor actor(String userId, Member member) {
        List<String> roles = member == null ? List.of() : member.getRoles().stream().map(Role::getId).toList();
        return new Actor(userId, roles);
    }
}
