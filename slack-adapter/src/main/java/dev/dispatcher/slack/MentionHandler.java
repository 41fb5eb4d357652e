package dev.dispatcher.slack;

import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.bolt.handler.BoltEventHandler;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.event.AppMentionEvent;
import dev.dispatcher.conversation.EventKind;
import java.util.regex.Pattern;

/**
 * {@code @dispatcher <task>} in a channel, from a person: the task without the bot's mention goes to the pipeline, which
 * answers in the thread of the mention (the thread it is already in, or a new one under it).
 */
final class MentionHandler implements BoltEventHandler<AppMentionEvent> {

    private final SlackIntake intake;

    MentionHandler(SlackIntake intake) {
        this.intake = intake;
    }

    @Override
    public Response apply(EventsApiPayload<AppMentionEvent> payload, EventContext ctx) {
        AppMentionEvent mention = payload.getEvent();
        boolean fromPerson = mention.getUser() != null && mention.getBotId() == null && !mention.getUser().equals(ctx.getBotUserId());
        if (!fromPerson) {
            return ctx.ack();
        }
        return intake.acknowledge(intake.event(EventKind.MENTION, payload.getEventId(),
                SlackIntake.in(mention.getChannel(), mention.getThreadTs(), mention.getTs()), mention.getUser(),
                taskOf(mention.getText(), ctx.getBotUserId()), null, null, false), ctx);
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
