package dev.dispatcher.slack;

import com.slack.api.app_backend.interactive_components.payload.MessageShortcutPayload;
import com.slack.api.bolt.context.builtin.MessageShortcutContext;
import com.slack.api.bolt.handler.builtin.MessageShortcutHandler;
import com.slack.api.bolt.request.builtin.MessageShortcutRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.Message;
import dev.dispatcher.conversation.EventKind;

/**
 * "Route this message" (the message shortcut {@value #CALLBACK_ID}) on any message: its text is routed and answered in
 * that message's thread; a bot's message, or one with only a file, gets a short private explanation.
 */
final class RouteMessageShortcut implements MessageShortcutHandler {

    /** The shortcut's {@code callback_id} in both app manifests. */
    static final String CALLBACK_ID = "route_message";

    private final SlackIntake intake;

    RouteMessageShortcut(SlackIntake intake) {
        this.intake = intake;
    }

    @Override
    public Response apply(MessageShortcutRequest request, MessageShortcutContext ctx) {
        MessageShortcutPayload payload = request.getPayload();
        Message message = payload.getMessage();
        if (message == null || payload.getChannel() == null || payload.getUser() == null) {
            return ctx.ack();
        }
        boolean fromBot = message.getBotId() != null || "bot_message".equals(message.getSubtype());
        return intake.acknowledge(intake.event(EventKind.MESSAGE_SHORTCUT, payload.getTriggerId(),
                SlackIntake.in(payload.getChannel().getId(), message.getThreadTs(), message.getTs()), payload.getUser().getId(),
                SlackText.unescape(message.getText()).strip(), payload.getResponseUrl(), null, fromBot), ctx);
    }
}
