package dev.dispatcher.discord;

import dev.dispatcher.conversation.EventKind;
import java.util.Optional;
import net.dv8tion.jda.api.events.interaction.component.StringSelectInteractionEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;

/**
 * A specialist picked in a correction menu: acknowledged without changing the menu, then recorded and confirmed in the
 * channel by the pipeline; a choice the core refuses is explained to the chooser alone, through the interaction.
 */
final class CorrectionMenuListener extends ListenerAdapter {

    private final DiscordIntake intake;
    private final DiscordCalls calls;

    CorrectionMenuListener(DiscordIntake intake, DiscordCalls calls) {
        this.intake = intake;
        this.calls = calls;
    }

    @Override
    public void onStringSelectInteraction(StringSelectInteractionEvent event) {
        Optional<String> decision = CorrectionMenu.decisionId(event.getComponentId());
        if (decision.isEmpty()) {
            return;
        }
        String chosen = event.getValues().isEmpty() ? null : event.getValues().get(0);
        intake.take("correction menu interaction " + event.getId(),
                () -> intake.event(EventKind.SPECIALIST_CHOICE, event.getId(), DiscordIntake.where(event.getChannel(), event.getMessageId()),
                        event.getUser().getId(), event.getMember(), chosen, event.getToken(), decision.get(), false),
                () -> calls.queue("deferEdit", event.deferEdit(), hook -> { },
                        DiscordFailures.logging("acknowledge the correction menu", decision.get())),
                () -> calls.queue("reply", event.reply(DiscordIntake.BUSY).setEphemeral(true).setAllowedMentions(DiscordReplies.NO_MENTIONS),
                        hook -> { }, DiscordFailures.logging("say the bot is busy", null)));
    }
}
