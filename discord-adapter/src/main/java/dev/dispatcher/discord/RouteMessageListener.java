package dev.dispatcher.discord;

import dev.dispatcher.conversation.EventKind;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.events.interaction.command.MessageContextInteractionEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;

/**
 * The message context-menu command {@value RouteCommand#ROUTE_THIS_MESSAGE}: a public deferred reply, then the
 * pipeline routes the message's text and answers in a thread on that message, and the deferred reply says where. A
 * bot's message, or one with only a file, gets a short private explanation instead.
 */
final class RouteMessageListener extends ListenerAdapter {

    private final DiscordIntake intake;
    private final DiscordCalls calls;

    RouteMessageListener(DiscordIntake intake, DiscordCalls calls) {
        this.intake = intake;
        this.calls = calls;
    }

    @Override
    public void onMessageContextInteraction(MessageContextInteractionEvent event) {
        if (!RouteCommand.ROUTE_THIS_MESSAGE.equals(event.getName())) {
            return;
        }
        Message target = event.getTarget();
        boolean fromBot = target.getAuthor().isBot() || target.isWebhookMessage();
        // Nothing to route: the explanation is for the asker alone, so the acknowledgement is private too.
        boolean explainPrivately = fromBot || target.getContentRaw().isBlank();
        intake.take("'" + RouteCommand.ROUTE_THIS_MESSAGE + "' interaction " + event.getId(),
                () -> intake.event(EventKind.MESSAGE_SHORTCUT, event.getId(), DiscordIntake.where(target.getChannel(), target.getId()),
                        event.getUser().getId(), event.getMember(), target.getContentRaw(), event.getToken(), null, fromBot),
                () -> calls.queue("deferReply", event.deferReply(explainPrivately), hook -> { },
                        DiscordFailures.logging("acknowledge 'Route this message' " + event.getId(), null)),
                () -> calls.queue("reply", event.reply(DiscordIntake.BUSY).setEphemeral(true).setAllowedMentions(DiscordReplies.NO_MENTIONS),
                        hook -> { }, DiscordFailures.logging("say the bot is busy", null)));
    }
}
