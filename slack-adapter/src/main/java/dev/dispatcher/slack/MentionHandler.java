package dev.dispatcher.slack;

import dev.dispatcher.dispatch.RequestKind;

import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.bolt.handler.BoltEventHandler;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.event.AppMentionEvent;
import dev.dispatcher.dispatch.ConversationRef;
import dev.dispatcher.dispatch.Dispatcher;
import dev.dispatcher.dispatch.Task;
import dev.dispatcher.reply.Reply;
import java.util.regex.Pattern;

/**
 * {@code @dispatcher <task>} in a channel: answered in the thread of the mention (the thread it is already in, or a
 * new one under it). A mention without a task gets the usage in the thread. Each event is answered once.
 */
final class MentionHandler implements BoltEventHandler<AppMentionEvent> {

    private final Dispatcher dispatcher;
    private final ThreadedAnswer answers;
    private final SlackPoster poster;
    private final HelpTexts help;
    private final FirstDelivery deliveries;
    private final BackgroundWork work;

    MentionHandler(Dispatcher dispatcher, ThreadedAnswer answers, SlackPoster poster, HelpTexts help,
                   FirstDelivery deliveries, BackgroundWork work) {
        this.dispatcher = dispatcher;
        this.answers = answers;
        this.poster = poster;
        this.help = help;
        this.deliveries = deliveries;
        this.work = work;
    }

    @Override
    public Response apply(EventsApiPayload<AppMentionEvent> payload, EventContext ctx) {
        AppMentionEvent mention = payload.getEvent();
        boolean fromPerson = mention.getUser() != null && mention.getBotId() == null && !mention.getUser().equals(ctx.getBotUserId());
        if (!fromPerson) {
            return ctx.ack();
        }
        String channel = mention.getChannel();
        HandledEvent event = HandledEvent.arrived("mention", channel, payload.getEventId());
        String thread = mention.getThreadTs() != null ? mention.getThreadTs() : mention.getTs();
        String task = taskOf(mention.getText(), ctx.getBotUserId());
        boolean accepted = work.submit(event.describe(), () -> {
            if (!deliveries.claim(payload.getEventId())) {
                return;
            }
            if (RequestKind.of(task) == RequestKind.HELP) {
                poster.post(channel, thread, SlackMessage.text(help.usage()), null);
                event.handled();
                return;
            }
            Reply reply;
            try {
                reply = dispatcher.dispatch(new Task(task, mention.getUser(), new ConversationRef("slack", channel, thread, mention.getTs())));
            } catch (RuntimeException e) {
                poster.post(channel, thread, SlackMessage.text(HelpTexts.routingFailed()), null);
                throw e;
            }
            try {
                answers.post(reply, channel, thread);
            } finally {
                event.handled(reply.decisionId(), reply.specialist().id());
            }
        });
        return accepted ? ctx.ack() : BusyGate.retryLater();
    }

    /** The task in a mention: Slack's escaping undone and the bot's own {@code <@UBOT>} (or {@code <@UBOT|name>}) removed. */
    static String taskOf(String text, String botUserId) {
        String task = text == null ? "" : text;
        if (botUserId != null) {
            task = task.replaceAll("<@" + Pattern.quote(botUserId) + "(\\|[^>]*)?>", " ");
        }
        return SlackText.unescape(task).strip().replaceAll("[ \\t]{2,}", " ");
    }
}
