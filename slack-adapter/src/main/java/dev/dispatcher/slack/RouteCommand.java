package dev.dispatcher.slack;

import dev.dispatcher.dispatch.RequestKind;

import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.app_backend.slash_commands.response.SlashCommandResponse;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.handler.builtin.SlashCommandHandler;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import dev.dispatcher.app.BotCore;
import dev.dispatcher.dispatch.ConversationRef;
import dev.dispatcher.dispatch.Task;
import dev.dispatcher.feedback.StatsRenderer;
import dev.dispatcher.reply.Reply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /route <task>}: acknowledged at once, then routed on a worker. Slash commands cannot be used in threads, so
 * the bot posts a visible top-level announcement and puts the analysis in its thread. {@code /route help} and
 * {@code /route stats} answer privately.
 */
final class RouteCommand implements SlashCommandHandler {

    static final String COMMAND = "/route";

    private static final Logger LOG = LoggerFactory.getLogger(RouteCommand.class);

    private final BotCore core;
    private final SlackReplies replies;
    private final ThreadedAnswer answers;
    private final SlackPoster poster;
    private final HelpTexts help;
    private final FirstDelivery deliveries;
    private final BackgroundWork work;

    RouteCommand(BotCore core, SlackReplies replies, ThreadedAnswer answers, SlackPoster poster,
                 HelpTexts help, FirstDelivery deliveries, BackgroundWork work) {
        this.core = core;
        this.replies = replies;
        this.answers = answers;
        this.poster = poster;
        this.help = help;
        this.deliveries = deliveries;
        this.work = work;
    }

    @Override
    public Response apply(SlashCommandRequest request, SlashCommandContext ctx) {
        SlashCommandPayload command = request.getPayload();
        String text = SlackText.unescape(command.getText()).strip();
        RequestKind kind = RequestKind.of(text);
        if (kind == RequestKind.HELP) {
            return ctx.ack(SlashCommandResponse.builder().responseType("ephemeral").text(help.usage()).build());
        }
        if (!deliveries.claim("command:" + command.getTriggerId())) {
            return ctx.ack();
        }
        if (kind == RequestKind.STATS) {
            work.submit("/route stats", () -> poster.respondPrivately(command.getResponseUrl(),
                    HelpTexts.stats(StatsRenderer.text(core.stats().standardWindows(), core.cache().stats())), null));
            return ctx.ack();
        }
        String botName = ctx.getAuthTestResponse() != null && ctx.getAuthTestResponse().getUser() != null
                ? ctx.getAuthTestResponse().getUser() : "dispatcher";
        work.submit("/route from " + command.getUserId(), () -> route(text, command, botName));
        return ctx.ack();
    }

    private void route(String text, SlashCommandPayload command, String botName) {
        String channel = command.getChannelId();
        Reply reply;
        try {
            reply = core.dispatcher().dispatch(new Task(text, command.getUserId(), new ConversationRef("slack", channel, null, null)));
        } catch (RuntimeException e) {
            LOG.error("/route from {} in {} could not be routed: {}", command.getUserId(), channel, e.getMessage(), e);
            poster.respondPrivately(command.getResponseUrl(), HelpTexts.routingFailed(), null);
            return;
        }
        SlackPoster.Posted announcement = poster.post(channel, null, replies.announcement(reply, command.getUserId()), reply.decisionId());
        if (!announcement.ok()) {
            poster.respondPrivately(command.getResponseUrl(), announcement.notInChannel()
                    ? HelpTexts.invite(botName) : HelpTexts.postFailed(announcement.error(), reply.decisionId()), reply.decisionId());
            return;
        }
        SlackPoster.Posted analysis = answers.post(reply, channel, announcement.ts());
        if (analysis.ok()) {
            // A reaction on the announcement counts too: it shows the same decision, on any replica, after any restart.
            attachAnnouncement(reply.decisionId(), channel, announcement.ts());
        } else {
            poster.respondPrivately(command.getResponseUrl(), HelpTexts.postFailed(analysis.error(), reply.decisionId()), reply.decisionId());
        }
    }

    private void attachAnnouncement(String decisionId, String channel, String announcementTs) {
        try {
            core.dispatcher().attach(decisionId, new ConversationRef("slack", channel, null, announcementTs));
        } catch (dev.dispatcher.store.StoreException e) {
            LOG.error("decision {}: announcement {} not attached, so reactions on it will be ignored: {}",
                    decisionId, announcementTs, e.getMessage(), e);
        }
    }
}
