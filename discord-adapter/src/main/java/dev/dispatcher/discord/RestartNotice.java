package dev.dispatcher.discord;

import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.events.GenericEvent;
import net.dv8tion.jda.api.events.interaction.command.MessageContextInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.StringSelectInteractionEvent;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a person hears when they ask while the bot is shutting down: {@code /route} and a correction-menu choice get a
 * private "restarting, try again" (an interaction left unanswered shows "the application did not respond"); a
 * mention gets the same sentence as a reply. Nothing is routed or recorded. Reactions and everything else are dropped:
 * an answer to a reaction would be noise, and the ❌ can be added again.
 */
final class RestartNotice {

    static final String TEXT = "⏳ The dispatcher is restarting; please try again in a minute.";

    private static final Logger LOG = LoggerFactory.getLogger(RestartNotice.class);

    private final DiscordCalls calls;

    RestartNotice(DiscordCalls calls) {
        this.calls = calls;
    }

    /** Answers {@code event}, if it is one that deserves an answer; never throws. */
    void answer(GenericEvent event) {
        try {
            if (event instanceof SlashCommandInteractionEvent slash && RouteCommand.NAME.equals(slash.getName())) {
                privately(slash, "/" + RouteCommand.NAME + " interaction " + slash.getId());
            } else if (event instanceof MessageContextInteractionEvent menu && RouteCommand.ROUTE_THIS_MESSAGE.equals(menu.getName())) {
                privately(menu, "'" + RouteCommand.ROUTE_THIS_MESSAGE + "' interaction " + menu.getId());
            } else if (event instanceof StringSelectInteractionEvent choice
                    && CorrectionMenu.decisionId(choice.getComponentId()).isPresent()) {
                privately(choice, "correction menu interaction " + choice.getId());
            } else if (event instanceof MessageReceivedEvent received
                    && MentionListener.isAddressedTo(received.getMessage(), received.getJDA().getSelfUser())) {
                Message message = received.getMessage();
                LOG.info("discord: shutting down; asked the author of message {} to try again", message.getId());
                calls.queue("reply", message.reply(TEXT).mentionRepliedUser(false).setAllowedMentions(DiscordReplies.NO_MENTIONS),
                        sent -> { }, DiscordFailures.logging("say the bot is restarting", null));
            }
        } catch (RuntimeException e) {
            LOG.warn("discord: shutting down; could not answer {}: {}", event.getClass().getSimpleName(), e.toString());
        }
    }

    private void privately(IReplyCallback interaction, String what) {
        LOG.info("discord: shutting down; asked the sender of {} to try again", what);
        calls.queue("reply", interaction.reply(TEXT).setEphemeral(true).setAllowedMentions(DiscordReplies.NO_MENTIONS),
                hook -> { }, DiscordFailures.logging("say the bot is restarting", null));
    }
}
