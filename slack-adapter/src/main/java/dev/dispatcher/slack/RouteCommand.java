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
    private static final String KIND = "slash_command";

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
        HandledEvent event = HandledEvent.arrived(KIND, command.getChannelId(), command.getTriggerId());
        String text = SlackText.unescape(command.getText()).strip();
        RequestKind kind = RequestKind.of(text);
        if (kind == RequestKind.HELP) {
            event.handled();
            return ctx.ack(SlashCommandResponse.builder().responseType("ephemeral").text(help.usage()).build());
        }
        String botName = ctx.getAuthTestResponse() != null && ctx.getAuthTestResponse().getUser() != null
                ? ctx.getAuthTestResponse().getUser() : "dispatcher";
        // Everything that touches the database or Slack happens after the acknowledgement, on a worker.
        boolean accepted = work.submit(event.describe(), () -> {
            if (!deliveries.claim("command:" + command.getTriggerId())) {
                return;
            }
            if (kind == RequestKind.STATS) {
                poster.respondPrivately(command.getResponseUrl(),
                        HelpTexts.stats(StatsRenderer.text(core.stats().standardWindows(), core.cache().stats())), null);
                event.handled();
            } else {
                route(text, command, botName, event);
            }
        });
        if (!accepted) {
            event.handled();
            return ctx.ack(SlashCommandResponse.builder().responseType("ephemeral").text(HelpTexts.busy(text)).build());
        }
        return ctx.ack();
    }

    private void route(String text, SlashCommandPayload command, String botName, HandledEvent event) {
        String channel = command.getChannelId();
        Reply reply;
        try {
            reply = core.dispatcher().dispatch(new Task(text, command.getUserId(), new ConversationRef("slack", channel, null, null)));
        } catch (RuntimeException e) {
            core.metrics().error(HandledEvent.PLATFORM, "routing_failed");
            LOG.error("/route from {} in {} could not be routed: {}", command.getUserId(), channel, e.getMessage(), e);
            poster.respondPrivately(command.getResponseUrl(), HelpTexts.routingFailed(), null);
            event.handled();
            return;
        }
        try {
            answer(reply, command, botName);
        } finally {
            event.handled(reply.decisionId(), reply.specialist().id());
        }
    }

    /** Posts the announcement and the analysis in its thread; a refusal is explained privately through the response_url. */
    private void answer(Reply reply, SlashCommandPayload command, String botName) {
        String channel = command.getChannelId();
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
