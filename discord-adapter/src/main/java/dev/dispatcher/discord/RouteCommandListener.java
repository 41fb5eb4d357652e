package dev.dispatcher.discord;

import dev.dispatcher.app.BotCore;
import dev.dispatcher.dispatch.ConversationRef;
import dev.dispatcher.dispatch.RequestKind;
import dev.dispatcher.dispatch.Task;
import dev.dispatcher.feedback.StatsRenderer;
import dev.dispatcher.ops.EventLog;
import dev.dispatcher.reply.Reply;
import java.time.Duration;
import java.util.List;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers {@code /route task:<text>}: acknowledges at once with a public "thinking…" (ephemeral messages cannot be
 * reacted to), routes the task, replaces the placeholder with the analysis embed and starts a thread on it carrying the
 * specialist prompt. {@code task:help} and {@code task:stats} answer privately.
 */
final class RouteCommandListener extends ListenerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(RouteCommandListener.class);
    private static final String KIND = "slash_command";

    private final BotCore core;
    private final DiscordReplies replies;
    private final ThreadedAnswers answers;
    private final EventClaims claims;
    private final DiscordCalls calls;
    private final DiscordWork workers;

    RouteCommandListener(BotCore core, DiscordReplies replies, ThreadedAnswers answers, EventClaims claims, DiscordCalls calls,
                         DiscordWork workers) {
        this.core = core;
        this.replies = replies;
        this.answers = answers;
        this.claims = claims;
        this.calls = calls;
        this.workers = workers;
    }

    @Override
    public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
        if (!RouteCommand.NAME.equals(event.getName())) {
            return;
        }
        long started = System.nanoTime();
        try {
            if (claims.firstTimeHere(event.getId())) {
                handle(event, started);
            }
        } catch (RuntimeException e) {
            calls.listenerFailed(e);
            LOG.error("discord: /route interaction {} failed: {}", event.getId(), e.toString(), e);
        }
    }

    /**
     * A task is acknowledged here, then claimed, routed and answered on a worker, so the gateway thread is free for the
     * next interaction at once; help and statistics are claimed and answered here.
     */
    private void handle(SlashCommandInteractionEvent event, long started) {
        String text = event.getOption(RouteCommand.TASK, "", OptionMapping::getAsString);
        RequestKind kind = RequestKind.of(text);
        if (kind == RequestKind.TASK) {
            calls.queue("deferReply", event.deferReply(false), hook -> { },
                    DiscordFailures.logging("acknowledge /route " + event.getId(), null));
            workers.run("/route interaction " + event.getId(), () -> {
                if (claims.firstTime(event.getId())) {
                    handled(event, route(event, text), started);
                } else {
                    // Another process answered it: take back the "thinking…" this one showed.
                    calls.queue("deleteOriginal", event.getHook().deleteOriginal(), done -> { },
                            DiscordFailures.logging("withdraw the placeholder of /route " + event.getId(), null));
                }
            });
        } else if (claims.firstTime(event.getId())) {
            List<String> parts = kind == RequestKind.HELP ? List.of(replies.help())
                    : replies.stats(StatsRenderer.text(core.stats().standardWindows(), core.cache().stats()));
            handled(event, privately(event, parts), started);
        }
    }

    private static void handled(SlashCommandInteractionEvent event, Reply routed, long started) {
        EventLog.handled(DiscordCalls.PLATFORM, KIND, event.getChannelId(), event.getId(),
                routed == null ? null : routed.decisionId(), routed == null ? null : routed.specialist().id(),
                Duration.ofNanos(System.nanoTime() - started));
    }

    private Reply route(SlashCommandInteractionEvent event, String text) {
        String channel = event.getChannelId() == null ? "unknown" : event.getChannelId();
        String thread = event.getChannel() instanceof ThreadChannel ? channel : null;
        Reply reply = core.dispatcher().dispatch(
                new Task(text, event.getUser().getId(), new ConversationRef("discord", channel, thread, null)));
        MessageEmbed embed = replies.embed(reply);
        calls.queue("editOriginal", event.getHook().editOriginalEmbeds(embed).setAllowedMentions(DiscordReplies.NO_MENTIONS),
                analysis -> answers.promptBeneath(analysis, reply),
                failure -> {
                    DiscordFailures.log("show the /route analysis", reply.decisionId(), failure);
                    if (DiscordFailures.isExpiredInteraction(failure)) {
                        // The interaction is gone, the channel is not: answer there so the user still gets it.
                        calls.queue("sendMessage", event.getChannel().sendMessageEmbeds(embed).setAllowedMentions(DiscordReplies.NO_MENTIONS),
                                analysis -> answers.promptBeneath(analysis, reply),
                                DiscordFailures.logging("post the /route analysis in the channel", reply.decisionId()));
                    }
                });
        return reply;
    }

    /** Help and statistics concern only the asker: ephemeral, first part as the reply, the rest as follow-ups. */
    private Reply privately(SlashCommandInteractionEvent event, List<String> parts) {
        calls.queue("reply", event.reply(parts.get(0)).setEphemeral(true).setAllowedMentions(DiscordReplies.NO_MENTIONS),
                hook -> parts.subList(1, parts.size()).forEach(part -> calls.queue("sendFollowup",
                        hook.sendMessage(part).setEphemeral(true).setAllowedMentions(DiscordReplies.NO_MENTIONS),
                        sent -> { }, DiscordFailures.logging("send statistics", null))),
                DiscordFailures.logging("answer /route " + event.getId() + " privately", null));
        return null;
    }
}
